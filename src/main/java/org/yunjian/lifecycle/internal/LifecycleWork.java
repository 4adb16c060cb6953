package org.yunjian.lifecycle.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.lifecycle.WorkLookup;
import org.yunjian.party.CloudSystem;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkSource;
import org.yunjian.shared.work.WorkTask;

/**
 * What waits on the plan's duties, for 我的待办 and the notifications: published after every change of a duty (inside
 * its transaction) and for every one when the inbox rebuilds ({@link #duty}): a plan duty not finished, for its owner
 * (or, without one, its organisation once the customer gave it a due date); a duty done or declared not applicable,
 * for the customer to accept, never the person who completed it ({@link PlanDuty#accept}). The obligations, the
 * migration risks, the drills' tasks and the supervision records publish theirs in their own modules
 * (obligations' {@code ObligationWork}, migration's {@code MigrationWork}). Each is addressed to people who see the
 * object: the duty's owner or organisation, the customer (who sees the whole plan).
 */
@Component
class LifecycleWork implements WorkSource {

    static final String DUTY = "lifecycle-duty:";

    private final PlanRepository plans;
    private final WorkLookup lookup;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    LifecycleWork(PlanRepository plans, WorkLookup lookup, Catalog catalog, ApplicationEventPublisher events) {
        this.plans = plans;
        this.lookup = lookup;
        this.catalog = catalog;
        this.events = events;
    }

    LocalDate today() {
        return lookup.today();
    }

    // --- after a change

    /** Publishes what waits on one duty of the system's plan, as stored now. */
    void publishDuty(UUID systemId, UUID dutyId) {
        lookup.system(systemId).ifPresent(s -> plans.findBySystem(systemId, false)
                .flatMap(p -> p.duty(dutyId))
                .ifPresent(d -> events.publishEvent(duty(s, d))));
    }

    /** Publishes what waits on every duty of the system's plan (a new plan). */
    void publishPlan(UUID systemId) {
        lookup.system(systemId).ifPresent(s -> plans.findBySystem(systemId, false)
                .ifPresent(p -> p.duties().forEach(d -> events.publishEvent(duty(s, d)))));
    }

    // --- rebuild

    @Override
    @Transactional
    public void publishAll() {
        for (UUID systemId : plans.planSystems()) {
            publishPlan(systemId);
        }
    }

    // --- one method per kind

    /** What waits on one plan duty. */
    WorkSnapshot duty(CloudSystem s, PlanDuty d) {
        String href = "/systems/" + s.id() + "/lifecycle/duties/" + d.id();
        List<String> args = List.of(s.name(), clause(d));
        List<WorkTask> open = new ArrayList<>();
        if (!d.finished()) {
            if (d.owner() != null) {
                open.add(new WorkTask(
                                "do:" + d.owner(),
                                "work.lifecycle.duty.do",
                                args,
                                href,
                                WorkAddressee.user(d.owner()),
                                d.dueDate())
                        .in(WorkTask.Group.of("lifecycle-do:" + s.id())));
            } else if (d.dueDate() != null) {
                open.add(new WorkTask(
                                "do:" + d.organisation(),
                                "work.lifecycle.duty.do",
                                args,
                                href,
                                WorkAddressee.organization(d.organisation(), s.id()),
                                d.dueDate())
                        .in(WorkTask.Group.of("lifecycle-do:" + s.id())));
            }
        } else if (d.acceptedAt() == null) {
            WorkAddressee customer = WorkAddressee.organization(s.customerId(), s.id());
            open.add(new WorkTask(
                            "accept",
                            d.status() == org.yunjian.lifecycle.DutyStatus.NOT_APPLICABLE
                                    ? "work.lifecycle.duty.waive"
                                    : "work.lifecycle.duty.accept",
                            args,
                            href,
                            d.completedBy() == null ? customer : customer.except(d.completedBy()),
                            d.dueDate())
                    .in(WorkTask.Group.daily("lifecycle-accept:" + s.id())));
        }
        return new WorkSnapshot(DUTY + d.id(), open);
    }

    /** The duty's clause as the standard prints it (6.2.1 a)): the same in both languages. */
    /** The duty's clause, read in the reader's language (5.4 第4段 / 5.4 ¶4) when the task is shown. */
    private String clause(PlanDuty d) {
        return catalog.requirement(d.requirement())
                .map(r -> WorkTask.message(org.yunjian.catalog.ClauseLabel.of(r)))
                .orElse(d.requirement().value());
    }
}
