package org.yunjian.lifecycle.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.RequirementId;
import org.yunjian.lifecycle.DutyStatus;
import org.yunjian.lifecycle.LifecyclePlan;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.shared.Jdbc;
import org.yunjian.shared.version.Versions;
import org.yunjian.vault.Vault.Sealed;

/** Plans, their stages and duties, duty comments and evidence metadata. */
@Repository
class PlanRepository {

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(LifecyclePlan p) {
        jdbc.sql("""
                        INSERT INTO lifecycle_plan (id, system_id, standard_code, deployment_model, assigned_from, created_by,
                        created_at) VALUES (?,?,?,?,?,?,?)""")
                .params(
                        p.id(),
                        p.systemId(),
                        p.standardCode(),
                        p.deploymentModel(),
                        p.assignedFrom().name(),
                        p.createdBy(),
                        Jdbc.utc(p.createdAt()))
                .update();
        for (LifecyclePlan.Stage s : p.stages()) {
            jdbc.sql("""
                    INSERT INTO lifecycle_stage (plan_id, phase, term, position) VALUES (?,?,?,?)""")
                    .params(p.id(), s.phase().name(), s.term(), s.position())
                    .update();
        }
        p.duties().forEach(d -> insertDuty(p.id(), d));
    }

    private void insertDuty(UUID planId, PlanDuty d) {
        jdbc.sql("""
                        INSERT INTO lifecycle_duty (id, plan_id, phase, requirement_id, position, organisation_id, status,
                        version) VALUES (?,?,?,?,?,?,?,0)""")
                .params(
                        d.id(),
                        planId,
                        d.phase() == null ? null : d.phase().name(),
                        d.requirement().value(),
                        d.position(),
                        d.organisation(),
                        d.status().name())
                .update();
    }

    /**
     * Adds duties to a plan over version {@code expected} of it (the one the caller read), raising it; else a
     * stale-version conflict.
     */
    void addDuties(UUID planId, List<PlanDuty> duties, long expected) {
        int rows = jdbc.sql("""
                UPDATE lifecycle_plan SET version = version + 1 WHERE id = ? AND version = ?""").params(planId, expected).update();
        Versions.requireUpdated(rows, jdbc, "lifecycle_plan", null, planId);
        duties.forEach(d -> insertDuty(planId, d));
    }

    /** The systems that have a plan (the inbox's rebuild reads what waits on their duties). */
    List<UUID> planSystems() {
        return jdbc.sql("""
                SELECT system_id FROM lifecycle_plan ORDER BY created_at, id""").query(UUID.class).list();
    }

    /** The system's plan, locking it for the rest of the transaction when {@code forUpdate}. */
    Optional<LifecyclePlan> findBySystem(UUID systemId, boolean forUpdate) {
        Optional<PlanHead> head = jdbc.sql("""
                        SELECT * FROM lifecycle_plan WHERE system_id = ?%s""".formatted(forUpdate ? """
                        \sFOR UPDATE""" : ""))
                .param(systemId)
                .query(PlanRepository::head)
                .optional();
        return head.map(this::load);
    }

    private record PlanHead(
            UUID id, UUID systemId, String standard, String model, String from, UUID by, Instant at, long version) {}

    private static PlanHead head(ResultSet rs, int n) throws SQLException {
        return new PlanHead(
                rs.getObject("id", UUID.class),
                rs.getObject("system_id", UUID.class),
                rs.getString("standard_code"),
                rs.getString("deployment_model"),
                rs.getString("assigned_from"),
                rs.getObject("created_by", UUID.class),
                Jdbc.instant(rs, "created_at"),
                rs.getLong("version"));
    }

    private LifecyclePlan load(PlanHead h) {
        List<LifecyclePlan.Stage> stages = jdbc.sql("""
                SELECT * FROM lifecycle_stage WHERE plan_id = ? ORDER BY position""")
                .param(h.id())
                .query((rs, n) -> new LifecyclePlan.Stage(
                        Phase.valueOf(rs.getString("phase")),
                        rs.getString("term"),
                        rs.getInt("position"),
                        Jdbc.instant(rs, "closed_at"),
                        rs.getObject("closed_by", UUID.class)))
                .list();
        List<PlanDuty> duties =
                jdbc.sql("""
                SELECT * FROM lifecycle_duty WHERE plan_id = ? ORDER BY position""").param(h.id()).query(PlanRepository::duty).list();
        return new LifecyclePlan(
                h.id(),
                h.systemId(),
                h.standard(),
                h.model(),
                LifecyclePlan.AssignedFrom.valueOf(h.from()),
                h.at(),
                h.by(),
                stages,
                duties,
                h.version());
    }

