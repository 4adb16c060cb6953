package org.yunjian.responsibility;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.ServiceModel;
import org.yunjian.shared.Msg;

/**
 * Who answers for what on one cloud system: its participants with their T/CCIA roles, the agreements between
 * them, and one row per duty of T/CCIA 004-2024 §6–§9 with the accountable parties (责任主体), the implementing
 * parties (实施方) and the delegation chains. Immutable: an edit gives a new matrix. A matrix may break the §5
 * rules (a draft is saved as it is); {@link RuleCheck} says which.
 */
public final class ResponsibilityMatrix {

    private final UUID systemId;
    private final ServiceModel serviceModel;
    private final List<Participant> participants;
    private final List<Agreement> agreements;
    private final List<MatrixRow> rows;
    private final List<RuleException> exceptions;
    private final Map<UUID, Participant> byOrganisation;
    private final Map<PartyRole, List<Participant>> byRole;
    private final Map<RequirementId, Integer> rowIndex;
    private final Map<ApplicabilityQuestion, Boolean> answers;

    /**
     * What a matrix is made of, set part by part ({@link #builder}, {@link #toBuilder}); {@link #build} checks it. Parts
     * not set are empty: no participants, agreements, rows, answers (no question answered) or exceptions.
     */
    public static final class Builder {
        private final UUID systemId;
        private final ServiceModel serviceModel;
        private List<Participant> participants = List.of();
        private List<Agreement> agreements = List.of();
        private List<MatrixRow> rows = List.of();
        private Map<ApplicabilityQuestion, Boolean> answers = Map.of();
        private List<RuleException> exceptions = List.of();

        private Builder(UUID systemId, ServiceModel serviceModel) {
            this.systemId = systemId;
            this.serviceModel = serviceModel;
        }

        public Builder participants(List<Participant> participants) {
            this.participants = participants;
            return this;
        }

        public Builder agreements(List<Agreement> agreements) {
            this.agreements = agreements;
            return this;
        }

        public Builder rows(List<MatrixRow> rows) {
            this.rows = rows;
            return this;
        }

        /** The answers to the {@linkplain ApplicabilityQuestion applicability questions} (a question absent: open). */
        public Builder answers(Map<ApplicabilityQuestion, Boolean> answers) {
            this.answers = answers;
            return this;
        }

        /** The approved exceptions to the "原则上" rules of §5 ({@link RuleException}). */
        public Builder exceptions(List<RuleException> exceptions) {
            this.exceptions = exceptions;
            return this;
        }

        /**
         * @throws IllegalArgumentException if an organisation, a duty or an agreement name occurs twice
         */
        public ResponsibilityMatrix build() {
            return new ResponsibilityMatrix(this);
        }
    }

    /** @param serviceModel the system's service model, or null where it is not known */
    public static Builder builder(UUID systemId, ServiceModel serviceModel) {
        return new Builder(systemId, serviceModel);
    }

    /** A builder holding every part of this matrix, to change some. */
    public Builder toBuilder() {
        return builder(systemId, serviceModel)
                .participants(participants)
                .agreements(agreements)
                .rows(rows)
                .answers(answers)
                .exceptions(exceptions);
    }

