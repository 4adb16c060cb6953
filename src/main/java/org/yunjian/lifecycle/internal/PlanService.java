package org.yunjian.lifecycle.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Phase;
import org.yunjian.lifecycle.Dates;
import org.yunjian.lifecycle.DutyStatus;
import org.yunjian.lifecycle.LifecyclePlan;
import org.yunjian.lifecycle.PhaseGateCondition;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.lifecycle.PlanAccesses;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.lifecycle.PlanTemplate;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Engagement;
import org.yunjian.party.GuideRoles;
import org.yunjian.party.Parties;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.RoleHolders;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * A system's lifecycle plan: created by the customer from the sector guide, duties worked on by the organisations they
 * are assigned to and accepted by the customer, phases closed at their gates. Rules live in {@link LifecyclePlan} and
 * {@link PlanDuty}; this service checks access, stores, and audits every change.
 */
@Service
public class PlanService {

    static final String OBJECT = "lifecycle-plan";

    private final PlanAccesses accesses;
    private final PlanRepository repo;
    private final Catalog catalog;
    private final Parties parties;
    private final RoleHolders roleHolders;
    private final PeopleNames people;
    private final List<PhaseGateCondition> conditions;
    private final ApplicationEventPublisher events;
    private final LifecycleWork work;
    private final Clock clock;

    PlanService(
            PlanAccesses accesses,
            PlanRepository repo,
            Catalog catalog,
            Parties parties,
            RoleHolders roleHolders,
            PeopleNames people,
            List<PhaseGateCondition> conditions,
            ApplicationEventPublisher events,
            LifecycleWork work,
            Clock clock) {
        this.accesses = accesses;
        this.repo = repo;
        this.catalog = catalog;
        this.parties = parties;
        this.roleHolders = roleHolders;
        this.people = people;
        this.conditions = conditions;
        this.events = events;
        this.work = work;
        this.clock = clock;
    }

    /** The plan as the caller sees it, with what else the pages and the API show beside it. */
    public record PlanView(
            PlanAccess access,
            LifecyclePlan plan,
            List<PlanDuty> visibleDuties,
            List<LifecyclePlan.Unassigned> unassigned,
            Map<UUID, String> organisations,
            Map<Phase, GateView> gates) {}

    /** Why a phase cannot close now (empty lists: it can), including the gate conditions of other parts. */
    public record GateView(LifecyclePlan.Gate gate, List<PhaseGateCondition.Unmet> unmet) {
        public boolean clear() {
            return gate.clear() && unmet.isEmpty();
        }
    }

    // --- reading

    @Transactional(readOnly = true)
    public PlanAccess access(UUID systemId) {
        return accesses.of(systemId);
    }

    /** The plan, or empty when the system has none yet (404 if the caller may not see the system). */
    @Transactional(readOnly = true)
    public Optional<PlanView> find(UUID systemId) {
        PlanAccess a = accesses.of(systemId);
        return repo.findBySystem(systemId, false).map(p -> view(a, p));
    }

    @Transactional(readOnly = true)
    public PlanView require(UUID systemId) {
        return find(systemId).orElseThrow(() -> new NotFoundException(OBJECT, systemId));
    }

    /** The template a new plan would follow (empty when no sector guide is written for the system's industry). */
    @Transactional(readOnly = true)
    public Optional<PlanTemplate> template(UUID systemId) {
        CloudSystem s = accesses.of(systemId).system();
        return PlanTemplate.of(catalog, s.industry(), s.deploymentModel());
    }

