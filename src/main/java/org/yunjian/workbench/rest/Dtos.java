package org.yunjian.workbench.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.AssessorKind;
import org.yunjian.assessment.Records.Interview;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.Records.VerdictEntry;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.ReportTemplate;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.catalog.MlpsAssessment;
import org.yunjian.catalog.Requirement;
import org.yunjian.evidence.EvidenceResponse;
import org.yunjian.inheritance.Inheritances;
import org.yunjian.inheritance.ItemResponse;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.version.Versioned;

/** Request and response bodies of the assessment API, separate from the stored records. */
final class Dtos {

    private Dtos() {}

    /** {@code reportTemplate}: 2025 or 2021 (absent: the contract date decides); {@code contractDate}: yyyy-MM-dd. */
    record CreateRequest(
            String name,
            UUID systemId,
            UUID assessorOrgId,
            AssessorKind assessorKind,
            List<UUID> assessors,
            List<String> scope,
            UUID reviewer,
            UUID approver,
            String reportTemplate,
            LocalDate contractDate) {
        AssessmentService.CreateInput toInput() {
            FieldErrors errors = new FieldErrors();
            ReportTemplate template = ReportTemplate.parse(reportTemplate, "reportTemplate", errors);
            errors.throwIfAny();
            return new AssessmentService.CreateInput(
                    name,
                    systemId,
                    assessorOrgId,
                    assessorKind,
                    assessors,
                    scope,
                    reviewer,
                    approver,
                    template,
                    contractDate);
        }
    }

    /** A status move; {@code comment} goes into the review history (required to send back or return). */
    record TransitionRequest(AssessmentStatus to, String comment) {}

    /**
     * {@code version}: the item's version this replaces, if no {@code If-Match} names it; {@code finding} (安全问题)
     * and {@code recommendation} (整改建议) go with a 不符合 / 部分符合 verdict.
     */
    record VerdictRequest(
            Verdict verdict,
            String reason,
            RiskLevel riskLevel,
            String riskReason,
            String noEvidenceReason,
            String finding,
            String recommendation,
            Long version) {
        AssessmentService.VerdictInput toInput() {
            return new AssessmentService.VerdictInput(
                    verdict, reason, riskLevel, riskReason, noEvidenceReason, finding, recommendation);
        }
    }

    record ObservationsRequest(String observations, Long version) {}

    record InterviewRequest(String interviewee, String role, Instant heldAt, String notes) {}

    /** {@code version}: the evidence's version this replaces, if no {@code If-Match} names it. */
    record SharedRequest(boolean shared, Long version) {}

    /** {@code version}: the task's version this replaces, if no {@code If-Match} names it. */
    record RemediationRequest(
            UUID responsibleOrgId, LocalDate dueDate, RemediationStatus status, String note, Long version) {}

    record Step(Integer number, String text, List<String> types) {}

    record Criteria(String compliant, String partiallyCompliant, String nonCompliant) {}

    record ItemDetailResponse(
            ItemResponse item,
            String requirementText,
            List<Step> steps,
            String expectedEvidence,
            Criteria criteria,
            List<Verdict> verdictChoices,
            List<VerdictEntry> history,
            List<Interview> interviews,
            List<EvidenceResponse> evidence,
            List<RemediationResponse> remediations,
            ItemPriorFindingResponse previousFinding)
            implements Versioned {
        /** The item's version: the {@code ETag} an update of its verdict or observations names in If-Match. */
        @Override
        public long version() {
            return item.version();
        }

        static ItemDetailResponse of(
                AssessmentService.ItemDetail d,
                Inheritances.View view,
                LocalDate today,
                org.yunjian.risk.RiskHistory.PriorFinding prior) {
            Requirement r = d.requirement();
            MlpsAssessment m = r == null ? null : r.mlps();
            return new ItemDetailResponse(
                    ItemResponse.of(d.item(), view),
                    r == null ? null : r.text(),
                    m == null
                            ? List.of()
                            : m.testMethod().steps().stream()
                                    .map(s -> new Step(
                                            s.number(),
                                            s.text(),
                                            s.types().stream()
                                                    .map(t -> t.name())
                                                    .sorted()
                                                    .toList()))
                                    .toList(),
                    m == null ? null : m.expectedEvidence(),
                    m == null
                            ? null
                            : new Criteria(
                                    m.criteria().compliant(),
                                    m.criteria().partiallyCompliant(),
                                    m.criteria().nonCompliant()),
                    Verdict.offeredFor(r),
                    d.history(),
                    d.interviews(),
                    d.evidence().stream().map(EvidenceResponse::of).toList(),
                    d.remediations().stream()
                            .map(task -> RemediationResponse.of(task, today))
                            .toList(),
                    ItemPriorFindingResponse.of(prior));
        }
    }

