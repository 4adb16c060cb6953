package org.yunjian.lifecycle.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.lifecycle.LifecyclePlan;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.lifecycle.PlanAccesses;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.lifecycle.PlanTemplate;
import org.yunjian.party.CloudSystem;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * A plan made before duties or role holders existed: the customer adds the duties it lacks now to the plan's open
 * phases ({@link LifecyclePlan#missing}) — each duty of the guide that applies to the system, for each organisation
 * that holds one of its roles now ({@link org.yunjian.party.GuideRoles}) and has none yet — over the plan's version the
 * customer read, and learns what was added and what could not be (a closed phase, nobody holding the role), with why.
 * Audited; each new duty reaches its organisation's 我的待办 like a new plan's.
 */
@Service
public class PlanAdditions {

    private final PlanAccesses accesses;
    private final PlanRepository repo;
    private final PlanService plans;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final LifecycleWork work;

    PlanAdditions(
            PlanAccesses accesses,
            PlanRepository repo,
            PlanService plans,
            Catalog catalog,
            ApplicationEventPublisher events,
            LifecycleWork work) {
        this.accesses = accesses;
        this.repo = repo;
        this.plans = plans;
        this.catalog = catalog;
        this.events = events;
        this.work = work;
    }

    /**
     * What adding the missing duties did.
     *
     * @param organisations the system's organisations by id, for naming them
     */
    public record Result(
            PlanService.PlanView plan,
            List<PlanDuty> added,
            List<LifecyclePlan.NotAdded> refused,
            Map<UUID, String> organisations) {}

    /** What adding would add and refuse now, without adding anything (the confirmation shows it). */
    @Transactional(readOnly = true)
    public LifecyclePlan.Additions preview(UUID systemId) {
        PlanAccess a = accesses.of(systemId);
        LifecyclePlan p = repo.findBySystem(systemId, false)
                .orElseThrow(() -> new NotFoundException(PlanService.OBJECT, systemId));
        return missing(a.system(), p);
    }

    /** Adds the duties the plan lacks to its open phases (customer only), over the plan's version read. */
    @Transactional
    public Result addMissing(UUID systemId, ExpectedVersion version) {
        PlanAccess a = accesses.of(systemId);
        a.requireCustomer();
        LifecyclePlan p = repo.findBySystem(systemId, true)
                .orElseThrow(() -> new NotFoundException(PlanService.OBJECT, systemId));
        long expected = version.value();
        LifecyclePlan.Additions add = missing(a.system(), p);
        repo.addDuties(p.id(), add.added(), expected);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.plan.addMissing",
                PlanService.OBJECT,
                p.id(),
                Msg.of(
                        "lifecycle.audit.plan.addMissing",
                        a.system().name(),
                        add.added().size(),
                        add.refused().size())));
        add.added().forEach(d -> work.publishDuty(systemId, d.id()));
        return new Result(plans.require(systemId), add.added(), add.refused(), plans.organisationNames(a.system()));
    }

    private LifecyclePlan.Additions missing(CloudSystem s, LifecyclePlan p) {
        PlanTemplate t = plans.templateOf(p).orElse(null);
        if (t == null) {
            return new LifecyclePlan.Additions(List.of(), List.of());
        }
        return p.missing(t, catalog, s.customerId(), plans.roleHolders(s));
    }
}
