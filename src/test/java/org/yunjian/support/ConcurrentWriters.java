package org.yunjian.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.version.StaleVersionException;

/**
 * Two (or more) writers of the same version of a record, started at the same moment on their own threads: optimistic
 * locking lets exactly one win and refuses the others as stale ({@link StaleVersionException}, or the 409 of a
 * one-time step a writer found already done, {@link ConflictException}). Any other outcome —
 * two winners, an unexpected exception, a writer that never finishes — fails the test.
 */
public final class ConcurrentWriters {

    private ConcurrentWriters() {}

    /**
     * Runs {@code writers} at once and checks that exactly one returned and every other was refused (409).
     *
     * @return the position of the winner in {@code writers}
     */
    public static int exactlyOneWins(List<? extends Callable<?>> writers) throws Exception {
        CyclicBarrier start = new CyclicBarrier(writers.size());
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<?> w : writers) {
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        w.call();
                        return true;
                    } catch (ConflictException e) {
                        // stale version, or — for a one-time step read after the winner's commit — already done
                        return false;
                    }
                }));
            }
            List<Integer> won = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).get(60, TimeUnit.SECONDS)) {
                    won.add(i);
                }
            }
            assertThat(won).as("writers that saved over the same version").hasSize(1);
            return won.get(0);
        } finally {
            pool.shutdownNow();
        }
    }
}
