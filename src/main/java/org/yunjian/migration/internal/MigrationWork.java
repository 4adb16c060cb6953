package org.yunjian.migration.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.lifecycle.WorkLookup;
import org.yunjian.migration.SupervisionChange;
import org.yunjian.migration.SupervisionReport;
import org.yunjian.party.CloudSystem;
import org.yunjian.shared.Formats;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkSource;
import org.yunjian.shared.work.WorkTask;

/**
 * What waits on the migration, drill and supervision records, for 我的待办 and the notifications: published after
 * every change of such a record (inside its transaction) and for every one when the inbox rebuilds — each kind by one
 * method:
 * <ul>
 *   <li>{@link #change}: a supervision change request waiting for the customer's decision;</li>
 *   <li>{@link #report}: a provider report waiting for the customer's review;</li>
 *   <li>{@link #drillTask}: a drill's follow-up task still open, for the organisation it was given to;</li>
 *   <li>{@link #risk}: a migration risk rated high whose treatment is not carried out yet, for its owner
 *   organisation.</li>
 * </ul>
 * Each is addressed to people who see the object: the owner organisation, the customer (who sees the whole plan).
 */
@Component
class MigrationWork implements WorkSource {

    static final String CHANGE = "lifecycle-supervision-change:";
    static final String REPORT = "lifecycle-supervision-report:";
    static final String DRILL_TASK = "lifecycle-drill-task:";
    static final String RISK = "lifecycle-migration-risk:";

    private final SupervisionRepository supervision;
    private final DrillRepository drills;
    private final MigrationRepository migration;
    private final WorkLookup lookup;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    MigrationWork(
            SupervisionRepository supervision,
            DrillRepository drills,
            MigrationRepository migration,
            WorkLookup lookup,
            Catalog catalog,
            ApplicationEventPublisher events) {
        this.supervision = supervision;
        this.drills = drills;
        this.migration = migration;
        this.lookup = lookup;
        this.catalog = catalog;
        this.events = events;
    }

    // --- after a change

    void publishChange(SupervisionChange c) {
        lookup.system(c.systemId()).ifPresent(s -> events.publishEvent(change(s, c)));
    }

    void publishReport(SupervisionReport r) {
        lookup.system(r.systemId()).ifPresent(s -> events.publishEvent(report(s, r)));
    }

    void publishDrillTask(UUID systemId, org.yunjian.migration.Drill.Task t) {
        lookup.system(systemId).ifPresent(s -> events.publishEvent(drillTask(s, t)));
    }

    void publishRisk(CloudSystem s, org.yunjian.migration.MigrationRisk r) {
        events.publishEvent(risk(s, r));
    }

    // --- rebuild

    @Override
    @Transactional
    public void publishAll() {
        for (UUID systemId : supervision.supervisedSystems()) {
            lookup.system(systemId).ifPresent(s -> {
                supervision.changes(systemId).forEach(c -> events.publishEvent(change(s, c)));
                supervision.reports(systemId).forEach(r -> events.publishEvent(report(s, r)));
            });
        }
        for (UUID systemId : drills.drillSystems()) {
            lookup.system(systemId).ifPresent(s -> drills.drills(systemId)
                    .forEach(d -> d.tasks().forEach(t -> events.publishEvent(drillTask(s, t)))));
        }
        for (UUID systemId : migration.riskSystems()) {
            lookup.system(systemId)
                    .ifPresent(s -> migration.risks(systemId).forEach(r -> events.publishEvent(risk(s, r))));
        }
    }

    // --- one method per kind

    /** What waits on one change request: the customer's decision, unless the customer asked for it itself. */
    WorkSnapshot change(CloudSystem s, SupervisionChange c) {
        if (!c.awaitsDecisionOf(s.customerId())) {
            return WorkSnapshot.nothingWaiting(CHANGE + c.id());
        }
        return new WorkSnapshot(
                CHANGE + c.id(),
                List.of(new WorkTask(
                        "decide",
                        "work.lifecycle.supervision.change",
                        List.of(s.name(), c.title()),
                        "/systems/" + s.id() + "/lifecycle/supervision#decision-" + c.id(),
                        WorkAddressee.organization(s.customerId(), s.id()),
                        null)));
    }

    /** What waits on one provider report: the customer's review. */
    WorkSnapshot report(CloudSystem s, SupervisionReport r) {
        if (r.reviewed()) {
            return WorkSnapshot.nothingWaiting(REPORT + r.id());
        }
        return new WorkSnapshot(
                REPORT + r.id(),
                List.of(new WorkTask(
                        "review",
                        "work.lifecycle.supervision.report",
                        List.of(
                                s.name(),
                                "msg:enum.SupervisionReportKind." + r.kind().name(),
                                Formats.date(r.periodStart()),
                                Formats.date(r.periodEnd())),
                        "/systems/" + s.id() + "/lifecycle/supervision#review-" + r.id(),
                        WorkAddressee.organization(s.customerId(), s.id()),
                        null)));
    }

    /** What waits on one follow-up task of a drill: while open, the organisation it was given to. */
    WorkSnapshot drillTask(CloudSystem s, org.yunjian.migration.Drill.Task t) {
        if (t.status() != org.yunjian.migration.DrillTaskStatus.OPEN) {
            return WorkSnapshot.nothingWaiting(DRILL_TASK + t.id());
        }
        return new WorkSnapshot(
                DRILL_TASK + t.id(),
                List.of(new WorkTask(
                        "do",
                        "work.lifecycle.drill.task",
                        List.of(s.name(), t.description()),
                        "/systems/" + s.id() + "/lifecycle/drills#drill-" + t.drillId(),
                        WorkAddressee.organization(t.ownerOrg(), s.id()),
                        t.dueOn())));
    }

    /**
     * What waits on one risk of the migration risk register: a risk rated high with an owner organisation, until its
     * treatment is carried out ({@link org.yunjian.migration.MigrationRisk#awaitsTreatmentBy}), for the owner's people.
     */
    WorkSnapshot risk(CloudSystem s, org.yunjian.migration.MigrationRisk r) {
        String scope = RISK + s.id() + ":" + r.risk().value();
        return r.awaitsTreatmentBy()
                .map(owner -> new WorkSnapshot(
                        scope,
                        List.of(new WorkTask(
                                "treat",
                                "work.lifecycle.migration.risk",
                                List.of(
                                        s.name(),
                                        catalog.requirement(r.risk())
                                                .map(x -> WorkTask.message(org.yunjian.catalog.ClauseLabel.of(x)))
                                                .orElse(r.risk().value())),
                                "/systems/" + s.id() + "/lifecycle/migration#risk-"
                                        + r.risk().value(),
                                WorkAddressee.organization(owner, s.id()),
                                null))))
                .orElseGet(() -> WorkSnapshot.nothingWaiting(scope));
    }
}
