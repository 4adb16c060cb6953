package org.yunjian.risk.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.AssessmentChanges;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.spi.Access;
import org.yunjian.assessment.spi.AssessmentRepository;
import org.yunjian.assessment.spi.Records.AssessmentInfo;
import org.yunjian.assessment.spi.Records.TestItem;
import org.yunjian.assessment.spi.ReportNumberRepository;
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
    private final AssessmentRepository repo;
    private final RiskRepository risks;
    private final RiskRegister register;
    private final ReportNumberRepository reportNumbers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final AssessmentChanges work;

    FollowUps(
            AssessmentService assessments,
            AssessmentRepository repo,
            RiskRepository risks,
            RiskRegister register,
            ReportNumberRepository reportNumbers,
            ApplicationEventPublisher events,
            Clock clock,
            AssessmentChanges work) {
        this.work = work;
        this.assessments = assessments;
        this.repo = repo;
        this.risks = risks;
        this.register = register;
        this.reportNumbers = reportNumbers;
        this.events = events;
        this.clock = clock;
    }

    /** Creates the follow-up in status 草稿; 409 unless the original is completed and has a finding to re-test. */
    public AssessmentInfo create(UUID originId) {
        Access access = assessments.access(originId);
        access.requireAssessor();
        AssessmentStatus status = repo.lockStatus(originId).orElseThrow();
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
        Instant now = clock.instant();
        String name = Msg.of("risk.followUp.name", origin.name()).text();
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        AssessmentInfo a = new AssessmentInfo(
                UUID.randomUUID(),
                name,
                origin.systemId(),
                origin.assessorOrgId(),
                origin.assessorKind(),
                AssessmentStatus.DRAFT,
                origin.assessors(),
                origin.scope(),
                now,
                now,
                null,
                null);
        repo.insert(a, access.user().userId());
        reportNumbers.assign(a.id());
        risks.markFollowUp(a.id(), originId);
        Map<UUID, TestItem> items =
                repo.items(originId).stream().collect(Collectors.toMap(TestItem::id, Function.identity()));
        int position = 0;
        for (RiskRegister.Entry e : toRetest) {
            TestItem o = items.get(e.task().itemId());
            TestItem copy = new TestItem(
                    UUID.randomUUID(),
                    a.id(),
                    position++,
                    o.requirementId(),
                    o.side(),
                    o.layer(),
                    o.controlPoint(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    now);
            repo.insertItem(copy);
            risks.insertRetest(
                    new RiskRepository.RetestLink(copy.id(), o.id(), e.task().id()));
        }
        AssessmentInfo created = repo.find(a.id()).orElseThrow();
        work.changed(a.id());
        events.publishEvent(AuditableEvent.success(
                "assessment.followup.create",
                "assessment",
                a.id(),
                Msg.of(
                        "risk.audit.followUp",
                        origin.name(),
                        origin.reportNumber() == null ? "—" : origin.reportNumber(),
                        created.reportNumber(),
                        position)));
        return created;
    }
}
