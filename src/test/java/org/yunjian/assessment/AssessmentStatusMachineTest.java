package org.yunjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

class AssessmentStatusMachineTest {

    static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");

    static final AssessmentTeam.Member TESTER = new AssessmentTeam.Member(UUID.randomUUID(), "陈工");
    static final AssessmentTeam.Member REVIEWER = new AssessmentTeam.Member(UUID.randomUUID(), "周工");
    static final AssessmentTeam.Member APPROVER = new AssessmentTeam.Member(UUID.randomUUID(), "吴工");
    static final AssessmentTeam TEAM = new AssessmentTeam(java.util.List.of(TESTER), REVIEWER, APPROVER);

    static Assessment in(AssessmentStatus status) {
        return new Assessment(
                UUID.randomUUID(),
                UUID.randomUUID(),
                status,
                null,
                AssessorKind.THIRD_PARTY,
                java.util.List.of("MLPS-L3"));
    }

    @Test
    void walksTheWholeLifecycleAndRegistersOneEventPerTransition() {
        Assessment a = in(AssessmentStatus.DRAFT);
        a.start(NOW)
                .submitForReview(AssessmentRole.TESTER, TEAM, NOW)
                .sendBack(AssessmentRole.REVIEWER, NOW)
                .submitForReview(AssessmentRole.TESTER, TEAM, NOW)
                .approveReview(AssessmentRole.REVIEWER, TEAM, NOW)
                .returnToReview(AssessmentRole.APPROVER, NOW)
                .approveReview(AssessmentRole.REVIEWER, TEAM, NOW)
                .approveReport(AssessmentRole.APPROVER, TEAM, NOW)
                .archive(NOW);
        assertThat(a.status()).isEqualTo(AssessmentStatus.ARCHIVED);
        assertThat(a.completedAt()).isEqualTo(NOW);
        assertThat(a.drainEvents())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly(
                        "AssessmentStarted",
                        "AssessmentSubmittedForReview",
                        "AssessmentSentBack",
                        "AssessmentSubmittedForReview",
                        "AssessmentReviewApproved",
                        "AssessmentReturnedToReview",
                        "AssessmentReviewApproved",
                        "AssessmentCompleted",
                        "AssessmentArchived");
        assertThat(a.drainEvents()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(AssessmentStatus.class)
    void refusesEveryMoveTheMachineDoesNotAllowWhoeverAsks(AssessmentStatus from) {
        for (AssessmentStatus to : AssessmentStatus.values()) {
            if (from.canMoveTo(to)) {
                continue;
            }
            Assessment a = in(from);
            for (AssessmentRole actor : AssessmentRole.values()) {
                assertThatThrownBy(() -> a.moveTo(to, actor, TEAM, NOW))
                        .as("%s -> %s", from, to)
                        .isInstanceOf(ConflictException.class)
                        .satisfies(
                                e -> assertThat(((ConflictException) e).code()).isEqualTo("illegal-transition"))
                        .satisfies(
                                e -> assertThat(((ConflictException) e).text().text(Texts.ENGLISH))
                                        .contains("from \"" + Msg.of(from).text(Texts.ENGLISH) + "\" to \""
                                                + Msg.of(to).text(Texts.ENGLISH) + "\""))
                        .satisfies(
                                e -> assertThat(((ConflictException) e).text().text(Texts.CHINESE))
                                        .contains("从“" + Msg.of(from).text(Texts.CHINESE) + "”变为“"
                                                + Msg.of(to).text(Texts.CHINESE) + "”"));
            }
            assertThat(a.status()).isEqualTo(from);
            assertThat(a.drainEvents()).isEmpty();
        }
    }

    @Test
    void cannotCompleteWithoutReviewAndApproval() {
        assertThatThrownBy(() -> in(AssessmentStatus.IN_PROGRESS).approveReport(AssessmentRole.APPROVER, TEAM, NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> in(AssessmentStatus.IN_REVIEW).approveReport(AssessmentRole.APPROVER, TEAM, NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> in(AssessmentStatus.DRAFT).approveReport(AssessmentRole.APPROVER, TEAM, NOW))
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
                .satisfies(e -> assertThat(((ConflictException) e).text().text(Texts.CHINESE))
                        .contains("已完成"));
        assertThatThrownBy(() -> in(AssessmentStatus.ARCHIVED).requireOpen()).isInstanceOf(ConflictException.class);
        in(AssessmentStatus.IN_REVIEW).requireOpen();
    }
}
