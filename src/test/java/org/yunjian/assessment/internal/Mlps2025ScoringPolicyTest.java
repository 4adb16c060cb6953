package org.yunjian.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yunjian.assessment.internal.GbDefaultScoringPolicyTest.items;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yunjian.assessment.ReportTemplate;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.ScoreResult.Conclusion;
import org.yunjian.assessment.ScoringPolicy.ScoredItem;
import org.yunjian.assessment.Verdict;

/** The 2025 template's conclusion at each threshold, with the defaults and with configured thresholds. */
class Mlps2025ScoringPolicyTest {

    final Mlps2025ScoringPolicy policy = new Mlps2025ScoringPolicy(ScoringProperties.Mlps2025.DEFAULTS);

    /** {@code compliant} 符合 items, {@code low} low-risk and {@code medium} medium-risk and {@code high} high-risk 不符合 items. */
    static List<ScoredItem> mix(int compliant, int low, int medium, int high) {
        List<ScoredItem> out = new ArrayList<>(items(compliant, low, RiskLevel.LOW));
        for (int i = 0; i < medium; i++) {
            out.add(new ScoredItem("m" + i, "安全计算环境", "访问控制", Verdict.NON_COMPLIANT, RiskLevel.MEDIUM));
        }
        for (int i = 0; i < high; i++) {
            out.add(new ScoredItem("h" + i, "安全计算环境", "访问控制", Verdict.NON_COMPLIANT, RiskLevel.HIGH));
        }
        return out;
    }

    /**
     * Rows: compliant, low, medium, high → conclusion under the defaults (符合 only with no finding of any risk level,
     * 基本符合 ≥ 70 and no high risk).
     */
    @ParameterizedTest(name = "{0} compliant, {1} low, {2} medium, {3} high → {4}")
    @CsvSource({
        "100, 0, 0, 0, CONFORMS", // no finding at all: conforms
        "99, 1, 0, 0, BASICALLY_CONFORMS", // a single low-risk finding stops 符合 (v1 called this 符合)
        "90, 10, 0, 0, BASICALLY_CONFORMS", // 90 %, low risks only: basically conforms (v1: conforms)
        "95, 4, 1, 0, BASICALLY_CONFORMS", // one medium risk stops 符合 whatever the rate
        "70, 30, 0, 0, BASICALLY_CONFORMS", // exactly 70 %: basically conforms
        "69, 31, 0, 0, DOES_NOT_CONFORM", // 69 %: below the 基本符合 rate
        "99, 0, 0, 1, DOES_NOT_CONFORM", // one high risk: does not conform whatever the rate
    })
    void concludesAtEachDefaultThreshold(int compliant, int low, int medium, int high, Conclusion expected) {
        assertThat(policy.score(mix(compliant, low, medium, high)).conclusion()).isEqualTo(expected);
    }

    @Test
    void aSingleLowRiskFindingIsBasicallyConformsAndSaysWhy() {
        var r = policy.score(mix(20, 1, 0, 0));
        assertThat(r.conclusion()).isEqualTo(Conclusion.BASICALLY_CONFORMS);
        assertThat(r.reasons().get(0).key()).isEqualTo("report.reason2025.basicByFindings");
        assertThat(r.reasons().get(0).text(org.yunjian.shared.Texts.CHINESE)).contains("低风险问题 1 个");
        assertThat(policy.score(mix(20, 0, 0, 0)).reasons().get(0).key())
                .isEqualTo("report.reason2025.conformsNoFinding");
    }

    @Test
    void aRateIsNever100WhileAFindingRemainsHoweverManyItems() {
        // one 部分符合 among 20,000 scored items would round to 100.00: the rate stops at 99.99, so 符合 stays shut
        assertThat(org.yunjian.assessment.ConclusionBand.rate(19_999.5, 20_000)).isEqualTo(99.99);
        assertThat(org.yunjian.assessment.ConclusionBand.rate(20_000, 20_000)).isEqualTo(100.0);
        List<ScoredItem> many = new ArrayList<>(items(19_999, 0, RiskLevel.LOW));
        many.add(new ScoredItem("p", "安全计算环境", "访问控制", Verdict.PARTIALLY_COMPLIANT, RiskLevel.LOW));
        assertThat(policy.score(many).conclusion()).isEqualTo(Conclusion.BASICALLY_CONFORMS);
    }

    @Test
    void namesItselfAndPrintsTheThresholdsItUsed() {
        var r = policy.score(mix(10, 0, 0, 0));
        assertThat(r.policyId()).isEqualTo("mlps-2025");
        assertThat(r.policyVersion()).isEqualTo("v2");
        assertThat(r.reasons())
                .extracting(m -> m.key())
                .contains("report.reason2025.conformsNoFinding", "report.reason2025.thresholds");
    }

