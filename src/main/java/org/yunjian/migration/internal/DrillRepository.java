package org.yunjian.migration.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;
import static org.yunjian.shared.version.VersionedRow.date;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.migration.Drill;
import org.yunjian.migration.DrillTaskStatus;
import org.yunjian.migration.EmergencyPlan;
import org.yunjian.obligations.DrillCategory;
import org.yunjian.shared.version.Versions;

/** Hand-written, portable SQL for emergency plans, drill records and their follow-up tasks. */
@Repository
class DrillRepository {

    private static final RowMapper<EmergencyPlan> PLAN = (rs, n) -> new EmergencyPlan(
            rs.getObject("id", UUID.class),
            rs.getObject("system_id", UUID.class),
            rs.getString("scenario"),
            rs.getString("summary"),
            rs.getObject("responsible_org", UUID.class),
            rs.getString("contacts"),
            date(rs.getDate("last_reviewed")),
            rs.getString("updated_by"),
            instant(rs, "updated_at"),
            rs.getLong("version"));

    private static final RowMapper<Drill.Task> TASK = (rs, n) -> new Drill.Task(
            rs.getObject("id", UUID.class),
            rs.getObject("drill_id", UUID.class),
            rs.getInt("position"),
            rs.getString("description"),
            rs.getObject("owner_org", UUID.class),
            date(rs.getDate("due_on")),
            DrillTaskStatus.valueOf(rs.getString("status")),
            rs.getString("updated_by"),
            instant(rs, "updated_at"),
            rs.getLong("version"));

    private final JdbcClient jdbc;

    DrillRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<EmergencyPlan> plans(UUID systemId) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_emergency_plan WHERE system_id = ? ORDER BY scenario""").param(systemId).query(PLAN).list();
    }

    Optional<EmergencyPlan> plan(UUID systemId, UUID id) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_emergency_plan WHERE system_id = ? AND id = ?""").params(systemId, id).query(PLAN).optional();
    }

    void insertPlan(EmergencyPlan p) {
        jdbc.sql("""
                        INSERT INTO lifecycle_emergency_plan (scenario, summary, responsible_org, contacts, last_reviewed,
                        updated_by, updated_at, id, system_id) VALUES (?,?,?,?,?,?,?,?,?)""").params(planParams(p)).update();
    }

    /** Stores a changed plan if it is still at version {@code expected}; else a stale-version conflict. */
    void updatePlan(EmergencyPlan p, long expected) {
        int rows = jdbc.sql("""
                        UPDATE lifecycle_emergency_plan SET scenario = ?, summary = ?, responsible_org = ?,
                        contacts = ?, last_reviewed = ?, updated_by = ?, updated_at = ?, version = version + 1
                        WHERE id = ? AND system_id = ? AND version = ?""").params(planParams(p)).param(expected).update();
        Versions.requireUpdated(rows, jdbc, "lifecycle_emergency_plan", "updated_at", p.id());
    }

    private static Object[] planParams(EmergencyPlan p) {
        return new Object[] {
            p.scenario(),
            p.summary(),
            p.responsibleOrg(),
            p.contacts(),
            p.lastReviewed(),
            p.updatedBy(),
            utc(p.updatedAt()),
            p.id(),
            p.systemId()
        };
    }

    /** The systems with drill records (the inbox's rebuild reads what waits on their follow-up tasks). */
    List<UUID> drillSystems() {
        return jdbc.sql("""
                SELECT DISTINCT system_id FROM lifecycle_drill""").query(UUID.class).list();
    }

    /** A system's drills, the latest first, each with its tasks. */
    List<Drill> drills(UUID systemId) {
        List<Drill.Task> tasks = jdbc.sql("""
                SELECT * FROM lifecycle_drill_task WHERE system_id = ? ORDER BY position""").param(systemId).query(TASK).list();
        return jdbc.sql("""
                SELECT * FROM lifecycle_drill WHERE system_id = ? ORDER BY held_on DESC, recorded_at DESC""")
                .param(systemId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Drill(
                            id,
                            systemId,
                            date(rs.getDate("held_on")),
                            rs.getObject("plan_id", UUID.class),
                            rs.getString("scenario"),
                            rs.getString("category") == null ? null : DrillCategory.valueOf(rs.getString("category")),
                            rs.getString("participants"),
                            rs.getString("findings"),
                            rs.getString("recorded_by"),
                            rs.getObject("recorded_org", UUID.class),
                            instant(rs, "recorded_at"),
                            tasks.stream().filter(t -> t.drillId().equals(id)).toList());
                })
                .list();
    }

    void insertDrill(Drill d) {
        jdbc.sql("""
                        INSERT INTO lifecycle_drill (id, system_id, held_on, plan_id, scenario, category, participants,
                        findings, recorded_by, recorded_org, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        d.id(),
                        d.systemId(),
                        d.heldOn(),
                        d.planId(),
                        d.scenario(),
                        d.category() == null ? null : d.category().name(),
                        d.participants(),
                        d.findings(),
                        d.recordedBy(),
                        d.recordedOrg(),
                        utc(d.recordedAt()))
                .update();
        for (Drill.Task t : d.tasks()) {
            jdbc.sql("""
                            INSERT INTO lifecycle_drill_task (id, drill_id, system_id, position, description, owner_org,
                            due_on, status, updated_by, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)""")
                    .params(
                            t.id(),
                            d.id(),
                            d.systemId(),
                            t.position(),
                            t.description(),
                            t.ownerOrg(),
                            t.dueOn(),
                            t.status().name(),
                            t.updatedBy(),
                            utc(t.updatedAt()))
                    .update();
        }
    }

    Optional<Drill.Task> task(UUID systemId, UUID id) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_drill_task WHERE system_id = ? AND id = ?""").params(systemId, id).query(TASK).optional();
    }

    /** Stores a task's new status if it is still at version {@code expected}; else a stale-version conflict. */
    void updateTask(Drill.Task t, long expected) {
        int rows = jdbc.sql("""
                        UPDATE lifecycle_drill_task SET status = ?, updated_by = ?, updated_at = ?,
                        version = version + 1 WHERE id = ? AND version = ?""")
                .params(t.status().name(), t.updatedBy(), utc(t.updatedAt()), t.id(), expected)
                .update();
        Versions.requireUpdated(rows, jdbc, "lifecycle_drill_task", "updated_at", t.id());
    }
}
