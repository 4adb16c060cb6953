package org.yunjian.shared.version;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.shared.Jdbc;

/** Reads a row's stored version (and last-change time) after a refused update, for any versioned table. */
final class VersionRepository {

    /** Version and last change of a row: the optional time column, the table, the key column. */
    private static final String CURRENT = """
            SELECT version%s FROM %s WHERE %s = ?""";

    private static final String TIME_COLUMN = """
            , %s""";

    private VersionRepository() {}

    /**
     * The row's version and its {@code updatedColumn} (null when the table keeps none), or empty if it is gone.
     * {@code table}, {@code idColumn} and {@code updatedColumn} are constants of the calling repository.
     */
    static Optional<Object[]> current(JdbcClient jdbc, String table, String idColumn, String updatedColumn, Object id) {
        String time = updatedColumn == null ? "" : TIME_COLUMN.formatted(updatedColumn);
        return jdbc.sql(CURRENT.formatted(time, table, idColumn))
                .param(id)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1), updatedColumn == null ? null : (Object) Jdbc.instant(rs, updatedColumn)
                })
                .optional();
    }

    /** The time a {@link #current} row carries, if any. */
    static Instant time(Object[] row) {
        return (Instant) row[1];
    }
}
