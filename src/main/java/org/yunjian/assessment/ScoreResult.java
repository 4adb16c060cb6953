package org.yunjian.assessment;

import java.util.List;

/**
 * What a {@link ScoringPolicy} made of an assessment.
 *
 * @param policyId         the policy that produced it
 * @param policyVersion    and its version
 * @param complianceRate   overall compliance in percent (0–100), over the applicable items with a verdict
 * @param conclusion       the conclusion band
 * @param byLayer          aggregates per 安全层面 in catalog order
 * @param byControlPoint   aggregates per 控制点 in catalog order
 * @param highRisk         the high-risk findings, listed apart
 * @param pending          items without a verdict yet (not scored)
 * @param reasons          why the conclusion is what it is, in words the report can print
 */
public record ScoreResult(String policyId, String policyVersion, double complianceRate, Conclusion conclusion,
                          List<Group> byLayer, List<Group> byControlPoint, List<ScoringPolicy.ScoredItem> highRisk,
                          int pending, int mediumRisk, List<String> reasons) {

    public ScoreResult {
        byLayer = List.copyOf(byLayer);
        byControlPoint = List.copyOf(byControlPoint);
        highRisk = List.copyOf(highRisk);
        reasons = List.copyOf(reasons);
    }

    /** The conclusion bands (优 / 良 / 中 / 差). */
    public enum Conclusion {
        EXCELLENT("优", "Excellent"), GOOD("良", "Good"), FAIR("中", "Fair"), POOR("差", "Poor");

        private final String zh;
        private final String en;

        Conclusion(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }

    /**
     * Aggregate of one group of items.
     *
     * @param rate percent over the applicable items with a verdict; 0 when there are none
     */
    public record Group(String name, int compliant, int partiallyCompliant, int nonCompliant, int notApplicable,
                        int pending, double score, int scored, double rate) {
    }
}
