package org.yunjian.monitoring;

import java.util.EnumSet;
import java.util.Set;

/**
 * How one kind of check ran on a monitor in a period (issue 59: a month claims only what ran): how many times and the
 * longest gap before a run since the kind's previous run (0 for the first run ever: the start of monitoring is no
 * gap). What counts as a run is decided here: a check performed against a criterion, never one that only watched.
 *
 * @param longestGapSeconds the longest gap between two consecutive runs that ended in the period
 */
public record CheckRun(CheckKind kind, long runs, long longestGapSeconds) {

    /**
     * The grace on {@link CheckScope#REAL_TIME_MINUTES} for a scheduler's late start: a probe every fifteen minutes
     * that starts a few seconds late is still every fifteen minutes (a platform default, with the interval itself).
     */
    public static final long GRACE_SECONDS = 60;

    /** Whether it ran at the cadence the guide's "实时" is taken to ask ({@link CheckScope#REAL_TIME_MINUTES}). */
    public boolean realTime() {
        return runs > 0 && longestGapSeconds <= CheckScope.REAL_TIME_MINUTES * 60L + GRACE_SECONDS;
    }

    /**
     * The checks one probe of a page performs against a criterion: availability always (the page answered or not, in
     * time or not); response time with a threshold set; when the page answered with HTML, hidden links, scripts and
     * personal data, tampering against an approved baseline and harmful content against the customer's imported word
     * list (the shipped placeholder sample is no criterion).
     */
    public static Set<CheckKind> ofProbe(
            boolean answeredHtml, boolean baselineApproved, boolean wordListImported, boolean latencyThreshold) {
        Set<CheckKind> out = EnumSet.of(CheckKind.AVAILABILITY);
        if (latencyThreshold) {
            out.add(CheckKind.LATENCY);
        }
        if (answeredHtml) {
            out.add(CheckKind.HIDDEN_LINK);
            out.add(CheckKind.MALICIOUS_SCRIPT);
            out.add(CheckKind.PRIVACY_LEAK);
            if (baselineApproved) {
                out.add(CheckKind.TAMPERING);
            }
            if (wordListImported) {
                out.add(CheckKind.HARMFUL_CONTENT);
            }
        }
        return out;
    }
}
