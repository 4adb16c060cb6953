package org.yunjian.monitoring.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.monitoring.EmergencyRecord;
import org.yunjian.monitoring.EmergencyStep;
import org.yunjian.shared.Jdbc;

/** The emergency steps recorded on alerts: added, never changed. */
@Repository
class EmergencyRepository {

    private final JdbcClient jdbc;

    EmergencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<EmergencyRecord> of(UUID alertId) {
        return jdbc.sql("""
                        SELECT id, alert_id, step, done_at, note, plan_id, plan_scenario, recorded_by, recorded_at
                        FROM monitor_alert_emergency WHERE alert_id = ? ORDER BY done_at, recorded_at, id""").param(alertId).query(EmergencyRepository::record).list();
    }

    /**
     * Adds the record.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the step is already recorded on the alert (the unique
     *     key, also when two race)
     */
    void insert(EmergencyRecord r) {
        jdbc.sql("""
                        INSERT INTO monitor_alert_emergency (id, alert_id, step, done_at, note, plan_id, plan_scenario,
                        recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(
                        r.id(),
                        r.alertId(),
                        r.step().name(),
                        utc(r.doneAt()),
                        r.note(),
                        r.planId(),
                        r.planScenario(),
                        r.recordedBy(),
                        utc(r.recordedAt()))
                .update();
    }

    private static EmergencyRecord record(ResultSet rs, int n) throws SQLException {
        return new EmergencyRecord(
                rs.getObject("id", UUID.class),
                rs.getObject("alert_id", UUID.class),
                EmergencyStep.valueOf(rs.getString("step")),
                Jdbc.instant(rs, "done_at"),
                rs.getString("note"),
                rs.getObject("plan_id", UUID.class),
                rs.getString("plan_scenario"),
                rs.getString("recorded_by"),
                Jdbc.instant(rs, "recorded_at"));
    }
}
