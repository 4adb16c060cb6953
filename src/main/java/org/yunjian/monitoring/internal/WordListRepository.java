package org.yunjian.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.monitoring.WordListVersion;
import org.yunjian.shared.Jdbc;

/** The organisations' word lists: every version kept; the latest is the one in force. */
@Repository
class WordListRepository {

    private static final String COLUMNS = """
            id, organization_id, version, word_count, content_sm3, note, imported_by, imported_at""";

    private final JdbcClient jdbc;

    WordListRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores {@code v} with its words, one per line; a concurrent import of the same number fails on the key. */
    void insert(WordListVersion v, List<String> words) {
        jdbc.sql("""
                        INSERT INTO monitor_word_list (%s, words) VALUES (?,?,?,?,?,?,?,?,?)""".formatted(COLUMNS))
                .params(
                        v.id(),
                        v.organizationId(),
                        v.version(),
                        v.wordCount(),
                        v.contentSm3(),
                        v.note(),
                        v.importedBy(),
                        Jdbc.utc(v.importedAt()),
                        String.join("\n", words))
                .update();
    }

    /** The organisation's versions, the latest first. */
    List<WordListVersion> versions(UUID organizationId) {
        return jdbc.sql("""
                        SELECT %s FROM monitor_word_list WHERE organization_id = ? ORDER BY version DESC""".formatted(COLUMNS))
                .param(organizationId)
                .query(WordListRepository::version)
                .list();
    }

    /** The number of the organisation's latest version, 0 when it has none. */
    int latestNumber(UUID organizationId) {
        Integer n = jdbc.sql("""
                        SELECT MAX(version) FROM monitor_word_list WHERE organization_id = ?""")
                .param(organizationId)
                .query(Integer.class)
                .optional()
                .orElse(null);
        return n == null ? 0 : n;
    }

    /** The words of one version, one per line. */
    Optional<String> words(UUID organizationId, int version) {
        return jdbc.sql("""
                        SELECT words FROM monitor_word_list WHERE organization_id = ? AND version = ?""").params(organizationId, version).query(String.class).optional();
    }

    private static WordListVersion version(ResultSet rs, int n) throws SQLException {
        return new WordListVersion(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getInt("version"),
                rs.getInt("word_count"),
                rs.getString("content_sm3"),
                rs.getString("note"),
                rs.getString("imported_by"),
                Jdbc.instant(rs, "imported_at"));
    }
}
