package org.yunjian.inheritance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.shared.version.Versioned;

/**
 * A test item; {@code responsible}: the organisations answering for it on the assessed system (by name);
 * {@code inherited}: its source while the item is inherited, else {@code null}.
 */
public record ItemResponse(
        UUID id,
        UUID assessmentId,
        int position,
        String requirementId,
        ItemSide side,
        String layer,
        String controlPoint,
        Verdict verdict,
        String verdictReason,
        String observations,
        RiskLevel riskLevel,
        String riskReason,
        Instant updatedAt,
        List<Inheritances.Responsible> responsible,
        InheritedResponse inherited,
        String noEvidenceReason,
        String finding,
        String recommendation,
        long version)
        implements Versioned {
    public static ItemResponse of(TestItem i, Inheritances.View view) {
        return new ItemResponse(
                i.id(),
                i.assessmentId(),
                i.position(),
                i.requirementId(),
                i.side(),
                i.layer(),
                i.controlPoint(),
                i.verdict(),
                i.verdictReason(),
                i.observations(),
                i.riskLevel(),
                i.riskReason(),
                i.updatedAt(),
                view.responsibleFor(i),
                InheritedResponse.of(view.inheritedOf(i)),
                i.noEvidenceReason(),
                i.finding(),
                i.recommendation(),
                i.version());
    }
}
