package org.yunjian.monitoring;

import java.util.List;
import org.yunjian.monitoring.net.Region;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.shared.Msg;

/**
 * What a monitor watches beyond its page's answer: the response time above which a probe counts as slow
 * ({@code slowAboveMillis}, null: latency is not watched; that many probes in a row as the failures before an alert
 * raise 响应缓慢), and the approved regions its domain's addresses must lie in (8.4.1.2 b: declared ranges, not
 * geolocation; none: regions are not checked).
 */
public record WatchSettings(Integer slowAboveMillis, List<Region> approvedRegions) {

    /** Nothing watched beyond the page. */
    public static final WatchSettings NONE = new WatchSettings(null, List.of());

    public static final int SLOW_MIN = 50;
    public static final int SLOW_MAX = 60_000;
    public static final int REGIONS_MAX = 50;

    public WatchSettings {
        approvedRegions = List.copyOf(approvedRegions);
    }

    /** The regions as lines, as a form and the database keep them. */
    public List<String> regionLines() {
        return approvedRegions.stream().map(Region::line).toList();
    }

    /** Regions from lines already valid. */
    public static List<Region> regions(List<String> lines) {
        return lines.stream()
                .map(l -> Region.parse(l).region().orElseThrow(() -> new IllegalArgumentException(l)))
                .toList();
    }

    /**
     * Whether the probes, newest first, show the page slow: the last {@code inRow} all answered (OK) slower than the
     * threshold. Failed probes are the availability check's.
     */
    public boolean slow(List<Probe> newestFirst, int inRow) {
        if (slowAboveMillis == null || newestFirst.size() < inRow) {
            return false;
        }
        return newestFirst.stream().limit(inRow).allMatch(p -> p.outcome().ok() && p.durationMs() > slowAboveMillis);
    }

    /** The 响应缓慢 finding of probes that are {@link #slow}: how many in a row, the last one's time, the threshold. */
    public Finding slowFinding(List<Probe> newestFirst, int inRow) {
        return new Finding(
                CheckKind.LATENCY,
                Alert.PAGE,
                Msg.of(
                        "monitoring.finding.slow",
                        String.valueOf(inRow),
                        String.valueOf(newestFirst.get(0).durationMs()),
                        String.valueOf(slowAboveMillis)),
                null);
    }

    /** Whether the newest probe shows the page fast again (answered within the threshold), or latency is not watched. */
    public boolean fast(List<Probe> newestFirst) {
        if (slowAboveMillis == null) {
            return true;
        }
        return !newestFirst.isEmpty()
                && newestFirst.get(0).outcome().ok()
                && newestFirst.get(0).durationMs() <= slowAboveMillis;
    }
}
