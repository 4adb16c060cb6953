package org.yunjian.risk.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.Assessments;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.risk.RiskRegister;
import org.yunjian.risk.RiskRepository;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.Msg;

/**
 * Follow-up (复测) assessments: from a completed assessment, its assessors create an assessment of the same system,
 * by the same organisation and kind, with the same assessors and scope, whose items are the findings still open
 * there (including those marked 已整改 and awaiting verification; not those accepted with an acceptance in force),
 * each linked to the finding it re-tests. The original stays completed: only its remediation rows change, when a
 * re-test is recorded ({@link RemediationTasks}).
 */
@Service
@Transactional
public class FollowUps {

    private final AssessmentService assessments;
    private final Assessments aggregates;
    private final RiskRepository risks;
    private final RiskRegister register;
    private final ApplicationEventPublisher events;

    FollowUps(
            AssessmentService assessments,
            Assessments aggregates,
            RiskRepository risks,
            RiskRegister register,
            ApplicationEventPublisher events) {
        this.assessments = assessments;
        this.aggregates = aggregates;
        this.risks = risks;
        this.register = register;
        this.events = events;
    }

    /** Creates the follow-up in status 草稿; 409 unless the original is completed and has a finding to re-test. */
    public AssessmentInfo create(UUID originId) {
        Access access = assessments.access(originId);
        access.requireAssessor();
        AssessmentStatus status = aggregates.lock(originId).status();
        if (status != AssessmentStatus.COMPLETED) {
            throw new ConflictException("follow-up-not-completed", "risk.error.followUp.notCompleted");
        }
        List<RiskRegister.Entry> toRetest = register.view(originId).entries().stream()
                .filter(e -> e.open() || e.task().status() == RemediationStatus.DONE)
                .toList();
        if (toRetest.isEmpty()) {
            throw new ConflictException("no-open-findings", "risk.error.followUp.nothingOpen");
        }
        AssessmentInfo origin = access.assessment();
        String name = Msg.of("risk.followUp.name", origin.name()).text();
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        Assessments.FollowUp followUp = aggregates.createFollowUp(
                origin,
                name,
                toRetest.stream().map(e -> e.task().itemId()).toList(),
                access.user().userId());
        int position = 0;
        for (RiskRegister.Entry e : toRetest) {
            risks.insertRetest(new RiskRepository.RetestLink(
                    followUp.items().get(e.task().itemId()),
                    e.task().itemId(),
                    e.task().id()));
            position++;
        }
        AssessmentInfo created = aggregates.find(followUp.id());
        UUID createdId = followUp.id();
        events.publishEvent(AuditableEvent.success(
                "assessment.followup.create",
                "assessment",
                createdId,
                Msg.of(
                        "risk.audit.followUp",
                        origin.name(),
                        origin.reportNumber() == null ? "—" : origin.reportNumber(),
                        created.reportNumber(),
                        position)));
        return created;
    }
}
