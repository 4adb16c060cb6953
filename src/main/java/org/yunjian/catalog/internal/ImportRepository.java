package org.yunjian.catalog.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.CatalogExchange.ImportVersion;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.shared.Jdbc;

/**
 * The stored OSCAL imports: the current version of each code in {@code catalog_import} (+ chunks), the versions it
 * replaced in {@code catalog_import_version} (+ chunks). Documents are kept gzip + base64 in 400,000-character
 * chunks (a portable VARCHAR of any total size). Callers run it inside their transaction.
 */
@Component
class ImportRepository {

    private static final int CHUNK = 400_000;
    private static final String COLUMNS =
            "code, version, title, file_name, format, sha256, size_bytes, requirements, " + "imported_at, imported_by";

    private final JdbcClient jdbc;

    ImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current version of every code, by code. */
    List<ImportVersion> current() {
        return jdbc.sql("""
                SELECT %s FROM catalog_import ORDER BY code""".formatted(COLUMNS))
                .query((rs, n) -> version(rs, false))
                .list();
    }

    Optional<ImportVersion> current(String code) {
        return jdbc.sql("""
                SELECT %s FROM catalog_import WHERE code = ?""".formatted(COLUMNS))
                .param(code)
                .query((rs, n) -> version(rs, false))
                .optional();
    }

    /** The current version of {@code code} (if any) and every version it replaced, newest first. */
    List<ImportVersion> versions(String code) {
        List<ImportVersion> out = new ArrayList<>();
        current(code).ifPresent(out::add);
        out.addAll(jdbc.sql("""
                SELECT %s, replaced_at, replaced_by FROM catalog_import_version WHERE code = ? ORDER BY version DESC""".formatted(COLUMNS))
                .param(code)
                .query((rs, n) -> version(rs, true))
                .list());
        return out;
    }

    private static ImportVersion version(java.sql.ResultSet rs, boolean replaced) throws java.sql.SQLException {
        return new ImportVersion(
                rs.getString("code"),
                rs.getInt("version"),
                rs.getString("title"),
                rs.getString("file_name"),
                OscalFormat.valueOf(rs.getString("format")),
                rs.getInt("requirements"),
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                Jdbc.instant(rs, "imported_at"),
                rs.getString("imported_by"),
                replaced ? Jdbc.instant(rs, "replaced_at") : null,
                replaced ? rs.getString("replaced_by") : null);
    }

    /** The document of the current version of {@code code}, or of an earlier {@code version}; empty if unknown. */
    Optional<byte[]> content(String code, int version) {
        List<String> chunks =
                jdbc.sql("""
                        SELECT c.data FROM catalog_import_chunk c JOIN catalog_import i ON i.code = c.code
                        WHERE c.code = ? AND i.version = ? ORDER BY c.seq""").params(code, version).query(String.class).list();
        if (chunks.isEmpty()) {
            chunks = jdbc.sql("""
                    SELECT data FROM catalog_import_version_chunk WHERE code = ? AND version = ? ORDER BY seq""").params(code, version).query(String.class).list();
        }
        return chunks.isEmpty() ? Optional.empty() : Optional.of(unpack(String.join("", chunks)));
    }

    /** The current document of {@code code}. */
    byte[] currentContent(String code) {
        List<String> chunks = jdbc.sql("""
                SELECT data FROM catalog_import_chunk WHERE code = ? ORDER BY seq""").param(code).query(String.class).list();
        return unpack(String.join("", chunks));
    }

    /**
     * Moves the current version of {@code code} (row and document) to the earlier versions, marked replaced now by
     * {@code by}; returns its version number, 0 when there was none.
     */
    int retire(String code, Instant now, String by) {
        Optional<ImportVersion> current = current(code);
        if (current.isEmpty()) {
            return 0;
        }
        int version = current.get().version();
        jdbc.sql("""
                INSERT INTO catalog_import_version (%s, replaced_at, replaced_by) SELECT %s, ?, ? FROM catalog_import WHERE code = ?""".formatted(COLUMNS, COLUMNS))
                .params(Jdbc.utc(now), by, code)
                .update();
        jdbc.sql("""
                        INSERT INTO catalog_import_version_chunk (code, version, seq, data)
                        SELECT code, ?, seq, data FROM catalog_import_chunk WHERE code = ?""").params(version, code).update();
        jdbc.sql("""
                DELETE FROM catalog_import WHERE code = ?""").param(code).update();
        return version;
    }

    /** The highest version number ever used for {@code code} (current or earlier), 0 for a new code. */
    int lastVersion(String code) {
        Integer current =
                jdbc.sql("""
                SELECT MAX(version) FROM catalog_import WHERE code = ?""").param(code).query(Integer.class).optional().orElse(null);
        Integer earlier =
                jdbc.sql("""
                SELECT MAX(version) FROM catalog_import_version WHERE code = ?""").param(code).query(Integer.class).optional().orElse(null);
        return Math.max(current == null ? 0 : current, earlier == null ? 0 : earlier);
    }

    /** Stores {@code row} (its code must be free) as the current version with its document. */
    void insert(ImportVersion row, byte[] content) {
        jdbc.sql("""
                INSERT INTO catalog_import (%s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""".formatted(COLUMNS))
                .params(
                        row.code(),
                        row.version(),
                        truncate(row.title(), 1000),
                        truncate(row.fileName(), 255),
                        row.format().name(),
                        row.sha256(),
                        content.length,
                        row.requirements(),
                        Jdbc.utc(row.importedAt()),
                        row.importedBy())
                .update();
        String packed = pack(content);
        for (int i = 0, seq = 0; i < packed.length(); i += CHUNK, seq++) {
            jdbc.sql("""
                    INSERT INTO catalog_import_chunk (code, seq, data) VALUES (?, ?, ?)""")
                    .params(row.code(), seq, packed.substring(i, Math.min(packed.length(), i + CHUNK)))
                    .update();
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String pack(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static byte[] unpack(String packed) {
        try (GZIPInputStream gz =
                new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(packed)))) {
            return gz.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
