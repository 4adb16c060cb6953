package org.yunjian.assessment;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.yunjian.assessment.internal.GbDefaultScoringPolicy;

/**
 * The scoring rules of docs/scoring.md compiled to SQL, for the dashboards to count, filter and score thousands of
 * systems in the database: the item scores from {@link GbDefaultScoringPolicy#itemScore}, findings from
 * {@link Verdict#isFinding}, the rate of {@link ConclusionBand#rate} and each template's conclusion from its
 * policy's {@link ScoringPolicy#bands()}. Nothing here states a rule of its own; {@code ScoreSqlTests} checks the
 * SQL against the Java on H2 and PostgreSQL.
 */
public final class ScoreQueries {

    private static final String QUOTED = """
            '%s'""";
    /** Alias, verdict. */
    private static final String COUNT = """
            SUM(CASE WHEN %s.verdict = '%s' THEN 1 ELSE 0 END)""";
    /** Alias, the WHEN branches of {@link #SCORE_WHEN}. */
    private static final String DOUBLED_SCORE = """
            SUM(CASE %s.verdict %s ELSE 0 END)""";

    private static final String SCORE_WHEN = """
            WHEN '%s' THEN %d""";
    /** Alias, quoted verdicts. */
    private static final String IN_COUNT = """
            SUM(CASE WHEN %s.verdict IN (%s) THEN 1 ELSE 0 END)""";
    /** Alias, quoted verdicts, alias, risk level. */
    private static final String FINDINGS = """
            SUM(CASE WHEN %s.verdict IN (%s) AND %s.risk_level = '%s' THEN 1 ELSE 0 END)""";
    /** Alias, quoted verdicts. */
    private static final String IS_IN = """
            %s.verdict IN (%s)""";
    /** Twice the score, the scored count: the rate in hundredths rounded as Java rounds. */
    private static final String ROUNDED = """
            FLOOR(CAST(%s AS DOUBLE PRECISION) * CAST(0.5 AS DOUBLE PRECISION) / CAST(%s \
            AS DOUBLE PRECISION) * CAST(10000 AS DOUBLE PRECISION) + CAST(0.5 AS DOUBLE PRECISION))""";
    /** Scored count, twice the score, scored count, rounded rate, rounded rate. */
    private static final String RATE = """
            CAST(CASE WHEN %s = 0 THEN 0 WHEN %s < 2 * %s AND %s >= 10000 THEN 9999 ELSE %s END AS BIGINT)""";
    /** Template column, the WHEN branches of {@link #TEMPLATE_WHEN}. */
    private static final String BY_TEMPLATE = """
            CASE %s%s END""";

    private static final String TEMPLATE_WHEN = """
            \sWHEN '%s' THEN %s""";

    private ScoreQueries() {}

    /** Twice the item score (an integer: 符合 2, 部分符合 1, 不符合 0), of a scored verdict. */
    public static int doubledScore(Verdict v) {
        return (int) Math.round(GbDefaultScoringPolicy.itemScore(v) * 2);
    }

    private static String list(List<Verdict> verdicts) {
        return verdicts.stream().map(v -> QUOTED.formatted(v.name())).collect(Collectors.joining(", "));
    }

    private static List<Verdict> scored() {
        return Arrays.stream(Verdict.values())
                .filter(v -> v != Verdict.NOT_APPLICABLE)
                .toList();
    }

    private static List<Verdict> findings() {
        return Arrays.stream(Verdict.values()).filter(Verdict::isFinding).toList();
    }

    /** A column counting the items of alias {@code i} with verdict {@code v}. */
    public static String count(String i, Verdict v) {
        return COUNT.formatted(i, v.name());
    }

    /** Twice the summed item scores of the items of alias {@code i}. */
    public static String doubledScore(String i) {
        return DOUBLED_SCORE.formatted(
                i,
                scored().stream()
                        .map(v -> SCORE_WHEN.formatted(v.name(), doubledScore(v)))
                        .collect(Collectors.joining(" ")));
    }

    /** The number of scored items (a verdict other than 不适用). */
    public static String scoredCount(String i) {
        return IN_COUNT.formatted(i, list(scored()));
    }

    /** The number of findings at {@code level}. */
    public static String findings(String i, RiskLevel level) {
        return FINDINGS.formatted(i, list(findings()), i, level.name());
    }

    /** Whether an item of alias {@code i} is a finding. */
    public static String isFinding(String i) {
        return IS_IN.formatted(i, list(findings()));
    }

    /**
     * The rate of {@link ConclusionBand#rate} in hundredths of a percent (an integer), from twice the score and the
     * scored count: the same IEEE double steps as the Java ({@code Math.round(score / scored * 10000)}).
     */
    public static String rateHundredths(String doubledScore, String scored) {
        String rounded = ROUNDED.formatted(doubledScore, scored);
        // never 100 % while an item scores less than 1 (ConclusionBand.rate)
        return RATE.formatted(scored, doubledScore, scored, rounded, rounded);
    }

    /** The least rate in hundredths {@code h} with {@code h / 100.0 >= minRate}, as Java compares. */
    public static long minHundredths(double minRate) {
        long h = (long) Math.ceil(minRate * 100);
        while (h > 0 && (h - 1) / 100.0 >= minRate) {
            h--;
        }
        while (h / 100.0 < minRate) {
            h++;
        }
        return h;
    }

    /** The conclusion of {@code bands} as a CASE expression over rate hundredths and the high and medium counts. */
    public static String conclusion(List<ConclusionBand> bands, String rateHundredths, String high, String medium) {
        StringBuilder sql = new StringBuilder("CASE");
        for (ConclusionBand b : bands) {
            StringBuilder when = new StringBuilder();
            if (b.minHigh() > 0) {
                when.append("""
                        \sAND\s""").append(high).append(" >= ").append(b.minHigh());
            }
            if (b.maxMedium() != ConclusionBand.ANY) {
                when.append("""
                        \sAND\s""").append(medium).append(" <= ").append(b.maxMedium());
            }
            long min = minHundredths(b.minRate());
            if (min > 0) {
                when.append("""
                        \sAND\s""").append(rateHundredths).append(" >= ").append(min);
            }
            sql.append(" WHEN 1 = 1")
                    .append(when)
                    .append(" THEN '")
                    .append(b.conclusion().name())
                    .append("'");
        }
        return sql.append(" END").toString();
    }

    /** The conclusion of an assessment by its report template's policy ({@link ScoringPolicies#forTemplate}). */
    public static String conclusion(
            ScoringPolicies policies, String template, String rateHundredths, String high, String medium) {
        return BY_TEMPLATE.formatted(
                template,
                Arrays.stream(ReportTemplate.values())
                        .map(t -> TEMPLATE_WHEN.formatted(
                                t.name(), conclusion(policies.forTemplate(t).bands(), rateHundredths, high, medium)))
                        .collect(Collectors.joining()));
    }
}
