package org.yunjian.lifecycle.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.lifecycle.LifecyclePlan;
import org.yunjian.lifecycle.PhaseGateCondition;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.lifecycle.StuckPhase;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationDirectory;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.Formats;

/**
 * The plans of every system the caller sees, read in bulk for the cross-system overview: the overdue duties the caller
 * may see (as on the plan page: the whole plan for the customer, provider, assessors and administrators, its own
 * duties for any other organisation) and the systems stuck at a gate ({@link StuckPhase}; shown to those who see the
 * whole plan, since the obstacles name every organisation's duties). A few queries for all systems; gate conditions
 * are asked only for the plans the duties alone make candidates.
 */
@Service
public class PlanOverview {

    private final Parties parties;
    private final PlanOverviewRepository repo;
    private final Catalog catalog;
    private final PeopleNames people;
    private final OrganizationDirectory organisations;
    private final List<PhaseGateCondition> conditions;
    private final Clock clock;

    PlanOverview(
            Parties parties,
            PlanOverviewRepository repo,
            Catalog catalog,
            PeopleNames people,
            OrganizationDirectory organisations,
            List<PhaseGateCondition> conditions,
            Clock clock) {
        this.organisations = organisations;
        this.parties = parties;
        this.repo = repo;
        this.catalog = catalog;
        this.people = people;
        this.conditions = conditions;
        this.clock = clock;
    }

    /**
     * An overdue duty.
     *
     * @param term         the guide's term of its phase, or null for a duty of every phase
     * @param organisation the name of the organisation it is assigned to
     * @param owner        the owner's display name, or null when none is set
     */
    public record OverdueDuty(
            CloudSystem system,
            PlanDuty duty,
            String term,
            String clause,
            Requirement requirement,
            String organisation,
            String owner,
            long daysOverdue) {}

    /**
     * A system stuck at a gate.
     *
     * @param days      how long the phase has been current, in whole days
     * @param obstacles what the gate lists, as on the plan page
     */
    public record Stuck(
            CloudSystem system,
            StuckPhase phase,
            long days,
            boolean overdue,
            List<GateTexts.Line> obstacles,
            int moreObstacles) {}

    /** Obstacles listed per stuck system; the rest are counted and shown on the plan page. */
    public static final int OBSTACLES_SHOWN = 5;

