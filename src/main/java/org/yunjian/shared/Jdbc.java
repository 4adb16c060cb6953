package org.yunjian.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;

/**
 * The JDBC conversions every repository needs, written once: instants are stored as UTC
 * {@code TIMESTAMP WITH TIME ZONE} (H2 and PostgreSQL alike) and read back as {@link Instant}s.
 */
public final class Jdbc {

    private Jdbc() {}

    /** The value to bind for an instant column; {@code null} stays {@code null}. */
    public static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    /** An instant column of the current row, {@code null} when SQL NULL. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs.getObject(column, OffsetDateTime.class));
    }

    public static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** {@code n} positional parameter marks for an {@code IN (…)} list: {@code ?,?,?}. */
    public static String marks(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("marks(" + n + ")");
        }
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
