package org.yunjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.security.Role;
import org.yunjian.security.UserView;

/** The assessor chosen on the creation form, and who may be on its team. */
class AssessorChoiceTests {

    static final UUID ORG = UUID.fromString("7d3c1b9e-0000-4000-8000-000000000001");

    @Test
    void readsTheFormValueItWrites() {
        AssessorChoice c = new AssessorChoice(AssessorKind.CUSTOMER_SELF, ORG);
        assertThat(AssessorChoice.parse(c.value())).contains(c);
        assertThat(AssessorChoice.parse("THIRD_PARTY:" + ORG))
                .contains(new AssessorChoice(AssessorKind.THIRD_PARTY, ORG));
    }

    @Test
    void namesNoChoiceForAMalformedValue() {
        assertThat(AssessorChoice.parse(null)).isEmpty();
        assertThat(AssessorChoice.parse("")).isEmpty();
        assertThat(AssessorChoice.parse(":" + ORG)).isEmpty();
        assertThat(AssessorChoice.parse("NOBODY:" + ORG)).isEmpty();
        assertThat(AssessorChoice.parse("THIRD_PARTY:not-a-uuid")).isEmpty();
    }

    @Test
    void onlyEnabledBusinessUsersOfTheAssessorOrganisationMayJoinTheTeam() {
        assertThat(AssessorChoice.mayJoinTeam(ORG, user(Role.USER, ORG, true))).isTrue();
        assertThat(AssessorChoice.mayJoinTeam(ORG, user(Role.USER, UUID.randomUUID(), true)))
                .isFalse();
        assertThat(AssessorChoice.mayJoinTeam(ORG, user(Role.USER, ORG, false))).isFalse();
        assertThat(AssessorChoice.mayJoinTeam(ORG, user(Role.SYSTEM_ADMIN, ORG, true)))
                .isFalse();
    }

    private static UserView user(Role role, UUID org, boolean enabled) {
        return new UserView(
                UUID.randomUUID(),
                "u",
                "用户",
                role,
                org,
                "机构",
                enabled,
                false,
                null,
                false,
                false,
                false,
                null,
                null,
                null,
                false,
                null,
                0);
    }
}