    /** The one constructor: every matrix is made by a {@link Builder}. */
    private ResponsibilityMatrix(Builder b) {
        Map<ApplicabilityQuestion, Boolean> given = new EnumMap<>(ApplicabilityQuestion.class);
        b.answers.forEach(
                (q, a) -> given.put(Objects.requireNonNull(q, "question"), Objects.requireNonNull(a, "answer")));
        this.answers = Collections.unmodifiableMap(given);
        this.exceptions = List.copyOf(b.exceptions);
        this.systemId = Objects.requireNonNull(b.systemId, "systemId");
        this.serviceModel = b.serviceModel;
        this.participants = List.copyOf(b.participants);
        this.agreements = List.copyOf(b.agreements);
        this.rows = List.copyOf(b.rows);
        Map<UUID, Participant> orgs = new LinkedHashMap<>();
        Map<PartyRole, List<Participant>> roles = new EnumMap<>(PartyRole.class);
        for (Participant p : this.participants) {
            if (orgs.putIfAbsent(p.organisation(), p) != null) {
                throw new IllegalArgumentException("duplicate participant " + p.organisation());
            }
            p.roles().forEach(r -> roles.computeIfAbsent(r, k -> new ArrayList<>())
                    .add(p));
        }
        roles.replaceAll((k, v) -> List.copyOf(v));
        if (this.agreements.stream().map(Agreement::name).distinct().count() != this.agreements.size()) {
            throw new IllegalArgumentException("duplicate agreement");
        }
        Map<RequirementId, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < this.rows.size(); i++) {
            if (index.putIfAbsent(this.rows.get(i).duty().id(), i) != null) {
                throw new IllegalArgumentException(
                        "duplicate duty " + this.rows.get(i).duty().id());
            }
        }
        this.byOrganisation = Collections.unmodifiableMap(orgs);
        this.byRole = Collections.unmodifiableMap(roles);
        this.rowIndex = Collections.unmodifiableMap(index);
    }

    /**
     * The first matrix from the standard: each duty to every participant holding a role the duty names, as its
     * accountable and implementing party, nothing delegated. A duty that does not apply to the system
     * ({@link #notApplicable}) has no parties. A role nobody holds leaves that part of the duty unassigned — a gap the
     * rule check reports.
     */
    public static ResponsibilityMatrix generate(
            Duties duties, UUID systemId, ServiceModel serviceModel, List<Participant> participants) {
        ResponsibilityMatrix empty =
                builder(systemId, serviceModel).participants(participants).build();
        List<MatrixRow> rows = new ArrayList<>(duties.all().size());
        for (Duty duty : duties.all()) {
            rows.add(empty.generated(duty));
        }
        return empty.toBuilder().rows(rows).build();
    }

    /**
     * Why {@code duty} does not apply to a system, or null when it applies: a bare lead-in is a heading over its
     * sub-items; a duty for another service model (9.1 b) 1)–3)); a condition of the standard this matrix answered
     * no ("当客户自行负责机房管理时"), or one that holds only once answered yes ("云服务系统被认定为关键基础设施的", 7.1.2 b) 2)); a hardware provider's duty about what no hardware provider of the system does (Annex A:
     * 提供物理机房 vs 提供物理服务器).
     */
    public Msg notApplicable(Duty duty) {
        if (duty.heading()) {
            return Msg.of("responsibility.notApplicable.heading");
        }
        if (!duty.appliesTo(serviceModel)) {
            return Msg.of(
                    "responsibility.notApplicable.serviceModel", Msg.of(duty.serviceModel()), Msg.of(serviceModel));
        }
        ApplicabilityQuestion q = duty.condition();
        if (q != null && !q.applies(answers.get(q))) {
            return Msg.of(
                    answers.containsKey(q)
                            ? "responsibility.notApplicable.condition"
                            : "responsibility.notApplicable.conditionOpen",
                    q.condition(),
                    Msg.of(q));
        }
        List<Participant> hardware = holders(PartyRole.PARTNER_HARDWARE);
        if (duty.behaviour() != null
                && duty.roles().equals(java.util.Set.of(PartyRole.PARTNER_HARDWARE))
                && !hardware.isEmpty()
                && hardware.stream().noneMatch(p -> duty.takenBy(p, PartyRole.PARTNER_HARDWARE))) {
            return Msg.of(
                    "responsibility.notApplicable.behaviour",
                    Msg.of(duty.behaviour()),
                    Msg.joined(
                            "responsibility.list",
                            hardware.stream()
                                    .map(p -> Msg.of(org.yunjian.shared.Texts.VERBATIM, p.name()))
                                    .toList()));
        }
        return null;
    }

    /** The row of {@code duty} as generation makes it for this matrix's participants and answers. */
    private MatrixRow generated(Duty duty) {
        Msg reason = notApplicable(duty);
        if (reason != null) {
            return new MatrixRow(duty, List.of(), reason);
        }
        List<Assignment> assignments = new ArrayList<>();
        for (PartyRole role : PartyRole.values()) {
            if (duty.names(role)) {
                holders(role).stream()
                        .filter(p -> duty.takenBy(p, role))
                        .forEach(p -> assignments.add(Assignment.of(new Accountable(p.organisation(), role))));
            }
        }
        return new MatrixRow(duty, assignments, null);
    }

    /**
     * {@code row} brought in line with this matrix's participants and answers: a row that no longer applies loses its
     * parties, one that applies again is generated afresh, and on a row that applies both times a hardware provider no
     * longer doing what the duty is about loses its part unless it handed the work on (a delegation is never dropped
     * silently: the rule check shows it).
     */
    private MatrixRow reconciled(MatrixRow row) {
        Duty duty = row.duty();
        Msg reason = notApplicable(duty);
        if (reason != null) {
            return new MatrixRow(duty, List.of(), reason);
        }
        if (!row.applicable()) {
            return generated(duty);
        }
        if (duty.behaviour() == null) {
            return row;
        }
        List<Assignment> kept = new ArrayList<>(row.assignments().stream()
                .filter(a -> a.delegated()
                        || participant(a.accountable().organisation())
                                .map(p -> duty.takenBy(p, a.accountable().role()))
                                .orElse(true))
                .toList());
        for (Participant p : holders(PartyRole.PARTNER_HARDWARE)) {
            Accountable a = new Accountable(p.organisation(), PartyRole.PARTNER_HARDWARE);
            if (duty.names(PartyRole.PARTNER_HARDWARE)
                    && duty.takenBy(p, PartyRole.PARTNER_HARDWARE)
                    && indexOf(kept, a) < 0) {
                kept.add(Assignment.of(a));
            }
        }
        return kept.equals(row.assignments()) ? row : row.withAssignments(kept);
    }

    /** This matrix's answers to the applicability questions (a question not in the map is not answered yet). */
    public Map<ApplicabilityQuestion, Boolean> answers() {
        return answers;
    }

    /**
     * This matrix with {@code question} answered ({@code answer} null: the answer withdrawn). The rows the condition
     * opens follow: answered no, they no longer apply and lose their parties; answered yes (or withdrawn, for a
     * question whose duties apply unanswered: {@link ApplicabilityQuestion#appliesUnanswered}), they apply and are
     * generated afresh from the participants.
     */
    public ResponsibilityMatrix withAnswer(ApplicabilityQuestion question, Boolean answer) {
        Map<ApplicabilityQuestion, Boolean> next = new EnumMap<>(ApplicabilityQuestion.class);
        next.putAll(answers);
        if (answer == null) {
            next.remove(question);
        } else {
            next.put(question, answer);
        }
        ResponsibilityMatrix answered = toBuilder().answers(next).build();
        return answered.toBuilder()
                .rows(rows.stream()
                        .map(r -> r.duty().condition() == question ? answered.reconciled(r) : r)
                        .toList())
                .build();
    }

    public UUID systemId() {
        return systemId;
    }

    public ServiceModel serviceModel() {
        return serviceModel;
    }

    public List<Participant> participants() {
        return participants;
    }

    public List<Agreement> agreements() {
        return agreements;
    }

    public List<MatrixRow> rows() {
        return rows;
    }

    public Optional<Participant> participant(UUID organisation) {
        return Optional.ofNullable(byOrganisation.get(organisation));
    }

    /** The participants holding {@code role}, in participant order. */
    public List<Participant> holders(PartyRole role) {
        return byRole.getOrDefault(role, List.of());
    }

    public Optional<MatrixRow> row(RequirementId duty) {
        Integer i = rowIndex.get(duty);
        return i == null ? Optional.empty() : Optional.of(rows.get(i));
    }

    /** The approved exceptions to the "原则上" rules of §5, oldest first. */
    public List<RuleException> exceptions() {
        return exceptions;
    }

    /** This matrix with {@code exception} recorded. */
    public ResponsibilityMatrix withException(RuleException exception) {
        List<RuleException> next = new ArrayList<>(exceptions);
        next.add(exception);
        return toBuilder().exceptions(next).build();
    }

    public Optional<Agreement> agreement(String name) {
        return agreements.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** This matrix with {@code row} replacing the row of the same duty (or added after the others). */
    public ResponsibilityMatrix withRow(MatrixRow row) {
        List<MatrixRow> next = new ArrayList<>(rows);
        Integer i = rowIndex.get(row.duty().id());
        if (i == null) {
            next.add(row);
        } else {
            next.set(i, row);
        }
        return toBuilder().rows(next).build();
    }

    /**
     * This matrix with {@code participant}'s roles replacing those held so far by the same organisation. A role
     * taken on makes the organisation accountable for every applicable duty naming that role (as generation would
     * have, Annex A's behaviours permitting); a role given up leaves its assignments in place, for the rule check to
     * report ({@code ACCOUNTABLE_ROLE_NOT_HELD}) until a person moves them — delegations are never dropped silently.
     * When the participant's behaviours change, the rows they decide (a hardware provider's machine-room or server
     * duties) follow.
     */
    public ResponsibilityMatrix withParticipant(Participant participant) {
        Participant before = byOrganisation.get(participant.organisation());
        if (before == null) {
            // a programming error: callers look the organisation up among the participants first
            throw new IllegalArgumentException(String.valueOf(participant.organisation()));
        }
        List<Participant> next = participants.stream()
                .map(p -> p.organisation().equals(participant.organisation()) ? participant : p)
                .toList();
        List<MatrixRow> nextRows = new ArrayList<>(rows.size());
        for (MatrixRow row : rows) {
            List<Assignment> assignments = new ArrayList<>(row.assignments());
            for (PartyRole role : participant.roles()) {
                Accountable a = new Accountable(participant.organisation(), role);
                if (!before.holds(role)
                        && row.applicable()
                        && row.duty().names(role)
                        && row.duty().takenBy(participant, role)
                        && indexOf(assignments, a) < 0) {
                    assignments.add(Assignment.of(a));
                }
            }
            nextRows.add(assignments.size() == row.assignments().size() ? row : row.withAssignments(assignments));
        }
        ResponsibilityMatrix changed =
                toBuilder().participants(next).rows(nextRows).build();
        if (participant.behaviours().equals(before.behaviours())) {
            return changed;
        }
        // what it does changed: the rows Annex A's behaviours decide follow
        return changed.toBuilder()
                .rows(nextRows.stream()
                        .map(r -> r.duty().behaviour() == null ? r : changed.reconciled(r))
                        .toList())
                .build();
    }

    /** This matrix with {@code agreement} recorded, replacing the one of the same name (or added after the others). */
    public ResponsibilityMatrix withAgreement(Agreement agreement) {
        List<Agreement> next = new ArrayList<>(agreements);
        next.removeIf(a -> a.name().equals(agreement.name()));
        int at = java.util.stream.IntStream.range(0, agreements.size())
                .filter(i -> agreements.get(i).name().equals(agreement.name()))
                .findFirst()
                .orElse(next.size());
        next.add(at, agreement);
        return toBuilder().agreements(next).build();
    }

    /**
     * This matrix with the implementation work of {@code accountable}'s part of {@code duty} handed on once more,
     * from its current implementing party to {@code to}, on {@code handedOverOn} (null: not known, which the rule check
     * reports).
     *
     * @throws IllegalArgumentException if the duty has no such accountable party
     */
    public ResponsibilityMatrix delegate(
            RequirementId duty,
            Accountable accountable,
            UUID to,
            String agreement,
            String clause,
            java.time.LocalDate handedOverOn) {
        MatrixRow row = row(duty).orElseThrow(() -> new IllegalArgumentException("unknown duty " + duty));
        List<Assignment> next = new ArrayList<>(row.assignments());
        int i = indexOf(next, accountable);
        if (i < 0) {
            throw new IllegalArgumentException(duty + ": no assignment " + accountable);
        }
        next.set(i, next.get(i).delegate(to, agreement, clause, handedOverOn));
        return withRow(row.withAssignments(next));
    }

    /**
     * The matrix as a partner sees it (issue 12: "a partner sees only the rows that name it"): the rows naming
     * {@code organisation} (accountable, implementing or handing on), the agreements binding it, and all
     * participants (who else takes part in the system is no secret among its parties). Not for editing or for the
     * rule check, which need the whole matrix.
     */
    public ResponsibilityMatrix seenBy(UUID organisation) {
        return toBuilder()
                .agreements(
                        agreements.stream().filter(a -> a.binds(organisation)).toList())
                .rows(rows.stream().filter(r -> r.names(organisation)).toList())
                .exceptions(exceptions.stream()
                        .filter(e -> e.organisation().equals(organisation))
                        .toList())
                .build();
    }

    private static int indexOf(List<Assignment> assignments, Accountable accountable) {
        for (int i = 0; i < assignments.size(); i++) {
            if (assignments.get(i).accountable().equals(accountable)) {
                return i;
            }
        }
        return -1;
    }
}
