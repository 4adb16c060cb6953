package org.yunjian.lifecycle.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.lifecycle.Obligation;
import org.yunjian.lifecycle.ObligationStatus;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.lifecycle.SupervisionChange;
import org.yunjian.lifecycle.SupervisionReport;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.security.SeedActor;
import org.yunjian.shared.Formats;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkSource;
import org.yunjian.shared.work.WorkTask;

/**
 * What waits on the lifecycle module's objects, for 我的待办 and the notifications: published after every change of
 * such an object (inside its transaction), for every one when the inbox rebuilds, and for the obligations once a day
 * ({@link ObligationWorkScheduler}: the passing of a date opens a task) — each kind by one method:
 * <ul>
 *   <li>{@link #duty}: a plan duty not finished, for its owner (or, without one, its organisation once the customer
 *   gave it a due date); a duty done or declared not applicable, for the customer to accept, never the person who
 *   completed it ({@link PlanDuty#accept});</li>
 *   <li>{@link #obligation}: an obligation due soon or overdue, for the responsible organisation;</li>
 *   <li>{@link #change}: a supervision change request waiting for the customer's decision;</li>
 *   <li>{@link #report}: a provider report waiting for the customer's review;</li>
 *   <li>{@link #drillTask}: a drill's follow-up task still open, for the organisation it was given to;</li>
 *   <li>{@link #risk}: a migration risk rated high whose treatment is not carried out yet, for its owner
 *   organisation.</li>
 * </ul>
 * Each is addressed to people who see the object: the duty's owner or organisation, the obligation's responsible
 * organisation, the customer (who sees the whole plan).
 */
@Component
class LifecycleWork implements WorkSource {

    static final String DUTY = "lifecycle-duty:";
    static final String OBLIGATION = "lifecycle-obligation:";
    static final String CHANGE = "lifecycle-supervision-change:";
    static final String REPORT = "lifecycle-supervision-report:";
    static final String DRILL_TASK = "lifecycle-drill-task:";
    static final String RISK = "lifecycle-migration-risk:";

