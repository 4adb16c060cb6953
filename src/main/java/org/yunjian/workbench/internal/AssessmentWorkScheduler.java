package org.yunjian.workbench.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.yunjian.shared.cluster.ClusterJobs;

/**
 * Once a day (UTC, as the register counts dates), on one node of the cluster ({@link ClusterJobs}), publishes again
 * what waits because of the date alone ({@link AssessmentWork#publishDated}): each node looks every hour, the first
 * after midnight takes the day's lease.
 */
@Configuration
class AssessmentWorkScheduler implements SchedulingConfigurer {

    static final String JOB = "assessment-work-dates";
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration TICK = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(AssessmentWorkScheduler.class);

    private final AssessmentWork work;
    private final ClusterJobs jobs;

    AssessmentWorkScheduler(AssessmentWork work, ClusterJobs jobs) {
        this.work = work;
        this.jobs = jobs;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::tick, TICK, TICK));
    }

    void tick() {
        try {
            jobs.runOncePerInterval(JOB, DAY, work::publishDated);
        } catch (RuntimeException e) {
            log.error("Could not publish the assessments' dated work", e);
        }
    }
}
