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
import org.yunjian.migration.SupervisionChange;
import org.yunjian.migration.SupervisionChangeRisk;
import org.yunjian.migration.SupervisionChangeStatus;
import org.yunjian.migration.SupervisionConclusion;
import org.yunjian.migration.SupervisionReport;
import org.yunjian.migration.SupervisionReportKind;
import org.yunjian.shared.version.Versions;

/** Hand-written, portable SQL for provider reports and change requests. */
@Repository
class SupervisionRepository {

    private static final RowMapper<SupervisionChange> CHANGE = (rs, n) -> new SupervisionChange(
            rs.getObject("id", UUID.class),
            rs.getObject("system_id", UUID.class),
            rs.getString("title"),
            rs.getString("reason"),
            instant(rs, "window_start"),
            instant(rs, "window_end"),
            SupervisionChangeRisk.valueOf(rs.getString("risk")),
            rs.getString("risk_notes"),
            rs.getString("requested_by"),
            rs.getObject("requested_org", UUID.class),
            instant(rs, "requested_at"),
            SupervisionChangeStatus.valueOf(rs.getString("status")),
            rs.getString("decided_by"),
            instant(rs, "decided_at"),
            rs.getString("decision_reason"),
            rs.getBoolean("major"),
            date(rs.getDate("regulator_reviewed_on")),
            rs.getString("regulator_reference"),
            rs.getLong("version"));

    private final JdbcClient jdbc;
    private final OpsFileRepository files;

    SupervisionRepository(JdbcClient jdbc, OpsFileRepository files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    private RowMapper<SupervisionReport> report(UUID systemId) {
        return (rs, n) -> {
            UUID id = rs.getObject("id", UUID.class);
            String conclusion = rs.getString("conclusion");
            return new SupervisionReport(
                    id,
                    systemId,
                    SupervisionReportKind.valueOf(rs.getString("kind")),
                    date(rs.getDate("period_start")),
                    date(rs.getDate("period_end")),
                    date(rs.getDate("received_on")),
                    rs.getString("submitted_by"),
                    rs.getObject("submitted_org", UUID.class),
                    instant(rs, "submitted_at"),
                    rs.getString("reviewed_by"),
                    date(rs.getDate("reviewed_on")),
                    conclusion == null ? null : SupervisionConclusion.valueOf(conclusion),
                    rs.getString("issues"),
                    files.of(systemId, OpsFileRepository.Owner.REPORT, id).stream()
                            .findFirst()
                            .orElse(null),
                    rs.getLong("version"));
        };
    }

    /** The systems with reports or change requests (the inbox's rebuild reads what waits on them). */
    List<UUID> supervisedSystems() {
        return jdbc.sql("""
                SELECT system_id FROM lifecycle_supervision_report UNION
                SELECT system_id FROM lifecycle_supervision_change""").query(UUID.class).list();
    }

    List<SupervisionReport> reports(UUID systemId) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_supervision_report WHERE system_id = ? ORDER BY received_on DESC,
                submitted_at DESC""").param(systemId).query(report(systemId)).list();
    }

    Optional<SupervisionReport> report(UUID systemId, UUID id) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_supervision_report WHERE system_id = ? AND id = ?""").params(systemId, id).query(report(systemId)).optional();
    }

    void insertReport(SupervisionReport r) {
        jdbc.sql("""
                        INSERT INTO lifecycle_supervision_report (id, system_id, kind, period_start, period_end,
                        received_on, submitted_by, submitted_org, submitted_at) VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(
                        r.id(),
                        r.systemId(),
                        r.kind().name(),
                        r.periodStart(),
                        r.periodEnd(),
                        r.receivedOn(),
                        r.submittedBy(),
                        r.submittedOrg(),
                        utc(r.submittedAt()))
                .update();
        files.store(r.systemId(), OpsFileRepository.Owner.REPORT, r.id(), r.file(), r.submittedBy());
    }

    /** Stores the review if the report is still at version {@code expected}; else a stale-version conflict. */
    void review(SupervisionReport r, long expected) {
        int rows = jdbc.sql("""
                        UPDATE lifecycle_supervision_report SET reviewed_by = ?, reviewed_on = ?, conclusion = ?,
                        issues = ?, version = version + 1 WHERE id = ? AND system_id = ? AND version = ?""")
                .params(
                        r.reviewedBy(),
                        r.reviewedOn(),
                        r.conclusion().name(),
                        r.issues(),
                        r.id(),
                        r.systemId(),
                        expected)
                .update();
        Versions.requireUpdated(rows, jdbc, "lifecycle_supervision_report", null, r.id());
    }

    List<SupervisionChange> changes(UUID systemId) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_supervision_change WHERE system_id = ? ORDER BY requested_at DESC""").param(systemId).query(CHANGE).list();
    }

    Optional<SupervisionChange> change(UUID systemId, UUID id) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_supervision_change WHERE system_id = ? AND id = ?""").params(systemId, id).query(CHANGE).optional();
    }

    void insertChange(SupervisionChange c) {
        jdbc.sql("""
                        INSERT INTO lifecycle_supervision_change (id, system_id, title, reason, window_start, window_end,
                        risk, risk_notes, requested_by, requested_org, requested_at, status, major)
                        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        c.id(),
                        c.systemId(),
                        c.title(),
                        c.reason(),
                        utc(c.windowStart()),
                        utc(c.windowEnd()),
                        c.risk().name(),
                        c.riskNotes(),
                        c.requestedBy(),
                        c.requestedOrg(),
                        utc(c.requestedAt()),
                        c.status().name(),
                        c.major())
                .update();
    }

    /** Stores a decision if the request is still at version {@code expected}; else a stale-version conflict. */
    void decide(SupervisionChange c, long expected) {
        int rows = jdbc.sql("""
                        UPDATE lifecycle_supervision_change SET status = ?, decided_by = ?, decided_at = ?,
                        decision_reason = ?, regulator_reviewed_on = ?, regulator_reference = ?, version = version + 1
                        WHERE id = ? AND system_id = ? AND version = ?""")
                .params(
                        c.status().name(),
                        c.decidedBy(),
                        utc(c.decidedAt()),
                        c.decisionReason(),
                        c.regulatorReviewedOn(),
                        c.regulatorReference(),
                        c.id(),
                        c.systemId(),
                        expected)
                .update();
        Versions.requireUpdated(rows, jdbc, "lifecycle_supervision_change", "decided_at", c.id());
    }
}
