package org.yunjian.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * one node can do. The next run is the interval later plus up to a tenth of it at random (jitter: a thousand monitors
 * added at once do not all probe in the same second). Probes run on a bounded pool ({@code
 * yunjian.monitoring.concurrency}, 8) with at most {@code yunjian.monitoring.per-host} (2) at a time on one host
 * (politeness); a node takes no more than its pool can queue, and what it does not take another node or its next tick
 * does. The next runs are stored, so a restart resumes where it was.
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

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (enabled) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::tick, tick, tick));
        }
    }

    /** One look: takes the due probes this node has room for and starts them; how many it took. */
    public int tick() {
        int room = pool.getQueue().remainingCapacity();
        if (room == 0) {
            return 0;
        }
        int taken = 0;
        try {
            Instant now = clock.instant();
            for (Monitor m : monitors.due(now, room)) {
                if (!monitors.claim(m.id(), m.nextRunAt(), next(m, now))) {
                    continue;
                }
                try {
                    pool.execute(() -> probe(m));
                    taken++;
                } catch (RejectedExecutionException full) {
                    return taken;
                }
            }
        } catch (RuntimeException e) {
            log.error("Could not start the due monitor probes", e);
        }
        return taken;
    }

    /** The probe's next run: an interval from now plus up to a tenth of it. */
    static Instant next(Monitor m, Instant now) {
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, m.intervalSeconds() * 100L));
        return now.plusSeconds(m.intervalSeconds()).plusMillis(jitter);
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
        } catch (RuntimeException e) {
            log.error("Probe of monitor {} failed", m.id(), e);
        }
    }

    /** Whether no probe is running or waiting (tests, shutdown). */
    boolean idle() {
        return pool.getActiveCount() == 0 && pool.getQueue().isEmpty();
    }

    @Override
    public void destroy() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
