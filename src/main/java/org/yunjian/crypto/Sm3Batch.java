package org.yunjian.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Function;

/**
 * Hashes many messages with SM3, {@link Sm3Kernel#LANES} at a time through a multi-lane {@link Sm3Kernel}:
 * a lane whose message ends takes the next one, so lanes stay busy while messages come. Each lane reads its
 * message in 64 KiB chunks; padding is added per lane. Meant for many small files; a single long message
 * is faster with {@link FastSm3} (a lane runs at an eighth of the kernel's throughput). Not thread-safe:
 * one instance per thread.
 */
public final class Sm3Batch {

    private static final int[] IV = {0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa,
            0xe38dee4d, 0xb0fb0e4e};
    private static final int CHUNK = 64 * 1024;
    private static final int L = Sm3Kernel.LANES;

    /** A message to hash. */
    public interface Job {
        /** Opens the message; called once, on the hashing thread. */
        InputStream open() throws IOException;

        /** The digest and length, once the message was read to its end. */
        void done(byte[] digest, long length);

        /** Opening or reading failed; the job is dropped. */
        void failed(Exception e);
    }

    private final Sm3Kernel kernel;
    private final int[] state = new int[8 * L];
    private final int[] block = new int[16 * L];
    private final Lane[] lanes = new Lane[L];

    private static final class Lane {
        final byte[] buf = new byte[CHUNK + 64];
        final byte[] tail = new byte[128];
        Job job;
        InputStream in;
        int pos;
        int lim;
        long length;
        boolean eof;
        int tailBlocks = -1; // -1: still reading data; otherwise padded blocks left in tail
        int tailPos;
    }

    public Sm3Batch(Sm3Kernel kernel) {
        this.kernel = kernel;
        for (int i = 0; i < L; i++) {
            lanes[i] = new Lane();
        }
    }

    /**
     * Hashes jobs until none are left. {@code next.apply(true)} may block and returns null when there will
     * be no more jobs; {@code next.apply(false)} must not block and returns null when none is ready now.
     */
    public void run(Function<Boolean, Job> next) {
        int active = 0;
        boolean more = true;
        while (true) {
            for (int l = 0; l < L && more; l++) {
                if (lanes[l].job == null) {
                    Job j = next.apply(active == 0);
                    if (j == null) {
                        if (active == 0) {
                            more = false;
                        }
                        break;
                    }
                    if (start(l, j)) {
                        active++;
                    }
                }
            }
            if (active == 0) {
                if (!more) {
                    return;
                }
                continue;
            }
            for (int l = 0; l < L; l++) {
                if (lanes[l].job != null && !load(l)) {
                    active--; // failed while reading
                }
            }
            kernel.compress(state, block);
            for (int l = 0; l < L; l++) {
                Lane lane = lanes[l];
                if (lane.job != null && lane.tailBlocks == 0) {
                    byte[] d = new byte[32];
                    for (int i = 0; i < 8; i++) {
                        int x = state[i * L + l];
                        d[4 * i] = (byte) (x >>> 24);
                        d[4 * i + 1] = (byte) (x >>> 16);
                        d[4 * i + 2] = (byte) (x >>> 8);
                        d[4 * i + 3] = (byte) x;
                    }
                    Job j = lane.job;
                    long length = lane.length;
                    release(lane);
                    active--;
                    j.done(d, length);
                }
            }
        }
    }

    private boolean start(int l, Job j) {
        Lane lane = lanes[l];
        try {
            lane.in = j.open();
        } catch (IOException | RuntimeException e) {
            j.failed(e);
            return false;
        }
        lane.job = j;
        lane.pos = 0;
        lane.lim = 0;
        lane.length = 0;
        lane.eof = false;
        lane.tailBlocks = -1;
        for (int i = 0; i < 8; i++) {
            state[i * L + l] = IV[i];
        }
        return true;
    }

    private void release(Lane lane) {
        try {
            lane.in.close();
        } catch (IOException ignored) {
            // read to the end already
        }
        lane.in = null;
        lane.job = null;
    }

    /** Puts lane l's next block into {@link #block}; false (and the job failed) on a read error. */
    private boolean load(int l) {
        Lane lane = lanes[l];
        byte[] src;
        int off;
        if (lane.tailBlocks < 0) {
            while (lane.lim - lane.pos < 64 && !lane.eof) {
                int rest = lane.lim - lane.pos;
                System.arraycopy(lane.buf, lane.pos, lane.buf, 0, rest);
                lane.pos = 0;
                lane.lim = rest;
                try {
                    int n = lane.in.readNBytes(lane.buf, rest, CHUNK);
                    if (n < CHUNK) {
                        lane.eof = true; // readNBytes reads a full chunk unless the stream ended
                    }
                    lane.lim += Math.max(n, 0);
                    lane.length += Math.max(n, 0);
                } catch (IOException | RuntimeException e) {
                    Job j = lane.job;
                    release(lane);
                    j.failed(e);
                    return false;
                }
            }
            if (lane.lim - lane.pos >= 64) {
                src = lane.buf;
                off = lane.pos;
                lane.pos += 64;
            } else {
                pad(lane);
                src = lane.tail;
                off = 0;
                lane.tailPos = 64;
                lane.tailBlocks--;
            }
        } else {
            src = lane.tail;
            off = lane.tailPos;
            lane.tailPos += 64;
            lane.tailBlocks--;
        }
        for (int i = 0; i < 16; i++) {
            int p = off + 4 * i;
            block[i * L + l] = (src[p] << 24) | ((src[p + 1] & 0xff) << 16) | ((src[p + 2] & 0xff) << 8) | (src[p + 3] & 0xff);
        }
        return true;
    }

    /** The remaining bytes, 0x80, zeros and the bit length: one or two blocks in {@code tail}. */
    private static void pad(Lane lane) {
        int rest = lane.lim - lane.pos;
        System.arraycopy(lane.buf, lane.pos, lane.tail, 0, rest);
        lane.pos = lane.lim;
        lane.tail[rest] = (byte) 0x80;
        int blocks = rest + 1 + 8 <= 64 ? 1 : 2;
        java.util.Arrays.fill(lane.tail, rest + 1, blocks * 64 - 8, (byte) 0);
        long bits = lane.length << 3;
        for (int i = 0; i < 8; i++) {
            lane.tail[blocks * 64 - 8 + i] = (byte) (bits >>> (56 - 8 * i));
        }
        lane.tailBlocks = blocks;
    }

    /** Digests of in-memory messages, in order (for tests and benchmarks). */
    public static byte[][] digestAll(Sm3Kernel kernel, List<byte[]> messages) {
        byte[][] out = new byte[messages.size()][];
        ArrayDeque<Job> queue = new ArrayDeque<>();
        for (int i = 0; i < messages.size(); i++) {
            int k = i;
            queue.add(new Job() {
                @Override
                public InputStream open() {
                    return new ByteArrayInputStream(messages.get(k));
                }

                @Override
                public void done(byte[] digest, long length) {
                    out[k] = digest;
                }

                @Override
                public void failed(Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        new Sm3Batch(kernel).run(block -> queue.poll());
        return out;
    }
}
