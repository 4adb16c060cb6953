package org.yunjian.inbox.internal;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yunjian.shared.cluster.ClusterJobs;
import org.yunjian.shared.work.WorkSource;

/**
 * Rebuilds the inbox when a server starts (not for a command-line run): every {@link WorkSource} publishes what
 * waits on each of its objects; tasks the inbox holds keep their identity, what is new opens quietly, what no
 * source listed closes. Of nodes starting together only the one that takes the job's lease rebuilds (the lease
 * lasts {@link #LEASE}); each snapshot is applied in a short transaction of its own.
 */
@Component
@ConditionalOnWebApplication
class InboxRebuild {

    static final String JOB = "inbox-rebuild";
    static final Duration LEASE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(InboxRebuild.class);

    private final Inbox inbox;
    private final ObjectProvider<WorkSource> sources;
    private final ClusterJobs jobs;
    private final Clock clock;

    InboxRebuild(Inbox inbox, ObjectProvider<WorkSource> sources, ClusterJobs jobs, Clock clock) {
        this.inbox = inbox;
        this.sources = sources;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * At start, under the lease. The inbox is derived from the modules' objects: a rebuild that fails (the lease
     * table, a closing snapshot) is logged and the node serves all the same — the tasks stay as they were, and the
     * next change of each object publishes its snapshot again. Thrown, it would stop the whole server from starting.
     */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        try {
            if (jobs.acquire(JOB, clock.instant().plus(LEASE))) {
                rebuild();
            }
        } catch (RuntimeException e) {
            log.error("The inbox was not rebuilt at start; it stays as it was", e);
        }
    }

    /**
     * Rebuilds from every source; a source that fails is logged and the others still publish (nothing is then
     * closed for not being listed: the failed source's tasks stay as they were).
     */
    void rebuild() {
        inbox.rebuild(() -> {
            boolean all = true;
            for (WorkSource source : sources.orderedStream().toList()) {
                try {
                    source.publishAll();
                } catch (RuntimeException e) {
                    all = false;
                    log.warn(
                            "The inbox could not rebuild from {}: {}",
                            source.getClass().getSimpleName(),
                            e.toString());
                }
            }
            return all;
        });
    }
}
