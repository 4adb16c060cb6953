package org.yunjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.LocalizedException;
import org.yunjian.shared.Texts;

/** Testing, review and approval are done by different people: the domain refuses every way round it. */
class SeparationOfDutiesTest {

    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    static final AssessmentTeam.Member CHEN = new AssessmentTeam.Member(UUID.randomUUID(), "测评师 陈工");
    static final AssessmentTeam.Member SUN = new AssessmentTeam.Member(UUID.randomUUID(), "测评师 孙工");
    static final AssessmentTeam.Member ZHOU = new AssessmentTeam.Member(UUID.randomUUID(), "质量审核 周工");
    static final AssessmentTeam.Member WU = new AssessmentTeam.Member(UUID.randomUUID(), "技术负责人 吴工");
    static final AssessmentTeam TEAM = new AssessmentTeam(List.of(CHEN, SUN), ZHOU, WU);

    static Assessment in(AssessmentStatus s) {
        return new Assessment(UUID.randomUUID(), UUID.randomUUID(), s, null);
    }

    static String zh(Throwable e) {
        return ((LocalizedException) e).text().text(Texts.CHINESE);
    }

    @Test
    void samePersonCanNeverHoldTwoRolesAndTheRefusalNamesThePersonAndBothRoles() {
        assertThatThrownBy(() -> new AssessmentTeam(List.of(CHEN), CHEN, WU))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("team-role-clash"))
                .satisfies(e -> assertThat(zh(e)).contains("测评师 陈工", "测评人员", "审核人"));
        assertThatThrownBy(() -> new AssessmentTeam(List.of(CHEN), ZHOU, ZHOU))
                .satisfies(e -> assertThat(zh(e)).contains("质量审核 周工", "审核人", "批准人"));
        assertThatThrownBy(() -> new AssessmentTeam(List.of(SUN), ZHOU, SUN))
                .satisfies(e -> assertThat(((ConflictException) e).text().text(Texts.ENGLISH))
                        .contains("测评师 孙工", "Tester", "Approver"));
    }

    @Test
    void personWhoRecordedVerdictsCannotBecomeReviewerOrApprover() {
        AssessmentTeam team = new AssessmentTeam(List.of(CHEN), SUN, WU);
        assertThatThrownBy(() -> team.requireSignersDidNotRecord(Set.of(CHEN.id(), SUN.id())))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("team-reviews-own-work"))
                .satisfies(e -> assertThat(zh(e)).contains("测评师 孙工", "审核人"));
        team.requireSignersDidNotRecord(Set.of(CHEN.id()));
    }

    @Test
    void testerCannotReviewOrApprove() {
        assertThatThrownBy(() -> in(AssessmentStatus.IN_REVIEW).sendBack(AssessmentRole.TESTER, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> in(AssessmentStatus.IN_REVIEW).approveReview(AssessmentRole.TESTER, TEAM, NOW))
                .isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(zh(e)).contains("审核人"));
        assertThatThrownBy(() -> in(AssessmentStatus.APPROVAL).approveReport(AssessmentRole.TESTER, TEAM, NOW))
                .isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(zh(e)).contains("批准人"));
    }

    @Test
    void reviewerCannotApproveTheReportOrSubmit() {
        assertThatThrownBy(() -> in(AssessmentStatus.APPROVAL).approveReport(AssessmentRole.REVIEWER, TEAM, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> in(AssessmentStatus.APPROVAL).returnToReview(AssessmentRole.REVIEWER, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> in(AssessmentStatus.IN_PROGRESS).submitForReview(AssessmentRole.REVIEWER, TEAM, NOW))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void approverCannotReview() {
        assertThatThrownBy(() -> in(AssessmentStatus.IN_REVIEW).approveReview(AssessmentRole.APPROVER, TEAM, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> in(AssessmentStatus.IN_REVIEW).sendBack(AssessmentRole.APPROVER, NOW))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void nobodyWithoutARoleMovesTheReview() {
        assertThatThrownBy(() -> in(AssessmentStatus.IN_PROGRESS).submitForReview(null, TEAM, NOW))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void submittingNeedsAReviewerAndCompletingNeedsReviewerAndApprover() {
        AssessmentTeam testersOnly = AssessmentTeam.testersOnly(List.of(CHEN));
        assertThatThrownBy(
                        () -> in(AssessmentStatus.IN_PROGRESS).submitForReview(AssessmentRole.TESTER, testersOnly, NOW))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(zh(e)).contains("审核人"));
        AssessmentTeam noApprover = new AssessmentTeam(List.of(CHEN), ZHOU, null);
        assertThatThrownBy(() -> in(AssessmentStatus.IN_REVIEW).approveReview(AssessmentRole.REVIEWER, noApprover, NOW))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("team-incomplete"));
        assertThatThrownBy(() -> in(AssessmentStatus.APPROVAL).approveReport(AssessmentRole.APPROVER, noApprover, NOW))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(zh(e)).contains("审核人和批准人"));
    }

    @Test
    void verdictsAreFrozenOnceTheReviewIsApproved() {
        in(AssessmentStatus.IN_REVIEW).requireOpen();
        assertThatThrownBy(() -> in(AssessmentStatus.APPROVAL).requireOpen()).isInstanceOf(ConflictException.class);
    }

    @Test
    void submissionCheckListsEveryGapOfAnItemAtOnce() {
        UUID id = UUID.randomUUID();
        assertThat(SubmissionCheck.gaps(
                        new SubmissionCheck.ItemFacts(id, null, null, null, null, null, null, null, 0, null, 1)))
                .containsExactly(SubmissionCheck.Gap.VERDICT, SubmissionCheck.Gap.OPEN_COMMENT);
        assertThat(SubmissionCheck.gaps(new SubmissionCheck.ItemFacts(
                        id, Verdict.NON_COMPLIANT, null, null, null, " ", null, " ", 0, null, 0)))
                .containsExactly(
                        SubmissionCheck.Gap.RISK_LEVEL,
                        SubmissionCheck.Gap.RISK_REASON,
                        SubmissionCheck.Gap.FINDING,
                        SubmissionCheck.Gap.RECOMMENDATION,
                        SubmissionCheck.Gap.EVIDENCE);
        // 部分符合 rests on evidence or on what the assessor observed, whatever the no-evidence reason says
        assertThat(SubmissionCheck.gaps(new SubmissionCheck.ItemFacts(
                        id, Verdict.PARTIALLY_COMPLIANT, null, null, RiskLevel.LOW, "r", "问题", "建议", 0, "现场不允许拍照", 0)))
                .containsExactly(SubmissionCheck.Gap.SUPPORT);
        assertThat(SubmissionCheck.gaps(new SubmissionCheck.ItemFacts(
                        id,
                        Verdict.PARTIALLY_COMPLIANT,
                        null,
                        "机房门禁记录显示两名运维人员共用一张卡（机房入口，11 月 3 日）",
                        RiskLevel.LOW,
                        "r",
                        "问题",
                        "建议",
                        0,
                        "现场不允许拍照",
                        0)))
                .isEmpty();
        assertThat(SubmissionCheck.gaps(new SubmissionCheck.ItemFacts(
                        id, Verdict.PARTIALLY_COMPLIANT, null, null, RiskLevel.LOW, "r", "问题", "建议", 2, null, 0)))
                .isEmpty();
        assertThat(SubmissionCheck.gaps(new SubmissionCheck.ItemFacts(
                        id, Verdict.NOT_APPLICABLE, "", null, null, null, null, null, 0, null, 0)))
                .containsExactly(SubmissionCheck.Gap.NOT_APPLICABLE_REASON);
        // 符合 with only a reason rests on nothing; with evidence or a 现场记录 it is ready
        assertThat(SubmissionCheck.gaps(new SubmissionCheck.ItemFacts(
                        id, Verdict.COMPLIANT, "已配置", null, null, null, null, null, 0, null, 0)))
                .containsExactly(SubmissionCheck.Gap.SUPPORT);
        assertThat(SubmissionCheck.gaps(new SubmissionCheck.ItemFacts(
                        id, Verdict.COMPLIANT, null, " ", null, null, null, null, 0, null, 0)))
                .containsExactly(SubmissionCheck.Gap.SUPPORT);
        assertThat(SubmissionCheck.gaps(new SubmissionCheck.ItemFacts(
                        id, Verdict.COMPLIANT, null, null, null, null, null, null, 1, null, 0)))
                .isEmpty();
        assertThat(SubmissionCheck.gaps(new SubmissionCheck.ItemFacts(
                        id, Verdict.COMPLIANT, null, "控制台安全组规则截图核对一致（云管平台，测评当日）", null, null, null, null, 0, null, 0)))
                .isEmpty();
    }
}
