package org.yunjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
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
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("illegal-transition"))
                    .satisfies(e -> assertThat(((ConflictException) e).text().text(Texts.ENGLISH))
                            .contains("from \"" + Msg.of(from).text(Texts.ENGLISH) + "\" to \""
                                    + Msg.of(to).text(Texts.ENGLISH) + "\""))
                    .satisfies(e -> assertThat(((ConflictException) e).text().text(Texts.CHINESE))
                            .contains("从“" + Msg.of(from).text(Texts.CHINESE) + "”变为“"
                                    + Msg.of(to).text(Texts.CHINESE) + "”"));
            assertThat(a.status()).isEqualTo(from);
            assertThat(a.drainEvents()).isEmpty();
        }
    }

    @Test
    void cannotCompleteWithoutReview() {
        assertThatThrownBy(() -> in(AssessmentStatus.IN_PROGRESS).complete(NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> in(AssessmentStatus.DRAFT).complete(NOW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void archivedIsFinal() {
        assertThat(AssessmentStatus.ARCHIVED.next()).isEmpty();
    }

    @Test
    void completedAssessmentRefusesChanges() {
        assertThatThrownBy(() -> in(AssessmentStatus.COMPLETED).requireOpen())
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("assessment-closed"))
                .satisfies(e -> assertThat(((ConflictException) e).text().text(Texts.CHINESE)).contains("已完成"));
        assertThatThrownBy(() -> in(AssessmentStatus.ARCHIVED).requireOpen())
                .isInstanceOf(ConflictException.class);
        in(AssessmentStatus.IN_REVIEW).requireOpen();
    }
}
