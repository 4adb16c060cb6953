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
import org.yunjian.catalog.RequirementId;
import org.yunjian.migration.MigrationAcceptance;
import org.yunjian.migration.MigrationAcceptanceResult;
import org.yunjian.migration.MigrationCheck;
import org.yunjian.migration.MigrationCheckMethod;
import org.yunjian.migration.MigrationPlan;
import org.yunjian.migration.MigrationRisk;
import org.yunjian.migration.MigrationStep;
import org.yunjian.migration.MigrationStepStatus;
import org.yunjian.shared.version.VersionedRow;
import org.yunjian.shared.version.Versions;

/** Hand-written, portable SQL for a system's migration plan. Checks and acceptance tests are written once. */
@Repository
class MigrationRepository {

    private static final RowMapper<MigrationStep> STEP = (rs, n) -> new MigrationStep(
            rs.getObject("id", UUID.class),
            rs.getObject("system_id", UUID.class),
            rs.getInt("position"),
            rs.getString("content"),
            rs.getObject("owner_org", UUID.class),
            instant(rs, "window_start"),
            instant(rs, "window_end"),
            MigrationStepStatus.valueOf(rs.getString("status")),
            rs.getString("updated_by"),
            instant(rs, "updated_at"),
            rs.getLong("version"));

    private static final RowMapper<MigrationCheck> CHECK = (rs, n) -> new MigrationCheck(
            rs.getObject("id", UUID.class),
            rs.getObject("system_id", UUID.class),
            rs.getString("subject"),
            MigrationCheckMethod.valueOf(rs.getString("method")),
            rs.getString("source_value"),
            rs.getString("target_value"),
            date(rs.getDate("checked_on")),
            rs.getString("recorded_by"),
            instant(rs, "recorded_at"));

    private final JdbcClient jdbc;
    private final OpsFileRepository files;

