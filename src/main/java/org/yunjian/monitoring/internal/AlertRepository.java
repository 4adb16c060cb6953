package org.yunjian.monitoring.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.monitoring.Alert;
import org.yunjian.monitoring.AlertStatus;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.shared.Jdbc;
import org.yunjian.shared.Msg;
import org.yunjian.shared.version.Versions;

/** The monitors' alerts. */
@Repository
class AlertRepository {

    static final String COLUMNS = """
            id, monitor_id, system_id, kind, subject, message, detail, status, opened_at, last_seen_at, \
            acknowledged_by, acknowledged_at, closed_by, closed_at, close_note, incident_id, version""";

    private static final String NOT_CLOSED = """
            \sAND status <> 'CLOSED'""";
    private static final String AT_VERSION = """
            \sAND version = ?""";

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The monitor's alert of this kind and subject that is not closed, if any. */
    Optional<Alert> notClosed(UUID monitorId, CheckKind kind, String subject) {
        return jdbc.sql("""
                        SELECT %s FROM monitor_alert WHERE monitor_id = ? AND kind = ? AND subject = ?
                        AND status <> 'CLOSED'""".formatted(COLUMNS))
                .params(monitorId, kind.name(), subject)
                .query(AlertRepository::alert)
                .optional();
    }

    /** The monitor's alerts that are not closed. */
    List<Alert> notClosed(UUID monitorId) {
        return jdbc.sql("""
                        SELECT %s FROM monitor_alert WHERE monitor_id = ? AND status <> 'CLOSED'
                        ORDER BY opened_at, id""".formatted(COLUMNS))
                .param(monitorId)
                .query(AlertRepository::alert)
                .list();
    }

    void insert(Alert a, UUID probeId) {
        jdbc.sql("""
                        INSERT INTO monitor_alert (id, monitor_id, system_id, kind, subject, message, detail, status,
                        opened_at, last_seen_at, opened_probe, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,0)""")
                .params(
                        a.id(),
                        a.monitorId(),
                        a.systemId(),
                        a.kind().name(),
                        a.subject(),
                        a.message().encode(),
                        a.detail(),
                        a.status().name(),
                        utc(a.openedAt()),
                        utc(a.lastSeenAt()),
                        probeId)
                .update();
    }

    /** Found again: moves its last sighting (no person's change, so no version counted). */
    void seen(UUID id, Instant at, String detail) {
        jdbc.sql("""
                        UPDATE monitor_alert SET last_seen_at = ?, detail = ? WHERE id = ?""").params(utc(at), detail, id).update();
    }

    void acknowledge(UUID id, String by, Instant at, long expected) {
        int rows = jdbc.sql("""
                        UPDATE monitor_alert SET status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?,
                        version = version + 1 WHERE id = ? AND version = ?""").params(by, utc(at), id, expected).update();
        Versions.requireUpdated(rows, jdbc, "monitor_alert", null, id);
    }

    /** Closes it; {@code expected} null for the platform's own close (recovery), which names no version. */
    void close(UUID id, String by, Instant at, String note, Long expected) {
        int rows = jdbc.sql("""
                        UPDATE monitor_alert SET status = 'CLOSED', closed_by = ?, closed_at = ?, close_note = ?,
                        version = version + 1 WHERE id = ? AND status <> 'CLOSED'%s""".formatted(expected == null ? "" : AT_VERSION))
                .params(
                        expected == null
                                ? java.util.Arrays.asList(by, utc(at), note, id)
                                : java.util.Arrays.asList(by, utc(at), note, id, expected))
                .update();
        if (expected != null) {
            Versions.requireUpdated(rows, jdbc, "monitor_alert", null, id);
        }
    }

    /**
     * Keeps the incident opened from the alert, unless one was already (then false: the caller refuses and its
     * transaction, the incident's record with it, is undone).
     */
    boolean linkIncident(UUID id, UUID incidentId) {
        return jdbc.sql("""
                        UPDATE monitor_alert SET incident_id = ?, version = version + 1
                        WHERE id = ? AND incident_id IS NULL""").params(incidentId, id).update() == 1;
    }

