package org.yunjian.exit.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs tasks on a small pool and hands their results to a consumer in submission order, with a bounded
 * window of tasks in flight (so memory stays flat however many tasks pass through). {@code threads <= 0}
 * means one per available processor.
 */
public final class Ordered<R> implements AutoCloseable {

    private final ExecutorService pool;
    private final ArrayDeque<Future<R>> window = new ArrayDeque<>();
    private final int limit;
    private final Consumer<R> sink;

    public Ordered(int threads, Consumer<R> sink) {
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.pool = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, "yunjian-hash");
            th.setDaemon(true);
            return th;
        });
        this.limit = 16 * t;
        this.sink = sink;
    }

    public void submit(Callable<R> task) {
        window.add(pool.submit(task));
        while (window.size() > limit) {
            drainOne();
        }
    }

    /** A result that needs no work, kept in order with the others. */
    public void submitDone(R result) {
        window.add(CompletableFuture.completedFuture(result));
        while (window.size() > limit) {
            drainOne();
        }
    }

    public void drain() {
        while (!window.isEmpty()) {
            drainOne();
        }
    }

    private void drainOne() {
        Future<R> f = window.poll();
        try {
            sink.accept(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
