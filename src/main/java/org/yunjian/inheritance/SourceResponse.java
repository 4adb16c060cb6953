package org.yunjian.inheritance;

import java.time.LocalDate;
import java.util.UUID;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;

/**
 * A source to inherit from: {@code YUNJIAN} (a completed assessment of the provider's platform: id, name, report
 * number, completion date) or {@code EXTERNAL} (a recorded conclusion: report number, organisation, date, verdict,
 * PDF evidence id); {@code fresh}: inside the 12-month validity window today; {@code label}: the source in words.
 */
public record SourceResponse(
        Inheritances.SourceKind kind,
        UUID id,
        String name,
        String reportNumber,
        String organisation,
        LocalDate date,
        Verdict verdict,
        RiskLevel riskLevel,
        UUID evidenceId,
        boolean fresh,
        String label) {
    public static SourceResponse of(Inheritances.Source s) {
        return new SourceResponse(
                s.kind(),
                s.id(),
                s.name(),
                s.reportNumber(),
                s.organisation(),
                s.date(),
                s.verdict(),
                s.riskLevel(),
                s.evidenceId(),
                s.fresh(),
                s.label().text());
    }
}
