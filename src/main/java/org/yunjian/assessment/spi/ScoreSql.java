package org.yunjian.assessment.spi;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.yunjian.assessment.ConclusionBand;
import org.yunjian.assessment.ReportTemplate;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.ScoringPolicy;
import org.yunjian.assessment.Verdict;
import org.yunjian.assessment.internal.GbDefaultScoringPolicy;

/**
 * The scoring rules of docs/scoring.md compiled to SQL, for the dashboards to count, filter and score thousands of
 * systems in the database: the item scores from {@link GbDefaultScoringPolicy#itemScore}, findings from
 * {@link Verdict#isFinding}, the rate of {@link ConclusionBand#rate} and each template's conclusion from its
 * policy's {@link ScoringPolicy#bands()}. Nothing here states a rule of its own; {@code ScoreSqlTests} checks the
 * SQL against the Java on H2 and PostgreSQL.
 */
public final class ScoreSql {

    private ScoreSql() {
    }

    /** Twice the item score (an integer: 符合 2, 部分符合 1, 不符合 0), of a scored verdict. */
    static int doubledScore(Verdict v) {
        return (int) Math.round(GbDefaultScoringPolicy.itemScore(v) * 2);
    }

    private static String list(List<Verdict> verdicts) {
        return verdicts.stream().map(v -> "'" + v.name() + "'").collect(Collectors.joining(", "));
    }

    private static List<Verdict> scored() {
        return Arrays.stream(Verdict.values()).filter(v -> v != Verdict.NOT_APPLICABLE).toList();
    }

    private static List<Verdict> findings() {
        return Arrays.stream(Verdict.values()).filter(Verdict::isFinding).toList();
    }

    /** A column counting the items of alias {@code i} with verdict {@code v}. */
    static String count(String i, Verdict v) {
        return "SUM(CASE WHEN " + i + ".verdict = '" + v.name() + "' THEN 1 ELSE 0 END)";
    }

    /** Twice the summed item scores of the items of alias {@code i}. */
    static String doubledScore(String i) {
        return "SUM(CASE " + i + ".verdict " + scored().stream()
                .map(v -> "WHEN '" + v.name() + "' THEN " + doubledScore(v)).collect(Collectors.joining(" "))
                + " ELSE 0 END)";
    }

    /** The number of scored items (a verdict other than 不适用). */
    static String scoredCount(String i) {
        return "SUM(CASE WHEN " + i + ".verdict IN (" + list(scored()) + ") THEN 1 ELSE 0 END)";
    }

    /** The number of findings at {@code level}. */
    static String findings(String i, RiskLevel level) {
        return "SUM(CASE WHEN " + i + ".verdict IN (" + list(findings()) + ") AND " + i + ".risk_level = '"
                + level.name() + "' THEN 1 ELSE 0 END)";
    }

    /** Whether an item of alias {@code i} is a finding. */
    static String isFinding(String i) {
        return i + ".verdict IN (" + list(findings()) + ")";
    }

    /**
     * The rate of {@link ConclusionBand#rate} in hundredths of a percent (an integer), from twice the score and the
     * scored count: the same IEEE double steps as the Java ({@code Math.round(score / scored * 10000)}).
     */
    public static String rateHundredths(String doubledScore, String scored) {
        String rounded = "FLOOR(CAST(" + doubledScore
                + " AS DOUBLE PRECISION) * CAST(0.5 AS DOUBLE PRECISION) / CAST(" + scored
                + " AS DOUBLE PRECISION) * CAST(10000 AS DOUBLE PRECISION) + CAST(0.5 AS DOUBLE PRECISION))";
        // never 100 % while an item scores less than 1 (ConclusionBand.rate)
        return "CAST(CASE WHEN " + scored + " = 0 THEN 0 WHEN " + doubledScore + " < 2 * " + scored + " AND "
                + rounded + " >= 10000 THEN 9999 ELSE " + rounded + " END AS BIGINT)";
    }

    /** The least rate in hundredths {@code h} with {@code h / 100.0 >= minRate}, as Java compares. */
    static long minHundredths(double minRate) {
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
                when.append(" AND ").append(high).append(" >= ").append(b.minHigh());
            }
            if (b.maxMedium() != ConclusionBand.ANY) {
                when.append(" AND ").append(medium).append(" <= ").append(b.maxMedium());
            }
            long min = minHundredths(b.minRate());
            if (min > 0) {
                when.append(" AND ").append(rateHundredths).append(" >= ").append(min);
            }
            sql.append(" WHEN 1 = 1").append(when).append(" THEN '").append(b.conclusion().name()).append("'");
        }
        return sql.append(" END").toString();
    }

    /** The conclusion of an assessment by its report template's policy ({@link ScoringPolicies#forTemplate}). */
    public static String conclusion(ScoringPolicies policies, String template, String rateHundredths, String high,
                             String medium) {
        return "CASE " + template + Arrays.stream(ReportTemplate.values())
                .map(t -> " WHEN '" + t.name() + "' THEN " + conclusion(policies.forTemplate(t).bands(),
                        rateHundredths, high, medium)).collect(Collectors.joining()) + " END";
    }
}
