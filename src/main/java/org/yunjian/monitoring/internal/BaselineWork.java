package org.yunjian.monitoring.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunjian.monitoring.Monitor;
import org.yunjian.party.Parties;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkSource;
import org.yunjian.shared.work.WorkTask;

/**
 * What waits on a monitor without an approved baseline: its system's customer, who alone approves one
 * ({@link MonitorAccess#approve}), has a task to approve the page's content — until then no change of the page can
 * be judged tampering. Published when a monitor is added, approved or deleted, inside that transaction, and for
 * every such monitor when the inbox rebuilds.
 */
@Component
class BaselineWork implements WorkSource {

    static final String SCOPE = "monitor-baseline:";

    private final MonitorRepository monitors;
    private final Parties parties;
    private final ApplicationEventPublisher events;

    BaselineWork(MonitorRepository monitors, Parties parties, ApplicationEventPublisher events) {
        this.monitors = monitors;
        this.parties = parties;
        this.events = events;
    }

    @Override
    public void publishAll() {
        monitors.withoutBaseline().forEach(this::publish);
    }

    /** Publishes what waits on the monitor as stored now (nothing once it is deleted or has a baseline). */
    void publish(UUID monitorId) {
        events.publishEvent(snapshot(monitorId));
    }

    WorkSnapshot snapshot(UUID monitorId) {
        Monitor m = monitors.find(monitorId).orElse(null);
        if (m == null || monitors.currentBaseline(monitorId).isPresent()) {
            return WorkSnapshot.nothingWaiting(SCOPE + monitorId);
        }
        return new WorkSnapshot(
                SCOPE + monitorId,
                parties.systemForPlatformWork(m.systemId())
                        .map(s -> List.of(new WorkTask(
                                "approve:" + s.customerId(),
                                "work.monitoring.baseline",
                                List.of(m.name(), s.name()),
                                "/monitoring/monitors/" + m.id(),
                                WorkAddressee.organization(s.customerId(), s.id()),
                                null)))
                        .orElse(List.of()));
    }
}
