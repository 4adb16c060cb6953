package org.yunjian.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.Msg;

/**
 * Who tests (测评人员), who reviews (审核人) and who approves the report (批准人) on one assessment. Separation of
 * duties: one person holds at most one of the three roles — a team that would give someone two cannot be built
 * (409 {@code team-role-clash}, naming the person and both roles). The reviewer and the approver may be missing
 * while the work goes on; submitting needs a reviewer and completing needs both.
 */
public record AssessmentTeam(List<Member> testers, Member reviewer, Member approver) {

    /** A person of the assessor organisation, with the display name refusals show. */
    public record Member(UUID id, String name) {
        public Member {
            Objects.requireNonNull(id);
            name = name == null ? "—" : name;
        }
    }

    public AssessmentTeam {
        Map<UUID, Member> unique = new LinkedHashMap<>();
        (testers == null ? List.<Member>of() : testers).forEach(m -> unique.putIfAbsent(m.id(), m));
        testers = List.copyOf(unique.values());
        Map<UUID, AssessmentRole> held = new LinkedHashMap<>();
        testers.forEach(m -> held.put(m.id(), AssessmentRole.TESTER));
        claim(held, reviewer, AssessmentRole.REVIEWER);
        claim(held, approver, AssessmentRole.APPROVER);
    }

    /** A team without reviewer and approver. */
    public static AssessmentTeam testersOnly(List<Member> testers) {
        return new AssessmentTeam(testers, null, null);
    }

    private static void claim(Map<UUID, AssessmentRole> held, Member m, AssessmentRole role) {
        if (m == null) {
            return;
        }
        AssessmentRole other = held.putIfAbsent(m.id(), role);
        if (other != null) {
            throw twoRoles(m, other, role);
        }
    }

    /** The refusal of one person in two roles (409 {@code team-role-clash}). */
    public static ConflictException twoRoles(Member m, AssessmentRole first, AssessmentRole second) {
        return new ConflictException(
                "team-role-clash", "assessment.team.error.twoRoles", m.name(), Msg.of(first), Msg.of(second));
    }

    /** The role {@code user} holds on this team, or null. */
    public AssessmentRole roleOf(UUID user) {
        if (testers.stream().anyMatch(m -> m.id().equals(user))) {
            return AssessmentRole.TESTER;
        }
        if (reviewer != null && reviewer.id().equals(user)) {
            return AssessmentRole.REVIEWER;
        }
        return approver != null && approver.id().equals(user) ? AssessmentRole.APPROVER : null;
    }

    public boolean hasReviewerAndApprover() {
        return reviewer != null && approver != null;
    }

    /**
     * Nobody reviews or approves their own work: a person who recorded verdicts on the assessment cannot be its
     * reviewer or approver (409 {@code team-reviews-own-work}).
     */
    public void requireSignersDidNotRecord(Set<UUID> recordedVerdicts) {
        List<Member> signers = new ArrayList<>();
        if (reviewer != null) {
            signers.add(reviewer);
        }
        if (approver != null) {
            signers.add(approver);
        }
        for (Member m : signers) {
            if (recordedVerdicts.contains(m.id())) {
                throw new ConflictException(
                        "team-reviews-own-work",
                        "assessment.team.error.recordedVerdicts",
                        m.name(),
                        Msg.of(roleOf(m.id())));
            }
        }
    }
}