    /** Both sections' content. */
    public record Overview(LocalDate today, List<OverdueDuty> overdue, List<Stuck> stuck) {}

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.zone()));
    }

    @Transactional(readOnly = true)
    public Overview read() {
        CurrentUser u = CurrentUser.requireBusinessOrAdmin("lifecycle overview");
        LocalDate today = today();
        Map<UUID, CloudSystem> systems = parties.visibleSystems().stream()
                .collect(Collectors.toMap(CloudSystem::id, Function.identity(), (a, b) -> a));
        Map<UUID, PlanOverviewRepository.Head> plans = repo.plans(systems.keySet());
        if (plans.isEmpty()) {
            return new Overview(today, List.of(), List.of());
        }
        Map<UUID, PlanAccess> accesses = new HashMap<>();
        Function<UUID, PlanAccess> access =
                system -> accesses.computeIfAbsent(system, id -> access(u, systems.get(id)));

        List<PlanDuty> overdue = repo.dueBefore(plans.keySet(), today).stream()
                .filter(d -> d.overdue(today))
                .filter(d -> {
                    PlanAccess a = access.apply(plans.get(d.planId()).systemId());
                    return a.seesWholePlan() || a.is(d.organisation());
                })
                .toList();

        Map<Phase, List<UUID>> currentPhases = new EnumMap<>(Phase.class);
        for (PlanOverviewRepository.Head h : plans.values()) {
            if (access.apply(h.systemId()).seesWholePlan()) {
                plan(h, List.of()).current().ifPresent(s -> currentPhases
                        .computeIfAbsent(s.phase(), k -> new ArrayList<>())
                        .add(h.id()));
            }
        }
        Map<UUID, List<PlanDuty>> current =
                repo.ofPhases(currentPhases).stream().collect(Collectors.groupingBy(PlanDuty::planId));
        List<StuckCandidate> stuck = new ArrayList<>();
        for (PlanOverviewRepository.Head h : plans.values()) {
            if (!access.apply(h.systemId()).seesWholePlan()) {
                continue;
            }
            LifecyclePlan p = plan(h, current.getOrDefault(h.id(), List.of()));
            StuckPhase.of(p, today, phase -> unmet(h.systemId(), phase))
                    .ifPresent(s -> stuck.add(new StuckCandidate(systems.get(h.systemId()), s)));
        }

        Set<UUID> orgIds = new HashSet<>();
        overdue.forEach(d -> orgIds.add(d.organisation()));
        stuck.forEach(s -> s.phase().gate().unsettled().forEach(d -> orgIds.add(d.organisation())));
        // the organisations a plan assigns duties to are parties to its system, which the caller sees; named from the
        // directory by id (Parties.findOrganization would work out everything the caller sees once per organisation)
        Map<UUID, String> orgs = new HashMap<>();
        for (UUID id : orgIds) {
            orgs.put(
                    id,
                    organisations
                            .find(id)
                            .map(OrganizationDirectory.OrganizationRef::name)
                            .orElse("—"));
        }
        Set<UUID> owners = overdue.stream()
                .map(PlanDuty::owner)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Map<UUID, String> ownerNames = new HashMap<>();
        people.byIds(owners).forEach((id, p) -> ownerNames.put(id, p.displayName()));

        List<OverdueDuty> overdueRows = overdue.stream()
                .map(d -> {
                    PlanOverviewRepository.Head h = plans.get(d.planId());
                    String term = d.phase() == null
                            ? null
                            : h.stages().stream()
                                    .filter(s -> s.phase() == d.phase())
                                    .map(LifecyclePlan.Stage::term)
                                    .findFirst()
                                    .orElse(null);
                    return new OverdueDuty(
                            systems.get(h.systemId()),
                            d,
                            term,
                            GateTexts.clause(d, catalog),
                            catalog.requirement(d.requirement()).orElse(null),
                            orgs.get(d.organisation()),
                            d.owner() == null ? null : ownerNames.get(d.owner()),
                            ChronoUnit.DAYS.between(d.dueDate(), today));
                })
                .sorted(Comparator.comparing(OverdueDuty::organisation)
                        .thenComparing(OverdueDuty::daysOverdue, Comparator.reverseOrder())
                        .thenComparing(r -> r.system().name()))
                .toList();

        Instant now = clock.instant();
        List<Stuck> stuckRows = stuck.stream()
                .map(c -> stuck(c, today, now, orgs))
                .sorted(Comparator.comparingLong(Stuck::days).reversed().thenComparing(s -> s.system()
                        .name()))
                .toList();
        return new Overview(today, overdueRows, stuckRows);
    }

    private record StuckCandidate(CloudSystem system, StuckPhase phase) {}

    private static LifecyclePlan plan(PlanOverviewRepository.Head h, List<PlanDuty> duties) {
        return new LifecyclePlan(
                h.id(),
                h.systemId(),
                h.standard(),
                h.model(),
                LifecyclePlan.AssignedFrom.valueOf(h.from()),
                h.at(),
                h.by(),
                h.stages(),
                duties);
    }

    /** The first obstacles as the gate lists them (overdue duties first), the others counted. */
    private Stuck stuck(StuckCandidate c, LocalDate today, Instant now, Map<UUID, String> orgs) {
        LifecyclePlan.Gate g = c.phase().gate();
        List<PlanDuty> unsettled = g.unsettled().stream()
                .sorted(Comparator.comparing((PlanDuty d) -> !d.overdue(today)))
                .toList();
        int total =
                g.earlierOpen().size() + unsettled.size() + c.phase().unmet().size();
        int duties = Math.max(
                0, Math.min(unsettled.size(), OBSTACLES_SHOWN - g.earlierOpen().size()));
        int conditions = Math.max(
                0,
                Math.min(
                        c.phase().unmet().size(),
                        OBSTACLES_SHOWN - g.earlierOpen().size() - duties));
        PlanService.GateView shown = new PlanService.GateView(
                new LifecyclePlan.Gate(g.earlierOpen(), unsettled.subList(0, duties)),
                c.phase().unmet().subList(0, conditions));
        List<GateTexts.Line> lines = GateTexts.lines(shown, orgs, catalog);
        return new Stuck(
                c.system(),
                c.phase(),
                ChronoUnit.DAYS.between(c.phase().since(), now),
                c.phase().overdue(today),
                lines,
                total - lines.size());
    }

    private List<PhaseGateCondition.Unmet> unmet(UUID systemId, Phase phase) {
        List<PhaseGateCondition.Unmet> out = new ArrayList<>();
        conditions.forEach(c -> out.addAll(c.unmet(systemId, phase)));
        return out;
    }

    /**
     * The caller's {@link PlanAccess} to a system it sees; the system's roles are read only when the caller is not its
     * customer, provider or an administrator (they decide whether an assessor sees the whole plan).
     */
    private PlanAccess access(CurrentUser u, CloudSystem s) {
        PlanAccess quick = new PlanAccess(s, u, false, Set.of());
        if (quick.seesWholePlan() || u.organizationId() == null) {
            return quick;
        }
        Set<PartyRole> roles = parties.rolesOf(u.organizationId(), s.id());
        return new PlanAccess(s, u, roles.contains(PartyRole.THIRD_PARTY_ASSESSOR), roles);
    }
}
