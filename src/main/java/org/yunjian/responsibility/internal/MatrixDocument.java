package org.yunjian.responsibility.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.ServiceModel;
import org.yunjian.responsibility.Accountable;
import org.yunjian.responsibility.Agreement;
import org.yunjian.responsibility.ApplicabilityQuestion;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.Behaviour;
import org.yunjian.responsibility.Check;
import org.yunjian.responsibility.Duties;
import org.yunjian.responsibility.Duty;
import org.yunjian.responsibility.Hop;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.RuleException;
import org.yunjian.shared.Msg;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of one matrix version (schema {@value #SCHEMA}, docs/modules/responsibility.md): what the users
 * decided, nothing the standard already says. Rows hold only the assignments of duties that apply; which duties
 * there are, their text and the reason a duty does not apply are read from the catalog again when the version is
 * read, so a stored version cannot contradict the catalog.
 */
public record MatrixDocument(
        int schema,
        ServiceModel serviceModel,
        List<StoredParticipant> participants,
        List<StoredAgreement> agreements,
        List<StoredRow> rows,
        Map<ApplicabilityQuestion, Boolean> answers,
        List<StoredException> exceptions) {

    public static final int SCHEMA = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param source         where the roles come from: {@code ENGAGEMENTS} (the system's customer, provider and
     *                       engagements) or {@code CONFIRMED}
     * @param confirmedBy    who confirmed the roles, or null
     * @param overrideReason why the roles differ from the proposal, or null
     * @param behaviours     what the organisation does on this system, as ticked in the role assistant (Annex A
     *                       behaviours), empty where nobody ran the assistant for it
     */
    public record StoredParticipant(
            UUID organisation,
            String name,
            Set<PartyRole> roles,
            String source,
            String confirmedBy,
            String overrideReason,
            Set<Behaviour> behaviours) {
        public StoredParticipant {
            behaviours = behaviours == null || behaviours.isEmpty() ? Set.of() : Set.copyOf(behaviours);
        }
    }

    /**
     * Issue 36 added {@code signedOn}, {@code supervisionClause}, {@code accountabilityClause} and
     * {@code customerConsentOn} (T/CCIA §5 a) 3), b) 2), c); JR/T 7.3, 7.4.3); documents written before lack them
     * (null: not recorded).
     */
    public record StoredAgreement(
            String name,
            UUID partyA,
            UUID partyB,
            List<String> clauses,
            LocalDate signedOn,
            String supervisionClause,
            String accountabilityClause,
            LocalDate customerConsentOn) {
        public StoredAgreement {
            clauses = clauses == null ? List.of() : List.copyOf(clauses);
        }
    }

    /**
     * {@code handedOverOn} (issue 36): the day the work was handed over; null in documents written before and where a
     * full-row edit or an import gave none (the rule check then says so).
     */
    public record StoredHop(UUID from, UUID to, String agreement, String clause, LocalDate handedOverOn) {}

    /** An approved exception to a "原则上" rule of §5 (issue 36; {@link RuleException}). */
    public record StoredException(
            Check check, String duty, UUID organisation, String reason, String approvedBy, Instant approvedAt) {}

    public record StoredAssignment(UUID organisation, PartyRole role, List<StoredHop> chain) {
        public StoredAssignment {
            chain = chain == null ? List.of() : List.copyOf(chain);
        }
    }

    public record StoredRow(String duty, List<StoredAssignment> assignments) {
        public StoredRow {
            assignments = assignments == null ? List.of() : List.copyOf(assignments);
        }
    }

    /** @param answers the applicability questions answered (absent in documents written before issue 36: none) */
    public MatrixDocument {
        participants = List.copyOf(participants);
        agreements = List.copyOf(agreements);
        rows = List.copyOf(rows);
        Map<ApplicabilityQuestion, Boolean> given = new java.util.EnumMap<>(ApplicabilityQuestion.class);
        if (answers != null) {
            answers.forEach((q, a) -> {
                if (q != null && a != null) {
                    given.put(q, a);
                }
            });
        }
        answers = java.util.Collections.unmodifiableMap(given);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }

    /** The document of a matrix; participants keep the source recorded in {@code previous} (by organisation). */
    public static MatrixDocument of(
            ResponsibilityMatrix m, Map<UUID, StoredParticipant> previous, Map<String, List<String>> clauses) {
        List<StoredParticipant> ps = new ArrayList<>();
        for (Participant p : m.participants()) {
            StoredParticipant before = previous.get(p.organisation());
            ps.add(
                    before == null
                            ? new StoredParticipant(
                                    p.organisation(), p.name(), p.roles(), "ENGAGEMENTS", null, null, p.behaviours())
                            : new StoredParticipant(
                                    p.organisation(),
                                    p.name(),
                                    p.roles(),
                                    before.source(),
                                    before.confirmedBy(),
                                    before.overrideReason(),
                                    p.behaviours()));
        }
        List<StoredAgreement> as = m.agreements().stream()
                .map(a -> new StoredAgreement(
                        a.name(),
                        a.partyA(),
                        a.partyB(),
                        clauses.getOrDefault(a.name(), List.of()),
                        a.signedOn(),
                        a.supervisionClause(),
                        a.accountabilityClause(),
                        a.customerConsentOn()))
                .toList();
        List<StoredRow> rs = new ArrayList<>();
        for (MatrixRow row : m.rows()) {
            if (row.applicable()) {
                rs.add(new StoredRow(
                        row.duty().id().value(),
                        row.assignments().stream().map(MatrixDocument::stored).toList()));
            }
        }
        List<StoredException> es =
                m.exceptions().stream().map(MatrixDocument::stored).toList();
        return new MatrixDocument(SCHEMA, m.serviceModel(), ps, as, rs, m.answers(), es);
    }

    public static StoredAssignment stored(Assignment a) {
        return new StoredAssignment(
                a.accountable().organisation(),
                a.accountable().role(),
                a.chain().stream()
                        .map(h -> new StoredHop(h.from(), h.to(), h.agreement(), h.clause(), h.handedOverOn()))
                        .toList());
    }

    public static Assignment assignment(StoredAssignment a) {
        return new Assignment(
                new Accountable(a.organisation(), a.role()),
                a.chain().stream()
                        .map(h -> new Hop(h.from(), h.to(), h.agreement(), h.clause(), h.handedOverOn()))
                        .toList());
    }

    /**
     * The matrix: every duty of the catalog in its order, with the stored assignments of those that apply (which
     * ones do is {@link ResponsibilityMatrix#notApplicable}'s to say, from the participants and answers stored).
     */
    ResponsibilityMatrix matrix(UUID systemId, Duties duties) {
        Map<String, StoredRow> byDuty = new LinkedHashMap<>();
        rows.forEach(r -> byDuty.put(r.duty(), r));
        List<Participant> ps = participants.stream()
                .map(p -> new Participant(p.organisation(), p.name(), p.roles(), p.behaviours()))
                .toList();
        List<Agreement> as = agreements.stream().map(MatrixDocument::agreement).toList();
        ResponsibilityMatrix shell = ResponsibilityMatrix.builder(systemId, serviceModel)
                .participants(ps)
                .agreements(as)
                .answers(answers)
                .build();
        List<MatrixRow> out = new ArrayList<>();
        for (Duty duty : duties.all()) {
            Msg reason = shell.notApplicable(duty);
            StoredRow r = byDuty.get(duty.id().value());
            out.add(
                    reason != null
                            ? new MatrixRow(duty, List.of(), reason)
                            : new MatrixRow(
                                    duty,
                                    r == null
                                            ? List.of()
                                            : r.assignments().stream()
                                                    .map(MatrixDocument::assignment)
                                                    .toList(),
                                    null));
        }
        return shell.toBuilder()
                .rows(out)
                .exceptions(exceptions.stream().map(MatrixDocument::exception).toList())
                .build();
    }

    static RuleException exception(StoredException e) {
        return new RuleException(
                e.check(),
                e.duty() == null ? null : new RequirementId(e.duty()),
                e.organisation(),
                e.reason(),
                e.approvedBy(),
                e.approvedAt());
    }

    static StoredException stored(RuleException e) {
        return new StoredException(
                e.check(),
                e.dutyId().map(RequirementId::value).orElse(null),
                e.organisation(),
                e.reason(),
                e.approvedBy(),
                e.approvedAt());
    }

    static Agreement agreement(StoredAgreement a) {
        return new Agreement(
                a.name(),
                a.partyA(),
                a.partyB(),
                a.signedOn(),
                a.supervisionClause(),
                a.accountabilityClause(),
                a.customerConsentOn());
    }

    /** This document cut down to what {@code seen} (a {@code seenBy} matrix) shows: its agreements and rows only. */
    MatrixDocument restrictedTo(ResponsibilityMatrix seen) {
        return new MatrixDocument(
                schema,
                serviceModel,
                participants,
                agreements.stream()
                        .filter(a -> seen.agreement(a.name()).isPresent())
                        .toList(),
                rows.stream()
                        .filter(r -> seen.row(new RequirementId(r.duty())).isPresent())
                        .toList(),
                answers,
                exceptions.stream()
                        .filter(e -> seen.exceptions().stream()
                                .anyMatch(x -> x.organisation().equals(e.organisation())))
                        .toList());
    }

    public Map<UUID, StoredParticipant> participantsByOrganisation() {
        Map<UUID, StoredParticipant> out = new LinkedHashMap<>();
        participants.forEach(p -> out.put(p.organisation(), p));
        return out;
    }

    public Map<String, List<String>> clausesByAgreement() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        agreements.forEach(a -> out.put(a.name(), a.clauses()));
        return out;
    }

    public String json() {
        return JSON.writeValueAsString(this);
    }

    static MatrixDocument read(String json) {
        MatrixDocument d = JSON.readValue(json, MatrixDocument.class);
        if (d.schema() != SCHEMA) {
            throw new IllegalStateException("schema " + d.schema());
        }
        return d;
    }
}
