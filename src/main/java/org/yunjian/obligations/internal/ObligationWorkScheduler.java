package org.yunjian.obligations.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.yunjian.shared.Formats;
import org.yunjian.shared.cluster.ClusterJobs;

/**
 * Once a day — the first look after midnight in the users' zone ({@link Formats#zone()}), once across all nodes on
 * the database ({@link ClusterJobs}: the lease runs to the end of that day) — publishes the obligations due soon or
 * overdue again, so that the passing of a date opens their task (due soon, then overdue) in 我的待办 without anyone
 * touching them. Each node looks every {@code yunjian.lifecycle.work-tick} (15 minutes), the first time one tick
 * after the start.
 */
@Configuration(proxyBeanMethods = false)
public class ObligationWorkScheduler implements SchedulingConfigurer {

    static final String JOB = "lifecycle-obligation-work";
    private static final Logger log = LoggerFactory.getLogger(ObligationWorkScheduler.class);

    private final ObligationWork work;
    private final ClusterJobs jobs;
    private final Duration tick;

    ObligationWorkScheduler(
            ObligationWork work, ClusterJobs jobs, @Value("${yunjian.lifecycle.work-tick:PT15M}") Duration tick) {
        this.work = work;
        this.jobs = jobs;
        this.tick = tick;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::tick, tick, tick));
    }

    /** One node's look: publishes the day's obligations if no node has yet today; whether this one did. */
    public boolean tick() {
        try {
            LocalDate today = work.today();
            Instant endOfDay = today.plusDays(1).atStartOfDay(Formats.zone()).toInstant();
            if (!jobs.acquire(JOB, endOfDay)) {
                return false;
            }
            int n = work.publishObligationsDue();
            log.debug("Published the work of {} obligation(s) due by {}", n, today);
            return true;
        } catch (RuntimeException e) {
            log.error("Could not publish the obligations' work", e);
            return false;
        }
    }
}
