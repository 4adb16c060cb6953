package org.yunjian.shared.version;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.shared.NotFoundException;

/**
 * Optimistic locking, one mechanism for every update of a stored record. A record carries an integer
 * {@code version} that each update increments; REST responses carry it as the {@code ETag} ({@code "7"}) and
 * as the {@code version} field. An update names the version it replaces — the {@code If-Match} header, or the
 * {@code version} field of the body or form — and the repository writes with {@code WHERE id = ? AND version = ?}:
 * no row written means someone else changed the record since it was read ({@link StaleVersionException}, 409).
 * An update naming no version is refused ({@link PreconditionRequiredException}, 428).
 */
public final class Versions {

    private Versions() {}

    /** The strong entity tag of a version: {@code "7"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an update replaces: the {@code If-Match} header when sent (it wins over the body), else the
     * body's or form's {@code version} field.
     *
     * @throws PreconditionRequiredException when neither names a version ({@code If-Match: *} names none)
     */
    public static long expected(String ifMatch, Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String t = ifMatch.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            try {
                long v = Long.parseLong(t);
                if (v >= 0) {
                    return v;
                }
            } catch (NumberFormatException notOne) {
                // '*', a list of tags or a foreign tag names no version of ours
            }
            throw new PreconditionRequiredException();
        }
        if (bodyVersion == null || bodyVersion < 0) {
            throw new PreconditionRequiredException();
        }
        return bodyVersion;
    }

    /** {@link #expected(String, Long)} for a form field posted as text. */
    public static long expected(String formVersion) {
        if (formVersion == null || formVersion.isBlank()) {
            throw new PreconditionRequiredException();
        }
        try {
            return expected(null, Long.parseLong(formVersion.strip()));
        } catch (NumberFormatException e) {
            throw new PreconditionRequiredException();
        }
    }

    /**
     * Checks the row count of a {@code UPDATE … WHERE id = ? AND version = ?}: none means the stored version moved
     * on, and the exception names when (from the table's {@code updated_at}, if it has one).
     *
     * @param table         a table name of the calling repository (never user input)
     * @param updatedColumn its last-change time column, or {@code null} if it keeps none
     */
    public static void requireUpdated(int rows, JdbcClient jdbc, String table, String updatedColumn, Object id) {
        requireUpdated(rows, jdbc, table, "id", updatedColumn, id);
    }

    /** {@link #requireUpdated(int, JdbcClient, String, String, Object)} for a table keyed by {@code idColumn}. */
    public static void requireUpdated(
            int rows, JdbcClient jdbc, String table, String idColumn, String updatedColumn, Object id) {
        if (rows > 0) {
            return;
        }
        var now = VersionRepository.current(jdbc, table, idColumn, updatedColumn, id);
        if (now.isEmpty()) {
            throw new NotFoundException("record", id);
        }
        throw new StaleVersionException((Long) now.get()[0], VersionRepository.time(now.get()));
    }
}
