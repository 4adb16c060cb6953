package org.yunjian.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.GuideRoles;
import org.yunjian.shared.Msg;

/**
 * A cloud system's lifecycle plan: the sector guide's phases in its own terms, each with its duties assigned to
 * organisations, and the gates between them. A phase closes only when the phase before it is closed and every duty
 * of it is settled (accepted, or waived as not applicable) — plus whatever the {@link PhaseGateCondition}s ask;
 * closing reopens nothing, and only the last closed phase can be reopened, with a reason.
 *
 * @param standardCode    the sector guide ({@code GOVWEB}, {@code JRT-SF})
 * @param deploymentModel the party deployment model the duties were chosen for, or null
 * @param assignedFrom    where the organisations of the duties came from
 * @param version         the plan's own stored version, raised when duties are added to it ({@link #missing}); each
 *                        duty counts its own versions
 */
public record LifecyclePlan(
        UUID id,
        UUID systemId,
        String standardCode,
        String deploymentModel,
        AssignedFrom assignedFrom,
        Instant createdAt,
        UUID createdBy,
        List<Stage> stages,
        List<PlanDuty> duties,
        long version) {

    public LifecyclePlan {
        stages = List.copyOf(stages);
        duties = List.copyOf(duties);
    }

    /** A plan at version 0 (new). */
    public LifecyclePlan(
            UUID id,
            UUID systemId,
            String standardCode,
            String deploymentModel,
            AssignedFrom assignedFrom,
            Instant createdAt,
            UUID createdBy,
            List<Stage> stages,
            List<PlanDuty> duties) {
        this(id, systemId, standardCode, deploymentModel, assignedFrom, createdAt, createdBy, stages, duties, 0);
    }

    /** Where the assignment of duties to organisations came from. */
    public enum AssignedFrom implements org.yunjian.shared.Labelled {
        /** The participants and roles of the system's responsibility matrix. */
        MATRIX,
        /** The system's customer, provider, agents and the roles of its engagements. */
        ENGAGEMENTS
    }

    /**
     * One phase of the plan.
     *
     * @param term     the guide's own name (规划准备, 服务获取, …)
     * @param closedBy who closed it, or null while open
     */
    public record Stage(Phase phase, String term, int position, Instant closedAt, UUID closedBy) {
        public boolean closed() {
            return closedAt != null;
        }

        /** The phase for a reader: the guide's own term in Chinese, the phase's name in English. */
        public Msg name() {
            return PlanTemplate.Stage.name(term, phase);
        }
    }

    /**
     * A duty of the guide that is not in the plan, and why for each role it names (issue 36: a duty is never left out
     * silently).
     *
     * @param phase null for a duty of every phase
     */
    public record Unassigned(RequirementId requirement, Phase phase, Set<PartyRole> roles, List<Why> why) {

        public Unassigned {
            roles = Set.copyOf(roles);
            why = List.copyOf(why);
        }
    }

    /**
     * Why nobody in the plan takes a role of an unassigned duty.
     *
     * @param holders the organisations holding the role now ({@link Reason#REGISTERED_LATER}), or — for
     *                {@link Reason#NOT_REGISTERED} — the organisations on the system in other roles whose own
     *                registration says they can take this one (a hint, never an assignment)
     */
    public record Why(PartyRole role, Reason reason, List<UUID> holders) {

        public Why {
            holders = List.copyOf(holders);
        }

        /** The reason for a reader, naming the role and the organisations ({@code names}: by id). */
        public Msg text(Map<UUID, String> names) {
            String key = "lifecycle.plan.unassigned.why." + reason.name()
                    + (reason == Reason.NOT_REGISTERED && !holders.isEmpty() ? ".capable" : "");
            return Msg.of(
                    key,
                    Msg.of(role),
                    Msg.joined(
                            "lifecycle.plan.unassigned.names",
                            holders.stream()
                                    .map(h -> Msg.of(
                                            org.yunjian.shared.Texts.VERBATIM, names.getOrDefault(h, h.toString())))
                                    .toList()));
        }
    }

    /** Why a role of a duty has nobody in the plan. */
    public enum Reason {
        /** A T/CCIA role that no participant of the system's responsibility matrix holds. */
        NOT_IN_MATRIX,
        /** No organisation is registered on the system in the role (as agent or in an engagement). */
        NOT_REGISTERED,
        /** Organisations hold the role now, but were registered in it after the plan was made. */
        REGISTERED_LATER
    }

    /**
     * A new plan: every duty of the template, once per organisation holding a role the duty names ({@code holders});
     * a duty naming no role is the customer's.
     */
    public static LifecyclePlan generate(
            PlanTemplate template,
            Catalog catalog,
            UUID systemId,
            UUID customer,
            Map<PartyRole, List<UUID>> holders,
            AssignedFrom from,
            UUID by,
            Instant now) {
        UUID planId = UUID.randomUUID();
        List<Stage> stages = new ArrayList<>();
        List<PlanDuty> duties = new ArrayList<>();
        int position = 0;
        for (PlanTemplate.Stage s : template.stages()) {
            stages.add(new Stage(s.phase(), s.term(), stages.size(), null, null));
            for (RequirementId r : s.duties()) {
                for (UUID org : organisations(catalog.requirement(r).orElseThrow(), customer, holders)) {
                    duties.add(PlanDuty.assigned(planId, s.phase(), r, position++, org));
                }
            }
        }
        for (RequirementId r : template.throughout()) {
            for (UUID org : organisations(catalog.requirement(r).orElseThrow(), customer, holders)) {
                duties.add(PlanDuty.assigned(planId, null, r, position++, org));
            }
        }
        return new LifecyclePlan(
                planId,
                systemId,
                template.standard().code(),
                template.model() == null ? null : template.model().name(),
                from,
                now,
                by,
                stages,
                duties);
    }

    /**
     * The duties of {@code template} that this plan has nobody for, each with why ({@code holders}: who holds each
     * role now, as {@link #generate} was given them; {@code matrix}: whether the T/CCIA roles come from a matrix;
     * {@code capable}: organisations on the system whose registration says they can take a role they are not on the
     * system in).
     */
    public List<Unassigned> unassigned(
            PlanTemplate template,
            Catalog catalog,
            Map<PartyRole, List<UUID>> holders,
            boolean matrix,
            Map<PartyRole, List<UUID>> capable) {
        Set<RequirementId> planned = new java.util.HashSet<>();
        duties.forEach(d -> planned.add(d.requirement()));
        List<Unassigned> out = new ArrayList<>();
        for (PlanTemplate.Stage s : template.stages()) {
            s.duties().forEach(r -> unassigned(catalog, r, s.phase(), planned, holders, matrix, capable)
                    .ifPresent(out::add));
        }
        template.throughout().forEach(r -> unassigned(catalog, r, null, planned, holders, matrix, capable)
                .ifPresent(out::add));
        return out;
    }

    private static Optional<Unassigned> unassigned(
            Catalog catalog,
            RequirementId r,
            Phase phase,
            Set<RequirementId> planned,
            Map<PartyRole, List<UUID>> holders,
            boolean matrix,
            Map<PartyRole, List<UUID>> capable) {
        if (planned.contains(r)) {
            return Optional.empty();
        }
        Requirement req = catalog.requirement(r).orElseThrow();
        List<Why> why = new ArrayList<>();
        req.roles().stream().sorted(Comparator.naturalOrder()).forEach(role -> {
            List<UUID> now = holders.getOrDefault(role, List.of());
            if (!now.isEmpty()) {
                why.add(new Why(role, Reason.REGISTERED_LATER, now));
            } else if (GuideRoles.fromMatrix(role, matrix)) {
                why.add(new Why(role, Reason.NOT_IN_MATRIX, List.of()));
            } else {
                why.add(new Why(role, Reason.NOT_REGISTERED, capable.getOrDefault(role, List.of())));
            }
        });
        return Optional.of(new Unassigned(r, phase, req.roles(), why));
    }

    private static Set<UUID> organisations(Requirement r, UUID customer, Map<PartyRole, List<UUID>> holders) {
        Set<UUID> out = new LinkedHashSet<>();
        if (r.roles().isEmpty()) {
            out.add(customer);
            return out;
        }
        r.roles().stream()
                .sorted(Comparator.naturalOrder())
                .forEach(role -> out.addAll(holders.getOrDefault(role, List.of())));
        return out;
    }

    /**
     * What a plan made before lacks now: every duty of {@code template} (the guide's duties for the system) that the
     * plan has for nobody — the duties {@link #unassigned} lists — for each organisation that holds one of its roles
     * now ({@code holders}, by {@link GuideRoles}; a duty naming no role is the customer's). Those of an open phase
     * (or of every phase) are {@code added}, at the end of the plan's order; those of a closed phase are
     * {@code refused} with {@link NotAddedReason#PHASE_CLOSED} (closing reopens nothing: the customer reopens the phase
     * first), a duty whose roles nobody on the system holds with {@link NotAddedReason#NO_HOLDER}. A duty the plan
     * has for some organisation is left as it is: the customer may have assigned it elsewhere on purpose.
     */
    public Additions missing(
            PlanTemplate template, Catalog catalog, UUID customer, Map<PartyRole, List<UUID>> holders) {
        Set<RequirementId> planned = new java.util.HashSet<>();
        duties.forEach(d -> planned.add(d.requirement()));
        int position = duties.stream().mapToInt(PlanDuty::position).max().orElse(-1) + 1;
        List<PlanDuty> added = new ArrayList<>();
        List<NotAdded> refused = new ArrayList<>();
        List<Map.Entry<Phase, RequirementId>> all = new ArrayList<>();
        template.stages()
                .forEach(s -> s.duties().forEach(r -> all.add(new java.util.AbstractMap.SimpleEntry<>(s.phase(), r))));
        template.throughout().forEach(r -> all.add(new java.util.AbstractMap.SimpleEntry<>(null, r)));
        for (Map.Entry<Phase, RequirementId> e : all) {
            if (!planned.add(e.getValue())) {
                continue; // in the plan already (or listed twice by the template)
            }
            Set<UUID> orgs = organisations(catalog.requirement(e.getValue()).orElseThrow(), customer, holders);
            if (orgs.isEmpty()) {
                refused.add(new NotAdded(e.getValue(), e.getKey(), null, NotAddedReason.NO_HOLDER));
                continue;
            }
            boolean closed =
                    e.getKey() != null && stage(e.getKey()).map(Stage::closed).orElse(false);
            for (UUID org : orgs) {
                if (closed) {
                    refused.add(new NotAdded(e.getValue(), e.getKey(), org, NotAddedReason.PHASE_CLOSED));
                } else {
                    added.add(PlanDuty.assigned(id, e.getKey(), e.getValue(), position++, org));
                }
            }
        }
        return new Additions(added, refused);
    }

    /** What {@link #missing} adds and what it cannot add, with why. */
    public record Additions(List<PlanDuty> added, List<NotAdded> refused) {
        public Additions {
            added = List.copyOf(added);
            refused = List.copyOf(refused);
        }
    }

    /**
     * A duty {@link #missing} cannot add.
     *
     * @param phase        its phase, or null for a duty of every phase
     * @param organisation who would take it, or null ({@link NotAddedReason#NO_HOLDER})
     */
    public record NotAdded(RequirementId requirement, Phase phase, UUID organisation, NotAddedReason reason) {}

    /** Why a missing duty is not added. */
    public enum NotAddedReason {
        /** Its phase is closed: the customer reopens it first (closing reopens nothing). */
        PHASE_CLOSED,
        /** No organisation on the system holds any role the duty names. */
        NO_HOLDER
    }

    public Optional<Stage> stage(Phase phase) {
        return stages.stream().filter(s -> s.phase() == phase).findFirst();
    }

    /** The duties of a stage ({@code null}: of every phase), in the guide's order. */
    public List<PlanDuty> dutiesOf(Phase phase) {
        return duties.stream().filter(d -> d.phase() == phase).toList();
    }

    public Optional<PlanDuty> duty(UUID dutyId) {
        return duties.stream().filter(d -> d.id().equals(dutyId)).findFirst();
    }

    /** Whether the stage a duty belongs to is closed (its evidence and status are then fixed). */
    public boolean frozen(PlanDuty duty) {
        return duty.phase() != null && stage(duty.phase()).map(Stage::closed).orElse(false);
    }

    /** The stage being worked on: the first one not closed, or empty when all are. */
    public Optional<Stage> current() {
        return stages.stream().filter(s -> !s.closed()).findFirst();
    }

    /** Share of settled duties of a stage, 0–100. */
    public int progress(Phase phase) {
        List<PlanDuty> of = dutiesOf(phase);
        return of.isEmpty()
                ? 100
                : (int) (100 * of.stream().filter(PlanDuty::settled).count() / of.size());
    }

    /**
     * What the duties and the order of phases leave standing in the way of closing {@code phase}.
     *
     * @param earlierOpen the earlier phases still open
     * @param unsettled   the phase's duties not yet accepted or waived
     */
    public record Gate(List<Stage> earlierOpen, List<PlanDuty> unsettled) {
        public boolean clear() {
            return earlierOpen.isEmpty() && unsettled.isEmpty();
        }
    }

    public Gate gate(Phase phase) {
        Stage target = stage(phase).orElseThrow();
        return new Gate(
                stages.stream()
                        .filter(s -> s.position() < target.position() && !s.closed())
                        .toList(),
                dutiesOf(phase).stream().filter(d -> !d.settled()).toList());
    }

    /** The stage that may be reopened: the last closed one, if no later one is closed. */
    public Optional<Stage> reopenable() {
        Stage last = null;
        for (Stage s : stages) {
            if (s.closed()) {
                last = s;
            }
        }
        return Optional.ofNullable(last);
    }
}
