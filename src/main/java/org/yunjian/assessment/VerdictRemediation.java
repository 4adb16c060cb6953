package org.yunjian.assessment;

import java.time.Instant;
import java.util.List;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.party.CloudSystem;

/**
 * What a recorded verdict does to remediation tasks (opens, reopens or verifies them); the risk module
 * ({@code risk}) implements it, {@link AssessmentService} calls it after storing the verdict.
 */
public interface VerdictRemediation {

    void afterVerdict(
            TestItem item, CloudSystem s, Verdict verdict, boolean retest, List<Remediation> tasks, Instant now);
}
