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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
    /** The scope of the notice to the provider that the customer reported an alert to it. */
    static final String REPORTED = "monitor-reported:";

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

    /**
     * The notice to the system's provider that the customer recorded reporting the alert to it (7.3.7 b) 1)): a
     * {@link Notice} with what was reported, unless the provider was told of the alert or tasked with it already (then
     * it has heard); nothing waits in 我的待办.
     */
    void reportedNotice(Alert a, String note, Instant at) {
        Optional<CloudSystem> system = system(a.systemId());
        if (system.isEmpty() || system.get().providerId() == null) {
            return;
        }
        UUID provider = system.get().providerId();
        if (addressees(system.get(), a.kind()).all().contains(provider)) {
            return;
        }
        String monitor = monitors.find(a.monitorId()).map(Monitor::name).orElse("");
        events.publishEvent(new Notice(
                UUID.randomUUID(),
                REPORTED + a.id(),
                new WorkTask(
                                "reported:" + provider,
                                "work.monitoring.reported",
                                List.of(
                                        "msg:enum.CheckKind." + a.kind().name(),
                                        monitor,
                                        system.get().name(),
                                        note == null ? "" : note),
                                "/monitoring/alerts/" + a.id(),
                                WorkAddressee.organization(
                                        provider, system.get().id()),
                                null)
                        .in(WorkTask.Group.of(REPORTED + a.monitorId())),
                at,
                null));
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
        return AlertAddressees.of(s, accountableForApplication(s.id()), kind);
    }

    /** Where the transaction keeps what it read of the approved matrices, per system. */
    private static final Object ACCOUNTABLE = new Object();

    /**
     * Whom the system's newest approved matrix makes accountable for the application's security — read once per
     * transaction: a probe that raises several alerts publishes the monitor's tasks and the provider's notice for each,
     * and the matrix cannot change under it.
     */
    @SuppressWarnings("unchecked")
    private Set<UUID> accountableForApplication(UUID systemId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return read(systemId);
        }
        java.util.Map<UUID, Set<UUID>> read =
                (java.util.Map<UUID, Set<UUID>>) TransactionSynchronizationManager.getResource(ACCOUNTABLE);
        if (read == null) {
            java.util.Map<UUID, Set<UUID>> fresh = new java.util.HashMap<>();
            TransactionSynchronizationManager.bindResource(ACCOUNTABLE, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ACCOUNTABLE);
                }
            });
            read = fresh;
        }
        return read.computeIfAbsent(systemId, this::read);
    }

    private Set<UUID> read(UUID systemId) {
        return accountable.approvedAccountableForPlatformWork(systemId, List.of(AlertAddressees.APPLICATION_SECURITY));
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
