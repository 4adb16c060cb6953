package org.yunjian.assessment;

import java.util.List;
import org.yunjian.assessment.ScoreResult.Conclusion;

/**
 * One band of a {@link ScoringPolicy}'s conclusion rule (docs/scoring.md): reached when the assessment has at least
 * {@code minHigh} high-risk findings, at most {@code maxMedium} medium-risk findings and a compliance rate of at
 * least {@code minRate}; a policy's bands are tried in order and the first reached gives the conclusion, so the last
 * band must always be reached. The policy scores with {@link #conclude}; the dashboards compile the same list to SQL
 * to count and filter conclusions across thousands of systems in the database.
 */
public record ConclusionBand(Conclusion conclusion, int minHigh, int maxMedium, double minRate) {

    /** No bound on the medium-risk findings. */
    public static final int ANY = Integer.MAX_VALUE;

    public ConclusionBand {
        if (minHigh < 0 || maxMedium < 0 || minRate < 0 || minRate > 100) {
            throw new IllegalArgumentException("band");
        }
    }

    /** A band with a condition on the rate only. */
    public static ConclusionBand rate(Conclusion conclusion, double minRate) {
        return new ConclusionBand(conclusion, 0, ANY, minRate);
    }

    /** The band every assessment reaches: the conclusion when no earlier band is reached. */
    public static ConclusionBand otherwise(Conclusion conclusion) {
        return rate(conclusion, 0);
    }

    public boolean reached(double rate, int high, int medium) {
        return high >= minHigh && medium <= maxMedium && rate >= minRate;
    }

    /** The conclusion of the first band reached. */
    public static Conclusion conclude(List<ConclusionBand> bands, double rate, int high, int medium) {
        return bands.stream()
                .filter(b -> b.reached(rate, high, medium))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no-band-reached"))
                .conclusion();
    }

    /**
     * The compliance rate of a group of items (docs/scoring.md): the sum of the item scores over the scored items,
     * in percent, rounded half up to two decimals; 0 with no scored item; never 100 while an item scores less than
     * 1 (a finding in more than 10,000 scored items would round up to 100.00: it is 99.99), so a rate of 100 means
     * "no finding" exactly. The one formula the policies and the dashboards' SQL (checked against it) use.
     */
    public static double rate(double score, int scored) {
        if (scored == 0) {
            return 0;
        }
        double r = Math.round(score / scored * 10000) / 100.0;
        return r >= 100 && score < scored ? 99.99 : r;
    }
}
