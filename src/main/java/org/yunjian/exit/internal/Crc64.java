package org.yunjian.exit.internal;

import java.util.zip.Checksum;

/**
 * A reflected 64-bit CRC with all-ones initial value and final XOR, slice-by-8. Two are used by object stores:
 * {@link #ecma182()} — CRC-64/XZ, the ECMA-182 polynomial as Aliyun OSS ({@code x-oss-hash-crc64ecma}) and
 * Tencent COS ({@code x-cos-hash-crc64ecma}) compute it (check value of "123456789": 0x995DC9BBDF1939FA,
 * the headers carry it as an unsigned decimal) — and {@link #nvme()}, Amazon S3's CRC64NVME (check value
 * 0xAE8B14860A799888, sent base64 of the 8 big-endian bytes).
 */
public final class Crc64 implements Checksum {

    private static final long[][] ECMA = tables(0xC96C5795D7870F42L);
    private static final long[][] NVME = tables(0x9A6C9329AC4BC9B5L);

    private final long[][] t;
    private long crc = -1L;

    private Crc64(long[][] t) {
        this.t = t;
    }

    public static Crc64 ecma182() {
        return new Crc64(ECMA);
    }

    public static Crc64 nvme() {
        return new Crc64(NVME);
    }

    private static long[][] tables(long reflectedPoly) {
        long[][] t = new long[8][256];
        for (int i = 0; i < 256; i++) {
            long c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ reflectedPoly : c >>> 1;
            }
            t[0][i] = c;
        }
        for (int i = 0; i < 256; i++) {
            for (int s = 1; s < 8; s++) {
                t[s][i] = (t[s - 1][i] >>> 8) ^ t[0][(int) (t[s - 1][i] & 0xff)];
            }
        }
        return t;
    }

    @Override
    public void update(int b) {
        crc = (crc >>> 8) ^ t[0][(int) ((crc ^ b) & 0xff)];
    }

    @Override
    public void update(byte[] b, int off, int len) {
        long c = crc;
        long[] t0 = t[0], t1 = t[1], t2 = t[2], t3 = t[3], t4 = t[4], t5 = t[5], t6 = t[6], t7 = t[7];
        int i = off;
        int end = off + len;
        for (; i + 8 <= end; i += 8) {
            c ^= (b[i] & 0xffL)
                    | (b[i + 1] & 0xffL) << 8
                    | (b[i + 2] & 0xffL) << 16
                    | (b[i + 3] & 0xffL) << 24
                    | (b[i + 4] & 0xffL) << 32
                    | (b[i + 5] & 0xffL) << 40
                    | (b[i + 6] & 0xffL) << 48
                    | (b[i + 7] & 0xffL) << 56;
            c = t7[(int) (c & 0xff)]
                    ^ t6[(int) ((c >>> 8) & 0xff)]
                    ^ t5[(int) ((c >>> 16) & 0xff)]
                    ^ t4[(int) ((c >>> 24) & 0xff)]
                    ^ t3[(int) ((c >>> 32) & 0xff)]
                    ^ t2[(int) ((c >>> 40) & 0xff)]
                    ^ t1[(int) ((c >>> 48) & 0xff)]
                    ^ t0[(int) (c >>> 56)];
        }
        for (; i < end; i++) {
            c = (c >>> 8) ^ t0[(int) ((c ^ b[i]) & 0xff)];
        }
        crc = c;
    }

    /** The CRC of the bytes so far (the final XOR applied). */
    @Override
    public long getValue() {
        return ~crc;
    }

    @Override
    public void reset() {
        crc = -1L;
    }
}
