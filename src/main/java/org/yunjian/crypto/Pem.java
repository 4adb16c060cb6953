package org.yunjian.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM text for keys: private keys as unencrypted PKCS#8 ({@code PRIVATE KEY}), public keys as X.509
 * SubjectPublicKeyInfo ({@code PUBLIC KEY}) — the forms OpenSSL 3 and GmSSL read. Protect private key
 * files by file permissions; this class does not encrypt them.
 */
public final class Pem {

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private Pem() {}

    public static String writePrivateKey(PrivateKey key) {
        return write(PRIVATE, key.getEncoded());
    }

    public static String writePublicKey(PublicKey key) {
        return write(PUBLIC, key.getEncoded());
    }

    /** Reads a PKCS#8 {@code PRIVATE KEY} block holding an EC (e.g. SM2) key. */
    public static PrivateKey readPrivateKey(String pem) {
        byte[] der = read(pem, PRIVATE);
        try {
            return KeyFactory.getInstance("EC", SharedProvider.provider())
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new UnsupportedKeyException("not an EC private key: " + e.getMessage());
        }
    }

    /** Reads an X.509 SubjectPublicKeyInfo {@code PUBLIC KEY} block holding an EC (e.g. SM2) key. */
    public static PublicKey readPublicKey(String pem) {
        byte[] der = read(pem, PUBLIC);
        try {
            return KeyFactory.getInstance("EC", SharedProvider.provider()).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new UnsupportedKeyException("not an EC public key: " + e.getMessage());
        }
    }

    private static String write(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter w = new PemWriter(out)) {
            w.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static byte[] read(String pem, String type) {
        try (PemReader r = new PemReader(new StringReader(pem))) {
            PemObject o = r.readPemObject();
            if (o == null) {
                throw new IllegalArgumentException("no PEM block found");
            }
            if (!type.equals(o.getType())) {
                throw new IllegalArgumentException("expected a " + type + " PEM block, found " + o.getType());
            }
            return o.getContent();
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed PEM: " + e.getMessage(), e);
        }
    }
}