    private PlanView view(PlanAccess a, LifecyclePlan p) {
        List<PlanDuty> visible = a.seesWholePlan()
                ? p.duties()
                : p.duties().stream().filter(d -> a.is(d.organisation())).toList();
        Map<UUID, String> names = organisationNames(a.system());
        Map<Phase, GateView> gates = new EnumMap<>(Phase.class);
        for (LifecyclePlan.Stage s : p.stages()) {
            gates.put(s.phase(), new GateView(p.gate(s.phase()), s.closed() ? List.of() : unmet(p, s.phase())));
        }
        List<LifecyclePlan.Unassigned> unassigned = !a.seesWholePlan()
                ? List.of()
                : template(p)
                        .map(t -> {
                            Holders h = holders(a.system());
                            return p.unassigned(
                                    t,
                                    catalog,
                                    h.holders(),
                                    h.from() == LifecyclePlan.AssignedFrom.MATRIX,
                                    capable(a.system()));
                        })
                        .orElse(List.of());
        return new PlanView(a, p, visible, unassigned, names, gates);
    }

    private Optional<PlanTemplate> template(LifecyclePlan p) {
        CloudSystem s = parties.requireSystem(p.systemId());
        return PlanTemplate.of(
                catalog,
                s.industry(),
                p.deploymentModel() == null ? null : DeploymentModel.valueOf(p.deploymentModel()));
    }

    private List<PhaseGateCondition.Unmet> unmet(LifecyclePlan p, Phase phase) {
        List<PhaseGateCondition.Unmet> out = new ArrayList<>();
        conditions.forEach(c -> out.addAll(c.unmet(p.systemId(), phase)));
        return out;
    }

    /** Every organisation of the system (customer, provider, agents, engagement participants) by name. */
    Map<UUID, String> organisationNames(CloudSystem s) {
        Map<UUID, String> out = new LinkedHashMap<>();
        for (UUID id : organisationsOf(s)) {
            parties.findOrganization(id).ifPresent(o -> out.put(id, o.name()));
        }
        return out;
    }

    private Set<UUID> organisationsOf(CloudSystem s) {
        Set<UUID> out = new LinkedHashSet<>();
        out.add(s.customerId());
        if (s.providerId() != null) {
            out.add(s.providerId());
        }
        s.agents().forEach(ag -> out.add(ag.organizationId()));
        for (Engagement e : parties.visibleEngagements(s.id())) {
            e.participants().forEach(pt -> out.add(pt.organizationId()));
        }
        return out;
    }

    /** Who holds which role on the system now, as a new plan would assign them ({@link #holders}). */
    Map<PartyRole, List<UUID>> roleHolders(CloudSystem s) {
        return holders(s).holders();
    }

    /** The template the plan follows: the system's guide for the deployment model the plan was made for. */
    Optional<PlanTemplate> templateOf(LifecyclePlan p) {
        return template(p);
    }

    private record Holders(Map<PartyRole, List<UUID>> holders, LifecyclePlan.AssignedFrom from) {}

    /**
     * Who holds which role, by {@link GuideRoles}: the T/CCIA roles from the responsibility matrix's participants where
     * there is a matrix, the agents and the third-party assessor (never T/CCIA roles) from the system's registration
     * always; without a matrix every role from the registration.
     */
    private Holders holders(CloudSystem s) {
        Optional<List<Participant>> matrix = roleHolders.participants(s.id());
        Map<UUID, Set<PartyRole>> participants = matrix.map(ps -> {
                    Map<UUID, Set<PartyRole>> m = new LinkedHashMap<>();
                    ps.forEach(p -> m.put(p.organisation(), p.roles()));
                    return m;
                })
                .orElse(null);
        return new Holders(
                GuideRoles.holders(parties.registeredRoles(s.id()), participants),
                matrix.isPresent() ? LifecyclePlan.AssignedFrom.MATRIX : LifecyclePlan.AssignedFrom.ENGAGEMENTS);
    }

