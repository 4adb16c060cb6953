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
 * What waits on a monitor's alerts, for 我的待办 and the notifications: while any alert of the monitor is not closed,
 * every organisation responsible for the system's security ({@link MonitorAccess#RESPONSIBLE}: the customer, the
 * provider, the security service agents) has one task to handle them (issue 58: one monitored page with several
 * findings is one task per organisation, not one per finding) — the alert's own when one is open, the monitor's
 * with the number open when several are; it says so once an alert opened a supervision incident. Further findings
 * change the task's text in place and notify nobody again; closing the last alert closes it. Published with every
 * change of an alert, inside its transaction, and for every monitor with open alerts when the inbox rebuilds.
 */
@Component
class MonitorWork implements WorkSource {

    static final String SCOPE = "monitor-alerts:";
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
        alerts.monitorsWithOpenAlerts().forEach(this::publishMonitor);
    }

    /** Publishes what waits on the alerts of the alert's monitor as stored now. */
    void publish(Alert a) {
        publishMonitor(a.monitorId());
    }

    private void publishMonitor(UUID monitorId) {
        events.publishEvent(snapshot(monitorId));
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
                                    null)
                            .in(WorkTask.Group.of(RECOVERY + m.id())),
                    at,
                    null));
        }
    }

    WorkSnapshot snapshot(UUID monitorId) {
        List<Alert> open = alerts.notClosed(monitorId);
        if (open.isEmpty()) {
            return WorkSnapshot.nothingWaiting(SCOPE + monitorId);
        }
        String monitor = monitors.find(monitorId).map(m -> m.name()).orElse("");
        List<WorkTask> tasks = new ArrayList<>();
        system(open.get(0).systemId())
                .ifPresent(s -> responsible(s).forEach(org -> tasks.add(handle(org, s, monitorId, monitor, open))));
        return new WorkSnapshot(SCOPE + monitorId, tasks);
    }

    /** One organisation's task for the monitor's open alerts: the alert's own when one is open, else how many. */
    private static WorkTask handle(UUID org, CloudSystem s, UUID monitorId, String monitor, List<Alert> open) {
        boolean incident = open.stream().anyMatch(Alert::hasIncident);
        WorkAddressee to = WorkAddressee.organization(org, s.id());
        if (open.size() == 1) {
            Alert only = open.get(0);
            return new WorkTask(
                    "handle:" + org,
                    incident ? "work.monitoring.alertIncident" : "work.monitoring.alert",
                    List.of("msg:enum.CheckKind." + only.kind().name(), monitor, s.name()),
                    "/monitoring/alerts/" + only.id(),
                    to,
                    null);
        }
        return new WorkTask(
                "handle:" + org,
                incident ? "work.monitoring.alertsIncident" : "work.monitoring.alerts",
                List.of(String.valueOf(open.size()), monitor, s.name()),
                "/monitoring/monitors/" + monitorId + "#monitor-alerts",
                to,
                null);
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
