package org.yunjian.shared;

import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Human numbers {@code <series>-<year>-<6-digit sequence>}: {@code YJ-2026-000123} for assessment reports,
 * {@code YJ-DEL-2026-000001} for deletion certificates. The year is the drawing's year in the users' zone
 * (Beijing time); the sequence restarts at 000001 each year and comes from the series' row of
 * {@code serial_counter}, updated under a row lock, so two documents never share a number.
 */
@Component
public class SerialNumberRepository {

    /** Assessment reports. */
    public static final String REPORT = "YJ";
    /** Deletion certificates (数据删除证明). */
    public static final String CERTIFICATE = "YJ-DEL";

    private final JdbcClient jdbc;
    private final Clock clock;

    SerialNumberRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code YJ-2026-000123}. */
    public static String format(String series, int year, int sequence) {
        return String.format(Locale.ROOT, "%s-%04d-%06d", series, year, sequence);
    }

    /** Whether {@code s} is a number of {@code series} in the documented form. */
    public static boolean isWellFormed(String series, String s) {
        return s != null && s.matches(Pattern.quote(series) + "-\\d{4}-\\d{6}");
    }

    /** Draws the next number of {@code series} for the current year; in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String series) {
        int year = clock.instant().atZone(Formats.zone()).getYear();
        record Counter(int year, int last) {}
        Counter c = jdbc.sql("""
                SELECT counter_year, last_value FROM serial_counter WHERE series = ? FOR UPDATE""")
                .param(series)
                .query((rs, n) -> new Counter(rs.getInt(1), rs.getInt(2)))
                .single();
        int value = c.year() == year ? c.last() + 1 : 1;
        jdbc.sql("""
                UPDATE serial_counter SET counter_year = ?, last_value = ? WHERE series = ?""").params(year, value, series).update();
        return format(series, year, value);
    }
}
