package org.yunjian.risk.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.AssessmentChanges;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.Verdict;
import org.yunjian.assessment.VerdictRemediation;
import org.yunjian.party.CloudSystem;
import org.yunjian.risk.RiskHistory;
import org.yunjian.risk.RiskRepository;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/**
 * What a verdict does to remediation tasks: a finding opens a task (no due date until someone plans it — the
 * register shows 未定 —, for the provider on the cloud-platform side, else the customer) unless one is still open;
 * a 符合 re-test verifies the tasks marked 已整改. A verdict on an item of a follow-up (复测) assessment opens no task
 * of its own: it is the re-test of the original finding, which a 符合 verifies and a finding reopens.
 */
@Component
class RemediationTasks implements VerdictRemediation {

    private final AssessmentReads repo;
    private final RemediationRepository remediationRows;
    private final RiskRepository risks;
    private final ApplicationEventPublisher events;
    private final RiskHistory history;

    private final AssessmentChanges work;

    RemediationTasks(
            AssessmentReads repo,
            RemediationRepository remediationRows,
            RiskRepository risks,
            ApplicationEventPublisher events,
            AssessmentChanges work,
            RiskHistory history) {
        this.work = work;
        this.history = history;
        this.repo = repo;
        this.remediationRows = remediationRows;
        this.risks = risks;
        this.events = events;
    }

    @Override
    public void afterVerdict(
            TestItem item, CloudSystem s, Verdict verdict, boolean retest, List<Remediation> tasks, Instant now) {
        var link = risks.retestOf(item.id());
        if (link.isPresent()) {
            retested(item, link.get(), verdict, now);
            return;
        }
        boolean openTask = tasks.stream().anyMatch(r -> r.status() != RemediationStatus.VERIFIED);
        if (verdict.isFinding() && !openTask) {
            UUID responsible =
                    item.side() == ItemSide.CLOUD_PLATFORM && s.providerId() != null ? s.providerId() : s.customerId();
            remediationRows.insertRemediation(new Remediation(
                    UUID.randomUUID(),
                    item.id(),
                    item.assessmentId(),
                    responsible,
                    null,
                    RemediationStatus.OPEN,
                    null,
                    now,
                    now));
        }
        if (verdict == Verdict.COMPLIANT && retest) {
            for (Remediation r : tasks) {
                if (r.status() == RemediationStatus.DONE) {
                    setStatus(r, RemediationStatus.VERIFIED, now);
                }
            }
        }
    }

    /** The original finding of a re-test item: verified by a 符合, reopened by a finding (not once archived). */
    private void retested(TestItem item, RiskRepository.RetestLink link, Verdict verdict, Instant now) {
        Remediation origin =
                remediationRows.remediation(link.originRemediationId()).orElse(null);
        if (origin == null
                || repo.find(origin.assessmentId())
                        .map(a -> a.status() == AssessmentStatus.ARCHIVED)
                        .orElse(true)) {
            return;
        }
        RemediationStatus to = null;
        if (verdict == Verdict.COMPLIANT && origin.status() != RemediationStatus.VERIFIED) {
            to = RemediationStatus.VERIFIED;
        } else if (verdict.isFinding() && origin.status() == RemediationStatus.VERIFIED) {
            to = RemediationStatus.OPEN;
        }
        if (to != null) {
            setStatus(origin, to, now);
            history.retested(origin, to, now);
            work.changed(origin.assessmentId());
            events.publishEvent(AuditableEvent.success(
                    "assessment.retest",
                    "remediation",
                    origin.id(),
                    Msg.of(
                            "risk.audit.retest",
                            item.requirementId(),
                            Msg.of(verdict),
                            Msg.of(origin.status()),
                            Msg.of(to))));
        }
    }

    private void setStatus(Remediation r, RemediationStatus status, Instant now) {
        remediationRows.updateRemediation(new Remediation(
                r.id(),
                r.itemId(),
                r.assessmentId(),
                r.responsibleOrgId(),
                r.dueDate(),
                status,
                r.note(),
                r.createdAt(),
                now));
    }
}
