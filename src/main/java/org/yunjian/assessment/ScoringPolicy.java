package org.yunjian.assessment;

import java.util.List;

/**
 * Turns recorded verdicts into scores and a conclusion. Replaceable: the result names the policy and
 * version that produced it, so a report can always say how its numbers were obtained
 * (see {@code docs/scoring.md}).
 */
public interface ScoringPolicy {

    /** Stable identifier, e.g. {@code gb-default}. */
    String id();

    /** Version of the rules, e.g. {@code v1}; changes whenever a number could change. */
    String version();

    ScoreResult score(List<ScoredItem> items);

    /**
     * The conclusion rule as data: the bands {@link #score} concludes with ({@link ConclusionBand#conclude}), tried
     * in order. The dashboards compile them to SQL to count and filter conclusions across systems in the database.
     */
    List<ConclusionBand> bands();

    /**
     * One test item as the policy sees it.
     *
     * @param ref          stable reference of the item (requirement id and side)
     * @param layer        安全层面 (or the checklist's chapter) the item is grouped under
     * @param controlPoint 控制点 (or the checklist's clause)
     * @param verdict      the current verdict, {@code null} if none yet
     * @param risk         the assessor's risk level of a finding, {@code null} otherwise
     */
    record ScoredItem(String ref, String layer, String controlPoint, Verdict verdict, RiskLevel risk) {}
}