    MigrationRepository(JdbcClient jdbc, OpsFileRepository files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    MigrationPlan plan(UUID systemId) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_migration_plan WHERE system_id = ?""")
                .param(systemId)
                .query((rs, n) -> new MigrationPlan(
                        systemId,
                        rs.getString("rollback_plan"),
                        rs.getString("rollback_trigger"),
                        date(rs.getDate("parallel_start")),
                        date(rs.getDate("parallel_end")),
                        rs.getString("parallel_notes"),
                        rs.getString("updated_by"),
                        instant(rs, "updated_at"),
                        rs.getLong("version")))
                .optional()
                .orElse(MigrationPlan.empty(systemId));
    }

    private static final VersionedRow PLAN = new VersionedRow("lifecycle_migration_plan", "updated_at", "system_id");

    /** Stores the plan over version {@code expected} of the stored one (0: none yet); else a stale-version conflict. */
    void savePlan(MigrationPlan p, long expected) {
        PLAN.save(
                jdbc,
                List.of(
                        "rollback_plan",
                        "rollback_trigger",
                        "parallel_start",
                        "parallel_end",
                        "parallel_notes",
                        "updated_by",
                        "updated_at"),
                new Object[] {
                    p.rollbackPlan(),
                    p.rollbackTrigger(),
                    p.parallelStart(),
                    p.parallelEnd(),
                    p.parallelNotes(),
                    p.updatedBy(),
                    utc(p.updatedAt())
                },
                new Object[] {p.systemId()},
                expected);
    }

    private static final VersionedRow RISK =
            new VersionedRow("lifecycle_migration_risk", "updated_at", "system_id", "risk_id");

    /** The assessed risks of the system's register (those never assessed have no row). */
    List<MigrationRisk> risks(UUID systemId) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_migration_risk WHERE system_id = ?""")
                .param(systemId)
                .query((rs, n) -> new MigrationRisk(
                        systemId,
                        RequirementId.of(rs.getString("risk_id")),
                        MigrationRisk.Rating.valueOf(rs.getString("likelihood")),
                        MigrationRisk.Rating.valueOf(rs.getString("impact")),
                        rs.getString("treatment"),
                        rs.getObject("owner_org", UUID.class),
                        rs.getString("updated_by"),
                        instant(rs, "updated_at"),
                        rs.getLong("version"),
                        rs.getObject("treated_on", java.time.LocalDate.class),
                        rs.getString("treated_by")))
                .list();
    }

    /** The systems with an assessed migration risk (the inbox's rebuild reads what waits on them). */
    List<UUID> riskSystems() {
        return jdbc.sql("""
                SELECT DISTINCT system_id FROM lifecycle_migration_risk""").query(UUID.class).list();
    }

    /** Stores a risk's assessment over version {@code expected} of the stored one (0: none yet). */
    void saveRisk(MigrationRisk r, long expected) {
        RISK.save(
                jdbc,
                List.of(
                        "likelihood",
                        "impact",
                        "treatment",
                        "owner_org",
                        "updated_by",
                        "updated_at",
                        "treated_on",
                        "treated_by"),
                new Object[] {
                    r.likelihood().name(),
                    r.impact().name(),
                    r.treatment(),
                    r.ownerOrg(),
                    r.updatedBy(),
                    utc(r.updatedAt()),
                    r.treatedOn(),
                    r.treatedBy()
                },
                new Object[] {r.systemId(), r.risk().value()},
                expected);
    }

    List<MigrationStep> steps(UUID systemId) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_migration_step WHERE system_id = ? ORDER BY position, window_start""").param(systemId).query(STEP).list();
    }

    Optional<MigrationStep> step(UUID systemId, UUID id) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_migration_step WHERE system_id = ? AND id = ?""").params(systemId, id).query(STEP).optional();
    }

    void insertStep(MigrationStep s) {
        jdbc.sql("""
                        INSERT INTO lifecycle_migration_step (id, system_id, position, content, owner_org,
                        window_start, window_end, status, updated_by, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        s.id(),
                        s.systemId(),
                        s.position(),
                        s.description(),
                        s.ownerOrg(),
                        utc(s.windowStart()),
                        utc(s.windowEnd()),
                        s.status().name(),
                        s.updatedBy(),
                        utc(s.updatedAt()))
                .update();
    }

    /** Stores a changed step if it is still at version {@code expected}; else a stale-version conflict. */
    void updateStep(MigrationStep s, long expected) {
        int rows = jdbc.sql("""
                        UPDATE lifecycle_migration_step SET position = ?, content = ?, owner_org = ?,
                        window_start = ?, window_end = ?, status = ?, updated_by = ?, updated_at = ?,
                        version = version + 1 WHERE id = ? AND system_id = ? AND version = ?""")
                .params(
                        s.position(),
                        s.description(),
                        s.ownerOrg(),
                        utc(s.windowStart()),
                        utc(s.windowEnd()),
                        s.status().name(),
                        s.updatedBy(),
                        utc(s.updatedAt()),
                        s.id(),
                        s.systemId(),
                        expected)
                .update();
        Versions.requireUpdated(rows, jdbc, "lifecycle_migration_step", "updated_at", s.id());
    }

    int nextPosition(UUID systemId) {
        return jdbc.sql("""
                SELECT COALESCE(MAX(position), 0) + 1 FROM lifecycle_migration_step WHERE system_id = ?""").param(systemId).query(Integer.class).single();
    }

    List<MigrationCheck> checks(UUID systemId) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_migration_check WHERE system_id = ? ORDER BY checked_on, recorded_at""").param(systemId).query(CHECK).list();
    }

    void insertCheck(MigrationCheck c) {
        jdbc.sql("""
                        INSERT INTO lifecycle_migration_check (id, system_id, subject, method, source_value, target_value,
                        checked_on, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(
                        c.id(),
                        c.systemId(),
                        c.subject(),
                        c.method().name(),
                        c.sourceValue(),
                        c.targetValue(),
                        c.checkedOn(),
                        c.recordedBy(),
                        utc(c.recordedAt()))
                .update();
    }

    List<MigrationAcceptance> acceptances(UUID systemId) {
        return jdbc
                .sql("""
                        SELECT * FROM lifecycle_migration_acceptance WHERE system_id = ? ORDER BY tested_on,
                        recorded_at""")
                .param(systemId)
                .query((rs, n) -> new MigrationAcceptance(
                        rs.getObject("id", UUID.class),
                        systemId,
                        rs.getString("test"),
                        MigrationAcceptanceResult.valueOf(rs.getString("result")),
                        rs.getObject("tester_org", UUID.class),
                        rs.getString("tested_by"),
                        date(rs.getDate("tested_on")),
                        rs.getString("notes"),
                        instant(rs, "recorded_at"),
                        List.of()))
                .list()
                .stream()
                .map(a -> new MigrationAcceptance(
                        a.id(),
                        a.systemId(),
                        a.test(),
                        a.result(),
                        a.testerOrg(),
                        a.testedBy(),
                        a.testedOn(),
                        a.notes(),
                        a.recordedAt(),
                        files.of(systemId, OpsFileRepository.Owner.ACCEPTANCE, a.id())))
                .toList();
    }

    void insertAcceptance(MigrationAcceptance a) {
        jdbc.sql("""
                        INSERT INTO lifecycle_migration_acceptance (id, system_id, test, result, tester_org, tested_by,
                        tested_on, notes, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(
                        a.id(),
                        a.systemId(),
                        a.test(),
                        a.result().name(),
                        a.testerOrg(),
                        a.testedBy(),
                        a.testedOn(),
                        a.notes(),
                        utc(a.recordedAt()))
                .update();
        a.files().forEach(f -> files.store(a.systemId(), OpsFileRepository.Owner.ACCEPTANCE, a.id(), f, a.testedBy()));
    }
}
