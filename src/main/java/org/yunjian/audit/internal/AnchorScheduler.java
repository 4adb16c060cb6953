package org.yunjian.audit.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.yunjian.shared.cluster.ClusterJobs;

/**
 * Writes an anchor once per {@code yunjian.audit.anchor-interval} if entries were added since the last one — once
 * across all application nodes on the database: each node looks four times per interval, and the one that takes
 * the interval's lease ({@link ClusterJobs}) writes the anchor.
 */
@Configuration
class AnchorScheduler implements SchedulingConfigurer {

    static final String JOB = "audit-anchor";
    private static final Logger log = LoggerFactory.getLogger(AnchorScheduler.class);

    private final AuditLog auditLog;
    private final AuditProperties properties;
    private final ClusterJobs jobs;

    AnchorScheduler(AuditLog auditLog, AuditProperties properties, ClusterJobs jobs) {
        this.auditLog = auditLog;
        this.properties = properties;
        this.jobs = jobs;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration interval = properties.anchorInterval();
        Duration tick = interval.dividedBy(4).isZero() ? interval : interval.dividedBy(4);
        registrar.addFixedDelayTask(new FixedDelayTask(this::tick, tick, interval));
    }

    /** One node's look: anchors if this node is the first in the current interval. */
    void tick() {
        try {
            jobs.runOncePerInterval(JOB, properties.anchorInterval(), this::anchor);
        } catch (RuntimeException e) {
            log.error("Could not take the audit anchor lease", e);
        }
    }

    /** Anchors if there are entries since the last anchor. */
    void anchor() {
        try {
            log.debug("Scheduled audit anchor: {}", auditLog.anchorNow());
        } catch (RuntimeException e) {
            log.error("Could not write audit anchor", e);
        }
    }
}
