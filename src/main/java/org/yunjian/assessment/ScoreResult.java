package org.yunjian.assessment;

import java.util.List;
import org.yunjian.shared.Msg;

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
 * @param reasons          why the conclusion is what it is, as messages rendered in the reader's language
 */
public record ScoreResult(
        String policyId,
        String policyVersion,
        double complianceRate,
        Conclusion conclusion,
        List<Group> byLayer,
        List<Group> byControlPoint,
        List<ScoringPolicy.ScoredItem> highRisk,
        int pending,
        int mediumRisk,
        List<Msg> reasons) {

    public ScoreResult {
        byLayer = List.copyOf(byLayer);
        byControlPoint = List.copyOf(byControlPoint);
        highRisk = List.copyOf(highRisk);
        reasons = List.copyOf(reasons);
    }

    /**
     * The conclusion bands: 优 / 良 / 中 / 差 (2021 template, {@code gb-default}) and 符合 / 基本符合 / 不符合
     * (2025 template, {@code mlps-2025}); display names {@code enum.Conclusion.<CONSTANT>}.
     */
    public enum Conclusion {
        EXCELLENT,
        GOOD,
        FAIR,
        POOR,
        CONFORMS,
        BASICALLY_CONFORMS,
        DOES_NOT_CONFORM
    }

    /**
     * Nothing recorded yet (no item has a verdict): there is no conclusion to show, only "尚未测评" — a draft
     * must not read as 差 with 0.00 %.
     */
    public boolean notYetAssessed() {
        int recorded = 0;
        for (Group g : byLayer) {
            recorded += g.compliant() + g.partiallyCompliant() + g.nonCompliant() + g.notApplicable();
        }
        return recorded == 0;
    }

    /** The conclusion's display name, or "尚未测评" when nothing is recorded. */
    public Msg conclusionText() {
        return notYetAssessed() ? Msg.of("assessment.notYetAssessed") : Msg.of(conclusion);
    }

    /**
     * Aggregate of one group of items.
     *
     * @param rate percent over the applicable items with a verdict; 0 when there are none
     */
    public record Group(
            String name,
            int compliant,
            int partiallyCompliant,
            int nonCompliant,
            int notApplicable,
            int pending,
            double score,
            int scored,
            double rate) {}
}