    /**
     * The previous assessment's finding on the same requirement and side of the same system (for a re-test item: the
     * finding it re-tests), with its remediation now and what was reported on it after that report's approval —
     * context for the assessor, read-only; null when there is none.
     */
    record ItemPriorFindingResponse(
            UUID assessmentId,
            String assessmentName,
            String reportNumber,
            UUID itemId,
            Verdict verdict,
            RiskLevel riskLevel,
            String finding,
            String riskReason,
            RemediationStatus status,
            String note,
            Instant updatedAt,
            List<ItemReportedRemediationResponse> reported) {
        static ItemPriorFindingResponse of(org.yunjian.risk.RiskHistory.PriorFinding p) {
            return p == null
                    ? null
                    : new ItemPriorFindingResponse(
                            p.assessment().id(),
                            p.assessment().name(),
                            p.assessment().reportNumber(),
                            p.item().id(),
                            p.verdict(),
                            p.riskLevel(),
                            p.finding(),
                            p.item().riskReason(),
                            p.status(),
                            p.note(),
                            p.updatedAt(),
                            p.reported().stream()
                                    .map(c -> new ItemReportedRemediationResponse(
                                            c.at(), c.byName(), c.field(), c.before(), c.after()))
                                    .toList());
        }
    }

    /** A remediation status or note the customer reported, with when and who (display name). */
    record ItemReportedRemediationResponse(
            Instant at, String byName, org.yunjian.risk.RiskField field, String before, String after) {}

    /** {@code version}: the evidence record's version (validity, sharing, links); its {@code ETag}. */
    record RemediationResponse(
            UUID id,
            UUID itemId,
            UUID assessmentId,
            UUID responsibleOrgId,
            LocalDate dueDate,
            RemediationStatus status,
            String note,
            boolean overdue,
            Instant updatedAt,
            long version)
            implements Versioned {
        /** {@code today}: the injected clock's date in UTC, as the dashboards count overdue tasks. */
        static RemediationResponse of(Remediation r, LocalDate today) {
            boolean overdue = r.status() != RemediationStatus.DONE
                    && r.status() != RemediationStatus.VERIFIED
                    && r.dueDate() != null
                    && r.dueDate().isBefore(today);
            return new RemediationResponse(
                    r.id(),
                    r.itemId(),
                    r.assessmentId(),
                    r.responsibleOrgId(),
                    r.dueDate(),
                    r.status(),
                    r.note(),
                    overdue,
                    r.updatedAt(),
                    r.version());
        }
    }

    /**
     * {@code GET /api/assessments/{id}/score}: the numbers of the {@link org.yunjian.assessment.ScoreResult}, the
     * policy by name ({@code policyName}, which says the thresholds are the platform's) and each reason for the
     * conclusion in the request's language — never a message key as a text (issue 59).
     *
     * @param policyName     the policy in words with its version, in the request's language
     * @param conclusionText the conclusion in words ("尚未测评" while nothing is recorded)
     * @param reasons        why the conclusion is what it is and which thresholds produced it
     */
    record ScoreResponse(
            String policyId,
            String policyVersion,
            String policyName,
            double complianceRate,
            org.yunjian.assessment.ScoreResult.Conclusion conclusion,
            String conclusionText,
            List<org.yunjian.assessment.ScoreResult.Group> byLayer,
            List<org.yunjian.assessment.ScoreResult.Group> byControlPoint,
            List<org.yunjian.assessment.ScoringPolicy.ScoredItem> highRisk,
            int pending,
            int mediumRisk,
            List<ScoreReason> reasons) {
        static ScoreResponse of(org.yunjian.assessment.ScoreResult s) {
            return new ScoreResponse(
                    s.policyId(),
                    s.policyVersion(),
                    org.yunjian.report.ReportText.policyName(s),
                    s.complianceRate(),
                    s.conclusion(),
                    s.conclusionText().text(),
                    s.byLayer(),
                    s.byControlPoint(),
                    s.highRisk(),
                    s.pending(),
                    s.mediumRisk(),
                    s.reasons().stream().map(ScoreReason::of).toList());
        }
    }

    /**
     * One reason of a score: a stable {@code code} for programs (the reason's name, e.g. {@code highRisk},
     * {@code thresholds}, {@code basicRateDefault}; read it with the response's {@code policyId}) and its
     * {@code text} in the request's language.
     */
    record ScoreReason(String code, String text) {
        static ScoreReason of(org.yunjian.shared.Msg m) {
            return new ScoreReason(m.key().substring(m.key().lastIndexOf('.') + 1), m.text());
        }
    }
}
