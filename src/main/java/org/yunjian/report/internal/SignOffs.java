package org.yunjian.report.internal;

import java.time.Instant;
import java.util.List;
import org.yunjian.assessment.Records;

/**
 * Who tested, reviewed and approved an assessment, and when: the report's 测评人 / 审核人 / 批准人 block. A signature
 * without a date is a person assigned who has not signed yet; a null reviewer or approver means nobody is assigned.
 */
public interface SignOffs {

    SignOffSheet sheet(Records.AssessmentInfo assessment);

    /** A person by display name, and when they signed (null: not yet). */
    record Signature(String name, Instant at) {}

    record SignOffSheet(List<Signature> testers, Signature reviewer, Signature approver) {
        public SignOffSheet {
            testers = List.copyOf(testers);
        }
    }
}
