package org.yunjian.exitproject.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.exitproject.ChecklistStatus;
import org.yunjian.exitproject.ExitStatus;
import org.yunjian.exitproject.internal.Records.CertificateInfo;
import org.yunjian.exitproject.internal.Records.ChecklistItem;
import org.yunjian.exitproject.internal.Records.Kind;
import org.yunjian.exitproject.internal.Records.ProjectInfo;
import org.yunjian.shared.paging.PageQueries;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.StaleVersionException;
import org.yunjian.shared.version.Versions;

/** Hand-written, portable SQL for the exit-project tables. Evidence payloads are JSON text. */
@Repository
class ExitProjectRepository {

    /** A stored evidence row before its payload is read. */
    record Row(UUID id, Kind kind, String payload, String recordedBy, UUID recordedOrg, Instant recordedAt) {}

    private final JdbcClient jdbc;

    ExitProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final RowMapper<ProjectInfo> PROJECT = (rs, n) -> new ProjectInfo(
            rs.getObject("id", UUID.class),
            rs.getString("name"),
            rs.getObject("system_id", UUID.class),
            ExitStatus.valueOf(rs.getString("status")),
            rs.getString("provider_key_pem"),
            rs.getString("provider_key_fingerprint"),
            rs.getString("inventory_approved_by"),
            instant(rs, "inventory_approved_at"),
            instant(rs, "inventory_reopened_at"),
            instant(rs, "created_at"),
            instant(rs, "updated_at"),
            rs.getString("verifier_key_pem"),
            rs.getString("verifier_key_fingerprint"),
            rs.getString("provider_key_registered_by"),
            rs.getLong("version"));

    void insert(ProjectInfo p, UUID createdBy) {
        jdbc.sql("""
                        INSERT INTO exit_project (id, name, system_id, status, created_by, created_at, updated_at)
                        VALUES (?,?,?,?,?,?,?)""")
                .params(
                        p.id(),
                        p.name(),
                        p.systemId(),
                        p.status().name(),
                        createdBy,
                        utc(p.createdAt()),
                        utc(p.updatedAt()))
                .update();
    }

    Optional<ProjectInfo> find(UUID id) {
        return jdbc.sql("""
                SELECT * FROM exit_project WHERE id = ?""").param(id).query(PROJECT).optional();
    }

    /**
     * One page of the projects on {@code systemIds} ({@code null} = all), newest first, filtered by name and status,
     * with the total: filtered, counted and paged in SQL.
     */
    Paged<ProjectInfo> page(Collection<UUID> systemIds, String q, ExitStatus status, PageRequest page) {
        PageQueries.Where where = new PageQueries.Where()
                .in("system_id", "ids", systemIds)
                .contains("name", q, "name")
                .equal("status", "status", status);
        return PageQueries.query(jdbc, "*", "exit_project", where, """
                created_at DESC, id""", page, s -> s.query(PROJECT)
                .list());
    }

    /**
     * One page of the issued certificates of the projects of {@code systemIds} (all: {@code null}) whose number
     * contains {@code q}, newest first, with the total.
     */
    Paged<org.yunjian.exitproject.ExitProjects.Certificate> certificatePage(
            Collection<UUID> systemIds, String q, PageRequest page) {
        PageQueries.Where where =
                new PageQueries.Where().in("p.system_id", "ids", systemIds).contains("q", q, "c.certificate_number");
        return PageQueries.query(jdbc, """
                        c.project_id, c.certificate_number, p.name, c.issued_at""", """
                        exit_certificate c JOIN exit_project p ON p.id = c.project_id""", where, """
                        c.issued_at DESC, c.project_id""", page, s -> s.query(
                        (rs, n) -> new org.yunjian.exitproject.ExitProjects.Certificate(
                                rs.getObject("project_id", UUID.class),
                                rs.getString("certificate_number"),
                                rs.getString("name"),
                                instant(rs, "issued_at")))
                .list());
    }

