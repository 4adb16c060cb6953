package org.yunjian.inheritance.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.assessment.Records.ExternalConclusion;
import org.yunjian.assessment.Records.ItemInheritance;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;

/**
 * The writes of recorded external conclusions ({@code assessment_external_conclusion}) and inherited items
 * ({@code assessment_item_inheritance}): the inheritance module is their one writer.
 */
@Repository
public class InheritanceRowRepository {

    private final JdbcClient jdbc;

    InheritanceRowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String v) {
        return v == null ? null : Enum.valueOf(type, v);
    }

    // --- external conclusions (read)

    public List<ExternalConclusion> conclusions(UUID assessmentId) {
        return jdbc.sql("""
                SELECT * FROM assessment_external_conclusion WHERE assessment_id = ?
                ORDER BY concluded_on DESC, recorded_at DESC""").param(assessmentId).query(CONCLUSION).list();
    }

    public Optional<ExternalConclusion> conclusion(UUID id) {
        return jdbc.sql("""
                SELECT * FROM assessment_external_conclusion WHERE id = ?""").param(id).query(CONCLUSION).optional();
    }

    private static final RowMapper<ExternalConclusion> CONCLUSION = (rs, n) -> new ExternalConclusion(
            rs.getObject("id", UUID.class),
            rs.getObject("assessment_id", UUID.class),
            rs.getString("report_number"),
            rs.getString("assessor_name"),
            rs.getObject("concluded_on", LocalDate.class),
            Verdict.valueOf(rs.getString("verdict")),
            enumOf(RiskLevel.class, rs.getString("risk_level")),
            rs.getObject("evidence_id", UUID.class),
            rs.getString("recorded_by"),
            instant(rs, "recorded_at"));

    public void insertConclusion(ExternalConclusion c) {
        jdbc.sql("""
                        INSERT INTO assessment_external_conclusion (id, assessment_id, report_number, assessor_name,
                        concluded_on, verdict, risk_level, evidence_id, recorded_by, recorded_at)
                        VALUES (?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        c.id(),
                        c.assessmentId(),
                        c.reportNumber(),
                        c.assessorName(),
                        c.concludedOn(),
                        c.verdict().name(),
                        name(c.riskLevel()),
                        c.evidenceId(),
                        c.recordedBy(),
                        utc(c.recordedAt()))
                .update();
    }

    public void insert(ItemInheritance i) {
        jdbc.sql("""
                        INSERT INTO assessment_item_inheritance (item_id, assessment_id, source_assessment_id,
                        source_item_id, conclusion_id, prior_verdict, prior_reason, prior_risk_level,
                        prior_risk_reason, marked_by, marked_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        i.itemId(),
                        i.assessmentId(),
                        i.sourceAssessmentId(),
                        i.sourceItemId(),
                        i.conclusionId(),
                        name(i.priorVerdict()),
                        i.priorReason(),
                        name(i.priorRiskLevel()),
                        i.priorRiskReason(),
                        i.markedBy(),
                        utc(i.markedAt()))
                .update();
    }

    public void delete(UUID itemId) {
        jdbc.sql("""
                DELETE FROM assessment_item_inheritance WHERE item_id = ?""").param(itemId).update();
    }
}