    /**
     * Issue 59 item 1: no standard's text sets the 基本符合 rate of 70 % (docs/scoring.md, source 3; the five texts of
     * docs/standards are silent). The reasons printed with every result say the thresholds are the platform's and the
     * 70 % its default, where it comes from and that it can be configured — and, once configured, that it is this
     * platform's setting, not the default.
     */
    @Test
    void theBasicRateIsPrintedAsThePlatformsDefaultNotAsTheTemplates() {
        var r = policy.score(mix(80, 20, 0, 0));
        assertThat(r.conclusion()).isEqualTo(Conclusion.BASICALLY_CONFORMS);
        assertThat(r.reasons())
                .extracting(m -> m.key())
                .containsExactly(
                        "report.reason2025.basicByFindings",
                        "report.reason2025.thresholds",
                        "report.reason2025.basicRateDefault");
        String zh = String.join(
                "\n",
                r.reasons().stream()
                        .map(m -> m.text(org.yunjian.shared.Texts.CHINESE))
                        .toList());
        assertThat(zh)
                .contains("判定阈值（由平台设定，标准未规定）")
                .contains("基本符合所需的符合率 70% 为平台默认（标准未规定）")
                .contains("2021 版模版评分规则中“中”档的 70%")
                .contains("平台可配置此阈值");
        String en = String.join(
                "\n",
                r.reasons().stream().map(m -> m.text(java.util.Locale.ENGLISH)).toList());
        assertThat(en)
                .contains("Thresholds (set by the platform, not by the standards)")
                .contains("is the platform default (the standards do not set it)")
                .contains("The platform can configure it.");

        var configured = new Mlps2025ScoringPolicy(new ScoringProperties.Mlps2025(100, 0, 60, 0));
        var c = configured.score(mix(80, 20, 0, 0));
        assertThat(c.reasons()).extracting(m -> m.key()).contains("report.reason2025.basicRateConfigured");
        assertThat(c.reasons()).extracting(m -> m.key()).doesNotContain("report.reason2025.basicRateDefault");
        assertThat(c.reasons().get(2).text(org.yunjian.shared.Texts.CHINESE))
                .isEqualTo("基本符合所需的符合率 60% 为本平台配置（标准未规定；平台默认为 70%）。");

        // with the rate condition off there is no rate to account for
        var riskOnly = new Mlps2025ScoringPolicy(new ScoringProperties.Mlps2025(0, 0, 0, 0));
        assertThat(riskOnly.score(mix(80, 20, 0, 0)).reasons())
                .extracting(m -> m.key())
                .containsExactly("report.reason2025.conforms", "report.reason2025.thresholds");
    }

    @Test
    void aRiskOnlyReadingIsAConfigurationAway() {
        // rate conditions off: only the risk levels decide (符合: no medium or high; 基本符合: no high)
        var riskOnly = new Mlps2025ScoringPolicy(new ScoringProperties.Mlps2025(0, 0, 0, 0));
        assertThat(riskOnly.score(mix(10, 90, 0, 0)).conclusion()).isEqualTo(Conclusion.CONFORMS);
        assertThat(riskOnly.score(mix(10, 0, 1, 0)).conclusion()).isEqualTo(Conclusion.BASICALLY_CONFORMS);
        assertThat(riskOnly.score(mix(10, 0, 0, 1)).conclusion()).isEqualTo(Conclusion.DOES_NOT_CONFORM);
        // a tolerant reading: two medium risks may still conform
        var tolerant = new Mlps2025ScoringPolicy(new ScoringProperties.Mlps2025(90, 2, 70, 0));
        assertThat(tolerant.score(mix(98, 0, 2, 0)).conclusion()).isEqualTo(Conclusion.CONFORMS);
        assertThat(tolerant.score(mix(97, 0, 3, 0)).conclusion()).isEqualTo(Conclusion.BASICALLY_CONFORMS);
    }

    @Test
    void refusesThresholdsThatCannotHold() {
        assertThatThrownBy(() -> new ScoringProperties.Mlps2025(101, 0, 70, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoringProperties.Mlps2025(70, 0, 90, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoringProperties.Mlps2025(90, -1, 70, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contractsSinceTheCutoffTakeThe2025TemplateAndOlderOnesMayTake2021() {
        assertThat(ReportTemplate.forContract(java.time.LocalDate.of(2025, 3, 19)))
                .isEqualTo(ReportTemplate.T2021);
        assertThat(ReportTemplate.forContract(java.time.LocalDate.of(2025, 3, 20)))
                .isEqualTo(ReportTemplate.T2025);
        assertThat(ReportTemplate.forContract(null)).isEqualTo(ReportTemplate.T2025);
        assertThat(ReportTemplate.T2021.allowedFor(java.time.LocalDate.of(2025, 3, 20)))
                .isFalse();
        assertThat(ReportTemplate.T2025.allowedFor(java.time.LocalDate.of(2024, 1, 1)))
                .isTrue();
    }
}
