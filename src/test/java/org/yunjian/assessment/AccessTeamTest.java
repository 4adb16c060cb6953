package org.yunjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.assessment.Access.Relation;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DataClassification;
import org.yunjian.party.Industry;
import org.yunjian.party.ServiceModel;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;

/** The team roles of an assessment decide who tests, who reviews and who approves — one role per person. */
class AccessTeamTest {

    private final Instant now = Instant.parse("2026-11-24T08:00:00Z");
    private final UUID body = UUID.randomUUID();
    private final UUID tester = UUID.randomUUID();
    private final UUID reviewer = UUID.randomUUID();
    private final UUID approver = UUID.randomUUID();
    private final UUID colleague = UUID.randomUUID();

    private AssessmentInfo assessment(List<UUID> testers) {
        return new AssessmentInfo(
                UUID.randomUUID(),
                "a",
                UUID.randomUUID(),
                body,
                AssessorKind.THIRD_PARTY,
                AssessmentStatus.IN_PROGRESS,
                testers,
                List.of(reviewer),
                List.of(approver),
                List.of("MLPS-L3"),
                now,
                now,
                null,
                null);
    }

    private CloudSystem system(AssessmentInfo a) {
        return new CloudSystem(
                a.systemId(),
                "s",
                UUID.randomUUID(),
                3,
                DeploymentModel.values()[0],
                ServiceModel.values()[0],
                Industry.values()[0],
                DataClassification.values()[0],
                List.of("北京"),
                UUID.randomUUID(),
                List.of(),
                now,
                now);
    }

    private java.util.Set<Relation> relations(AssessmentInfo a, UUID user) {
        return Access.relations(a, system(a), new CurrentUser(user, "u", body, Role.USER));
    }

    @Test
    void reviewerAndApproverAreNeverTestersEvenWhileNoTesterIsAssigned() {
        AssessmentInfo open = assessment(List.of());
        assertThat(relations(open, colleague)).contains(Relation.ASSESSOR);
        assertThat(relations(open, reviewer))
                .contains(Relation.REVIEWER)
                .doesNotContain(Relation.ASSESSOR, Relation.APPROVER);
        assertThat(relations(open, approver))
                .contains(Relation.APPROVER)
                .doesNotContain(Relation.ASSESSOR, Relation.REVIEWER);
    }

    @Test
    void assignedTestersAloneTestOnceTestersAreNamed() {
        AssessmentInfo named = assessment(List.of(tester));
        assertThat(relations(named, tester)).contains(Relation.ASSESSOR);
        assertThat(relations(named, colleague)).contains(Relation.ASSESSOR_ORG).doesNotContain(Relation.ASSESSOR);
        assertThat(named.roleOf(tester)).isEqualTo(AssessmentRole.TESTER);
        assertThat(named.roleOf(reviewer)).isEqualTo(AssessmentRole.REVIEWER);
        assertThat(named.roleOf(approver)).isEqualTo(AssessmentRole.APPROVER);
        assertThat(named.roleOf(colleague)).isNull();
    }
}
