package org.yunjian.assessment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.ConclusionBand;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.assessment.ScoreResult.Conclusion;
import org.yunjian.assessment.ScoreResult.Group;
import org.yunjian.assessment.ScoringPolicy;
import org.yunjian.assessment.Verdict;
import org.yunjian.shared.Msg;

/**
 * The default policy {@code gb-default v1} (docs/scoring.md): 符合 1, 部分符合 0.5, 不符合 0, 不适用 and
 * unrecorded items excluded; rate = score / scored items × 100; 优 ≥ 90 with no medium or high risk,
 * 良 ≥ 80 and 中 ≥ 70 with no high risk, 差 otherwise or with any high-risk finding.
 */
@Component
@org.springframework.context.annotation.Primary
public class GbDefaultScoringPolicy implements ScoringPolicy {

    public static final String ID = "gb-default";
    public static final String VERSION = "v1";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return VERSION;
    }

    /** 差 with any high-risk finding; 优 ≥ 90 with no medium-risk one; 良 ≥ 80; 中 ≥ 70; 差 otherwise. */
    static final List<ConclusionBand> BANDS = List.of(
            new ConclusionBand(Conclusion.POOR, 1, ConclusionBand.ANY, 0),
            new ConclusionBand(Conclusion.EXCELLENT, 0, 0, 90),
            ConclusionBand.rate(Conclusion.GOOD, 80),
            ConclusionBand.rate(Conclusion.FAIR, 70),
            ConclusionBand.otherwise(Conclusion.POOR));

    @Override
    public List<ConclusionBand> bands() {
        return BANDS;
    }

    public static double itemScore(Verdict v) {
        return switch (v) {
            case COMPLIANT -> 1.0;
            case PARTIALLY_COMPLIANT -> 0.5;
            case NON_COMPLIANT -> 0.0;
            case NOT_APPLICABLE -> throw new IllegalArgumentException("not-applicable-unscored");
        };
    }

    @Override
    public ScoreResult score(List<ScoredItem> items) {
        Group total = group("total", items);
        List<ScoredItem> high = items.stream()
                .filter(i -> i.verdict() != null && i.verdict().isFinding() && i.risk() == RiskLevel.HIGH)
                .toList();
        int medium = (int) items.stream()
                .filter(i -> i.verdict() != null && i.verdict().isFinding() && i.risk() == RiskLevel.MEDIUM)
                .count();
        double rate = total.rate();
        Conclusion c = ConclusionBand.conclude(BANDS, rate, high.size(), medium);
        Msg reason =
                switch (c) {
                    case POOR ->
                        high.isEmpty()
                                ? Msg.of("assessment.reason.poor")
                                : Msg.of("assessment.reason.highRisk", high.size());
                    case EXCELLENT -> Msg.of("assessment.reason.excellent");
                    case GOOD ->
                        rate >= 90
                                ? Msg.of("assessment.reason.goodCappedByMedium", medium)
                                : Msg.of("assessment.reason.good");
                    case FAIR -> Msg.of("assessment.reason.fair");
                    default -> throw new IllegalStateException(c.name());
                };
        List<Msg> reasons = List.of(reason);
        return new ScoreResult(
                ID,
                VERSION,
                rate,
                c,
                groups(items, ScoredItem::layer),
                groups(items, ScoredItem::controlPoint),
                high,
                total.pending(),
                medium,
                reasons);
    }

    static List<Group> groups(List<ScoredItem> items, Function<ScoredItem, String> key) {
        Map<String, List<ScoredItem>> by = new LinkedHashMap<>();
        items.forEach(
                i -> by.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i));
        return by.entrySet().stream().map(e -> group(e.getKey(), e.getValue())).toList();
    }

    static Group group(String name, List<ScoredItem> items) {
        int[] n = new int[5];
        double score = 0;
        for (ScoredItem i : items) {
            if (i.verdict() == null) {
                n[4]++;
                continue;
            }
            n[i.verdict().ordinal()]++;
            if (i.verdict() != Verdict.NOT_APPLICABLE) {
                score += itemScore(i.verdict());
            }
        }
        int scored = n[0] + n[1] + n[2];
        double rate = ConclusionBand.rate(score, scored);
        return new Group(name, n[0], n[1], n[2], n[3], n[4], score, scored, rate);
    }
}
