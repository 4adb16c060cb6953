package org.yunjian.crypto;

import java.math.BigInteger;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * An SM2 public key on {@code sm2p256v1} read without BouncyCastle, for the offline commands whose run time
 * includes JVM start: loading BouncyCastle (a signed jar, verified entry by entry) and creating its provider
 * costs 0.6–1.5 s there, verifying one signature with {@link Sm2Verification} a few milliseconds.
 * {@link Verifier#of(PublicKey)} and {@link Sm2#isSm2Key} accept it like a JCA key; {@link #getEncoded()}
 * is the same SubjectPublicKeyInfo DER BouncyCastle writes, so fingerprints do not change.
 */
public final class Sm2PublicKey implements PublicKey {

    private static final long serialVersionUID = 1L;

    /** SubjectPublicKeyInfo prefix: id-ecPublicKey with the named curve sm2p256v1 (1.2.156.10197.1.301), uncompressed point. */
    private static final byte[] PREFIX = {
        0x30,
        0x59,
        0x30,
        0x13,
        0x06,
        0x07,
        0x2a,
        (byte) 0x86,
        0x48,
        (byte) 0xce,
        0x3d,
        0x02,
        0x01,
        0x06,
        0x08,
        0x2a,
        (byte) 0x81,
        0x1c,
        (byte) 0xcf,
        0x55,
        0x01,
        (byte) 0x82,
        0x2d,
        0x03,
        0x42,
        0x00,
        0x04
    };

    private static final int LENGTH = PREFIX.length + 64;

    private final byte[] encoded;
    private final BigInteger x;
    private final BigInteger y;

    private Sm2PublicKey(byte[] encoded, BigInteger x, BigInteger y) {
        this.encoded = encoded;
        this.x = x;
        this.y = y;
    }

    /**
     * Reads a {@code PUBLIC KEY} PEM block holding an SM2 point in the usual encoding (id-ecPublicKey, named
     * curve sm2p256v1, uncompressed point on the curve); null for anything else, which the caller then
     * reads with {@link Pem#readPublicKey(String)}.
     */
    public static Sm2PublicKey readPem(String pem) {
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        int b = pem.indexOf(begin);
        int e = pem.indexOf(end);
        if (b < 0 || e < b || pem.indexOf("-----BEGIN", b + 1) >= 0 && pem.indexOf("-----BEGIN", b + 1) < e) {
            return null;
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder()
                    .decode(pem.substring(b + begin.length(), e).trim());
        } catch (IllegalArgumentException ex) {
            return null;
        }
        return fromEncoded(der);
    }

    /** The key of a SubjectPublicKeyInfo DER in the usual SM2 encoding, or null. */
    public static Sm2PublicKey fromEncoded(byte[] der) {
        if (der.length != LENGTH || !Arrays.equals(der, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
            return null;
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(der, PREFIX.length, PREFIX.length + 32));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(der, PREFIX.length + 32, LENGTH));
        if (!Sm2Verification.onCurve(x, y)) {
            return null;
        }
        return new Sm2PublicKey(der.clone(), x, y);
    }

    BigInteger x() {
        return x;
    }

    BigInteger y() {
        return y;
    }

    @Override
    public String getAlgorithm() {
        return "EC";
    }

    @Override
    public String getFormat() {
        return "X.509";
    }

    @Override
    public byte[] getEncoded() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey k && Arrays.equals(encoded, k.getEncoded());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "SM2 public key (sm2p256v1)";
    }
}
