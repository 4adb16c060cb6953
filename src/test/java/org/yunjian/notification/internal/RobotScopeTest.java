package org.yunjian.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.shared.FieldErrors;

/** The rule of a robot's scope, without Spring: who hears of what, and which input is refused. */
class RobotScopeTest {

    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();
    static final UUID STRANGERS = UUID.randomUUID();
    static final Set<UUID> OURS = Set.of(A, B);

    @Test
    void aWholeOrganisationRobotHearsEveryTaskAndAScopedOneOnlyItsSystems() {
        RobotScope onlyA = new RobotScope(false, Set.of(A));
        assertThat(RobotScope.WHOLE_ORGANIZATION.hears(A)).isTrue();
        assertThat(RobotScope.WHOLE_ORGANIZATION.hears(null)).isTrue();
        assertThat(onlyA.hears(A)).isTrue();
        assertThat(onlyA.hears(B)).isFalse();
        assertThat(onlyA.hears(null)).as("a task about no system").isFalse();
    }

    @Test
    void noSystemsNamedMeansTheWholeOrganisationAndNamedSystemsMeanThoseAlone() {
        FieldErrors errors = new FieldErrors();
        assertThat(RobotScope.of(null, null, OURS, errors)).contains(RobotScope.WHOLE_ORGANIZATION);
        assertThat(RobotScope.of(true, List.of(), OURS, errors)).contains(RobotScope.WHOLE_ORGANIZATION);
        assertThat(RobotScope.of(null, List.of(A.toString(), ""), OURS, errors))
                .contains(new RobotScope(false, Set.of(A)));
        assertThat(RobotScope.of(false, List.of(A.toString(), B.toString()), OURS, errors))
                .contains(new RobotScope(false, Set.of(A, B)));
        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void refusesAStrangersSystemAnUnreadableIdBothScopesAtOnceOrNoSystemAtAll() {
        assertThat(refused(null, List.of(A.toString(), STRANGERS.toString()))).containsOnlyKeys("systems");
        assertThat(refused(null, List.of("not-an-id"))).containsOnlyKeys("systems");
        assertThat(refused(true, List.of(A.toString()))).containsOnlyKeys("wholeOrganization");
        assertThat(refused(false, List.of())).containsOnlyKeys("systems");
        assertThatThrownBy(() -> new RobotScope(true, Set.of(A))).isInstanceOf(IllegalArgumentException.class);
    }

    static java.util.Map<String, ?> refused(Boolean whole, List<String> systems) {
        FieldErrors errors = new FieldErrors();
        assertThat(RobotScope.of(whole, systems, OURS, errors)).isEmpty();
        return errors.messages();
    }
}
