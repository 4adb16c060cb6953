package org.yunjian.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SM3 hash (GB/T 32905-2016). Static one-shot helpers, or an incremental instance for streams.
 * Instances are not thread-safe; the static methods are. Computed by {@link FastSm3} (no BouncyCastle classes
 * are loaded, which matters for the offline commands' start-up).
 */
public final class Sm3 {

    /** Digest length in bytes. */
    public static final int LENGTH = 32;

    private final FastSm3 digest = new FastSm3();

    private Sm3() {}

    /** A fresh incremental hasher. */
    public static Sm3 newHasher() {
        return new Sm3();
    }

    public Sm3 update(byte[] data) {
        return update(data, 0, data.length);
    }

    public Sm3 update(byte[] data, int offset, int length) {
        digest.update(data, offset, length);
        return this;
    }

    /** Finishes and resets the hasher. */
    public Sm3Digest finish() {
        byte[] out = new byte[LENGTH];
        digest.doFinal(out, 0);
        return Sm3Digest.of(out);
    }

    public static Sm3Digest digest(byte[] data) {
        return newHasher().update(data).finish();
    }

    public static Sm3Digest digest(String utf8) {
        return digest(utf8.getBytes(StandardCharsets.UTF_8));
    }

    /** Digest of everything {@code in} yields; reads in 64 KiB chunks and does not close the stream. */
    public static Sm3Digest digest(InputStream in) throws IOException {
        Sm3 h = newHasher();
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            h.update(buf, 0, n);
        }
        return h.finish();
    }

    /** Digest of a file's content. */
    public static Sm3Digest digest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return digest(in);
        }
    }

    /** Lower-case hex of the SM3 digest of {@code data}. */
    public static String hex(byte[] data) {
        return digest(data).hex();
    }
}
