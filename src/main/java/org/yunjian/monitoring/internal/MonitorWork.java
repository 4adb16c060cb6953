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
import org.yunjian.monitoring.AlertAddressees;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.Monitor;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.responsibility.AccountableParties;
import org.yunjian.shared.work.Notice;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkSource;
import org.yunjian.shared.work.WorkTask;

/**
 * What waits on a monitor's alerts, for 我的待办 and the notifications: while any alert of the monitor is not closed,
 * every organisation tasked with the system's alerts ({@link AlertAddressees}: the customer, its security service
 * agents, and whoever the approved matrix makes accountable for the application's security) has one task to handle
 * them (issue 58: one monitored page with several findings is one task per organisation, not one per finding) — the
 * alert's own when one is open, the monitor's with the number open when several are; it says so once an alert opened a
 * supervision incident. Further findings change the task's text in place and notify nobody again; closing the last
 * alert closes it. The provider, when not tasked, gets a notice of tampering and unavailability (issue 59: 7.3.7 b) 1)
 * has the customer report them to it) and nothing in 我的待办. Published with every change of an alert, inside its
 * transaction, and for every monitor with open alerts when the inbox rebuilds.
 */
@Component
class MonitorWork implements WorkSource {

    static final String SCOPE = "monitor-alerts:";
    /** The scope of an alert's recovery notices. */
    static final String RECOVERY = "monitor-recovery:";
    /** The scope of the notice to the provider that an alert was raised. */
    static final String TOLD = "monitor-told:";

    private final AlertRepository alerts;
    private final MonitorRepository monitors;
    private final Parties parties;
    private final AccountableParties accountable;
    private final ApplicationEventPublisher events;

    MonitorWork(
            AlertRepository alerts,
            MonitorRepository monitors,
            Parties parties,
            AccountableParties accountable,
            ApplicationEventPublisher events) {
        this.alerts = alerts;
        this.monitors = monitors;
        this.parties = parties;
        this.accountable = accountable;
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
        for (UUID org : addressees(system.get(), a.kind()).all()) {
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

    /**
     * The notice to the organisations told of a new alert but not tasked with it — the provider, of tampering and
     * unavailability (7.3.7 b) 1)): a {@link Notice} each, delivered in the application, by e-mail and to the robots;
     * nothing waits in 我的待办.
     */
    void openedNotice(Alert a, Monitor m) {
        Optional<CloudSystem> system = system(a.systemId());
        if (system.isEmpty()) {
            return;
        }
        for (UUID org : addressees(system.get(), a.kind()).told()) {
            events.publishEvent(new Notice(
                    UUID.randomUUID(),
                    TOLD + a.id(),
                    new WorkTask(
                                    "told:" + org,
                                    "work.monitoring.told",
                                    List.of(
                                            "msg:enum.CheckKind." + a.kind().name(),
                                            m.name(),
                                            system.get().name()),
                                    "/monitoring/alerts/" + a.id(),
                                    WorkAddressee.organization(org, system.get().id()),
                                    null)
                            .in(WorkTask.Group.of(TOLD + m.id())),
                    a.openedAt(),
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
        system(open.get(0).systemId()).ifPresent(s -> addressees(s, null)
                .tasked()
                .forEach(org -> tasks.add(handle(org, s, monitorId, monitor, open))));
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

    /** Who an alert of {@code kind} on the system reaches (null: the monitor's tasks). */
    AlertAddressees addressees(CloudSystem s, CheckKind kind) {
        return AlertAddressees.of(
                s,
                accountable.approvedAccountableForPlatformWork(s.id(), List.of(AlertAddressees.APPLICATION_SECURITY)),
                kind);
    }

    /** The customer, the provider and the security agents of the system (told of the monthly report). */
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
