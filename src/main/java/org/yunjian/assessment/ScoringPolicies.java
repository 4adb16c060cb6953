package org.yunjian.assessment;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.internal.Mlps2025ScoringPolicy;
import org.yunjian.assessment.internal.ScoringProperties;

/**
 * The scoring policy of each report template: the 2025 template's 符合 / 基本符合 / 不符合 ({@code mlps-2025},
 * thresholds from {@code yunjian.assessment.scoring.mlps2025.*}) and the 2021 template's 优 / 良 / 中 / 差
 * ({@code gb-default v1}, or whatever {@link ScoringPolicy} bean replaces it).
 */
@Component
public class ScoringPolicies {

    private final ScoringPolicy gbDefault;
    private final Mlps2025ScoringPolicy mlps2025;
    private final JdbcClient jdbc;

    ScoringPolicies(ScoringPolicy gbDefault, ScoringProperties properties, JdbcClient jdbc) {
        this.gbDefault = gbDefault;
        this.mlps2025 = new Mlps2025ScoringPolicy(properties.mlps2025());
        this.jdbc = jdbc;
    }

    /** The policy of the assessment's template (no access check: the caller has checked). */
    public ScoringPolicy forAssessment(UUID assessmentId) {
        return forTemplate(setup(assessmentId).template());
    }

    /** The assessment's template and contract date, as stored (2025 and none for an unknown id). */
    public ReportSetups.ReportSetup setup(UUID assessmentId) {
        return jdbc.sql("""
                SELECT report_template, contract_date, version FROM assessment WHERE id = ?""")
                .param(assessmentId)
                .query((rs, n) -> new ReportSetups.ReportSetup(
                        ReportTemplate.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class), rs.getLong(3)))
                .optional()
                .orElse(new ReportSetups.ReportSetup(ReportTemplate.T2025, null, 0));
    }

    public ScoringPolicy forTemplate(ReportTemplate template) {
        return template == ReportTemplate.T2021 ? gbDefault : mlps2025;
    }
}
