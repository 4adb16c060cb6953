package org.yunjian.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * SM2 signature verification (GB/T 32918.2-2016 §7) on {@code sm2p256v1} with {@link BigInteger} arithmetic in
 * Jacobian coordinates: no BouncyCastle classes, so the offline commands do not pay for loading them (see
 * {@link Sm2PublicKey}). Verification only — it handles no secret, so constant time is not needed.
 * Checked against BouncyCastle's {@code SM2Signer} by a differential test and the GB/T 32918 example.
 * Signatures are DER {@code SEQUENCE {INTEGER r, INTEGER s}} as BouncyCastle writes them; any other
 * encoding (non-minimal, negative, trailing bytes) is rejected.
 */
final class Sm2Verification {

    static final BigInteger P = new BigInteger("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF", 16);
    static final BigInteger A = new BigInteger("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC", 16);
    static final BigInteger B = new BigInteger("28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93", 16);
    static final BigInteger N = new BigInteger("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123", 16);
    static final BigInteger GX = new BigInteger("32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7", 16);
    static final BigInteger GY = new BigInteger("BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0", 16);

    private static final BigInteger TWO = BigInteger.TWO;
    private static final BigInteger THREE = BigInteger.valueOf(3);

    private Sm2Verification() {}

    /** Whether (x, y) is a point of the curve (y² = x³ + ax + b mod p, coordinates in [0, p)). */
    static boolean onCurve(BigInteger x, BigInteger y) {
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
            return false;
        }
        return y.multiply(y)
                        .subtract(x.multiply(x).add(A).multiply(x).add(B))
                        .mod(P)
                        .signum()
                == 0;
    }

    /** Verifies a DER signature of {@code data} under the key and distinguishing identifier. */
    static boolean verify(Sm2PublicKey key, String userId, byte[] data, byte[] signature) {
        BigInteger[] rs = decode(signature);
        if (rs == null) {
            return false;
        }
        BigInteger r = rs[0];
        BigInteger s = rs[1];
        if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        byte[] z = z(userId.getBytes(StandardCharsets.UTF_8), key.x(), key.y());
        BigInteger e = new BigInteger(1, new FastSm3().update(z).update(data).digest());
        BigInteger t = r.add(s).mod(N);
        if (t.signum() == 0) {
            return false;
        }
        BigInteger[] pt = toAffine(sumOfProducts(s, GX, GY, t, key.x(), key.y()));
        if (pt == null) {
            return false;
        }
        return e.add(pt[0]).mod(N).equals(r);
    }

    /** Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A). */
    static byte[] z(byte[] id, BigInteger x, BigInteger y) {
        int bits = id.length * 8;
        FastSm3 h = new FastSm3();
        h.update(new byte[] {(byte) (bits >>> 8), (byte) bits});
        h.update(id);
        for (BigInteger v : new BigInteger[] {A, B, GX, GY, x, y}) {
            h.update(bytes32(v));
        }
        return h.digest();
    }

    private static byte[] bytes32(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    /** DER SEQUENCE of two positive minimal INTEGERs, nothing after it; null otherwise. */
    static BigInteger[] decode(byte[] sig) {
        if (sig == null
                || sig.length < 8
                || sig[0] != 0x30
                || (sig[1] & 0xff) >= 0x80
                || (sig[1] & 0xff) != sig.length - 2) {
            return null;
        }
        BigInteger[] out = new BigInteger[2];
        int pos = 2;
        for (int i = 0; i < 2; i++) {
            if (pos + 2 > sig.length || sig[pos] != 0x02) {
                return null;
            }
            int len = sig[pos + 1] & 0xff;
            pos += 2;
            if (len == 0 || len >= 0x80 || pos + len > sig.length) {
                return null;
            }
            if ((sig[pos] & 0x80) != 0 || len > 1 && sig[pos] == 0 && (sig[pos + 1] & 0x80) == 0) {
                return null; // negative or not minimal
            }
            byte[] v = new byte[len];
            System.arraycopy(sig, pos, v, 0, len);
            out[i] = new BigInteger(1, v);
            pos += len;
        }
        return pos == sig.length ? out : null;
    }

    // Jacobian coordinates (X, Y, Z) ↦ (X/Z², Y/Z³); Z = 0 is the point at infinity.

    /** k1·(x1, y1) + k2·(x2, y2) by Shamir's trick: one doubling per bit. */
    private static BigInteger[] sumOfProducts(
            BigInteger k1, BigInteger x1, BigInteger y1, BigInteger k2, BigInteger x2, BigInteger y2) {
        BigInteger[] p1 = {x1, y1, BigInteger.ONE};
        BigInteger[] p2 = {x2, y2, BigInteger.ONE};
        BigInteger[] both = add(p1, p2);
        BigInteger[] acc = {BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
        for (int i = Math.max(k1.bitLength(), k2.bitLength()) - 1; i >= 0; i--) {
            acc = twice(acc);
            boolean b1 = k1.testBit(i);
            boolean b2 = k2.testBit(i);
            if (b1 && b2) {
                acc = add(acc, both);
            } else if (b1) {
                acc = add(acc, p1);
            } else if (b2) {
                acc = add(acc, p2);
            }
        }
        return acc;
    }

    /** Doubling for a = -3 (dbl-2001-b). */
    static BigInteger[] twice(BigInteger[] p) {
        if (p[2].signum() == 0 || p[1].signum() == 0) {
            return new BigInteger[] {BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
        }
        BigInteger delta = p[2].multiply(p[2]).mod(P);
        BigInteger gamma = p[1].multiply(p[1]).mod(P);
        BigInteger beta = p[0].multiply(gamma).mod(P);
        BigInteger alpha =
                THREE.multiply(p[0].subtract(delta)).multiply(p[0].add(delta)).mod(P);
        BigInteger x3 = alpha.multiply(alpha).subtract(beta.shiftLeft(3)).mod(P);
        BigInteger z3 = p[1].add(p[2]).pow(2).subtract(gamma).subtract(delta).mod(P);
        BigInteger y3 = alpha.multiply(beta.shiftLeft(2).subtract(x3))
                .subtract(gamma.multiply(gamma).shiftLeft(3))
                .mod(P);
        return new BigInteger[] {x3, y3, z3};
    }

    /** General addition (add-2007-bl), falling back to doubling for equal points. */
    static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
        if (p[2].signum() == 0) {
            return q;
        }
        if (q[2].signum() == 0) {
            return p;
        }
        BigInteger z1z1 = p[2].multiply(p[2]).mod(P);
        BigInteger z2z2 = q[2].multiply(q[2]).mod(P);
        BigInteger u1 = p[0].multiply(z2z2).mod(P);
        BigInteger u2 = q[0].multiply(z1z1).mod(P);
        BigInteger s1 = p[1].multiply(q[2]).multiply(z2z2).mod(P);
        BigInteger s2 = q[1].multiply(p[2]).multiply(z1z1).mod(P);
        BigInteger h = u2.subtract(u1).mod(P);
        BigInteger r = s2.subtract(s1).shiftLeft(1).mod(P);
        if (h.signum() == 0) {
            return r.signum() == 0 ? twice(p) : new BigInteger[] {BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
        }
        BigInteger i = h.shiftLeft(1).pow(2).mod(P);
        BigInteger j = h.multiply(i).mod(P);
        BigInteger v = u1.multiply(i).mod(P);
        BigInteger x3 = r.multiply(r).subtract(j).subtract(v.multiply(TWO)).mod(P);
        BigInteger y3 =
                r.multiply(v.subtract(x3)).subtract(s1.multiply(j).shiftLeft(1)).mod(P);
        BigInteger z3 =
                p[2].add(q[2]).pow(2).subtract(z1z1).subtract(z2z2).multiply(h).mod(P);
        return new BigInteger[] {x3, y3, z3};
    }

    /** (x, y), or null for the point at infinity. */
    static BigInteger[] toAffine(BigInteger[] p) {
        if (p[2].signum() == 0) {
            return null;
        }
        BigInteger zi = p[2].modInverse(P);
        BigInteger zi2 = zi.multiply(zi).mod(P);
        return new BigInteger[] {
            p[0].multiply(zi2).mod(P), p[1].multiply(zi2).multiply(zi).mod(P)
        };
    }
}
