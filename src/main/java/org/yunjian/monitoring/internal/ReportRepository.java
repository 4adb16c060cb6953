package org.yunjian.monitoring.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.monitoring.Alert;
import org.yunjian.monitoring.ProbeOutcome;
import org.yunjian.monitoring.report.OperationFigures.Sample;
import org.yunjian.shared.Jdbc;

/** What a month's 安全运行报告 reads: the probes of a system's monitors in a period and the alerts that touch it. */
@Repository
class ReportRepository {

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The monitor's probes started in [{@code from}, {@code to}), oldest first. */
    List<Sample> probes(UUID monitorId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT started_at, duration_ms, outcome FROM monitor_probe
                        WHERE monitor_id = ? AND started_at >= ? AND started_at < ? ORDER BY started_at""")
                .params(monitorId, utc(from), utc(to))
                .query((rs, n) -> new Sample(
                        Jdbc.instant(rs, "started_at"),
                        rs.getLong("duration_ms"),
                        ProbeOutcome.valueOf(rs.getString("outcome")).ok()))
                .list();
    }

    /** The system's alerts opened before {@code to} that were opened from {@code from} on or not closed before it. */
    List<Alert> alerts(UUID systemId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT %s FROM monitor_alert WHERE system_id = ? AND opened_at < ?
                        AND (opened_at >= ? OR closed_at IS NULL OR closed_at >= ?)
                        ORDER BY opened_at, id""".formatted(AlertRepository.COLUMNS))
                .params(systemId, utc(to), utc(from), utc(from))
                .query(AlertRepository::alert)
                .list();
    }
}
