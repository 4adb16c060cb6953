package org.yunjian.monitoring.net;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a connection when its deadline passes, so that a server that answers one byte at a time (each read within
 * the socket's read timeout) still cannot hold a check beyond its deadline: closing the socket ends the blocked read.
 */
final class Watchdog {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Watchdog() {}

    /** Closes {@code connection} after {@code deadline} unless the returned guard is closed first. */
    static Guard closeAfter(Closeable connection, Duration deadline) {
        Guard guard = new Guard();
        guard.task = TIMER.schedule(
                () -> {
                    guard.fired.set(true);
                    closeQuietly(connection);
                },
                Math.max(1, deadline.toMillis()),
                TimeUnit.MILLISECONDS);
        return guard;
    }

    static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // closing what a server left half-open: nothing more to do
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "monitoring-net-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** The pending close; {@link #fired()} tells whether the deadline passed (the failure that followed is a timeout). */
    static final class Guard implements AutoCloseable {
        private final AtomicBoolean fired = new AtomicBoolean();
        private volatile ScheduledFuture<?> task;

        boolean fired() {
            return fired.get();
        }

        @Override
        public void close() {
            ScheduledFuture<?> t = task;
            if (t != null) {
                t.cancel(false);
            }
        }
    }
}
