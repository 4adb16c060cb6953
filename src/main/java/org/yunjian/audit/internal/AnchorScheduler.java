package org.yunjian.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Writes an anchor every {@code yunjian.audit.anchor-interval} if entries were added since the last one. */
@Configuration
class AnchorScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AnchorScheduler.class);

    private final AuditLog auditLog;
    private final AuditProperties properties;

    AnchorScheduler(AuditLog auditLog, AuditProperties properties) {
        this.auditLog = auditLog;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::anchor, properties.anchorInterval(),
                properties.anchorInterval()));
    }

    void anchor() {
        try {
            log.debug("Scheduled audit anchor: {}", auditLog.anchorNow());
        } catch (RuntimeException e) {
            log.error("Could not write audit anchor", e);
        }
    }
}
