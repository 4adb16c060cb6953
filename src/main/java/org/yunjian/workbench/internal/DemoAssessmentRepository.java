package org.yunjian.workbench.internal;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's completed assessment moved back in time: its rows' dates shifted by standard interval literals (the same
 * on H2 and PostgreSQL) whose numbers are the demo's constants, never input.
 */
final class DemoAssessmentRepository {

    private static final String MONTHS_BACK = """
            \s- INTERVAL '%d' MONTH""";
    private static final String MONTHS_BACK_DAYS_ON = """
            \s- INTERVAL '%d' MONTH + INTERVAL '%d' DAY""";

    private final JdbcClient jdbc;

    DemoAssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OffsetDateTime completedAt(UUID assessmentId) {
        return jdbc.sql("""
                SELECT completed_at FROM assessment WHERE id = ?""").param(assessmentId).query(OffsetDateTime.class).single();
    }

    /** The assessment's tasks opened {@code monthsAgo} and planned {@code daysAfter} that. */
    void dateTasks(UUID assessmentId, int monthsAgo, int daysAfter) {
        String opened = MONTHS_BACK.formatted(monthsAgo);
        String planned = MONTHS_BACK_DAYS_ON.formatted(monthsAgo, daysAfter);
        jdbc.sql("""
                UPDATE assessment_remediation SET created_at = created_at%s, updated_at = updated_at%s \
                WHERE assessment_id = ?""".formatted(opened, planned)).param(assessmentId).update();
        jdbc.sql("""
                UPDATE assessment_risk SET updated_at = updated_at%s WHERE remediation_id IN \
                (SELECT id FROM assessment_remediation WHERE assessment_id = ?)""".formatted(planned)).param(assessmentId).update();
    }

    /**
     * The assessment created {@code createdMonthsAgo}, its verdicts, evidence files, review steps and completion
     * {@code doneMonthsAgo}.
     */
    void backdate(UUID assessmentId, int createdMonthsAgo, int doneMonthsAgo) {
        String created = MONTHS_BACK.formatted(createdMonthsAgo);
        String done = MONTHS_BACK.formatted(doneMonthsAgo);
        jdbc.sql("""
                UPDATE assessment SET created_at = created_at%s, updated_at = updated_at%s, \
                completed_at = completed_at%s WHERE id = ?""".formatted(created, done, done)).param(assessmentId).update();
        jdbc.sql("""
                UPDATE assessment_review_step SET happened_at = happened_at%s WHERE assessment_id = ?""".formatted(done)).param(assessmentId).update();
        jdbc.sql("""
                UPDATE assessment_item SET updated_at = updated_at%s WHERE assessment_id = ?""".formatted(done)).param(assessmentId).update();
        jdbc.sql("""
                UPDATE assessment_verdict_history SET recorded_at = recorded_at%s WHERE item_id IN \
                (SELECT id FROM assessment_item WHERE assessment_id = ?)""".formatted(done)).param(assessmentId).update();
        // the testers' evidence files were taken and linked on the days they recorded the verdicts
        jdbc.sql("""
                UPDATE assessment_evidence SET created_at = created_at%s, updated_at = updated_at%s \
                WHERE assessment_id = ?""".formatted(done, done)).param(assessmentId).update();
        jdbc.sql("""
                UPDATE assessment_evidence_link SET linked_at = linked_at%s WHERE assessment_id = ?""".formatted(done)).param(assessmentId).update();
        jdbc.sql("""
                UPDATE assessment_interview SET held_at = held_at%s, recorded_at = recorded_at%s \
                WHERE item_id IN (SELECT id FROM assessment_item WHERE assessment_id = ?)""".formatted(done, done)).param(assessmentId).update();
    }
}
