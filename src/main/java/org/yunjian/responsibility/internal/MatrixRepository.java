package org.yunjian.responsibility.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.responsibility.VersionStatus;
import org.yunjian.shared.paging.PageQueries;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/** Hand-written, portable SQL for the responsibility tables. A version's document is JSON text, never updated. */
@Repository
public class MatrixRepository {

    /** The matrix of a system and its current version number. */
    public record MatrixInfo(
            UUID id, UUID systemId, int currentVersion, String createdBy, Instant createdAt, Instant updatedAt) {}

    /** A stored version before its document is read. */
    public record VersionRow(
            UUID matrixId,
            int version,
            VersionStatus status,
            String document,
            String changeSummary,
            String createdBy,
            UUID createdOrg,
            Instant createdAt,
            Instant approvedAt) {}

    public record SignOff(SignOffSide side, String signedBy, UUID signedOrg, Instant signedAt) {}

    private static final RowMapper<MatrixInfo> MATRIX = (rs, n) -> new MatrixInfo(
            rs.getObject("id", UUID.class),
            rs.getObject("system_id", UUID.class),
            rs.getInt("current_version"),
            rs.getString("created_by"),
            instant(rs, "created_at"),
            instant(rs, "updated_at"));

    private static final RowMapper<VersionRow> VERSION = (rs, n) -> new VersionRow(
            rs.getObject("matrix_id", UUID.class),
            rs.getInt("version"),
            VersionStatus.valueOf(rs.getString("status")),
            rs.getString("document"),
            rs.getString("change_summary"),
            rs.getString("created_by"),
            rs.getObject("created_org", UUID.class),
            instant(rs, "created_at"),
            instant(rs, "approved_at"));

    private final JdbcClient jdbc;

    MatrixRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MatrixInfo> findBySystem(UUID systemId) {
        return jdbc.sql("""
                SELECT * FROM responsibility_matrix WHERE system_id = ?""").param(systemId).query(MATRIX).optional();
    }

    /** Every matrix (the inbox's rebuild reads what waits on each). */
    List<MatrixInfo> all() {
        return jdbc.sql("""
                SELECT * FROM responsibility_matrix ORDER BY created_at, id""").query(MATRIX).list();
    }

    /** The matrix row locked for the rest of the transaction: edits and sign-offs of one matrix run one by one. */
    Optional<MatrixInfo> lockBySystem(UUID systemId) {
        return jdbc.sql("""
                SELECT * FROM responsibility_matrix WHERE system_id = ? FOR UPDATE""").param(systemId).query(MATRIX).optional();
    }

    void insertMatrix(MatrixInfo m) {
        jdbc.sql("""
                        INSERT INTO responsibility_matrix (id, system_id, current_version, created_by, created_at,
                        updated_at) VALUES (?,?,?,?,?,?)""")
                .params(m.id(), m.systemId(), m.currentVersion(), m.createdBy(), utc(m.createdAt()), utc(m.updatedAt()))
                .update();
    }

    void insertVersion(VersionRow v, int schema) {
        jdbc.sql("""
                        INSERT INTO responsibility_matrix_version (matrix_id, version, status, schema_version, document,
                        change_summary, created_by, created_org, created_at) VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(
                        v.matrixId(),
                        v.version(),
                        v.status().name(),
                        schema,
                        v.document(),
                        v.changeSummary(),
                        v.createdBy(),
                        v.createdOrg(),
                        utc(v.createdAt()))
                .update();
    }

    /** Moves the current version pointer from {@code from} to {@code to}; false if another change came first. */
    boolean advance(UUID matrixId, int from, int to, Instant now) {
        return jdbc.sql("""
                        UPDATE responsibility_matrix SET current_version = ?, updated_at = ?
                        WHERE id = ? AND current_version = ?""").params(to, utc(now), matrixId, from).update() == 1;
    }

    Optional<VersionRow> version(UUID matrixId, int version) {
        return jdbc.sql("""
                SELECT * FROM responsibility_matrix_version WHERE matrix_id = ? AND version = ?""").params(matrixId, version).query(VERSION).optional();
    }

    /** All versions, newest first, without their documents' meaning (the list of a matrix's history). */
    List<VersionRow> versions(UUID matrixId) {
        return jdbc.sql("""
                SELECT * FROM responsibility_matrix_version WHERE matrix_id = ? ORDER BY version DESC""").param(matrixId).query(VERSION).list();
    }

    /** One page of the matrix's versions, newest first, with their total (ADR 009). */
    Paged<VersionRow> versions(UUID matrixId, PageRequest page) {
        return PageQueries.query(
                jdbc,
                "*",
                "responsibility_matrix_version",
                new PageQueries.Where().and("matrix_id = :matrix", "matrix", matrixId),
                """
                        version DESC""",
                page,
                statement -> statement.query(VERSION).list());
    }

    void approve(UUID matrixId, int version, Instant now) {
        jdbc.sql("""
                        UPDATE responsibility_matrix_version SET status = ?, approved_at = ?
                        WHERE matrix_id = ? AND version = ?""")
                .params(VersionStatus.APPROVED.name(), utc(now), matrixId, version)
                .update();
    }

    void insertSignOff(UUID matrixId, int version, SignOff s) {
        jdbc.sql("""
                        INSERT INTO responsibility_sign_off (matrix_id, version, side, signed_by, signed_org, signed_at)
                        VALUES (?,?,?,?,?,?)""")
                .params(matrixId, version, s.side().name(), s.signedBy(), s.signedOrg(), utc(s.signedAt()))
                .update();
    }

    Map<SignOffSide, SignOff> signOffs(UUID matrixId, int version) {
        Map<SignOffSide, SignOff> out = new EnumMap<>(SignOffSide.class);
        jdbc.sql("""
                SELECT * FROM responsibility_sign_off WHERE matrix_id = ? AND version = ? ORDER BY signed_at""")
                .params(matrixId, version)
                .query((rs, n) -> new SignOff(
                        SignOffSide.valueOf(rs.getString("side")),
                        rs.getString("signed_by"),
                        rs.getObject("signed_org", UUID.class),
                        instant(rs, "signed_at")))
                .list()
                .forEach(s -> out.put(s.side(), s));
        return out;
    }
}
