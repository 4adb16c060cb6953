package org.yunjian.assessment.internal;

import java.util.ArrayList;
import java.util.List;
import org.yunjian.assessment.ConclusionBand;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.assessment.ScoreResult.Conclusion;
import org.yunjian.assessment.ScoreResult.Group;
import org.yunjian.assessment.ScoringPolicy;
import org.yunjian.shared.Msg;

/**
 * The 2025 template's conclusion, policy {@code mlps-2025 v2} (docs/scoring.md): item scores and rates as in
 * {@code gb-default}; 不符合 with more high-risk findings than allowed, 符合 with no more medium-risk findings than
 * allowed and a rate at least {@code conformsMinRate}, 基本符合 with a rate at least {@code basicMinRate}, 不符合
 * otherwise. The thresholds come from {@link ScoringProperties} and are printed with the result. By default
 * {@code conformsMinRate} is 100: 符合 only with no finding of any risk level (v1 allowed low-risk findings and a
 * 10 % shortfall). No standard's text sets any of the thresholds: the reasons say they are the platform's, and that
 * the 基本符合 rate is its default (or this installation's setting) — issue 59, docs/standards/platform-defaults.md.
 */
public class Mlps2025ScoringPolicy implements ScoringPolicy {

    public static final String ID = "mlps-2025";
    public static final String VERSION = "v2";

    private final ScoringProperties.Mlps2025 t;

    public Mlps2025ScoringPolicy(ScoringProperties.Mlps2025 thresholds) {
        this.t = thresholds;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return VERSION;
    }

    public ScoringProperties.Mlps2025 thresholds() {
        return t;
    }

    /**
     * 不符合 with more high-risk findings than allowed; 符合 with at most the allowed medium-risk findings and the 符合
     * rate; 基本符合 with the 基本符合 rate; 不符合 otherwise.
     */
    @Override
    public List<ConclusionBand> bands() {
        return List.of(
                new ConclusionBand(Conclusion.DOES_NOT_CONFORM, t.basicMaxHigh() + 1, ConclusionBand.ANY, 0),
                new ConclusionBand(Conclusion.CONFORMS, 0, t.conformsMaxMedium(), t.conformsMinRate()),
                ConclusionBand.rate(Conclusion.BASICALLY_CONFORMS, t.basicMinRate()),
                ConclusionBand.otherwise(Conclusion.DOES_NOT_CONFORM));
    }

    @Override
    public ScoreResult score(List<ScoredItem> items) {
        Group total = GbDefaultScoringPolicy.group("total", items);
        List<ScoredItem> high =
                items.stream().filter(i -> finding(i, RiskLevel.HIGH)).toList();
        int medium =
                (int) items.stream().filter(i -> finding(i, RiskLevel.MEDIUM)).count();
        double rate = total.rate();
        Conclusion c = ConclusionBand.conclude(bands(), rate, high.size(), medium);
        List<Msg> reasons = new ArrayList<>();
        reasons.add(
                switch (c) {
                    case DOES_NOT_CONFORM ->
                        high.size() > t.basicMaxHigh()
                                ? Msg.of("report.reason2025.highRisk", high.size(), t.basicMaxHigh())
                                : Msg.of("report.reason2025.lowRate", rate(t.basicMinRate()));
                    case CONFORMS ->
                        t.conformsMinRate() >= 100
                                ? Msg.of("report.reason2025.conformsNoFinding")
                                : Msg.of(
                                        "report.reason2025.conforms",
                                        medium,
                                        t.conformsMaxMedium(),
                                        rate(t.conformsMinRate()));
                    case BASICALLY_CONFORMS ->
                        medium > t.conformsMaxMedium()
                                ? Msg.of("report.reason2025.basicByMedium", medium, t.conformsMaxMedium())
                                : t.conformsMinRate() >= 100
                                        ? Msg.of(
                                                "report.reason2025.basicByFindings",
                                                items.stream()
                                                        .filter(i -> finding(i, RiskLevel.LOW))
                                                        .count(),
                                                medium)
                                        : Msg.of("report.reason2025.basicByRate", rate(t.conformsMinRate()));
                    default -> throw new IllegalStateException(c.name());
                });
        reasons.add(Msg.of(
                "report.reason2025.thresholds",
                rate(t.conformsMinRate()),
                t.conformsMaxMedium(),
                rate(t.basicMinRate()),
                t.basicMaxHigh()));
        if (t.basicMinRate() > 0) {
            // no text the platform implements sets this threshold: say so, and whether it is the default (issue 59)
            reasons.add(
                    t.basicMinRateIsDefault()
                            ? Msg.of("report.reason2025.basicRateDefault", rate(t.basicMinRate()))
                            : Msg.of(
                                    "report.reason2025.basicRateConfigured",
                                    rate(t.basicMinRate()),
                                    rate(ScoringProperties.Mlps2025.DEFAULTS.basicMinRate())));
        }
        return new ScoreResult(
                ID,
                VERSION,
                rate,
                c,
                GbDefaultScoringPolicy.groups(items, ScoredItem::layer),
                GbDefaultScoringPolicy.groups(items, ScoredItem::controlPoint),
                high,
                total.pending(),
                medium,
                reasons);
    }

    private static boolean finding(ScoredItem i, RiskLevel level) {
        return i.verdict() != null && i.verdict().isFinding() && i.risk() == level;
    }

    private static String rate(double r) {
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }
}
