package org.yunjian.monitoring;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which checks a monitor performed against a criterion in a report's month, as the report states its scope (issue 59:
 * a report and an offer claim only what ran): each kind's runs in the month as recorded when it ran ({@link
 * CheckRun}) — availability, hidden links, scripts and personal data on every probe that got the page; response time
 * with a threshold set; tampering with an approved baseline; harmful content with a word list the customer imported;
 * the certificate on an {@code https} page; 域名及IP合规性 with approved addresses (without them the DNS check only
 * watches for changes); dead links and linked domains when the deep checks ran.
 *
 * @param runs the kinds that ran, in any order; a kind that did not run is absent
 */
public record CheckScope(String monitor, String url, List<CheckRun> runs) {

    /**
     * The most minutes between two runs that the guide's "实时" (8.4.1.3 a), b), 8.4.1.4 a), 8.4.1.5 a)) is taken to
     * allow: a platform default — the guide gives no figure (docs/standards/platform-defaults.md).
     */
    public static final int REAL_TIME_MINUTES = 15;

    public CheckScope {
        runs = runs.stream().filter(r -> r.runs() > 0).toList();
    }

    /** The checks that ran, in their declared order. */
    public List<CheckKind> active() {
        return Arrays.stream(CheckKind.values()).filter(k -> run(k).isPresent()).toList();
    }

    /** The checks that did not run, in their declared order. */
    public List<CheckKind> inactive() {
        return Arrays.stream(CheckKind.values()).filter(k -> run(k).isEmpty()).toList();
    }

    /** Whether no check ran on the monitor in the month. */
    public boolean idle() {
        return runs.isEmpty();
    }

    /** Whether {@code kind} ran at the "实时" cadence ({@link CheckRun#realTime()}). */
    public boolean realTime(CheckKind kind) {
        return run(kind).map(CheckRun::realTime).orElse(false);
    }

    /** The longest gap between two probes of the page in the month, in whole minutes rounded up; 0 with none. */
    public long longestGapMinutes() {
        return run(CheckKind.AVAILABILITY)
                .map(r -> (r.longestGapSeconds() + 59) / 60)
                .orElse(0L);
    }

    /** How many probes of the page ran in the month. */
    public long probes() {
        return run(CheckKind.AVAILABILITY).map(CheckRun::runs).orElse(0L);
    }

    private Optional<CheckRun> run(CheckKind kind) {
        return runs.stream().filter(r -> r.kind() == kind).findFirst();
    }
}