    Optional<Alert> find(UUID id) {
        return jdbc.sql("""
                        SELECT %s FROM monitor_alert WHERE id = ?""".formatted(COLUMNS))
                .param(id)
                .query(AlertRepository::alert)
                .optional();
    }

    /** The monitor's alerts, newest first, at most {@code limit}; only those not closed when {@code open}. */
    List<Alert> ofMonitor(UUID monitorId, boolean open, int limit) {
        return jdbc.sql("""
                        SELECT %s FROM monitor_alert WHERE monitor_id = ?%s ORDER BY opened_at DESC, id LIMIT ?""".formatted(COLUMNS, open ? NOT_CLOSED : ""))
                .params(monitorId, limit)
                .query(AlertRepository::alert)
                .list();
    }

    /** The system's alerts that are not closed, newest first. */
    List<Alert> openOfSystem(UUID systemId) {
        return jdbc.sql("""
                        SELECT %s FROM monitor_alert WHERE system_id = ? AND status <> 'CLOSED'
                        ORDER BY opened_at DESC, id""".formatted(COLUMNS))
                .param(systemId)
                .query(AlertRepository::alert)
                .list();
    }

    /** The monitors with alerts not closed (the inbox's rebuild). */
    List<UUID> monitorsWithOpenAlerts() {
        return jdbc.sql("""
                        SELECT DISTINCT monitor_id FROM monitor_alert WHERE status <> 'CLOSED'""").query(UUID.class).list();
    }

    /**
     * One page of the alerts of {@code systemIds} (every system: {@code null}) whose subject or monitor's name
     * contains {@code q}, newest first, each with its monitor's name, with the total.
     */
    org.yunjian.shared.paging.Paged<org.yunjian.monitoring.MonitoringSearch.FoundAlert> matching(
            java.util.Collection<UUID> systemIds, String q, org.yunjian.shared.paging.PageRequest page) {
        return org.yunjian.shared.paging.PageQueries.query(
                jdbc,
                WITH_MONITOR_NAME.formatted(COLUMNS),
                ALERT,
                new org.yunjian.shared.paging.PageQueries.Where()
                        .in("system_id", "ids", systemIds)
                        .and(SUBJECT_OR_MONITOR, "q", org.yunjian.shared.paging.ListFilters.likeContains(q)),
                NEWEST_FIRST,
                page,
                s -> s.query((rs, n) -> new org.yunjian.monitoring.MonitoringSearch.FoundAlert(
                                alert(rs, n), rs.getString("monitor_name")))
                        .list());
    }

    private static final String ALERT = """
            monitor_alert""";
    private static final String WITH_MONITOR_NAME = """
            %s, (SELECT m.name FROM monitor m WHERE m.id = monitor_id) AS monitor_name""";
    private static final String SUBJECT_OR_MONITOR = """
            (LOWER(subject) LIKE :q ESCAPE '!' OR monitor_id IN (SELECT m.id FROM monitor m WHERE LOWER(m.name) LIKE :q ESCAPE '!'))""";
    private static final String NEWEST_FIRST = """
            opened_at DESC, id""";

    static Alert alert(ResultSet rs, int n) throws SQLException {
        return new Alert(
                rs.getObject("id", UUID.class),
                rs.getObject("monitor_id", UUID.class),
                rs.getObject("system_id", UUID.class),
                CheckKind.valueOf(rs.getString("kind")),
                rs.getString("subject"),
                Msg.decode(rs.getString("message")),
                rs.getString("detail"),
                AlertStatus.valueOf(rs.getString("status")),
                Jdbc.instant(rs, "opened_at"),
                Jdbc.instant(rs, "last_seen_at"),
                rs.getString("acknowledged_by"),
                Jdbc.instant(rs, "acknowledged_at"),
                rs.getString("closed_by"),
                Jdbc.instant(rs, "closed_at"),
                rs.getString("close_note"),
                rs.getObject("incident_id", UUID.class),
                rs.getInt("version"));
    }
}
