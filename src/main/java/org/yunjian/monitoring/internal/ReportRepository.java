package org.yunjian.monitoring.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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

    /** The probes of the system's monitors started in [{@code from}, {@code to}), by monitor. */
    Map<UUID, List<Sample>> probes(UUID systemId, Instant from, Instant to) {
        record Row(UUID monitor, Sample sample) {}
        return jdbc
                .sql("""
                        SELECT p.monitor_id, p.started_at, p.duration_ms, p.outcome FROM monitor_probe p
                        JOIN monitor m ON m.id = p.monitor_id
                        WHERE m.system_id = ? AND p.started_at >= ? AND p.started_at < ?
                        ORDER BY p.monitor_id, p.started_at""")
                .params(systemId, utc(from), utc(to))
                .query((rs, n) -> new Row(
                        rs.getObject("monitor_id", UUID.class),
                        new Sample(
                                Jdbc.instant(rs, "started_at"),
                                rs.getLong("duration_ms"),
                                ProbeOutcome.valueOf(rs.getString("outcome")).ok())))
                .list()
                .stream()
                .collect(Collectors.groupingBy(Row::monitor, Collectors.mapping(Row::sample, Collectors.toList())));
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