    private final PlanRepository plans;
    private final ObligationRepository obligations;
    private final SupervisionRepository supervision;
    private final DrillRepository drills;
    private final MigrationRepository migration;
    private final Parties parties;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LifecycleWork(PlanRepository plans, ObligationRepository obligations, SupervisionRepository supervision,
                  DrillRepository drills, MigrationRepository migration, Parties parties, Catalog catalog,
                  ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.obligations = obligations;
        this.supervision = supervision;
        this.drills = drills;
        this.migration = migration;
        this.parties = parties;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Formats.zone());
    }

    // --- after a change

    /** Publishes what waits on one duty of the system's plan, as stored now. */
    void publishDuty(UUID systemId, UUID dutyId) {
        system(systemId).ifPresent(s -> plans.findBySystem(systemId, false).flatMap(p -> p.duty(dutyId))
                .ifPresent(d -> events.publishEvent(duty(s, d))));
    }

    /** Publishes what waits on every duty of the system's plan (a new plan). */
    void publishPlan(UUID systemId) {
        system(systemId).ifPresent(s -> plans.findBySystem(systemId, false)
                .ifPresent(p -> p.duties().forEach(d -> events.publishEvent(duty(s, d)))));
    }

    /** Publishes what waits on the system's obligation of that id, as stored now. */
    void publishObligation(Obligation o) {
        system(o.systemId()).ifPresent(s -> events.publishEvent(obligation(s, o, today())));
    }

    void publishChange(SupervisionChange c) {
        system(c.systemId()).ifPresent(s -> events.publishEvent(change(s, c)));
    }

    void publishReport(SupervisionReport r) {
        system(r.systemId()).ifPresent(s -> events.publishEvent(report(s, r)));
    }

    void publishDrillTask(UUID systemId, org.yunjian.lifecycle.Drill.Task t) {
        system(systemId).ifPresent(s -> events.publishEvent(drillTask(s, t)));
    }

    void publishRisk(CloudSystem s, org.yunjian.lifecycle.MigrationRisk r) {
        events.publishEvent(risk(s, r));
    }

    // --- rebuild and the daily job

    @Override
    @Transactional
    public void publishAll() {
        for (UUID systemId : plans.planSystems()) {
            publishPlan(systemId);
        }
        publishObligationsDue();
        for (UUID systemId : supervision.supervisedSystems()) {
            system(systemId).ifPresent(s -> {
                supervision.changes(systemId).forEach(c -> events.publishEvent(change(s, c)));
                supervision.reports(systemId).forEach(r -> events.publishEvent(report(s, r)));
            });
        }
        for (UUID systemId : drills.drillSystems()) {
            system(systemId).ifPresent(s -> drills.drills(systemId).forEach(d -> d.tasks()
                    .forEach(t -> events.publishEvent(drillTask(s, t)))));
        }
        for (UUID systemId : migration.riskSystems()) {
            system(systemId).ifPresent(s -> migration.risks(systemId).forEach(r -> events.publishEvent(risk(s, r))));
        }
    }

    /**
     * Publishes every obligation due within {@link Obligation#DUE_SOON_DAYS} days or overdue today: those whose
     * task a day's passing opens (due soon, overdue) or replaces (due soon → overdue). The others wait on nothing.
     */
    @Transactional
    public int publishObligationsDue() {
        LocalDate today = today();
        List<Obligation> due = obligations.dueBy(today.plusDays(Obligation.DUE_SOON_DAYS));
        due.forEach(o -> system(o.systemId()).ifPresent(s -> events.publishEvent(obligation(s, o, today))));
        return due.size();
    }

    // --- one method per kind

    /** What waits on one plan duty. */
    WorkSnapshot duty(CloudSystem s, PlanDuty d) {
        String href = "/systems/" + s.id() + "/lifecycle/duties/" + d.id();
        List<String> args = List.of(s.name(), clause(d));
        List<WorkTask> open = new ArrayList<>();
        if (!d.finished()) {
            if (d.owner() != null) {
                open.add(new WorkTask("do:" + d.owner(), "work.lifecycle.duty.do", args, href,
                        WorkAddressee.user(d.owner()), d.dueDate()));
            } else if (d.dueDate() != null) {
                open.add(new WorkTask("do:" + d.organisation(), "work.lifecycle.duty.do", args, href,
                        WorkAddressee.organization(d.organisation()), d.dueDate()));
            }
        } else if (d.acceptedAt() == null) {
            WorkAddressee customer = WorkAddressee.organization(s.customerId());
            open.add(new WorkTask("accept", d.status() == org.yunjian.lifecycle.DutyStatus.NOT_APPLICABLE
                    ? "work.lifecycle.duty.waive" : "work.lifecycle.duty.accept", args, href,
                    d.completedBy() == null ? customer : customer.except(d.completedBy()), d.dueDate()));
        }
        return new WorkSnapshot(DUTY + d.id(), open);
    }

    /** What waits on one obligation on {@code today}: due soon or overdue, for the responsible organisation. */
    WorkSnapshot obligation(CloudSystem s, Obligation o, LocalDate today) {
        ObligationStatus status = o.status(today);
        if (status == ObligationStatus.UPCOMING) {
            return WorkSnapshot.nothingWaiting(OBLIGATION + o.id());
        }
        boolean overdue = status == ObligationStatus.OVERDUE;
        LocalDate due = o.nextDue();
        return new WorkSnapshot(OBLIGATION + o.id(), List.of(new WorkTask((overdue ? "overdue:" : "due:") + due,
                overdue ? "work.lifecycle.obligation.overdue" : "work.lifecycle.obligation.dueSoon",
                List.of("msg:enum.ObligationKind." + o.kind().name(), s.name(), Formats.date(due)),
                "/systems/" + s.id() + "/lifecycle/obligations", WorkAddressee.organization(o.responsibleOrg()), due)));
    }

    /** What waits on one change request: the customer's decision, unless the customer asked for it itself. */
    WorkSnapshot change(CloudSystem s, SupervisionChange c) {
        if (!c.awaitsDecisionOf(s.customerId())) {
            return WorkSnapshot.nothingWaiting(CHANGE + c.id());
        }
        return new WorkSnapshot(CHANGE + c.id(), List.of(new WorkTask("decide", "work.lifecycle.supervision.change",
                List.of(s.name(), c.title()), "/systems/" + s.id() + "/lifecycle/supervision#decision-" + c.id(),
                WorkAddressee.organization(s.customerId()), null)));
    }

    /** What waits on one provider report: the customer's review. */
    WorkSnapshot report(CloudSystem s, SupervisionReport r) {
        if (r.reviewed()) {
            return WorkSnapshot.nothingWaiting(REPORT + r.id());
        }
        return new WorkSnapshot(REPORT + r.id(), List.of(new WorkTask("review", "work.lifecycle.supervision.report",
                List.of(s.name(), "msg:enum.SupervisionReportKind." + r.kind().name(),
                        Formats.date(r.periodStart()), Formats.date(r.periodEnd())),
                "/systems/" + s.id() + "/lifecycle/supervision#review-" + r.id(),
                WorkAddressee.organization(s.customerId()), null)));
    }

    /** What waits on one follow-up task of a drill: while open, the organisation it was given to. */
    WorkSnapshot drillTask(CloudSystem s, org.yunjian.lifecycle.Drill.Task t) {
        if (t.status() != org.yunjian.lifecycle.DrillTaskStatus.OPEN) {
            return WorkSnapshot.nothingWaiting(DRILL_TASK + t.id());
        }
        return new WorkSnapshot(DRILL_TASK + t.id(), List.of(new WorkTask("do", "work.lifecycle.drill.task",
                List.of(s.name(), t.description()), "/systems/" + s.id() + "/lifecycle/drills#drill-" + t.drillId(),
                WorkAddressee.organization(t.ownerOrg()), t.dueOn())));
    }

    /**
     * What waits on one risk of the migration risk register: a risk rated high with an owner organisation, until its
     * treatment is carried out ({@link org.yunjian.lifecycle.MigrationRisk#awaitsTreatmentBy}), for the owner's people.
     */
    WorkSnapshot risk(CloudSystem s, org.yunjian.lifecycle.MigrationRisk r) {
        String scope = RISK + s.id() + ":" + r.risk().value();
        return r.awaitsTreatmentBy().map(owner -> new WorkSnapshot(scope, List.of(new WorkTask("treat",
                "work.lifecycle.migration.risk", List.of(s.name(), catalog.requirement(r.risk())
                        .map(x -> WorkTask.message(org.yunjian.catalog.ClauseLabel.of(x))).orElse(r.risk().value())),
                "/systems/" + s.id() + "/lifecycle/migration#risk-" + r.risk().value(),
                WorkAddressee.organization(owner), null)))).orElseGet(() -> WorkSnapshot.nothingWaiting(scope));
    }

    /** The duty's clause as the standard prints it (6.2.1 a)): the same in both languages. */
    /** The duty's clause, read in the reader's language (5.4 第4段 / 5.4 ¶4) when the task is shown. */
    private String clause(PlanDuty d) {
        return catalog.requirement(d.requirement()).map(r -> WorkTask.message(org.yunjian.catalog.ClauseLabel.of(r)))
                .orElse(d.requirement().value());
    }

    /** The system, read as the platform: the same whoever's change it follows; a rebuild has no caller. */
    private Optional<CloudSystem> system(UUID systemId) {
        return asPlatform(() -> parties.findSystem(systemId));
    }

    private static <T> T asPlatform(Supplier<T> read) {
        List<T> out = new ArrayList<>(1);
        SeedActor.run(SeedActor.platform(), () -> out.add(read.get()));
        return out.get(0);
    }
}
