package org.yunjian.shared.version;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A record that exists at most once per key and is written whole — the needs analysis and the migration
 * plan of a system, the review of one contract clause: saved over version {@code expected} of the stored one
 * ({@code 0}: none stored yet, so it is inserted at version 1), else a {@link StaleVersionException} naming when it
 * was changed (see {@link org.yunjian.shared.version.Versions}).
 *
 * <p>The calling module's repository names its own table and passes its {@code JdbcClient}: the statements run as
 * that module's writes (see {@code TableOwnershipTests}).
 *
 * @param table         the table (a constant of the calling repository, never user input)
 * @param keyColumns    the columns of its key
 * @param updatedColumn its last-change time column, named in a stale-version conflict
 */
public record VersionedRow(String table, List<String> keyColumns, String updatedColumn) {

    public VersionedRow(String table, String updatedColumn, String... keyColumns) {
        this(table, List.of(keyColumns), updatedColumn);
    }

    /** Stores {@code values} of {@code columns} for the row {@code key}, over version {@code expected}. */
    public void save(JdbcClient jdbc, List<String> columns, Object[] values, Object[] key, long expected) {
        List<Object> params = new ArrayList<>(Arrays.asList(values));
        params.addAll(Arrays.asList(key));
        int rows;
        if (expected == 0 && stored(jdbc, key) != null) {
            rows = 0; // saved by someone else since the caller read "none yet"
        } else if (expected == 0) {
            List<String> all = new ArrayList<>(columns);
            all.addAll(keyColumns);
            try {
                rows = VersionedRowRepository.insert(jdbc, table, all, params);
            } catch (DuplicateKeyException savedMeanwhile) {
                // someone saved the first one meanwhile; on PostgreSQL this transaction can read no more
                throw new StaleVersionException(1, null);
            }
        } else {
            params.add(expected);
            rows = VersionedRowRepository.update(jdbc, table, columns, keyColumns, params);
        }
        if (rows > 0) {
            return;
        }
        Object[] now = stored(jdbc, key);
        throw now == null
                ? new StaleVersionException(0, null)
                : new StaleVersionException((Long) now[0], VersionedRowRepository.time(now));
    }

    /** The stored row's version and last-change time, or {@code null} if there is none. */
    private Object[] stored(JdbcClient jdbc, Object[] key) {
        return VersionedRowRepository.stored(jdbc, table, keyColumns, updatedColumn, Arrays.asList(key))
                .orElse(null);
    }

    /** A stored date column's day, or null. */
    public static java.time.LocalDate date(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
