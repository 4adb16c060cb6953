package org.yunjian.assessment;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.internal.AssessmentRepository;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * Which report template an assessment follows and the contract (委托) date it was chosen by; the template picks
 * the scoring policy ({@link ReportTemplate#T2025} → {@code mlps-2025}, {@link ReportTemplate#T2021} →
 * {@code gb-default}). Set by the assessors while the assessment is open; a contract signed since 2025-03-20
 * cannot use the 2021 template.
 */
@Service
public class ReportSetups {

    /**
     * The template and the contract date (null: not recorded); {@code version}: the assessment's version, which a
     * change of the setup names (optimistic locking).
     */
    public record ReportSetup(ReportTemplate template, LocalDate contractDate, long version)
            implements org.yunjian.shared.version.Versioned {}

    private final AssessmentRepository repo;
    private final AssessmentService service;
    private final ScoringPolicies policies;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    ReportSetups(
            AssessmentRepository repo,
            AssessmentService service,
            ScoringPolicies policies,
            ApplicationEventPublisher events,
            java.time.Clock clock) {
        this.clock = clock;
        this.repo = repo;
        this.service = service;
        this.policies = policies;
        this.events = events;
    }

    /** The setup of an assessment the caller may see (404 otherwise). */
    @Transactional(readOnly = true)
    public ReportSetup of(UUID assessmentId) {
        service.access(assessmentId);
        return read(assessmentId);
    }

    ReportSetup read(UUID assessmentId) {
        return policies.setup(assessmentId);
    }

    /**
     * Records the contract date and the template. Without a template, the contract date decides it (2025 from
     * 2025-03-20 on). Refused with field errors for the 2021 template on a contract signed since 2025-03-20, a
     * contract date in the future, or a completed assessment. {@code version}: the assessment's version the caller
     * read (a newer one: {@link org.yunjian.shared.version.StaleVersionException}, none: 428).
     */
    @Transactional
    public ReportSetup set(
            UUID assessmentId, ExpectedVersion version, ReportTemplate template, LocalDate contractDate) {
        Access access = service.access(assessmentId);
        access.requireAssessor();
        FieldErrors errors = new FieldErrors();
        if (!access.assessment().status().isOpen()) {
            errors.add("reportTemplate", "report.setup.error.closed");
        }
        ReportTemplate chosen = ReportTemplate.choose(
                template, contractDate, LocalDate.now(clock.withZone(org.yunjian.shared.Formats.zone())), errors);
        errors.throwIfAny();
        repo.claimVersion(assessmentId, version.value(), clock.instant());
        repo.updateReportSetup(assessmentId, chosen, contractDate);
        events.publishEvent(AuditableEvent.success(
                "assessment.reportTemplate", "assessment", assessmentId, audit(chosen, contractDate)));
        return read(assessmentId);
    }

    /** The audit detail of a template and contract date recorded (set, or given at creation). */
    public static Msg audit(ReportTemplate template, LocalDate contractDate) {
        return Msg.of(
                "report.setup.audit",
                Msg.of(template),
                contractDate == null ? Msg.of("report.setup.noContractDate") : contractDate.toString());
    }
}
