package org.yunjian.shared.cluster;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scheduled jobs that must run once per interval however many application nodes share the database (the audit
 * anchor; reminders). Every node ticks; the tick that takes the job's lease for the current interval runs it,
 * the others skip. Intervals are aligned to the epoch ({@code floor(now / interval)}), so "the current interval"
 * means the same on every node whose clock is right (NTP); the lease is taken with one conditional UPDATE (or,
 * the first time, an INSERT of the job's row), which the database serialises — the same SQL on H2 and
 * PostgreSQL. A node that dies after taking the lease loses that interval's run; the next interval runs again.
 */
@Component
public class ClusterJobs {

    private final ClusterRepository rows;
    private final Clock clock;
    private final String node;

    public ClusterJobs(JdbcClient jdbc, Clock clock) {
        this.rows = new ClusterRepository(jdbc);
        this.clock = clock;
        this.node = nodeName();
    }

    /** This node's name in the lease table: host name, process id and a per-start suffix. */
    public String node() {
        return node;
    }

    /**
     * Runs {@code job} if no node has run the job named {@code name} in the current {@code interval} yet.
     *
     * @return whether this node ran it
     */
    public boolean runOncePerInterval(String name, Duration interval, Runnable job) {
        if (!acquire(name, intervalEnd(clock.instant(), interval))) {
            return false;
        }
        job.run();
        return true;
    }

    /** The end of the epoch-aligned interval that contains {@code now}. */
    static Instant intervalEnd(Instant now, Duration interval) {
        long ms = Math.max(1, interval.toMillis());
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), ms) * ms + ms);
    }

    /** Takes the lease of {@code name} until {@code until} unless a node already holds it that long. */
    public boolean acquire(String name, Instant until) {
        int taken = rows.takeExpiredLease(name, node, until);
        if (taken == 1) {
            return true;
        }
        try {
            return rows.insertLease(name, node, until) == 1;
        } catch (DataIntegrityViolationException anotherNodeInsertedFirst) {
            return false;
        }
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String name = host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
