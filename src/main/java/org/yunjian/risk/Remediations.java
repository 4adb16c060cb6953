package org.yunjian.risk;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentChanges;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.party.Parties;
import org.yunjian.risk.internal.RemediationRepository;
import org.yunjian.security.OrganizationDirectory;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldValues;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * Remediation tasks. The assessors and the customer plan them (responsible organisation, due date) and change
 * status and note; the responsible organisation changes status and note only and never marks a task 已验证 —
 * only the assessors verify. A refused change names every refused field; nothing of it is stored.
 */
@Service
@Transactional
public class Remediations {

    public record Input(UUID responsibleOrgId, LocalDate dueDate, RemediationStatus status, String note) {}

    private final AssessmentService assessments;
    private final RemediationRepository remediationRows;
    private final Parties parties;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;
    private final RiskHistory history;
    private final OrganizationDirectory directory;

    private final AssessmentChanges work;

    Remediations(
            AssessmentService assessments,
            RemediationRepository remediationRows,
            Parties parties,
            ApplicationEventPublisher events,
            java.time.Clock clock,
            AssessmentChanges work,
            RiskHistory history,
            OrganizationDirectory directory) {
        this.work = work;
        this.history = history;
        this.directory = directory;
        this.assessments = assessments;
        this.remediationRows = remediationRows;
        this.parties = parties;
        this.events = events;
        this.clock = clock;
    }

    /** The statuses a caller may choose for a task now at {@code current} (the current one always included). */
    public static List<RemediationStatus> choices(Access access, RemediationStatus current) {
        return Arrays.stream(RemediationStatus.values())
                .filter(s -> s == current || s != RemediationStatus.VERIFIED || access.mayAssess())
                .toList();
    }

    @Transactional(readOnly = true)
    public Remediation get(UUID id) {
        Remediation r = remediationRows.remediation(id).orElseThrow(() -> new NotFoundException("remediation", id));
        try {
            assessments.access(r.assessmentId());
        } catch (NotFoundException e) {
            throw new NotFoundException("remediation", id);
        }
        return r;
    }

    /** Changes the task if it is still at the {@code version} the caller read (else 409; none: 428). */
    public Remediation update(UUID id, ExpectedVersion version, Input in) {
        Remediation r = get(id);
        Access access = assessments.access(r.assessmentId());
        if (!access.mayEditRemediation(r.responsibleOrgId())) {
            throw new AccessDeniedException("assessment.denied.remediation");
        }
        if (access.assessment().status() == AssessmentStatus.ARCHIVED) {
            throw new ConflictException("assessment-closed", "assessment.error.archived");
        }
        boolean plans = access.mayPlanRemediation();
        FieldErrors errors = new FieldErrors();
        RemediationStatus status = in.status() == null ? r.status() : in.status();
        if (status == RemediationStatus.VERIFIED && r.status() != RemediationStatus.VERIFIED && !access.mayAssess()) {
            errors.add("status", "assessment.error.remediation.verify");
        }
        UUID responsible = in.responsibleOrgId() == null ? r.responsibleOrgId() : in.responsibleOrgId();
        LocalDate due = in.dueDate() == null ? r.dueDate() : in.dueDate();
        if (!plans && !java.util.Objects.equals(due, r.dueDate())) {
            errors.add("dueDate", "assessment.error.remediation.statusOnly");
        }
        if (!plans && !responsible.equals(r.responsibleOrgId())) {
            errors.add("responsibleOrgId", "assessment.error.remediation.statusOnly");
        }
        if (!responsible.equals(r.responsibleOrgId())
                && parties.rolesOf(responsible, access.system().id()).isEmpty()) {
            errors.add("responsibleOrgId", "assessment.error.remediation.responsible");
        }
        assessments.tooLong(errors, "note", in.note(), 4000);
        errors.throwIfAny();
        Remediation updated = new Remediation(
                r.id(),
                r.itemId(),
                r.assessmentId(),
                responsible,
                due,
                status,
                in.note() == null ? r.note() : FieldValues.stripped(in.note()),
                r.createdAt(),
                clock.instant());
        remediationRows.updateRemediation(updated, version.value());
        history.record(new RiskChange.Diff(r.id(), updated.updatedAt(), history.author(access))
                .field(RiskField.STATUS, r.status(), updated.status())
                .field(RiskField.NOTE, r.note(), updated.note())
                .field(RiskField.OWNER, orgName(r.responsibleOrgId()), orgName(updated.responsibleOrgId()))
                .field(RiskField.DUE_DATE, r.dueDate(), updated.dueDate())
                .changes());
        work.changed(r.assessmentId());
        events.publishEvent(AuditableEvent.success(
                "assessment.remediation.update",
                "remediation",
                id,
                Msg.of("assessment.audit.remediation", Msg.of(r.status()), Msg.of(status), Formats.date(due))));
        return remediationRows.remediation(id).orElseThrow();
    }

    private String orgName(UUID id) {
        return directory
                .find(id)
                .map(OrganizationDirectory.OrganizationRef::name)
                .orElse("—");
    }
}