    List<ProjectInfo> findBySystems(Collection<UUID> systemIds) {
        if (systemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM exit_project WHERE system_id IN (:ids) ORDER BY created_at DESC, id""").param("ids", systemIds).query(PROJECT).list();
    }

    /** The projects not yet closed, oldest first (what may still wait on them: 我的待办). */
    List<UUID> unfinished() {
        return jdbc.sql("""
                SELECT id FROM exit_project WHERE status <> 'CLOSED' ORDER BY created_at, id""").query(UUID.class).list();
    }

    /** Locks the project row for the rest of the transaction (serialises writes against transitions). */
    Optional<ExitStatus> lockStatus(UUID id) {
        return jdbc.sql("""
                SELECT status FROM exit_project WHERE id = ? FOR UPDATE""").param(id).query(String.class).optional().map(ExitStatus::valueOf);
    }

    /**
     * Moves the status if the project is still at version {@code expected} (a stale-version conflict otherwise);
     * false if another move changed the status first.
     */
    boolean updateStatus(UUID id, ExitStatus from, ExitStatus to, Instant now, long expected) {
        int n = jdbc.sql("""
                        UPDATE exit_project SET status = ?, updated_at = ?, version = version + 1
                        WHERE id = ? AND status = ? AND version = ?""")
                .params(to.name(), utc(now), id, from.name(), expected)
                .update();
        if (n == 0 && find(id).map(p -> p.status() == from).orElse(false)) {
            Versions.requireUpdated(n, jdbc, "exit_project", "updated_at", id);
        }
        return n == 1;
    }

    /** The provider's key and who of the provider registered it (user name; issue 57: the page shows who). */
    void setProviderKey(UUID id, String pem, String fingerprint, String by, Instant now, long expected) {
        updateVersioned(
                id,
                expected,
                "provider_key_pem = ?, provider_key_fingerprint = ?, provider_key_registered_by = ?, updated_at = ?",
                pem,
                fingerprint,
                by,
                utc(now));
    }

    void setVerifierKey(UUID id, String pem, String fingerprint, Instant now, long expected) {
        updateVersioned(
                id,
                expected,
                "verifier_key_pem = ?, verifier_key_fingerprint = ?, updated_at = ?",
                pem,
                fingerprint,
                utc(now));
    }

    void approveInventory(UUID id, String by, Instant now, long expected) {
        updateVersioned(
                id,
                expected,
                "inventory_approved_by = ?, inventory_approved_at = ?, updated_at = ?",
                by,
                utc(now),
                utc(now));
    }

    /** {@code UPDATE exit_project SET <set> … WHERE id = ? AND version = ?}, or a stale-version conflict. */
    private void updateVersioned(UUID id, long expected, String set, Object... values) {
        Object[] params = java.util.Arrays.copyOf(values, values.length + 2);
        params[values.length] = id;
        params[values.length + 1] = expected;
        int n = jdbc.sql("""
                UPDATE exit_project SET %s, version = version + 1 WHERE id = ? AND version = ?""".formatted(set)).params(params).update();
        Versions.requireUpdated(n, jdbc, "exit_project", "updated_at", id);
    }

    /** Clears the approval after a change of the inventory (a new project version); returns whether there was one. */
    boolean reopenInventory(UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE exit_project SET inventory_approved_by = NULL, inventory_approved_at = NULL,
                inventory_reopened_at = ?, updated_at = ?, version = version + 1
                WHERE id = ? AND inventory_approved_at IS NOT NULL""").params(utc(now), utc(now), id).update() == 1;
    }

    // --- checklist

    void insertChecklistItem(UUID projectId, ChecklistItem i) {
        jdbc.sql("""
                INSERT INTO exit_checklist_item (project_id, item_key, position, requirement_id, status)
                VALUES (?,?,?,?,?)""")
                .params(
                        projectId,
                        i.key(),
                        i.position(),
                        i.requirementId(),
                        i.status().name())
                .update();
    }

    List<ChecklistItem> checklist(UUID projectId) {
        return jdbc.sql("""
                SELECT * FROM exit_checklist_item WHERE project_id = ? ORDER BY position""")
                .param(projectId)
                .query((rs, n) -> new ChecklistItem(
                        rs.getString("item_key"),
                        rs.getInt("position"),
                        rs.getString("requirement_id"),
                        ChecklistStatus.valueOf(rs.getString("status")),
                        rs.getString("note"),
                        rs.getString("updated_by"),
                        instant(rs, "updated_at"),
                        rs.getLong("version")))
                .list();
    }

    /** Sets the item if it is still at version {@code expected}; else a stale-version conflict naming when. */
    void updateChecklistItem(
            UUID projectId, String key, ChecklistStatus status, String note, String by, Instant now, long expected) {
        int n = jdbc.sql("""
                        UPDATE exit_checklist_item SET status = ?, note = ?, updated_by = ?, updated_at = ?,
                        version = version + 1 WHERE project_id = ? AND item_key = ? AND version = ?""")
                .params(status.name(), note, by, utc(now), projectId, key, expected)
                .update();
        if (n == 0) {
            throw jdbc.sql("""
                    SELECT version, updated_at FROM exit_checklist_item WHERE project_id = ? AND item_key = ?""")
                    .params(projectId, key)
                    .query((rs, i) -> new StaleVersionException(rs.getLong(1), instant(rs, "updated_at")))
                    .single();
        }
    }

    // --- evidence records

    void insertRecord(UUID projectId, Row r) {
        jdbc.sql("""
                        INSERT INTO exit_project_record (id, project_id, kind, payload, recorded_by, recorded_org,
                        recorded_at) VALUES (?,?,?,?,?,?,?)""")
                .params(
                        r.id(),
                        projectId,
                        r.kind().name(),
                        r.payload(),
                        r.recordedBy(),
                        r.recordedOrg(),
                        utc(r.recordedAt()))
                .update();
    }

    List<Row> records(UUID projectId) {
        return jdbc.sql("""
                SELECT * FROM exit_project_record WHERE project_id = ? ORDER BY recorded_at, id""")
                .param(projectId)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("payload"),
                        rs.getString("recorded_by"),
                        rs.getObject("recorded_org", UUID.class),
                        instant(rs, "recorded_at")))
                .list();
    }

    // --- certificate

    void insertCertificate(CertificateInfo c) {
        jdbc.sql("""
                        INSERT INTO exit_certificate (project_id, certificate_id, certificate_number, issued_by,
                        issued_at, document, sm3) VALUES (?,?,?,?,?,?,?)""")
                .params(
                        c.projectId(),
                        c.certificateId(),
                        c.number(),
                        c.issuedBy(),
                        utc(c.issuedAt()),
                        c.document(),
                        c.sm3())
                .update();
    }

    Optional<CertificateInfo> certificate(UUID projectId) {
        return jdbc.sql("""
                SELECT * FROM exit_certificate WHERE project_id = ?""")
                .param(projectId)
                .query((rs, n) -> new CertificateInfo(
                        rs.getObject("project_id", UUID.class),
                        rs.getObject("certificate_id", UUID.class),
                        rs.getString("certificate_number"),
                        rs.getString("issued_by"),
                        instant(rs, "issued_at"),
                        rs.getString("document"),
                        rs.getString("sm3")))
                .optional();
    }
}
