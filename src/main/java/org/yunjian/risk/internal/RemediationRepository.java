package org.yunjian.risk.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.shared.version.Versions;

/**
 * The writes of the remediation tasks ({@code assessment_remediation}): the risk register is their one writer — a
 * verdict opens or closes one through {@link RemediationTasks}, a person plans one through the register.
 */
@Repository
public class RemediationRepository {

    private final JdbcClient jdbc;

    RemediationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertRemediation(Remediation r) {
        jdbc.sql("""
                        INSERT INTO assessment_remediation (id, item_id, assessment_id, responsible_org_id, due_date, status,
                        note, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(
                        r.id(),
                        r.itemId(),
                        r.assessmentId(),
                        r.responsibleOrgId(),
                        r.dueDate(),
                        r.status().name(),
                        r.note(),
                        utc(r.createdAt()),
                        utc(r.updatedAt()))
                .update();
    }

    /** The platform's own change of a task (a verdict reopens or closes it): moves the version on, checks none. */
    public void updateRemediation(Remediation r) {
        jdbc.sql("""
                        UPDATE assessment_remediation SET responsible_org_id = ?, due_date = ?, status = ?, note = ?,
                        updated_at = ?, version = version + 1 WHERE id = ?""")
                .params(r.responsibleOrgId(), r.dueDate(), r.status().name(), r.note(), utc(r.updatedAt()), r.id())
                .update();
    }

    /** A person's change of a task: stored if the task is still at version {@code expected}; else stale (409). */
    public void updateRemediation(Remediation r, long expected) {
        int n = jdbc.sql("""
                        UPDATE assessment_remediation SET responsible_org_id = ?, due_date = ?, status = ?,
                        note = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?""")
                .params(
                        r.responsibleOrgId(),
                        r.dueDate(),
                        r.status().name(),
                        r.note(),
                        utc(r.updatedAt()),
                        r.id(),
                        expected)
                .update();
        Versions.requireUpdated(n, jdbc, "assessment_remediation", "updated_at", r.id());
    }

    /**
     * Moves a risk register entry's version on if it is still {@code expected} (else stale, 409): a change of its
     * risk plan's acceptance or of its milestones is a change of the entry.
     */
    public void claimRemediation(UUID id, long expected, Instant now) {
        int n = jdbc.sql("""
                        UPDATE assessment_remediation SET updated_at = ?, version = version + 1
                        WHERE id = ? AND version = ?""").params(utc(now), id, expected).update();
        Versions.requireUpdated(n, jdbc, "assessment_remediation", "updated_at", id);
    }

    public Optional<Remediation> remediation(UUID id) {
        return jdbc.sql("""
                SELECT * FROM assessment_remediation WHERE id = ?""").param(id).query(REMEDIATION).optional();
    }

    private static final RowMapper<Remediation> REMEDIATION = (rs, n) -> Remediation.of(rs);
}
