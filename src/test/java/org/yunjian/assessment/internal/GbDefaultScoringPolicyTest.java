package org.yunjian.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.assessment.ScoreResult.Conclusion;
import org.yunjian.assessment.ScoringPolicy.ScoredItem;
import org.yunjian.assessment.Verdict;

class GbDefaultScoringPolicyTest {

    final GbDefaultScoringPolicy policy = new GbDefaultScoringPolicy();

    /** {@code compliant} 符合 items and {@code rest} 不符合 ones of the given risk, in one control point. */
    static List<ScoredItem> items(int compliant, int nonCompliant, RiskLevel risk) {
        List<ScoredItem> out = new ArrayList<>();
        for (int i = 0; i < compliant; i++) {
            out.add(new ScoredItem("c" + i, "安全计算环境", "访问控制", Verdict.COMPLIANT, null));
        }
        for (int i = 0; i < nonCompliant; i++) {
            out.add(new ScoredItem("n" + i, "安全计算环境", "访问控制", Verdict.NON_COMPLIANT, risk));
        }
        return out;
    }

    @Test
    void scoresPartiallyCompliantItemAsHalf() {
        ScoreResult r = policy.score(List.of(
                new ScoredItem("a", "L", "C", Verdict.COMPLIANT, null),
                new ScoredItem("b", "L", "C", Verdict.PARTIALLY_COMPLIANT, RiskLevel.LOW)));
        assertThat(r.complianceRate()).isEqualTo(75.0);
    }

    @Test
    void excellentAtNinetyWithOnlyLowRisk() {
        ScoreResult r = policy.score(items(9, 1, RiskLevel.LOW));
        assertThat(r.complianceRate()).isEqualTo(90.0);
        assertThat(r.conclusion()).isEqualTo(Conclusion.EXCELLENT);
    }

    @Test
    void mediumRiskCapsAnExcellentRateAtGood() {
        ScoreResult r = policy.score(items(19, 1, RiskLevel.MEDIUM));
        assertThat(r.complianceRate()).isEqualTo(95.0);
        assertThat(r.conclusion()).isEqualTo(Conclusion.GOOD);
        assertThat(r.mediumRisk()).isEqualTo(1);
    }

    @Test
    void goodFromEightyWithoutHighRisk() {
        assertThat(policy.score(items(8, 2, RiskLevel.MEDIUM)).conclusion()).isEqualTo(Conclusion.GOOD);
        assertThat(policy.score(items(89, 11, RiskLevel.LOW)).conclusion()).isEqualTo(Conclusion.GOOD);
    }

    @Test
    void fairFromSeventyWithoutHighRisk() {
        assertThat(policy.score(items(7, 3, RiskLevel.MEDIUM)).conclusion()).isEqualTo(Conclusion.FAIR);
        assertThat(policy.score(items(79, 21, RiskLevel.LOW)).conclusion()).isEqualTo(Conclusion.FAIR);
    }

    @Test
    void poorBelowSeventy() {
        ScoreResult r = policy.score(items(69, 31, RiskLevel.LOW));
        assertThat(r.complianceRate()).isEqualTo(69.0);
        assertThat(r.conclusion()).isEqualTo(Conclusion.POOR);
    }

    @Test
    void anyHighRiskMakesItPoorWhateverTheRate() {
        ScoreResult r = policy.score(items(99, 1, RiskLevel.HIGH));
        assertThat(r.complianceRate()).isEqualTo(99.0);
        assertThat(r.conclusion()).isEqualTo(Conclusion.POOR);
        assertThat(r.highRisk()).extracting(ScoredItem::ref).containsExactly("n0");
    }

    @Test
    void notApplicableItemsAreExcludedFromTheRate() {
        List<ScoredItem> list = new ArrayList<>(items(9, 1, RiskLevel.LOW));
        for (int i = 0; i < 50; i++) {
            list.add(new ScoredItem("na" + i, "安全计算环境", "访问控制", Verdict.NOT_APPLICABLE, null));
        }
        ScoreResult r = policy.score(list);
        assertThat(r.complianceRate()).isEqualTo(90.0);
        assertThat(r.conclusion()).isEqualTo(Conclusion.EXCELLENT);
        assertThat(r.byControlPoint().get(0).notApplicable()).isEqualTo(50);
        assertThat(r.byControlPoint().get(0).scored()).isEqualTo(10);
    }

    @Test
    void riskOfACompliantItemIsIgnored() {
        ScoreResult r = policy.score(List.of(new ScoredItem("a", "L", "C", Verdict.COMPLIANT, RiskLevel.HIGH)));
        assertThat(r.conclusion()).isEqualTo(Conclusion.EXCELLENT);
    }

    @Test
    void aggregatesByLayerAndControlPointInOrderAndCountsPending() {
        ScoreResult r = policy.score(List.of(
                new ScoredItem("1", "安全物理环境", "基础设施位置", Verdict.COMPLIANT, null),
                new ScoredItem("2", "安全通信网络", "网络架构", Verdict.PARTIALLY_COMPLIANT, RiskLevel.LOW),
                new ScoredItem("3", "安全通信网络", "网络架构", null, null),
                new ScoredItem("4", "安全区域边界", "访问控制", Verdict.NON_COMPLIANT, RiskLevel.LOW)));
        assertThat(r.byLayer()).extracting(ScoreResult.Group::name).containsExactly("安全物理环境", "安全通信网络", "安全区域边界");
        assertThat(r.byLayer().get(1).rate()).isEqualTo(50.0);
        assertThat(r.byLayer().get(1).pending()).isEqualTo(1);
        assertThat(r.pending()).isEqualTo(1);
        assertThat(r.complianceRate()).isEqualTo(50.0);
    }

    @Test
    void statesThePolicyAndVersion() {
        ScoreResult r = policy.score(List.of());
        assertThat(r.policyId()).isEqualTo("gb-default");
        assertThat(r.policyVersion()).isEqualTo("v1");
        assertThat(r.conclusion()).isEqualTo(Conclusion.POOR);
    }
}
