package org.yunjian.monitoring.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Work over a list with at most a few items at once, on daemon threads that end with the call: the probes' fetches of
 * one page's links or resources. Each item's work must end by itself (every fetch has its deadline), so the whole ends
 * within about {@code items / concurrency} deadlines.
 */
final class Bounded {

    private Bounded() {}

    /** {@code work} applied to each item, at most {@code concurrency} at once; results in the items' order. */
    static <T, R> List<R> map(List<T> items, int concurrency, Function<T, R> work) {
        if (items.isEmpty()) {
            return List.of();
        }
        int threads = Math.max(1, Math.min(concurrency, items.size()));
        if (threads == 1) {
            return items.stream().map(work).toList();
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "monitoring-probe-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Callable<R>> tasks = new ArrayList<>();
            for (T item : items) {
                tasks.add(() -> work.apply(item));
            }
            List<R> out = new ArrayList<>(items.size());
            for (Future<R> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException(failed.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
