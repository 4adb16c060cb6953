package org.yunjian.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.yunjian.monitoring.Monitor;

/**
 * Runs the monitors' probes when due, on every node, each probe exactly once across them: a node takes a due probe by
 * moving the monitor's next run in the database from the time it read ({@link MonitorRepository#claim}), which only
 * one node can do. After a monitor's first probe its next is placed at random between half an interval and one and a
 * half later (monitors added together spread out over an interval); after that the next run is an interval after the
 * probe was due, give or take a twentieth of it (jitter; the mean period stays the interval). Probes run on a bounded pool ({@code yunjian.monitoring.concurrency}, 8) with at most {@code
 * yunjian.monitoring.per-host} (2) at a time on one host (politeness); a node takes no more than its pool can queue,
 * and what it leaves another node takes, or this one as soon as its queue has drained (not only at its next tick:
 * 2,000 pages every 5 minutes are more than one queue per tick). The next runs are stored, so a restart resumes.
 */
@Configuration(proxyBeanMethods = false)
class MonitorScheduler implements SchedulingConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MonitorScheduler.class);

    private final MonitorRepository monitors;
    private final ProbeService probes;
    private final Clock clock;
    private final Duration tick;
    private final boolean enabled;
    private final int perHost;
    private final ThreadPoolExecutor pool;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final AtomicBoolean looking = new AtomicBoolean();
    /**
     * Probes handed to the pool and not yet ended (the pool's own active count misses a task between its queue and its
     * worker).
     */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    /** Whether the last look left due probes behind for want of room. */
    private volatile boolean backlog;
    /**
     * Whether the application is ready: until then the server holds every request (the readiness gate), so a probe of
     * a site the platform serves itself (the demo's sample site) would wait out its timeout and be recorded as one.
     */
    private volatile boolean ready;

    MonitorScheduler(
            MonitorRepository monitors,
            ProbeService probes,
            Clock clock,
            @Value("${yunjian.monitoring.tick:PT5S}") Duration tick,
            @Value("${yunjian.monitoring.scheduler:true}") boolean enabled,
            @Value("${yunjian.monitoring.concurrency:8}") int concurrency,
            @Value("${yunjian.monitoring.per-host:2}") int perHost) {
        this.monitors = monitors;
        this.probes = probes;
        this.clock = clock;
        this.tick = tick;
        this.enabled = enabled;
        this.perHost = perHost;
        this.pool = new ThreadPoolExecutor(
                concurrency,
                concurrency,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(concurrency * 4),
                r -> {
                    Thread t = new Thread(r, "monitor-probe");
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void ready() {
        ready = true;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (enabled) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::look, tick, tick));
        }
    }

    /**
     * One look, unless another is under way on this node: the tick's, or a probe's that ended while more were due
     * than the last look had room for.
     */
    void look() {
        if (ready && looking.compareAndSet(false, true)) {
            try {
                tick();
            } finally {
                looking.set(false);
            }
        }
    }

    /**
     * Takes the due probes this node has room for and starts them, batch after batch while the pool has room; how
     * many it took. When due probes are left behind for want of room, the probes that end look again as soon as the
     * queue has drained (the backlog), so that a node's rate is its pool's, not one queue per tick.
     */
    public int tick() {
        int taken = 0;
        try {
            while (true) {
                int room = pool.getQueue().remainingCapacity();
                if (room == 0) {
                    backlog = true;
                    return taken;
                }
                Instant now = clock.instant();
                List<Monitor> due = monitors.due(now, room);
                for (Monitor m : due) {
                    Instant next = next(m, now);
                    if (!monitors.claim(m.id(), m.nextRunAt(), next)) {
                        continue;
                    }
                    inFlight.incrementAndGet();
                    try {
                        pool.execute(() -> {
                            try {
                                probe(m);
                            } finally {
                                inFlight.decrementAndGet();
                            }
                        });
                        taken++;
                    } catch (RejectedExecutionException full) {
                        inFlight.decrementAndGet();
                        // another look filled the queue first: the probe goes back to being due, not missed
                        monitors.claim(m.id(), next, m.nextRunAt());
                        backlog = true;
                        return taken;
                    }
                }
                if (due.size() < room) {
                    backlog = false;
                    return taken;
                }
            }
        } catch (RuntimeException e) {
            log.error("Could not start the due monitor probes", e);
        }
        return taken;
    }

    /**
     * The probe's next run. After a monitor's first probe (at once when it was added) at random between half an
     * interval and one and a half later (an interval on average), so that monitors added together — a site's thousand pages imported at once — spread
     * over an interval instead of probing in the same minutes ever after. Then an interval after the probe was due,
     * give or take a twentieth of it (jitter, while the mean period stays the interval); a probe that started over
     * half an interval late (a node down, a backlog) starts its rhythm again from now.
     */
    static Instant next(Monitor m, Instant now) {
        long interval = m.intervalSeconds() * 1000L;
        if (m.lastRunAt() == null) {
            return now.plusMillis(interval / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, interval)));
        }
        long spread = Math.max(2, interval / 10);
        long jitter = ThreadLocalRandom.current().nextLong(spread) - spread / 2;
        Instant due = m.nextRunAt();
        Instant from = due != null && due.isAfter(now.minusMillis(interval / 2)) ? due : now;
        return from.plusMillis(interval + jitter);
    }

    private void probe(Monitor m) {
        Semaphore host = hosts.computeIfAbsent(m.url().getHost().toLowerCase(Locale.ROOT), h -> new Semaphore(perHost));
        try {
            host.acquire();
            try {
                probes.run(m);
            } finally {
                host.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            log.error("Probe of monitor {} failed", m.id(), e);
        }
        if (backlog && pool.getQueue().isEmpty()) {
            look();
        }
    }

    /** Whether no probe is running or waiting (tests, shutdown). */
    boolean idle() {
        return inFlight.get() == 0;
    }

    @Override
    public void destroy() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
