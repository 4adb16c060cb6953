package org.yunjian.crypto;

/**
 * SM3 (GB/T 32905-2016), hand-tuned for HotSpot: the compression function keeps the state in locals,
 * expands the message on the fly into a 68-word array reused across blocks, reads big-endian words
 * straight from the input array (no copy for whole blocks), uses precomputed rotated round constants, and
 * writes rotations as plain shifts — in a large method {@code Integer.rotateLeft} was seen to stop being
 * inlined and cost 3–4×. The method stays far below HotSpot's 8,000-bytecode compilation limit.
 * Instances are not thread-safe; produce the same digests as {@link Sm3} (checked by a differential test
 * against BouncyCastle).
 */
public final class FastSm3 {

    /** Digest length in bytes. */
    public static final int LENGTH = 32;

    private static final int[] IV = {
        0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e
    };
    private static final int[] T = new int[64];

    static {
        for (int j = 0; j < 64; j++) {
            int t = j < 16 ? 0x79cc4519 : 0x7a879d8a;
            int n = j % 32;
            T[j] = n == 0 ? t : (t << n) | (t >>> (32 - n));
        }
    }

    private final int[] v = new int[8];
    private final int[] w = new int[68];
    private final byte[] block = new byte[64];
    private int blockLen;
    private long total;

    public FastSm3() {
        reset();
    }

    public void reset() {
        System.arraycopy(IV, 0, v, 0, 8);
        blockLen = 0;
        total = 0;
    }

    public FastSm3 update(byte[] in, int off, int len) {
        total += len;
        if (blockLen > 0) {
            int n = Math.min(64 - blockLen, len);
            System.arraycopy(in, off, block, blockLen, n);
            blockLen += n;
            off += n;
            len -= n;
            if (blockLen < 64) {
                return this;
            }
            compress(block, 0);
            blockLen = 0;
        }
        while (len >= 64) {
            compress(in, off);
            off += 64;
            len -= 64;
        }
        if (len > 0) {
            System.arraycopy(in, off, block, 0, len);
            blockLen = len;
        }
        return this;
    }

    public FastSm3 update(byte[] in) {
        return update(in, 0, in.length);
    }

    /** Writes the digest to {@code out[off..off+32)} and resets. */
    public void doFinal(byte[] out, int off) {
        long bits = total << 3;
        block[blockLen++] = (byte) 0x80;
        if (blockLen > 56) {
            java.util.Arrays.fill(block, blockLen, 64, (byte) 0);
            compress(block, 0);
            blockLen = 0;
        }
        java.util.Arrays.fill(block, blockLen, 56, (byte) 0);
        for (int i = 0; i < 8; i++) {
            block[56 + i] = (byte) (bits >>> (56 - 8 * i));
        }
        compress(block, 0);
        for (int i = 0; i < 8; i++) {
            int x = v[i];
            out[off + 4 * i] = (byte) (x >>> 24);
            out[off + 4 * i + 1] = (byte) (x >>> 16);
            out[off + 4 * i + 2] = (byte) (x >>> 8);
            out[off + 4 * i + 3] = (byte) x;
        }
        reset();
    }

    public byte[] digest() {
        byte[] out = new byte[LENGTH];
        doFinal(out, 0);
        return out;
    }

    public static byte[] digest(byte[] data) {
        return new FastSm3().update(data).digest();
    }

    private void compress(byte[] b, int off) {
        int[] w = this.w;
        for (int i = 0; i < 16; i++) {
            int p = off + 4 * i;
            w[i] = (b[p] << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
        }
        for (int j = 16; j < 68; j++) {
            int x = w[j - 16] ^ w[j - 9];
            int r3 = w[j - 3];
            x ^= (r3 << 15) | (r3 >>> 17);
            int r13 = w[j - 13];
            w[j] = x ^ ((x << 15) | (x >>> 17)) ^ ((x << 23) | (x >>> 9)) ^ ((r13 << 7) | (r13 >>> 25)) ^ w[j - 6];
        }
        int a = v[0];
        int bb = v[1];
        int c = v[2];
        int d = v[3];
        int e = v[4];
        int f = v[5];
        int g = v[6];
        int h = v[7];
        for (int j = 0; j < 16; j++) {
            int a12 = (a << 12) | (a >>> 20);
            int s = a12 + e + T[j];
            int ss1 = (s << 7) | (s >>> 25);
            int ss2 = ss1 ^ a12;
            int wj = w[j];
            int tt1 = (a ^ bb ^ c) + d + ss2 + (wj ^ w[j + 4]);
            int tt2 = (e ^ f ^ g) + h + ss1 + wj;
            d = c;
            c = (bb << 9) | (bb >>> 23);
            bb = a;
            a = tt1;
            h = g;
            g = (f << 19) | (f >>> 13);
            f = e;
            e = tt2 ^ ((tt2 << 9) | (tt2 >>> 23)) ^ ((tt2 << 17) | (tt2 >>> 15));
        }
        for (int j = 16; j < 64; j++) {
            int a12 = (a << 12) | (a >>> 20);
            int s = a12 + e + T[j];
            int ss1 = (s << 7) | (s >>> 25);
            int ss2 = ss1 ^ a12;
            int wj = w[j];
            int tt1 = ((a & bb) | (c & (a | bb))) + d + ss2 + (wj ^ w[j + 4]);
            int tt2 = (g ^ (e & (f ^ g))) + h + ss1 + wj;
            d = c;
            c = (bb << 9) | (bb >>> 23);
            bb = a;
            a = tt1;
            h = g;
            g = (f << 19) | (f >>> 13);
            f = e;
            e = tt2 ^ ((tt2 << 9) | (tt2 >>> 23)) ^ ((tt2 << 17) | (tt2 >>> 15));
        }
        v[0] ^= a;
        v[1] ^= bb;
        v[2] ^= c;
        v[3] ^= d;
        v[4] ^= e;
        v[5] ^= f;
        v[6] ^= g;
        v[7] ^= h;
    }
}
