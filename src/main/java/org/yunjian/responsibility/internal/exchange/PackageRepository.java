package org.yunjian.responsibility.internal.exchange;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.catalog.OscalFormat;

/** Hand-written, portable SQL for the providers' plans imported into a system (issue 60). Written once. */
@Repository
class PackageRepository {

    /** One imported plan, the file as uploaded. */
    record StoredPackage(
            UUID id,
            UUID systemId,
            String fileName,
            OscalFormat format,
            String title,
            String content,
            String importedBy,
            UUID importedOrg,
            Instant importedAt) {}

    private static final RowMapper<StoredPackage> ROW = (rs, n) -> new StoredPackage(
            rs.getObject("id", UUID.class),
            rs.getObject("system_id", UUID.class),
            rs.getString("file_name"),
            OscalFormat.valueOf(rs.getString("format")),
            rs.getString("title"),
            rs.getString("content"),
            rs.getString("imported_by"),
            rs.getObject("imported_org", UUID.class),
            instant(rs, "imported_at"));

    private final JdbcClient jdbc;

    PackageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredPackage p) {
        jdbc.sql("""
                        INSERT INTO responsibility_ssp_package (id, system_id, file_name, format, title, content,
                        imported_by, imported_org, imported_at) VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(
                        p.id(),
                        p.systemId(),
                        p.fileName(),
                        p.format().name(),
                        p.title(),
                        p.content(),
                        p.importedBy(),
                        p.importedOrg(),
                        utc(p.importedAt()))
                .update();
    }

    /** A system's imported plans, the latest first. */
    List<StoredPackage> bySystem(UUID systemId) {
        return jdbc.sql("""
                SELECT * FROM responsibility_ssp_package WHERE system_id = ? ORDER BY imported_at DESC, id""").param(systemId).query(ROW).list();
    }

    Optional<StoredPackage> find(UUID systemId, UUID id) {
        return jdbc.sql("""
                SELECT * FROM responsibility_ssp_package WHERE system_id = ? AND id = ?""").params(systemId, id).query(ROW).optional();
    }
}
