package org.yunjian.findings;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.catalog.ControlMap.Relationship;
import org.yunjian.findings.FindingRecords.Finding;
import org.yunjian.findings.FindingRecords.Import;
import org.yunjian.findings.FindingRecords.Target;
import org.yunjian.findings.FindingRecords.TargetState;
import org.yunjian.shared.ConflictException;
import org.yunjian.vault.Vault.Sealed;

/** Portable SQL for imported findings (V202612160100). */
@Repository
class FindingsRepository {

    private final JdbcClient jdbc;

    FindingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Import i) {
        Sealed f = i.file();
        jdbc.sql("""
                        INSERT INTO finding_import (id, assessment_id, kind, format, title, oscal_version, file_id,
                        file_name, content_type, file_size, sm3, blob_name, wrapped_key, imported_by, imported_at)
                        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        i.id(),
                        i.assessmentId(),
                        i.kind().name(),
                        i.format(),
                        i.title(),
                        i.oscalVersion(),
                        f.id(),
                        f.displayName(),
                        f.contentType(),
                        f.size(),
                        f.sm3(),
                        f.blob(),
                        f.wrappedKey(),
                        i.importedBy(),
                        utc(i.importedAt()))
                .update();
    }

    void insert(Finding f) {
        jdbc.sql("""
                        INSERT INTO imported_finding (id, import_id, assessment_id, position, kind, source_uuid, title,
                        description, control_id, source_status, deadline, detail, observations)
                        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        f.id(),
                        f.importId(),
                        f.assessmentId(),
                        f.position(),
                        f.kind().name(),
                        f.sourceUuid(),
                        f.title(),
                        f.description(),
                        f.controlId(),
                        f.sourceStatus(),
                        f.deadline(),
                        f.detail(),
                        String.join(",", f.observations()))
                .update();
    }

    void insert(Target t) {
        jdbc.sql("""
                        INSERT INTO imported_finding_target (id, finding_id, assessment_id, requirement_id, item_id,
                        relationship, confidence, state, version) VALUES (?,?,?,?,?,?,?,?,0)""")
                .params(
                        t.id(),
                        t.findingId(),
                        t.assessmentId(),
                        t.requirementId(),
                        t.itemId(),
                        t.relationship().name(),
                        t.confidence(),
                        t.state().name())
                .update();
    }

    List<Import> imports(UUID assessmentId) {
        return jdbc.sql("""
                        SELECT * FROM finding_import WHERE assessment_id = ? ORDER BY imported_at DESC, id""").param(assessmentId).query(IMPORT).list();
    }

    Optional<Import> importOf(UUID id) {
        return jdbc.sql("""
                SELECT * FROM finding_import WHERE id = ?""").param(id).query(IMPORT).optional();
    }

    List<Finding> findings(UUID importId) {
        return jdbc.sql("""
                        SELECT * FROM imported_finding WHERE import_id = ? ORDER BY position""").param(importId).query(FINDING).list();
    }

    List<Finding> findingsOfAssessment(UUID assessmentId, EntryKind kind) {
        return jdbc.sql("""
                        SELECT * FROM imported_finding WHERE assessment_id = ? AND kind = ? ORDER BY position""").params(assessmentId, kind.name()).query(FINDING).list();
    }

    Optional<Finding> finding(UUID id) {
        return jdbc.sql("""
                SELECT * FROM imported_finding WHERE id = ?""").param(id).query(FINDING).optional();
    }

    List<Target> targetsOfImport(UUID importId) {
        return jdbc.sql("""
                        SELECT t.* FROM imported_finding_target t JOIN imported_finding f ON f.id = t.finding_id
                        WHERE f.import_id = ? ORDER BY f.position, t.requirement_id""").param(importId).query(TARGET).list();
    }

    Optional<Target> target(UUID id) {
        return jdbc.sql("""
                SELECT * FROM imported_finding_target WHERE id = ?""").param(id).query(TARGET).optional();
    }

    /** Records the decision if the placement is still at {@code expected} and undecided; else 409. */
    void decide(UUID id, long expected, TargetState state, String by, Instant at, String reason) {
        int n = jdbc.sql("""
                        UPDATE imported_finding_target SET state = ?, decided_by = ?, decided_at = ?, reason = ?,
                        version = version + 1 WHERE id = ? AND version = ? AND state = 'PROPOSED'""")
                .params(state.name(), by, utc(at), reason, id, expected)
                .update();
        if (n == 0) {
            throw new ConflictException("finding-decided", "findings.error.stale");
        }
    }

    private static final RowMapper<Import> IMPORT = (rs, n) -> new Import(
            rs.getObject("id", UUID.class),
            rs.getObject("assessment_id", UUID.class),
            ImportKind.valueOf(rs.getString("kind")),
            rs.getString("format"),
            rs.getString("title"),
            rs.getString("oscal_version"),
            new Sealed(
                    rs.getObject("file_id", UUID.class),
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getLong("file_size"),
                    rs.getString("sm3"),
                    rs.getString("blob_name"),
                    rs.getString("wrapped_key")),
            rs.getString("imported_by"),
            instant(rs, "imported_at"));

    private static final RowMapper<Finding> FINDING = (rs, n) -> new Finding(
            rs.getObject("id", UUID.class),
            rs.getObject("import_id", UUID.class),
            rs.getObject("assessment_id", UUID.class),
            rs.getInt("position"),
            EntryKind.valueOf(rs.getString("kind")),
            rs.getString("source_uuid"),
            rs.getString("title"),
            rs.getString("description"),
            rs.getString("control_id"),
            rs.getString("source_status"),
            rs.getObject("deadline", LocalDate.class),
            rs.getString("detail"),
            rs.getString("observations") == null || rs.getString("observations").isEmpty()
                    ? List.of()
                    : Arrays.asList(rs.getString("observations").split(",")));

    private static final RowMapper<Target> TARGET = (rs, n) -> new Target(
            rs.getObject("id", UUID.class),
            rs.getObject("finding_id", UUID.class),
            rs.getObject("assessment_id", UUID.class),
            rs.getString("requirement_id"),
            rs.getObject("item_id", UUID.class),
            Relationship.valueOf(rs.getString("relationship")),
            rs.getInt("confidence"),
            TargetState.valueOf(rs.getString("state")),
            rs.getString("decided_by"),
            instant(rs, "decided_at"),
            rs.getString("reason"),
            rs.getLong("version"));
}
