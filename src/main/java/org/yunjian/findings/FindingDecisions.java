package org.yunjian.findings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentService.VerdictInput;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.findings.FindingRecords.Finding;
import org.yunjian.findings.FindingRecords.Import;
import org.yunjian.findings.FindingRecords.Target;
import org.yunjian.findings.FindingRecords.TargetState;
import org.yunjian.risk.Remediations;
import org.yunjian.risk.RiskRegister;
import org.yunjian.risk.RiskTreatment;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldValues;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Texts;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The assessor's decision on an imported finding placed on a test item: <em>adopt</em> it into the item's record —
 * the verdict the assessor chooses (never the source's), the finding's text and origin added to the 结果记录 — or
 * <em>dismiss</em> it with a reason. Adopting a POA&amp;M item also plans the item's remediation on the risk
 * register with the source's deadline (or the date the assessor chose), description and status. Every rule of a
 * verdict (open assessment, assessors only, not inherited, item version) is {@link AssessmentService}'s.
 */
@Service
@Transactional
public class FindingDecisions {

    private static final int OBSERVATIONS_MAX = 20_000;

    private final AssessmentService assessments;
    private final AssessmentReads repo;
    private final FindingsRepository findings;
    private final RiskRegister register;
    private final Remediations remediations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FindingDecisions(
            AssessmentService assessments,
            AssessmentReads repo,
            FindingsRepository findings,
            RiskRegister register,
            Remediations remediations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.assessments = assessments;
        this.repo = repo;
        this.findings = findings;
        this.register = register;
        this.remediations = remediations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What the assessor decides when adopting: the verdict with its reason and risk (a finding needs both); for a
     * POA&amp;M item on an item that is already a finding the verdict may be left out; {@code dueDate} replaces the
     * source's deadline.
     */
    public record AdoptInput(
            Verdict verdict, String reason, RiskLevel riskLevel, String riskReason, LocalDate dueDate) {}

    /** Adopts the placement if still at {@code version} and undecided; returns the item as recorded now. */
    public TestItem adopt(UUID targetId, ExpectedVersion version, AdoptInput in) {
        Decision d = open(targetId);
        if (d.target().itemId() == null) {
            throw new ConflictException(
                    "finding-out-of-scope",
                    "findings.error.outOfScope",
                    d.target().requirementId());
        }
        TestItem item = repo.item(d.target().itemId()).orElseThrow();
        Finding f = d.finding();
        boolean poam = f.kind() == EntryKind.POAM_ITEM;
        boolean keepsVerdict = poam
                && in.verdict() == null
                && item.verdict() != null
                && item.verdict().isFinding();
        if (!keepsVerdict) {
            FieldErrors errors = new FieldErrors();
            if (in.verdict() == null) {
                errors.add("verdict", AssessmentService.REQUIRED);
            } else if (poam && !in.verdict().isFinding()) {
                errors.add("verdict", "findings.error.poamNeedsFinding");
            }
            errors.throwIfAny();
            boolean finding = in.verdict().isFinding();
            item = assessments.recordVerdict(
                    item.id(),
                    ExpectedVersion.exactly(item.version()),
                    new VerdictInput(
                            in.verdict(),
                            in.reason(),
                            in.riskLevel(),
                            in.riskReason(),
                            null,
                            finding ? cut(text(f), 4000) : null,
                            null));
        }
        item = assessments.recordObservations(
                item.id(), ExpectedVersion.exactly(item.version()), withOrigin(item.observations(), d.source(), f));
        if (poam) {
            plan(item, f, in.dueDate());
        }
        Instant now = clock.instant();
        findings.decide(
                targetId,
                version.value(),
                TargetState.ADOPTED,
                d.access().user().username(),
                now,
                null);
        events.publishEvent(AuditableEvent.success(
                "findings.adopt",
                "assessment-item",
                item.id(),
                Msg.of(
                        "findings.audit.adopt",
                        cut(f.title(), 200),
                        item.requirementId(),
                        Msg.of(item.side()),
                        item.verdict() == null ? "—" : Msg.of(item.verdict()))));
        return item;
    }

    /** Dismisses the placement with a reason (required) if still at {@code version} and undecided. */
    public void dismiss(UUID targetId, ExpectedVersion version, String reason) {
        Decision d = open(targetId);
        FieldErrors errors = new FieldErrors();
        if (FieldValues.blank(reason)) {
            errors.add("reason", "findings.error.reasonRequired");
        }
        assessments.tooLong(errors, "reason", reason, 4000);
        errors.throwIfAny();
        findings.decide(
                targetId,
                version.value(),
                TargetState.DISMISSED,
                d.access().user().username(),
                clock.instant(),
                reason.strip());
        events.publishEvent(AuditableEvent.success(
                "findings.dismiss",
                "assessment",
                d.target().assessmentId(),
                Msg.of(
                        "findings.audit.dismiss",
                        cut(d.finding().title(), 200),
                        d.target().requirementId(),
                        cut(reason.strip(), 500))));
    }

    private record Decision(Access access, Target target, Finding finding, Import source) {}

    /** The placement for an assessor of its open assessment and undecided; else 404/403/409. */
    private Decision open(UUID targetId) {
        Target t = findings.target(targetId).orElseThrow(() -> new NotFoundException("imported finding", targetId));
        Access access;
        try {
            access = assessments.access(t.assessmentId());
        } catch (NotFoundException e) {
            throw new NotFoundException("imported finding", targetId);
        }
        access.requireAssessor();
        assessments.requireOpen(t.assessmentId());
        if (t.state() != TargetState.PROPOSED) {
            throw new ConflictException("finding-decided", "findings.error.decided", Msg.of(t.state()));
        }
        Finding f = findings.finding(t.findingId()).orElseThrow();
        Import imp = findings.importOf(f.importId()).orElseThrow();
        return new Decision(access, t, f, imp);
    }

    /** Plans the item's open remediation from the POA&amp;M item: remediate by the deadline, its text, its status. */
    private void plan(TestItem item, Finding f, LocalDate chosen) {
        Remediation r = repo.remediationsOfItem(item.id()).stream()
                .filter(x -> x.status() == RemediationStatus.OPEN || x.status() == RemediationStatus.IN_PROGRESS)
                .max(Comparator.comparing(Remediation::createdAt))
                .orElseThrow(() ->
                        new ConflictException("no-remediation", "findings.error.noRemediation", item.requirementId()));
        LocalDate due = chosen != null ? chosen : f.deadline();
        if (due == null) {
            throw new org.yunjian.shared.FieldErrors.ValidationException("dueDate", "findings.error.dueRequired");
        }
        register.plan(
                r.id(),
                ExpectedVersion.exactly(r.version()),
                new RiskRegister.PlanInput(
                        RiskTreatment.REMEDIATE, cut(text(f), 4000), null, null, due, null, null, null));
        RemediationStatus status = status(f.sourceStatus());
        Remediation planned = remediations.get(r.id());
        remediations.update(
                r.id(),
                ExpectedVersion.exactly(planned.version()),
                new Remediations.Input(
                        null,
                        null,
                        status,
                        cut(
                                Texts.get(
                                        "findings.origin.note",
                                        f.sourceStatus() == null ? "—" : f.sourceStatus(),
                                        f.deadline() == null ? "—" : Formats.date(f.deadline())),
                                4000)));
    }

    /** The source's risk status as a remediation status: remediating is under way, closed done, the rest open. */
    static RemediationStatus status(String source) {
        if (source == null) {
            return RemediationStatus.OPEN;
        }
        return switch (source.strip()) {
            case "remediating" -> RemediationStatus.IN_PROGRESS;
            case "closed" -> RemediationStatus.DONE;
            default -> RemediationStatus.OPEN;
        };
    }

    private static String text(Finding f) {
        StringBuilder b = new StringBuilder();
        if (f.title() != null) {
            b.append(f.title().strip());
        }
        if (f.description() != null && !f.description().isBlank()) {
            b.append(b.isEmpty() ? "" : "\n").append(f.description().strip());
        }
        return b.toString();
    }

    /** The observations with the adopted finding and where it came from added at the end. */
    private static String withOrigin(String observations, Import source, Finding f) {
        String origin = Texts.get(
                "findings.origin",
                source.file().displayName(),
                Formats.minute(source.importedAt()),
                f.controlId() == null ? "—" : f.controlId(),
                f.sourceStatus() == null ? "—" : f.sourceStatus());
        String added = origin + "\n" + text(f) + (f.detail() == null ? "" : "\n" + f.detail());
        String before = observations == null || observations.isBlank() ? "" : observations.strip() + "\n\n";
        return cut(before + added, OBSERVATIONS_MAX);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
