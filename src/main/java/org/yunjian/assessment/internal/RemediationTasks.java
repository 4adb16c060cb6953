package org.yunjian.assessment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.Verdict;
import org.yunjian.assessment.internal.Records.Remediation;
import org.yunjian.assessment.internal.Records.TestItem;
import org.yunjian.party.CloudSystem;

/**
 * What a verdict does to an item's remediation tasks: a finding opens a task (due in 90 days, for the provider
 * on the cloud-platform side, else the customer) unless one is still open; a 符合 re-test verifies the tasks
 * marked 已整改.
 */
@Component
class RemediationTasks {

    /** Days a remediation task opened by a finding is due in, until someone sets a date. */
    static final int DEFAULT_REMEDIATION_DAYS = 90;

    private final AssessmentRepository repo;

    RemediationTasks(AssessmentRepository repo) {
        this.repo = repo;
    }

    void afterVerdict(TestItem item, CloudSystem s, Verdict verdict, boolean retest, List<Remediation> tasks,
                      Instant now) {
        boolean openTask = tasks.stream().anyMatch(r -> r.status() != RemediationStatus.VERIFIED);
        if (verdict.isFinding() && !openTask) {
            UUID responsible = item.side() == ItemSide.CLOUD_PLATFORM && s.providerId() != null ? s.providerId()
                    : s.customerId();
            repo.insertRemediation(new Remediation(UUID.randomUUID(), item.id(), item.assessmentId(), responsible,
                    LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(DEFAULT_REMEDIATION_DAYS),
                    RemediationStatus.OPEN, null, now, now));
        }
        if (verdict == Verdict.COMPLIANT && retest) {
            for (Remediation r : tasks) {
                if (r.status() == RemediationStatus.DONE) {
                    repo.updateRemediation(new Remediation(r.id(), r.itemId(), r.assessmentId(), r.responsibleOrgId(),
                            r.dueDate(), RemediationStatus.VERIFIED, r.note(), r.createdAt(), now));
                }
            }
        }
    }
}
