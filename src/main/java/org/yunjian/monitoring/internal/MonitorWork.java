package org.yunjian.monitoring.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunjian.monitoring.Alert;
import org.yunjian.monitoring.Monitor;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.shared.work.Notice;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkSource;
import org.yunjian.shared.work.WorkTask;

/**
 * What waits on a monitor's alert, for 我的待办 and the notifications: while it is not closed, every organisation
 * responsible for the system's security ({@link MonitorAccess#RESPONSIBLE}: the customer, the provider, the security
 * service agents) has a task to handle it, which says so once the alert opened a supervision incident; closing it
 * closes them. Published with every change of the alert, inside
 * its transaction, and for every open alert when the inbox rebuilds.
 */
@Component
class MonitorWork implements WorkSource {

    static final String SCOPE = "monitor-alert:";
    /** The scope of an alert's recovery notices. */
    static final String RECOVERY = "monitor-recovery:";

    private final AlertRepository alerts;
    private final MonitorRepository monitors;
    private final Parties parties;
    private final ApplicationEventPublisher events;

    MonitorWork(AlertRepository alerts, MonitorRepository monitors, Parties parties, ApplicationEventPublisher events) {
        this.alerts = alerts;
        this.monitors = monitors;
        this.parties = parties;
        this.events = events;
    }

    /** Outside a transaction of its own: the inbox applies each snapshot in a short one (docs/modules/inbox.md). */
    @Override
    public void publishAll() {
        alerts.openIds().forEach(id -> alerts.find(id).ifPresent(this::publish));
    }

    /** Publishes what waits on the alert as stored now. */
    void publish(Alert a) {
        events.publishEvent(snapshot(a));
    }

    /**
     * The notice that the alert closed itself on recovery (恢复), to the organisations that were told of it: a
     * {@link Notice} each — delivered in the application, by e-mail and to the robots; nothing waits in 我的待办.
     */
    void recoveryNotice(Alert a, Monitor m) {
        Optional<CloudSystem> system = system(a.systemId());
        if (system.isEmpty()) {
            return;
        }
        String outage = a.outage() == null ? "" : WorkTask.message(Alert.outageText(a.outage()));
        Instant at = a.closedAt() == null ? a.lastSeenAt() : a.closedAt();
        for (UUID org : responsible(system.get())) {
            events.publishEvent(new Notice(
                    UUID.randomUUID(),
                    RECOVERY + a.id(),
                    new WorkTask(
                            "recovered:" + org,
                            "work.monitoring.recovered",
                            List.of(
                                    "msg:enum.CheckKind." + a.kind().name(),
                                    m.name(),
                                    system.get().name(),
                                    outage),
                            "/monitoring/alerts/" + a.id(),
                            WorkAddressee.organization(org, system.get().id()),
                            null),
                    at,
                    null));
        }
    }

    WorkSnapshot snapshot(Alert a) {
        if (a.status().closed()) {
            return WorkSnapshot.nothingWaiting(SCOPE + a.id());
        }
        Optional<CloudSystem> system = system(a.systemId());
        String monitor = monitors.find(a.monitorId()).map(m -> m.name()).orElse("");
        List<WorkTask> tasks = new ArrayList<>();
        system.ifPresent(s -> responsible(s)
                .forEach(org -> tasks.add(new WorkTask(
                        "handle:" + org,
                        a.hasIncident() ? "work.monitoring.alertIncident" : "work.monitoring.alert",
                        List.of("msg:enum.CheckKind." + a.kind().name(), monitor, s.name()),
                        "/monitoring/alerts/" + a.id(),
                        WorkAddressee.organization(org, s.id()),
                        null))));
        return new WorkSnapshot(SCOPE + a.id(), tasks);
    }

    /** The system, read as the platform: a probe runs without a caller. */
    Optional<CloudSystem> system(UUID systemId) {
        return parties.systemForPlatformWork(systemId);
    }

    /** The customer, the provider and the security agents of the system. */
    static Set<UUID> responsible(CloudSystem s) {
        Set<UUID> out = new LinkedHashSet<>();
        out.add(s.customerId());
        if (s.providerId() != null) {
            out.add(s.providerId());
        }
        s.agents().stream()
                .filter(g -> MonitorAccess.RESPONSIBLE.contains(g.role()))
                .forEach(g -> out.add(g.organizationId()));
        return out;
    }
}
