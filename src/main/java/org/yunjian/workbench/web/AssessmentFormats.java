package org.yunjian.workbench.web;

import org.springframework.stereotype.Component;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.evidence.EvidenceService;
import org.yunjian.report.ReportText;
import org.yunjian.shared.Msg;

/**
 * Words for the assessment pages, as {@code ${@afmt.…}}: the scoring policy by name, the protection level as
 * 第三级, a scored item's reference as requirement and side — never the codes behind them.
 */
@Component("afmt")
class AssessmentFormats {

    public String policy(ScoreResult score) {
        return ReportText.policyName(score);
    }

    public String policy(String id, String version) {
        return ReportText.policyName(id, version);
    }

    public String fileType(String contentType) {
        return EvidenceService.typeName(contentType).text();
    }

    public String level(Integer level) {
        return level == null ? "—" : ReportText.level(level);
    }

    /** {@code MLPS-L3-8.2.2.1-b/CLOUD_PLATFORM} → {@code MLPS-L3-8.2.2.1-b · 云计算平台}. */
    public String ref(String ref) {
        int slash = ref == null ? -1 : ref.lastIndexOf('/');
        if (slash < 0) {
            return ref;
        }
        try {
            return ref.substring(0, slash) + " · "
                    + Msg.of(ItemSide.valueOf(ref.substring(slash + 1))).text();
        } catch (IllegalArgumentException unknown) {
            return ref.substring(0, slash);
        }
    }
}