    static PlanDuty duty(ResultSet rs, int n) throws SQLException {
        String phase = rs.getString("phase");
        return new PlanDuty(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                phase == null ? null : Phase.valueOf(phase),
                new RequirementId(rs.getString("requirement_id")),
                rs.getInt("position"),
                rs.getObject("organisation_id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                DutyStatus.valueOf(rs.getString("status")),
                rs.getString("reason"),
                rs.getObject("due_date", LocalDate.class),
                rs.getObject("completed_by", UUID.class),
                Jdbc.instant(rs, "completed_at"),
                rs.getObject("accepted_by", UUID.class),
                Jdbc.instant(rs, "accepted_at"),
                rs.getInt("version"));
    }

    /**
     * Stores a changed duty if it is still at version {@code expected} (the version the caller read, see
     * {@link Versions}); else a stale-version conflict naming when it was changed.
     */
    void update(PlanDuty d, long expected, Instant at) {
        int n = jdbc.sql("""
                        UPDATE lifecycle_duty SET organisation_id = ?, owner_id = ?, status = ?, reason = ?, due_date = ?,
                        completed_by = ?, completed_at = ?, accepted_by = ?, accepted_at = ?, updated_at = ?,
                        version = version + 1 WHERE id = ? AND version = ?""")
                .params(
                        d.organisation(),
                        d.owner(),
                        d.status().name(),
                        d.reason(),
                        d.dueDate(),
                        d.completedBy(),
                        Jdbc.utc(d.completedAt()),
                        d.acceptedBy(),
                        Jdbc.utc(d.acceptedAt()),
                        Jdbc.utc(at),
                        d.id(),
                        expected)
                .update();
        requireVersion(n, d.id());
    }

    /** A stale-version conflict for the duty unless {@code rows} > 0 (the caller's version is the stored one). */
    void requireVersion(int rows, UUID dutyId) {
        Versions.requireUpdated(rows, jdbc, "lifecycle_duty", "updated_at", dutyId);
    }

    void close(UUID planId, Phase phase, UUID by, Instant at) {
        jdbc.sql("""
                UPDATE lifecycle_stage SET closed_at = ?, closed_by = ? WHERE plan_id = ? AND phase = ?""").params(Jdbc.utc(at), by, planId, phase.name()).update();
    }

    void reopen(UUID planId, Phase phase) {
        jdbc.sql("""
                UPDATE lifecycle_stage SET closed_at = NULL, closed_by = NULL WHERE plan_id = ? AND phase = ?""").params(planId, phase.name()).update();
    }

    void insertComment(DutyComment c) {
        jdbc.sql("""
                INSERT INTO lifecycle_duty_comment (id, duty_id, author_id, body, created_at) VALUES (?,?,?,?,?)""")
                .params(c.id(), c.dutyId(), c.author(), c.body(), Jdbc.utc(c.createdAt()))
                .update();
    }

    List<DutyComment> comments(UUID dutyId) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_duty_comment WHERE duty_id = ? ORDER BY created_at, id""")
                .param(dutyId)
                .query((rs, n) -> new DutyComment(
                        rs.getObject("id", UUID.class),
                        dutyId,
                        rs.getObject("author_id", UUID.class),
                        rs.getString("body"),
                        Jdbc.instant(rs, "created_at")))
                .list();
    }

    void insertEvidence(DutyEvidence e) {
        Sealed s = e.file();
        jdbc.sql("""
                        INSERT INTO lifecycle_duty_evidence (id, duty_id, display_name, content_type, size_bytes, sm3, blob_name,
                        wrapped_key, uploaded_by, uploaded_org, uploaded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        s.id(),
                        e.dutyId(),
                        s.displayName(),
                        s.contentType(),
                        s.size(),
                        s.sm3(),
                        s.blob(),
                        s.wrappedKey(),
                        e.uploadedBy(),
                        e.uploadedOrg(),
                        Jdbc.utc(e.uploadedAt()))
                .update();
    }

    List<DutyEvidence> evidence(UUID dutyId) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_duty_evidence WHERE duty_id = ? ORDER BY uploaded_at, id""").param(dutyId).query(PlanRepository::evidence).list();
    }

    Optional<DutyEvidence> evidenceById(UUID evidenceId) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_duty_evidence WHERE id = ?""").param(evidenceId).query(PlanRepository::evidence).optional();
    }

    void deleteEvidence(UUID evidenceId) {
        jdbc.sql("""
                DELETE FROM lifecycle_duty_evidence WHERE id = ?""").param(evidenceId).update();
    }

    private static DutyEvidence evidence(ResultSet rs, int n) throws SQLException {
        return new DutyEvidence(
                new Sealed(
                        rs.getObject("id", UUID.class),
                        rs.getString("display_name"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("sm3"),
                        rs.getString("blob_name"),
                        rs.getString("wrapped_key")),
                rs.getObject("duty_id", UUID.class),
                rs.getObject("uploaded_by", UUID.class),
                rs.getObject("uploaded_org", UUID.class),
                Jdbc.instant(rs, "uploaded_at"));
    }

    /** Number of evidence files per duty of a plan. */
    java.util.Map<UUID, Integer> evidenceCounts(UUID planId) {
        java.util.Map<UUID, Integer> out = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT e.duty_id, COUNT(*) AS n FROM lifecycle_duty_evidence e JOIN lifecycle_duty d ON d.id = e.duty_id
                        WHERE d.plan_id = ? GROUP BY e.duty_id""")
                .param(planId)
                .query((rs, n) -> out.put(rs.getObject("duty_id", UUID.class), rs.getInt("n")))
                .list();
        return out;
    }
}
