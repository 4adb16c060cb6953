package org.yunjian.exit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import org.yunjian.crypto.Hex;
import org.yunjian.crypto.Sm3Batch;
import org.yunjian.crypto.Sm3Kernel;

/**
 * SM3 of many small files at once: worker threads each run an {@link Sm3Batch} (eight files per vector
 * step) fed from one queue; {@link #hash} blocks its caller until its file is done. Used by verification
 * for files up to {@link #MAX_SIZE} when the JVM runs with {@code --add-modules jdk.incubator.vector
 * -Dyunjian.sm3.lanes=true} (off by default, see {@link Sm3Kernel#enabled()}); larger files keep the scalar
 * {@code FastSm3}, since a lane runs at an eighth of the kernel's throughput and one long file would hold
 * it up.
 */
public final class LaneHasher implements AutoCloseable {

    /** Files larger than this are hashed by the calling thread with the scalar code. */
    public static final long MAX_SIZE = 1 << 20;

    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread[] workers;

    private LaneHasher(int threads) {
        workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            Sm3Batch batch = new Sm3Batch(Sm3Kernel.vector());
            workers[i] = new Thread(() -> batch.run(this::next), "yunjian-sm3-lanes");
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    /** Workers for {@code threads} cores, or null unless the vector kernel is {@linkplain Sm3Kernel#enabled() enabled}. */
    public static LaneHasher start(int threads) {
        return Sm3Kernel.enabled() ? new LaneHasher(Math.max(1, threads)) : null;
    }

    private Sm3Batch.Job next(boolean block) {
        try {
            Object o = block ? queue.take() : queue.poll();
            if (o == END) {
                queue.add(END); // for the other workers
                return null;
            }
            return (Sm3Batch.Job) o;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether {@link #hash} takes this item (SM3, known size up to {@link #MAX_SIZE}). */
    public static boolean suits(Source.Item item) {
        return item.error() == null && item.size() >= 0 && item.size() <= MAX_SIZE;
    }

    /** Hashes the item on the lanes and waits for the result. */
    public Hashing.Hashed hash(Source source, Source.Item item) {
        CompletableFuture<Hashing.Hashed> result = new CompletableFuture<>();
        queue.add(new Sm3Batch.Job() {
            @Override
            public InputStream open() throws IOException {
                return source.open(item);
            }

            @Override
            public void done(byte[] digest, long length) {
                result.complete(new Hashing.Hashed(item, Hex.encode(digest), length, null, null));
            }

            @Override
            public void failed(Exception e) {
                result.complete(new Hashing.Hashed(item, null, -1, null, "unreadable: " + Hashing.describe(e)));
            }
        });
        return result.join();
    }

    @Override
    public void close() {
        queue.add(END);
    }
}
