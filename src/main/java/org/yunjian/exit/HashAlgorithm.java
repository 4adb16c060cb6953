package org.yunjian.exit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.yunjian.crypto.FastSm3;

/** The file checksum algorithms of a manifest: SM3 (GB/T 32905, the default; {@link FastSm3}) or SHA-256 (the JDK's). */
public enum HashAlgorithm {
    SM3("sm3"),
    SHA256("sha256");

    private final String id;

    HashAlgorithm(String id) {
        this.id = id;
    }

    /** The name used in manifests and on the command line. */
    public String id() {
        return id;
    }

    /** Parses {@code sm3} or {@code sha256} (also {@code sha-256}); anything else is rejected by name. */
    public static HashAlgorithm parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace("-", "");
        for (HashAlgorithm a : values()) {
            if (a.id.equals(n)) {
                return a;
            }
        }
        throw new InvalidInputException("exit.algorithm.unknown", String.valueOf(name));
    }

    /** A fresh incremental hasher; not thread-safe. */
    public Hasher newHasher() {
        if (this == SM3) {
            FastSm3 d = new FastSm3();
            return new Hasher() {
                @Override
                public void update(byte[] b, int off, int len) {
                    d.update(b, off, len);
                }

                @Override
                public byte[] finish() {
                    return d.digest();
                }
            };
        }
        try {
            MessageDigest md = (MessageDigest) Sha256.PROTOTYPE.clone();
            return new Hasher() {
                @Override
                public void update(byte[] b, int off, int len) {
                    md.update(b, off, len);
                }

                @Override
                public byte[] finish() {
                    return md.digest();
                }
            };
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cloning a fresh digest skips the provider look-up of {@code getInstance}, once per file otherwise. */
    private static final class Sha256 {
        static final MessageDigest PROTOTYPE;

        static {
            try {
                PROTOTYPE = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Incremental hash computation. */
    public interface Hasher {
        void update(byte[] b, int off, int len);

        byte[] finish();
    }
}
