package org.yunjian.inheritance.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.assessment.Records.ExternalConclusion;
import org.yunjian.assessment.Records.ItemInheritance;

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
