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

import org.yunjian.catalog.RequirementId;
import org.yunjian.party.PartyRole;
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

    /**
     * @param serviceModel the system's service model, or null where it is not known
     * @throws IllegalArgumentException if an organisation, a duty or an agreement name occurs twice
     */
    public ResponsibilityMatrix(UUID systemId, ServiceModel serviceModel, List<Participant> participants,
                                List<Agreement> agreements, List<MatrixRow> rows) {
        this(systemId, serviceModel, participants, agreements, rows, List.of());
    }

    /** As above, with the approved exceptions to the "原则上" rules of §5 ({@link RuleException}). */
    public ResponsibilityMatrix(UUID systemId, ServiceModel serviceModel, List<Participant> participants,
                                List<Agreement> agreements, List<MatrixRow> rows, List<RuleException> exceptions) {
        this.exceptions = List.copyOf(exceptions);
        this.systemId = Objects.requireNonNull(systemId, "systemId");
        this.serviceModel = serviceModel;
        this.participants = List.copyOf(participants);
        this.agreements = List.copyOf(agreements);
        this.rows = List.copyOf(rows);
        Map<UUID, Participant> orgs = new LinkedHashMap<>();
        Map<PartyRole, List<Participant>> roles = new EnumMap<>(PartyRole.class);
        for (Participant p : this.participants) {
            if (orgs.putIfAbsent(p.organisation(), p) != null) {
                throw new IllegalArgumentException("duplicate participant " + p.organisation());
            }
            p.roles().forEach(r -> roles.computeIfAbsent(r, k -> new ArrayList<>()).add(p));
        }
        roles.replaceAll((k, v) -> List.copyOf(v));
        if (this.agreements.stream().map(Agreement::name).distinct().count() != this.agreements.size()) {
            throw new IllegalArgumentException("duplicate agreement");
        }
        Map<RequirementId, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < this.rows.size(); i++) {
            if (index.putIfAbsent(this.rows.get(i).duty().id(), i) != null) {
                throw new IllegalArgumentException("duplicate duty " + this.rows.get(i).duty().id());
            }
        }
        this.byOrganisation = Collections.unmodifiableMap(orgs);
        this.byRole = Collections.unmodifiableMap(roles);
        this.rowIndex = Collections.unmodifiableMap(index);
    }

    /**
     * The first matrix from the standard: each duty to every participant holding a role the duty names, as its
     * accountable and implementing party, nothing delegated. A duty restricted to another service model (9.1 b)
     * 1)–3)) is marked not applicable. A role nobody holds leaves that part of the duty unassigned — a gap the rule
     * check reports.
     */
    public static ResponsibilityMatrix generate(Duties duties, UUID systemId, ServiceModel serviceModel,
                                                List<Participant> participants) {
        ResponsibilityMatrix empty = new ResponsibilityMatrix(systemId, serviceModel, participants, List.of(), List.of());
        List<MatrixRow> rows = new ArrayList<>(duties.all().size());
        for (Duty duty : duties.all()) {
            if (!duty.appliesTo(serviceModel)) {
                rows.add(new MatrixRow(duty, List.of(), Msg.of("responsibility.notApplicable.serviceModel",
                        Msg.of(duty.serviceModel()), Msg.of(serviceModel))));
                continue;
            }
            List<Assignment> assignments = new ArrayList<>();
            for (PartyRole role : PartyRole.values()) {
                if (duty.names(role)) {
                    empty.holders(role).forEach(p -> assignments.add(Assignment.of(new Accountable(p.organisation(), role))));
                }
            }
            rows.add(new MatrixRow(duty, assignments, null));
        }
        return new ResponsibilityMatrix(systemId, serviceModel, participants, List.of(), rows);
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
        return new ResponsibilityMatrix(systemId, serviceModel, participants, agreements, rows, next);
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
        return new ResponsibilityMatrix(systemId, serviceModel, participants, agreements, next, exceptions);
    }

    /**
     * This matrix with {@code participant}'s roles replacing those held so far by the same organisation. A role
     * taken on makes the organisation accountable for every applicable duty naming that role (as generation would
     * have); a role given up leaves its assignments in place, for the rule check to report
     * ({@code ACCOUNTABLE_ROLE_NOT_HELD}) until a person moves them — delegations are never dropped silently.
     */
    public ResponsibilityMatrix withParticipant(Participant participant) {
        Participant before = byOrganisation.get(participant.organisation());
        if (before == null) {
            // a programming error: callers look the organisation up among the participants first
            throw new IllegalArgumentException(String.valueOf(participant.organisation()));
        }
        List<Participant> next = participants.stream()
                .map(p -> p.organisation().equals(participant.organisation()) ? participant : p).toList();
        List<MatrixRow> nextRows = new ArrayList<>(rows.size());
        for (MatrixRow row : rows) {
            List<Assignment> assignments = new ArrayList<>(row.assignments());
            for (PartyRole role : participant.roles()) {
                Accountable a = new Accountable(participant.organisation(), role);
                if (!before.holds(role) && row.applicable() && row.duty().names(role) && indexOf(assignments, a) < 0) {
                    assignments.add(Assignment.of(a));
                }
            }
            nextRows.add(assignments.size() == row.assignments().size() ? row : row.withAssignments(assignments));
        }
        return new ResponsibilityMatrix(systemId, serviceModel, next, agreements, nextRows, exceptions);
    }

    public ResponsibilityMatrix withAgreement(Agreement agreement) {
        List<Agreement> next = new ArrayList<>(agreements);
        next.add(agreement);
        return new ResponsibilityMatrix(systemId, serviceModel, participants, next, rows, exceptions);
    }

    /**
     * This matrix with the implementation work of {@code accountable}'s part of {@code duty} handed on once more,
     * from its current implementing party to {@code to}.
     *
     * @throws IllegalArgumentException if the duty has no such accountable party
     */
    public ResponsibilityMatrix delegate(RequirementId duty, Accountable accountable, UUID to, String agreement,
                                         String clause) {
        MatrixRow row = row(duty).orElseThrow(() -> new IllegalArgumentException("unknown duty " + duty));
        List<Assignment> next = new ArrayList<>(row.assignments());
        int i = indexOf(next, accountable);
        if (i < 0) {
            throw new IllegalArgumentException(duty + ": no assignment " + accountable);
        }
        next.set(i, next.get(i).delegate(to, agreement, clause));
        return withRow(row.withAssignments(next));
    }

    /**
     * The matrix as a partner sees it (issue 12: "a partner sees only the rows that name it"): the rows naming
     * {@code organisation} (accountable, implementing or handing on), the agreements binding it, and all
     * participants (who else takes part in the system is no secret among its parties). Not for editing or for the
     * rule check, which need the whole matrix.
     */
    public ResponsibilityMatrix seenBy(UUID organisation) {
        return new ResponsibilityMatrix(systemId, serviceModel, participants,
                agreements.stream().filter(a -> a.binds(organisation)).toList(),
                rows.stream().filter(r -> r.names(organisation)).toList(),
                exceptions.stream().filter(e -> e.organisation().equals(organisation)).toList());
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
