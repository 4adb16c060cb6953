package org.yunjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AssessmentStatusMachineTest {

    static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");

    static Assessment in(AssessmentStatus status) {
        return new Assessment(UUID.randomUUID(), UUID.randomUUID(), status, null);
    }

    @Test
    void walksTheWholeLifecycleAndRegistersOneEventPerTransition() {
        Assessment a = in(AssessmentStatus.DRAFT);
        a.start(NOW).submitForReview(NOW).sendBack(NOW).submitForReview(NOW).complete(NOW).archive(NOW);
        assertThat(a.status()).isEqualTo(AssessmentStatus.ARCHIVED);
        assertThat(a.completedAt()).isEqualTo(NOW);
        assertThat(a.drainEvents()).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "AssessmentStarted", "AssessmentSubmittedForReview", "AssessmentSentBack",
                "AssessmentSubmittedForReview", "AssessmentCompleted", "AssessmentArchived");
        assertThat(a.drainEvents()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(AssessmentStatus.class)
    void refusesEveryMoveTheMachineDoesNotAllow(AssessmentStatus from) {
        for (AssessmentStatus to : AssessmentStatus.values()) {
            if (from.canMoveTo(to)) {
                continue;
            }
            Assessment a = in(from);
            assertThatThrownBy(() -> a.moveTo(to, NOW)).as("%s -> %s", from, to)
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining(from + " to " + to);
            assertThat(a.status()).isEqualTo(from);
            assertThat(a.drainEvents()).isEmpty();
        }
    }

    @Test
    void cannotCompleteWithoutReview() {
        assertThatThrownBy(() -> in(AssessmentStatus.IN_PROGRESS).complete(NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> in(AssessmentStatus.DRAFT).complete(NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void archivedIsFinal() {
        assertThat(AssessmentStatus.ARCHIVED.next()).isEmpty();
    }

    @Test
    void completedAssessmentRefusesChanges() {
        assertThatThrownBy(() -> in(AssessmentStatus.COMPLETED).requireOpen())
                .isInstanceOf(AssessmentConflictException.class);
        assertThatThrownBy(() -> in(AssessmentStatus.ARCHIVED).requireOpen())
                .isInstanceOf(AssessmentConflictException.class);
        in(AssessmentStatus.IN_REVIEW).requireOpen();
    }
}
