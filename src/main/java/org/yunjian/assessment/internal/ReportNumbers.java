package org.yunjian.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.shared.Formats;

/**
 * Human report numbers {@code YJ-<year>-<6-digit sequence>} (e.g. {@code YJ-2026-000123}), assigned once per
 * assessment: the year is the assignment's year in the users' zone (Beijing time), the sequence restarts at
 * 000001 each year and comes from a counter row updated under a row lock, so two assessments never share one.
 */
@Component
public class ReportNumbers {

    static final String PREFIX = "YJ";

    private final JdbcClient jdbc;
    private final Clock clock;

    ReportNumbers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code YJ-2026-000123}. */
    static String format(int year, int sequence) {
        return String.format(Locale.ROOT, "%s-%04d-%06d", PREFIX, year, sequence);
    }

    /** Whether {@code s} has the documented form. */
    public static boolean isWellFormed(String s) {
        return s != null && s.matches("YJ-\\d{4}-\\d{6}");
    }

    /** Assigns the next number of the current year to an assessment that has none; in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String assign(UUID assessmentId) {
        Optional<String> existing = current(assessmentId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String number = next(clock.instant());
        jdbc.sql("UPDATE assessment SET report_number = ? WHERE id = ? AND report_number IS NULL")
                .params(number, assessmentId).update();
        return current(assessmentId).orElse(number);
    }

    /**
     * The number of an assessment created before numbers existed: assigned on first use in its own short
     * transaction, so a read-only caller (a report download) can still get one.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String ensure(UUID assessmentId) {
        jdbc.sql("SELECT id FROM assessment WHERE id = ? FOR UPDATE").param(assessmentId).query(UUID.class).optional();
        return assign(assessmentId);
    }

    Optional<String> current(UUID assessmentId) {
        return jdbc.sql("SELECT report_number FROM assessment WHERE id = ?").param(assessmentId).query(String.class)
                .optional();
    }

    private String next(Instant now) {
        int year = now.atZone(Formats.zone()).getYear();
        record Counter(int year, int last) {
        }
        Counter c = jdbc.sql("SELECT counter_year, last_value FROM assessment_report_counter WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Counter(rs.getInt(1), rs.getInt(2))).single();
        int value = c.year() == year ? c.last() + 1 : 1;
        jdbc.sql("UPDATE assessment_report_counter SET counter_year = ?, last_value = ? WHERE id = 1")
                .params(year, value).update();
        return format(year, value);
    }
}
