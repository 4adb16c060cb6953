package org.yunjian.responsibility.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;
import org.yunjian.responsibility.Accountable;
import org.yunjian.responsibility.Agreement;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.Behaviour;
import org.yunjian.responsibility.Hop;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.RoleAssistant;
import org.yunjian.responsibility.RoleDecision;
import org.yunjian.responsibility.internal.HandOvers.AgreementInput;
import org.yunjian.responsibility.internal.MatrixDocument.StoredAssignment;
import org.yunjian.responsibility.internal.MatrixDocument.StoredHop;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.TextRules;

/**
 * Checks what a caller sends for an edit and turns it into domain values, naming every bad field. Whether the
 * result follows T/CCIA §5 is not checked here: a draft may break the rules; {@code RuleCheck} says which.
 */
@Component
public class EditInputs {

    static final int NAME_MAX = 200;
    public static final int CLAUSE_MAX = 50;
    static final int REASON_MAX = 2000;

    private final TextRules textRules;

    EditInputs(TextRules textRules) {
        this.textRules = textRules;
    }

    /** The row of a duty that applies to the system; 404 for an unknown duty, 409 for one that does not apply. */
    MatrixRow row(ResponsibilityMatrix m, String dutyId) {
        RequirementId id;
        try {
            id = RequirementId.of(dutyId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("duty", dutyId);
        }
        MatrixRow row = m.row(id).orElseThrow(() -> new NotFoundException("duty", dutyId));
        if (!row.applicable()) {
            throw new ConflictException("responsibility-not-applicable", row.notApplicable());
        }
        return row;
    }

    /** The applicability question a path names; 404 for an unknown one. */
    org.yunjian.responsibility.ApplicabilityQuestion question(String name) {
        try {
            return org.yunjian.responsibility.ApplicabilityQuestion.valueOf(String.valueOf(name));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("applicability-question", name);
        }
    }

    public List<Assignment> assignments(ResponsibilityMatrix m, List<StoredAssignment> in) {
        FieldErrors errors = new FieldErrors();
        if (in == null) {
            errors.add("assignments", "responsibility.error.required").throwIfAny();
        }
        List<Assignment> out = new ArrayList<>();
        Set<Accountable> seen = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            String field = "assignments[" + i + "]";
            StoredAssignment a = in.get(i);
            if (a == null || a.organisation() == null || a.role() == null) {
                errors.add(field, "responsibility.error.accountableRequired");
                continue;
            }
            if (m.participant(a.organisation()).isEmpty()) {
                errors.add(field + ".organisation", "responsibility.error.notParticipant", a.organisation());
                continue;
            }
            if (!seen.add(new Accountable(a.organisation(), a.role()))) {
                errors.add(field, "responsibility.error.duplicateAccountable");
                continue;
            }
            Assignment built = assignment(m, a, field, errors);
            if (built != null) {
                out.add(built);
            }
        }
        errors.throwIfAny();
        return out;
    }

    private Assignment assignment(ResponsibilityMatrix m, StoredAssignment a, String field, FieldErrors errors) {
        List<Hop> chain = new ArrayList<>();
        java.util.UUID at = a.organisation();
        for (int j = 0; j < a.chain().size(); j++) {
            String hf = field + ".chain[" + j + "]";
            StoredHop h = a.chain().get(j);
            if (h == null || h.to() == null) {
                errors.add(hf + ".to", "responsibility.error.required");
                return null;
            }
            if (m.participant(h.to()).isEmpty()) {
                errors.add(hf + ".to", "responsibility.error.notParticipant", h.to());
                return null;
            }
            if (h.from() != null && !h.from().equals(at) || h.to().equals(at)) {
                errors.add(hf, "responsibility.error.chainBroken");
                return null;
            }
            line(errors, hf + ".agreement", h.agreement(), NAME_MAX);
            line(errors, hf + ".clause", h.clause(), CLAUSE_MAX);
            chain.add(new Hop(at, h.to(), h.agreement(), h.clause(), h.handedOverOn()));
            at = h.to();
        }
        return new Assignment(new Accountable(a.organisation(), a.role()), chain);
    }

