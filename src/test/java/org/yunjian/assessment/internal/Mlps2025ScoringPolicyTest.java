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

    /** Rows: compliant, low, medium, high → conclusion under the defaults (符合 ≥ 90 and no medium, 基本符合 ≥ 70). */
    @ParameterizedTest(name = "{0} compliant, {1} low, {2} medium, {3} high → {4}")
    @CsvSource({
            "90, 10, 0, 0, CONFORMS",            // exactly 90 %: conforms
            "89, 11, 0, 0, BASICALLY_CONFORMS",  // 89 %: below the 符合 rate
            "100, 0, 0, 0, CONFORMS",
            "95, 4, 1, 0, BASICALLY_CONFORMS",   // one medium risk stops 符合 whatever the rate
            "70, 30, 0, 0, BASICALLY_CONFORMS",  // exactly 70 %: basically conforms
            "69, 31, 0, 0, DOES_NOT_CONFORM",    // 69 %: below the 基本符合 rate
            "99, 0, 0, 1, DOES_NOT_CONFORM",     // one high risk: does not conform whatever the rate
    })
    void concludesAtEachDefaultThreshold(int compliant, int low, int medium, int high, Conclusion expected) {
        assertThat(policy.score(mix(compliant, low, medium, high)).conclusion()).isEqualTo(expected);
    }

    @Test
    void namesItselfAndPrintsTheThresholdsItUsed() {
        var r = policy.score(mix(9, 1, 0, 0));
        assertThat(r.policyId()).isEqualTo("mlps-2025");
        assertThat(r.policyVersion()).isEqualTo("v1");
        assertThat(r.reasons()).extracting(m -> m.key()).contains("report.reason2025.conforms",
                "report.reason2025.thresholds");
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
        assertThat(ReportTemplate.forContract(java.time.LocalDate.of(2025, 3, 19))).isEqualTo(ReportTemplate.T2021);
        assertThat(ReportTemplate.forContract(java.time.LocalDate.of(2025, 3, 20))).isEqualTo(ReportTemplate.T2025);
        assertThat(ReportTemplate.forContract(null)).isEqualTo(ReportTemplate.T2025);
        assertThat(ReportTemplate.T2021.allowedFor(java.time.LocalDate.of(2025, 3, 20))).isFalse();
        assertThat(ReportTemplate.T2025.allowedFor(java.time.LocalDate.of(2024, 1, 1))).isTrue();
    }
}
