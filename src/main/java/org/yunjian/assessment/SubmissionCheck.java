package org.yunjian.assessment;

import static org.yunjian.shared.FieldValues.blank;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What an item still lacks before the assessment may go to review: a verdict; for 符合 / 部分符合 something the
 * verdict rests on — evidence (a file, an answered evidence request, a monitoring report or record linked to the item)
 * or a 现场记录 saying what the assessor observed and where; for 不符合 / 部分符合 a risk level, a
 * risk reason, the finding (安全问题) and the assessor's recommendation (整改建议) the report prints, and at least one
 * piece of evidence or a stated reason why there is none; for 不适用 a reason; and no
 * review comment left unresolved. Display names are {@code enum.SubmissionCheck.Gap.<CONSTANT>}.
 */
public final class SubmissionCheck {

    private SubmissionCheck() {}

    public enum Gap {
        VERDICT,
        SUPPORT,
        RISK_LEVEL,
        RISK_REASON,
        FINDING,
        RECOMMENDATION,
        EVIDENCE,
        NOT_APPLICABLE_REASON,
        OPEN_COMMENT
    }

    /** What the check reads of one item. */
    public record ItemFacts(
            UUID itemId,
            Verdict verdict,
            String reason,
            String observations,
            RiskLevel riskLevel,
            String riskReason,
            String finding,
            String recommendation,
            int evidence,
            String noEvidenceReason,
            int openComments) {}

    /** Every gap of the item, in the order a tester fixes them (empty: ready for review). */
    public static List<Gap> gaps(ItemFacts f) {
        List<Gap> out = new ArrayList<>();
        if (f.verdict() == null) {
            out.add(Gap.VERDICT);
        }
        if ((f.verdict() == Verdict.COMPLIANT || f.verdict() == Verdict.PARTIALLY_COMPLIANT)
                && f.evidence() == 0
                && blank(f.observations())) {
            out.add(Gap.SUPPORT); // a verdict that meets the requirement rests on evidence or an observation
        }
        if (f.verdict() == null) {
            // nothing more to ask of an item without a verdict
        } else if (f.verdict().isFinding()) {
            if (f.riskLevel() == null) {
                out.add(Gap.RISK_LEVEL);
            }
            if (blank(f.riskReason())) {
                out.add(Gap.RISK_REASON);
            }
            if (blank(f.finding())) {
                out.add(Gap.FINDING);
            }
            if (blank(f.recommendation())) {
                out.add(Gap.RECOMMENDATION);
            }
            if (f.evidence() == 0 && blank(f.noEvidenceReason())) {
                out.add(Gap.EVIDENCE);
            }
        } else if (f.verdict() == Verdict.NOT_APPLICABLE && blank(f.reason())) {
            out.add(Gap.NOT_APPLICABLE_REASON);
        }
        if (f.openComments() > 0) {
            out.add(Gap.OPEN_COMMENT);
        }
        return out;
    }
}
