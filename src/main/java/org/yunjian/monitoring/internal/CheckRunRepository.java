package org.yunjian.monitoring.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.CheckRun;
import org.yunjian.shared.Jdbc;

/**
 * The checks the monitors ran, per monitor, kind and hour (UTC), so that a month — in any zone a whole number of hours
 * from UTC — reads which checks ran in it and at what cadence (issue 59). A run is written in the transaction that
 * stores what it found, so what is counted is what was stored.
 */
@Repository
class CheckRunRepository {

    private final JdbcClient jdbc;

    CheckRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one run of each of {@code kinds} on the monitor at {@code at}. */
    void ran(UUID monitorId, Collection<CheckKind> kinds, Instant at) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        for (CheckKind kind : kinds) {
            Instant previous = jdbc.sql("""
                            SELECT last_run_at FROM monitor_check_hour WHERE monitor_id = ? AND kind = ?
                            AND hour_start <= ? ORDER BY hour_start DESC LIMIT 1""")
                    .params(monitorId, kind.name(), utc(hour))
                    .query((rs, n) -> Jdbc.instant(rs, "last_run_at"))
                    .optional()
                    .orElse(null);
            long gap = previous == null
                    ? 0
                    : Math.max(0, Duration.between(previous, at).toSeconds());
            int updated = jdbc.sql("""
                            UPDATE monitor_check_hour SET runs = runs + 1, last_run_at = GREATEST(last_run_at, ?),
                            longest_gap_seconds = GREATEST(longest_gap_seconds, ?)
                            WHERE monitor_id = ? AND kind = ? AND hour_start = ?""")
                    .params(utc(at), gap, monitorId, kind.name(), utc(hour))
                    .update();
            if (updated == 0) {
                jdbc.sql("""
                                INSERT INTO monitor_check_hour (monitor_id, kind, hour_start, runs, last_run_at,
                                longest_gap_seconds) VALUES (?, ?, ?, 1, ?, ?)""")
                        .params(monitorId, kind.name(), utc(hour), utc(at), gap)
                        .update();
            }
        }
    }

    /**
     * The runs of the system's monitors in [{@code from}, {@code to}), per monitor (in no order) and kind; the time
     * from a kind's last run to {@code to} or {@code now}, whichever is earlier, counts as a gap (a check that stopped
     * mid-month did not run at its cadence to the month's end).
     */
    Map<UUID, List<CheckRun>> ofSystem(UUID systemId, Instant from, Instant to, Instant now) {
        Instant end = to.isBefore(now) ? to : now;
        Map<UUID, List<CheckRun>> out = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT h.monitor_id, h.kind, SUM(h.runs) AS runs, MAX(h.longest_gap_seconds) AS gap,
                        MAX(h.last_run_at) AS last_run FROM monitor_check_hour h JOIN monitor m ON m.id = h.monitor_id
                        WHERE m.system_id = ? AND h.hour_start >= ? AND h.hour_start < ?
                        GROUP BY h.monitor_id, h.kind""")
                .params(systemId, utc(from), utc(to))
                .query((rs, n) -> {
                    Instant last = Jdbc.instant(rs, "last_run");
                    long trailing = Math.max(0, Duration.between(last, end).toSeconds());
                    CheckRun run = new CheckRun(
                            CheckKind.valueOf(rs.getString("kind")),
                            rs.getLong("runs"),
                            Math.max(rs.getLong("gap"), trailing));
                    out.computeIfAbsent(rs.getObject("monitor_id", UUID.class), k -> new ArrayList<>())
                            .add(run);
                    return run;
                })
                .list();
        return out;
    }
}
