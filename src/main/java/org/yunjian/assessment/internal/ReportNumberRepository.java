package org.yunjian.assessment.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.shared.SerialNumberRepository;

/**
 * Human report numbers {@code YJ-<year>-<6-digit sequence>} (e.g. {@code YJ-2026-000123}), assigned once per
 * assessment from the {@link SerialNumberRepository#REPORT} series.
 */
@Component
public class ReportNumberRepository {

    private final JdbcClient jdbc;
    private final SerialNumberRepository serials;

    ReportNumberRepository(JdbcClient jdbc, SerialNumberRepository serials) {
        this.jdbc = jdbc;
        this.serials = serials;
    }

    /** {@code YJ-2026-000123}. */
    static String format(int year, int sequence) {
        return SerialNumberRepository.format(SerialNumberRepository.REPORT, year, sequence);
    }

    /** Whether {@code s} has the documented form. */
    public static boolean isWellFormed(String s) {
        return SerialNumberRepository.isWellFormed(SerialNumberRepository.REPORT, s);
    }

    /** Assigns the next number of the current year to an assessment that has none; in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String assign(UUID assessmentId) {
        Optional<String> existing = current(assessmentId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String number = serials.next(SerialNumberRepository.REPORT);
        jdbc.sql("""
                UPDATE assessment SET report_number = ? WHERE id = ? AND report_number IS NULL""").params(number, assessmentId).update();
        return current(assessmentId).orElse(number);
    }

    /**
     * The number of an assessment created before numbers existed: assigned on first use in its own short
     * transaction, so a read-only caller (a report download) can still get one.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String ensure(UUID assessmentId) {
        jdbc.sql("""
                SELECT id FROM assessment WHERE id = ? FOR UPDATE""").param(assessmentId).query(UUID.class).optional();
        return assign(assessmentId);
    }

    Optional<String> current(UUID assessmentId) {
        return jdbc.sql("""
                SELECT report_number FROM assessment WHERE id = ?""").param(assessmentId).query(String.class).optional();
    }
}
