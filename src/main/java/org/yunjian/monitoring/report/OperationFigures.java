package org.yunjian.monitoring.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.yunjian.monitoring.Alert;
import org.yunjian.monitoring.CheckKind;

/**
 * The figures of a system's 安全运行报告 for one month, computed from the month's probes and alerts: per monitor the
 * probes, the availability (OK probes of all, in per cent, rounded down so that a month with a failure never shows
 * 100.00), the mean and 95th-percentile response time of the OK probes (nearest rank) and the longest outage — from
 * the first failed probe of a run to the next OK one, or to the end of the month (or now) when none followed; the
 * alerts opened in the month by kind, and the alerts still open at the month's end (not closed before it, wherever
 * they were opened).
 */
public record OperationFigures(
        ReportMonth month,
        Instant until,
        List<MonitorFigures> monitors,
        List<Alert> opened,
        Map<CheckKind, Integer> openedByKind,
        List<Alert> openAtEnd) {

    /** A probe as the figures need it. */
    public record Sample(Instant at, long durationMs, boolean ok) {}

    /** A monitor with its probes in the month (any order). */
    public record MonitorInput(UUID id, String name, String url, List<Sample> probes) {}

    /** An outage: failed probes in a row from {@code from} until {@code to}. */
    public record Outage(Instant from, Instant to) {
        public Duration length() {
            return Duration.between(from, to);
        }
    }

    /**
     * One monitor's month.
     *
     * @param availability OK of all probes in per cent with two decimals, null without probes
     * @param meanMs the mean response time of the OK probes in ms (rounded half up), null without one
     * @param p95Ms the 95th percentile of the OK probes' response times (nearest rank), null without one
     * @param longestOutage null without a failed probe
     */
    public record MonitorFigures(
            UUID id,
            String name,
            String url,
            int probes,
            int ok,
            BigDecimal availability,
            Long meanMs,
            Long p95Ms,
            Outage longestOutage) {}

    public OperationFigures {
        monitors = List.copyOf(monitors);
        opened = List.copyOf(opened);
        openedByKind = Map.copyOf(openedByKind);
        openAtEnd = List.copyOf(openAtEnd);
    }

    /**
     * The figures of {@code month} at {@code now}.
     *
     * @param alerts the system's alerts opened before the month's end that were opened in it or not closed before
     *     its start (others are ignored)
     */
    public static OperationFigures of(ReportMonth month, Instant now, List<MonitorInput> monitors, List<Alert> alerts) {
        return ofFigures(
                month, now, monitors.stream().map(m -> monitor(month, now, m)).toList(), alerts);
    }

    /**
     * The figures of {@code month} at {@code now} from each monitor's figures ({@link #monitor}: a caller with many
     * probes reads and reduces one monitor at a time).
     *
     * @param alerts as for {@link #of}
     */
    public static OperationFigures ofFigures(
            ReportMonth month, Instant now, List<MonitorFigures> monitors, List<Alert> alerts) {
        Objects.requireNonNull(month, "month");
        Instant start = month.start();
        Instant end = month.end();
        Instant until = until(month, now);
        List<Alert> opened = alerts.stream()
                .filter(a -> !a.openedAt().isBefore(start) && a.openedAt().isBefore(end))
                .sorted(Comparator.comparing(Alert::openedAt).thenComparing(Alert::id))
                .toList();
        Map<CheckKind, Integer> byKind = new EnumMap<>(CheckKind.class);
        opened.forEach(a -> byKind.merge(a.kind(), 1, Integer::sum));
        List<Alert> openAtEnd = alerts.stream()
                .filter(a -> a.openedAt().isBefore(until))
                .filter(a -> a.closedAt() == null || !a.closedAt().isBefore(until))
                .sorted(Comparator.comparing(Alert::openedAt).thenComparing(Alert::id))
                .toList();
        return new OperationFigures(month, until, monitors, opened, byKind, openAtEnd);
    }

    /** One monitor's figures of {@code month} at {@code now} (probes outside the month, or after now, ignored). */
    public static MonitorFigures monitor(ReportMonth month, Instant now, MonitorInput m) {
        return figures(m, month.start(), until(month, now));
    }

    private static Instant until(ReportMonth month, Instant now) {
        return now.isBefore(month.end()) ? now : month.end();
    }

    /** Probes in the month, all monitors. */
    public int probes() {
        return monitors.stream().mapToInt(MonitorFigures::probes).sum();
    }

    /** OK probes in the month, all monitors. */
    public int ok() {
        return monitors.stream().mapToInt(MonitorFigures::ok).sum();
    }

    /** Of all monitors' probes, the OK ones in per cent (rounded down to two decimals); null without probes. */
    public BigDecimal availability() {
        return percent(ok(), probes());
    }

    /** The alerts of the month that were closed before its end. */
    public long closedInMonth() {
        return opened.stream()
                .filter(a -> a.closedAt() != null && a.closedAt().isBefore(until))
                .count();
    }

    /** The longest outage of any monitor, if there was one. */
    public java.util.Optional<MonitorFigures> longestOutage() {
        return monitors.stream().filter(m -> m.longestOutage() != null).max(Comparator.comparing(m -> m.longestOutage()
                .length()));
    }

    private static MonitorFigures figures(MonitorInput m, Instant start, Instant until) {
        List<Sample> probes = m.probes().stream()
                .filter(p -> !p.at().isBefore(start) && p.at().isBefore(until))
                .sorted(Comparator.comparing(Sample::at))
                .toList();
        long[] times = probes.stream()
                .filter(Sample::ok)
                .mapToLong(Sample::durationMs)
                .sorted()
                .toArray();
        Long mean = null;
        Long p95 = null;
        if (times.length > 0) {
            long sum = 0;
            for (long t : times) {
                sum += t;
            }
            mean = BigDecimal.valueOf(sum)
                    .divide(BigDecimal.valueOf(times.length), 0, RoundingMode.HALF_UP)
                    .longValueExact();
            int rank = (int) Math.ceil(0.95 * times.length);
            p95 = times[Math.max(rank, 1) - 1];
        }
        return new MonitorFigures(
                m.id(),
                m.name(),
                m.url(),
                probes.size(),
                times.length,
                percent(times.length, probes.size()),
                mean,
                p95,
                longestOutage(probes, until));
    }

    private static Outage longestOutage(List<Sample> probes, Instant until) {
        Outage longest = null;
        Instant from = null;
        for (Sample p : probes) {
            if (!p.ok() && from == null) {
                from = p.at();
            } else if (p.ok() && from != null) {
                longest = longer(longest, new Outage(from, p.at()));
                from = null;
            }
        }
        if (from != null) {
            longest = longer(longest, new Outage(from, until));
        }
        return longest;
    }

    private static Outage longer(Outage a, Outage b) {
        return a == null || b.length().compareTo(a.length()) > 0 ? b : a;
    }

    private static BigDecimal percent(int part, int all) {
        return all == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(all), 2, RoundingMode.DOWN);
    }
}