    /** Where {@code accountable} is among the row's assignments; 400 naming the field if it is not. */
    int indexOf(MatrixRow row, Accountable accountable) {
        if (accountable == null || accountable.organisation() == null || accountable.role() == null) {
            throw new FieldErrors.ValidationException("accountable", "responsibility.error.accountableRequired");
        }
        for (int i = 0; i < row.assignments().size(); i++) {
            if (row.assignments().get(i).accountable().equals(accountable)) {
                return i;
            }
        }
        throw new FieldErrors.ValidationException(
                "accountable",
                "responsibility.error.noSuchAccountable",
                row.duty().id().value());
    }

    /** A role decision for a participant, every bad field named. */
    RoleDecision decision(
            RoleAssistant assistant,
            ResponsibilityMatrix m,
            java.util.UUID organisation,
            Set<Behaviour> behaviours,
            Set<PartyRole> roles,
            String reason) {
        FieldErrors errors = new FieldErrors();
        if (roles != null) {
            roles.stream()
                    .filter(r -> r == null || !org.yunjian.party.GuideRoles.inTccia(r))
                    .findFirst()
                    .ifPresent(r -> errors.add("roles", "responsibility.error.notTcciaRole"));
        }
        textRules.check(errors, "reason", reason, REASON_MAX, Text.Kind.LINES, "responsibility.error.tooLong");
        errors.throwIfAny();
        boolean otherProvider = m.participants().stream()
                .anyMatch(p -> !p.organisation().equals(organisation) && p.holds(PartyRole.PROVIDER));
        try {
            return RoleDecision.of(
                    assistant, organisation, behaviours == null ? Set.of() : behaviours, otherProvider, roles, reason);
        } catch (RoleDecision.NoBehaviour e) {
            throw new FieldErrors.ValidationException("behaviours", "responsibility.error.noBehaviour");
        } catch (RoleDecision.ReasonRequired e) {
            throw new FieldErrors.ValidationException("reason", "responsibility.error.reasonRequired");
        }
    }

    Agreement agreement(ResponsibilityMatrix m, AgreementInput in) {
        FieldErrors errors = new FieldErrors();
        if (in == null) {
            errors.add("name", "responsibility.error.required").throwIfAny();
        }
        if (in.name() == null || in.name().isBlank()) {
            errors.add("name", "responsibility.error.required");
        } else {
            line(errors, "name", in.name(), NAME_MAX);
            if (m.agreement(in.name().strip()).isPresent()) {
                errors.add(
                        "name",
                        "responsibility.error.agreementExists",
                        in.name().strip());
            }
        }
        party(m, errors, "partyA", in.partyA());
        party(m, errors, "partyB", in.partyB());
        if (in.partyA() != null && in.partyA().equals(in.partyB())) {
            errors.add("partyB", "responsibility.error.sameParty");
        }
        if (in.clauses() != null) {
            for (int i = 0; i < in.clauses().size(); i++) {
                line(errors, "clauses[" + i + "]", in.clauses().get(i), CLAUSE_MAX);
            }
        }
        line(errors, "supervisionClause", in.supervisionClause(), CLAUSE_MAX);
        line(errors, "accountabilityClause", in.accountabilityClause(), CLAUSE_MAX);
        errors.throwIfAny();
        return new Agreement(
                in.name(),
                in.partyA(),
                in.partyB(),
                in.signedOn(),
                in.supervisionClause(),
                in.accountabilityClause(),
                in.customerConsentOn());
    }

    /** A clause reference read from an exchanged document, checked as one typed into a form ({@code field}: its path). */
    public void clause(FieldErrors errors, String field, String value) {
        line(errors, field, value, CLAUSE_MAX);
    }

    List<String> clauses(List<String> in) {
        return in == null
                ? List.of()
                : in.stream()
                        .filter(c -> c != null && !c.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }

    private static void party(ResponsibilityMatrix m, FieldErrors errors, String field, java.util.UUID org) {
        if (org == null) {
            errors.add(field, "responsibility.error.required");
        } else if (m.participant(org).isEmpty()) {
            errors.add(field, "responsibility.error.notParticipant", org);
        }
    }

    private void line(FieldErrors errors, String field, String value, int max) {
        textRules.check(errors, field, value, max, Text.Kind.LINE, "responsibility.error.tooLong");
    }
}