    /**
     * The organisations on the system whose registration (as organisations) names a role the guides give that they
     * do not hold on the system: the hint an unassigned duty gives, never an assignment.
     */
    private Map<PartyRole, List<UUID>> capable(CloudSystem s) {
        Map<PartyRole, List<UUID>> out = new EnumMap<>(PartyRole.class);
        parties.registeredRoles(s.id()).forEach((org, onSystem) -> parties.findOrganization(org)
                .ifPresent(o -> java.util.Arrays.stream(PartyRole.values())
                        .filter(r -> !GuideRoles.inTccia(r) && !onSystem.contains(r) && o.hasRole(r))
                        .forEach(r ->
                                out.computeIfAbsent(r, k -> new ArrayList<>()).add(org))));
        return out;
    }

    // --- changing

    /** Creates the plan from the sector guide (customer only; one per system). */
    @Transactional
    public PlanView create(UUID systemId) {
        PlanAccess a = accesses.of(systemId);
        a.requireCustomer();
        CloudSystem s = a.system();
        PlanTemplate t = PlanTemplate.of(catalog, s.industry(), s.deploymentModel())
                .orElseThrow(() -> new ConflictException(
                        "lifecycle-no-guide", Msg.of("lifecycle.plan.error.noGuide", Msg.of(s.industry()))));
        if (repo.findBySystem(systemId, true).isPresent()) {
            throw new ConflictException("lifecycle-plan-exists", Msg.of("lifecycle.plan.error.exists", s.name()));
        }
        Holders h = holders(s);
        LifecyclePlan p = LifecyclePlan.generate(
                t,
                catalog,
                s.id(),
                s.customerId(),
                h.holders(),
                h.from(),
                a.user().userId(),
                clock.instant());
        repo.insert(p);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.plan.create",
                OBJECT,
                p.id(),
                Msg.of("lifecycle.audit.plan.create", s.name(), p.duties().size())));
        work.publishPlan(systemId);
        return view(a, repo.findBySystem(systemId, false).orElseThrow());
    }

    /** The plan locked for a change, and the duty (404 if the caller does not see it). */
    Locked lock(UUID systemId, UUID dutyId) {
        PlanAccess a = accesses.of(systemId);
        LifecyclePlan p = repo.findBySystem(systemId, true).orElseThrow(() -> new NotFoundException(OBJECT, systemId));
        PlanDuty d = p.duty(dutyId)
                .filter(x -> a.seesWholePlan() || a.is(x.organisation()))
                .orElseThrow(() -> new NotFoundException("lifecycle-duty", dutyId));
        return new Locked(a, p, d);
    }

    record Locked(PlanAccess access, LifecyclePlan plan, PlanDuty duty) {
        PlanDuty.Actor actor() {
            return new PlanDuty.Actor(access.user().userId(), access.user().organizationId());
        }
    }

    void requireOpen(Locked l) {
        if (l.plan().frozen(l.duty())) {
            throw new ConflictException(
                    "lifecycle-phase-closed",
                    Msg.of(
                            "lifecycle.duty.error.phaseClosed",
                            l.plan().stage(l.duty().phase()).orElseThrow().name()));
        }
    }

    /**
     * Stores a duty change decided by the domain, refusing as the domain said, and audits it. The change replaces
     * the version the caller read ({@code version}; {@code null} where the caller acts on the duty as stored now:
     * batches, seeding, the command line without {@code --if-version}); a stale one is refused before the domain's
     * verdict on a state the caller never saw.
     */
    PlanDuty store(Locked l, ExpectedVersion version, PlanDuty.Result r, String action, Msg detail) {
        switch (r.kind()) {
            case INVALID -> throw new ValidationException(Map.of(r.field(), r.refusal()));
            case FORBIDDEN -> throw new PlanAccess.Refused(r.refusal());
            default -> {}
        }
        long expected = version == null ? l.duty().version() : version.value();
        repo.requireVersion(expected == l.duty().version() ? 1 : 0, l.duty().id());
        if (r.kind() == PlanDuty.Result.Kind.CONFLICT) {
            throw new ConflictException("lifecycle-duty-state", r.refusal());
        }
        PlanDuty next = r.duty();
        if (next.equals(l.duty())) {
            return next;
        }
        repo.update(next, expected, clock.instant());
        events.publishEvent(AuditableEvent.success(action, "lifecycle-duty", next.id(), detail));
        work.publishDuty(l.plan().systemId(), next.id());
        return repo.findBySystem(l.plan().systemId(), false)
                .flatMap(p -> p.duty(next.id()))
                .orElseThrow();
    }

    /** Sets a duty's status (with the reason when it does not apply). */
    @Transactional
    public PlanDuty setStatus(UUID systemId, UUID dutyId, ExpectedVersion version, DutyStatus status, String reason) {
        Locked l = lock(systemId, dutyId);
        requireOpen(l);
        PlanDuty.Result r =
                l.duty().moveTo(status, reason, l.actor(), l.access().isCustomer(), clock.instant());
        return store(
                l,
                version,
                r,
                "lifecycle.duty.status",
                Msg.of(
                        "lifecycle.audit.duty.status",
                        label(l.duty()),
                        Msg.of(l.duty().status()),
                        Msg.of(status)));
    }

    /** The customer accepts a duty done, or waives one that does not apply. */
    @Transactional
    public PlanDuty accept(UUID systemId, UUID dutyId, ExpectedVersion version) {
        Locked l = lock(systemId, dutyId);
        requireOpen(l);
        PlanDuty.Result r = l.duty().accept(l.actor(), l.access().isCustomer(), clock.instant());
        return store(
                l,
                version,
                r,
                "lifecycle.duty.accept",
                Msg.of(
                        l.duty().status() == DutyStatus.NOT_APPLICABLE
                                ? "lifecycle.audit.duty.waive"
                                : "lifecycle.audit.duty.accept",
                        label(l.duty())));
    }

    /** The customer assigns a duty: organisation of the system, owner (a person there, by user name), due date. */
    @Transactional
    public PlanDuty assign(
            UUID systemId,
            UUID dutyId,
            ExpectedVersion version,
            UUID organisation,
            String ownerUsername,
            String dueDate) {
        Locked l = lock(systemId, dutyId);
        l.access().requireCustomer();
        requireOpen(l);
        FieldErrors errors = new FieldErrors();
        UUID org = organisation == null ? l.duty().organisation() : organisation;
        if (!organisationsOf(l.access().system()).contains(org)) {
            errors.add("organisation", "lifecycle.duty.error.organisation");
        }
        UUID owner = null;
        if (ownerUsername != null && !ownerUsername.isBlank()) {
            Optional<PeopleNames.Person> p = people.byUsername(ownerUsername);
            if (p.isEmpty()) {
                errors.add("owner", "lifecycle.duty.error.ownerUnknown", ownerUsername.strip());
            } else if (!org.equals(p.get().organizationId())) {
                errors.add(
                        "owner", "lifecycle.duty.error.ownerElsewhere", p.get().displayName());
            } else {
                owner = p.get().id();
            }
        }
        LocalDate due = Dates.parse(dueDate, "dueDate", errors);
        errors.throwIfAny();
        PlanDuty next = l.duty().assign(org, owner, due);
        if (owner != null) { // the owner works on the system: assigned to it (need to know, issue 57)
            parties.assignToWork(owner, systemId);
        }
        return store(
                l,
                version,
                new PlanDuty.Result(next, PlanDuty.Result.Kind.OK, null, null),
                "lifecycle.duty.assign",
                Msg.of(
                        "lifecycle.audit.duty.assign",
                        label(l.duty()),
                        organisationNames(l.access().system()).getOrDefault(org, ""),
                        due == null ? Msg.of("lifecycle.duty.noDueDate") : Dates.show(due)));
    }

    /** Closes a phase whose gate is clear (customer only); the refusal lists everything still in the way. */
    @Transactional
    public PlanView close(UUID systemId, Phase phase) {
        PlanAccess a = accesses.of(systemId);
        a.requireCustomer();
        LifecyclePlan p = repo.findBySystem(systemId, true).orElseThrow(() -> new NotFoundException(OBJECT, systemId));
        LifecyclePlan.Stage s =
                p.stage(phase).orElseThrow(() -> new NotFoundException("lifecycle-phase", phase.name()));
        if (s.closed()) {
            throw new ConflictException(
                    "lifecycle-phase-closed", Msg.of("lifecycle.phase.error.alreadyClosed", s.name()));
        }
        GateView g = new GateView(p.gate(phase), unmet(p, phase));
        if (!g.clear()) {
            throw new GateRefused(s.name(), g, organisationNames(a.system()), catalog);
        }
        repo.close(p.id(), phase, a.user().userId(), clock.instant());
        events.publishEvent(AuditableEvent.success(
                "lifecycle.phase.close",
                OBJECT,
                p.id(),
                Msg.of(
                        "lifecycle.audit.phase.close",
                        a.system().name(),
                        s.name(),
                        p.dutiesOf(phase).size())));
        return view(a, repo.findBySystem(systemId, false).orElseThrow());
    }

    /** Reopens the last closed phase, with the reason (customer only); nothing else is reopened. */
    @Transactional
    public PlanView reopen(UUID systemId, Phase phase, String reason) {
        PlanAccess a = accesses.of(systemId);
        a.requireCustomer();
        LifecyclePlan p = repo.findBySystem(systemId, true).orElseThrow(() -> new NotFoundException(OBJECT, systemId));
        LifecyclePlan.Stage s =
                p.stage(phase).orElseThrow(() -> new NotFoundException("lifecycle-phase", phase.name()));
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "lifecycle.phase.error.reopenReason");
        }
        if (reason.strip().length() > PlanDuty.REASON_MAX) {
            throw new ValidationException("reason", "lifecycle.duty.error.reasonTooLong", PlanDuty.REASON_MAX);
        }
        if (!p.reopenable().map(x -> x.phase() == phase).orElse(false)) {
            throw new ConflictException(
                    "lifecycle-phase-not-reopenable", Msg.of("lifecycle.phase.error.notReopenable", s.name()));
        }
        repo.reopen(p.id(), phase);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.phase.reopen",
                OBJECT,
                p.id(),
                Msg.of("lifecycle.audit.phase.reopen", a.system().name(), s.name(), reason.strip())));
        return view(a, repo.findBySystem(systemId, false).orElseThrow());
    }

    /** A duty named for texts: the requirement's clause and the organisation. */
    Msg label(PlanDuty d) {
        return catalog.requirement(d.requirement())
                .map(ClauseLabel::of)
                .orElseGet(() -> Msg.of("lifecycle.duty.label", d.requirement().value()));
    }

    /**
     * A phase close refused: the phase, and everything in its way (the problem's {@code obstacles}, with the
     * standard's text where a condition quotes one).
     */
    public static final class GateRefused extends ConflictException {
        private final transient GateView gate;
        private final transient Map<UUID, String> organisations;
        private final transient List<GateTexts.Line> obstacles;

        GateRefused(Msg phase, GateView gate, Map<UUID, String> organisations, Catalog catalog) {
            super(
                    "lifecycle-gate-not-clear",
                    Msg.of(
                            "lifecycle.phase.error.gate",
                            phase,
                            gate.gate().unsettled().size()
                                    + gate.unmet().size()
                                    + gate.gate().earlierOpen().size()));
            this.gate = gate;
            this.organisations = organisations;
            this.obstacles = GateTexts.lines(gate, organisations, catalog);
        }

        @Override
        public Map<String, Object> problemProperties() {
            return Map.of("obstacles", obstacles);
        }

        public Map<UUID, String> organisations() {
            return organisations;
        }

        public GateView gate() {
            return gate;
        }
    }
}
