package org.yunjian.shared.version;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.shared.Jdbc;

/**
 * The statements of a {@link VersionedRow}: its table, key and columns are constants of the calling repository, never
 * input; every value is a bound parameter.
 */
final class VersionedRowRepository {

    /** Table, columns, one {@code ?} per column. */
    private static final String INSERT = """
            INSERT INTO %s (%s, version) VALUES (%s1)""";
    /** Table, {@code column = ?} list, key condition. */
    private static final String UPDATE = """
            UPDATE %s SET %s, version = version + 1 WHERE %s AND version = ?""";
    /** Time column, table, key condition. */
    private static final String STORED = """
            SELECT version, %s FROM %s WHERE %s""";

    private static final String AND = """
            \sAND\s""";
    private static final String ASSIGN = """
            %s = ?""";

    private VersionedRowRepository() {}

    static int insert(JdbcClient jdbc, String table, List<String> columns, List<Object> params) {
        return jdbc.sql(INSERT.formatted(table, String.join(", ", columns), "?,".repeat(columns.size())))
                .params(params)
                .update();
    }

    static int update(
            JdbcClient jdbc, String table, List<String> columns, List<String> keyColumns, List<Object> params) {
        return jdbc.sql(UPDATE.formatted(
                        table,
                        columns.stream().map(ASSIGN::formatted).collect(Collectors.joining(", ")),
                        where(keyColumns)))
                .params(params)
                .update();
    }

    /** The stored row's version and last-change time. */
    static Optional<Object[]> stored(
            JdbcClient jdbc, String table, List<String> keyColumns, String updatedColumn, List<Object> key) {
        return jdbc.sql(STORED.formatted(updatedColumn, table, where(keyColumns)))
                .params(key)
                .query((rs, n) -> new Object[] {rs.getLong(1), (Object) Jdbc.instant(rs, updatedColumn)})
                .optional();
    }

    static Instant time(Object[] row) {
        return (Instant) row[1];
    }

    private static String where(List<String> keyColumns) {
        return keyColumns.stream().map(ASSIGN::formatted).collect(Collectors.joining(AND));
    }
}
