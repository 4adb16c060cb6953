package org.yunjian.assessment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.AssessorKind;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;

/** Read models of the assessment module, as stored. */
public final class Records {

    private Records() {
    }

    /** An assessment project; {@code reportNumber} is its human number {@code YJ-2026-000123} (null until assigned). */
    public record AssessmentInfo(UUID id, String name, UUID systemId, UUID assessorOrgId, AssessorKind assessorKind,
                                 AssessmentStatus status, List<UUID> assessors, List<String> scope, Instant createdAt,
                                 Instant updatedAt, Instant completedAt, String reportNumber) {
        public AssessmentInfo {
            assessors = List.copyOf(assessors);
            scope = List.copyOf(scope);
        }
    }

    /** One test item: a catalog requirement assessed on one side. */
    public record TestItem(UUID id, UUID assessmentId, int position, String requirementId, ItemSide side, String layer,
                           String controlPoint, Verdict verdict, String verdictReason, String observations,
                           RiskLevel riskLevel, String riskReason, Instant updatedAt) {
    }

    /** One verdict as recorded, oldest first; a re-test is a later entry. */
    public record VerdictEntry(UUID id, UUID itemId, Verdict verdict, String reason, RiskLevel riskLevel,
                               boolean retest, String recordedBy, Instant recordedAt) {
    }

    public record Interview(UUID id, UUID itemId, String interviewee, String role, Instant heldAt, String notes,
                            String recordedBy, Instant recordedAt) {
    }

    /** Evidence metadata; the content is in the blob store, encrypted. */
    public record EvidenceInfo(UUID id, UUID itemId, UUID assessmentId, String displayName, String contentType,
                               long size, String sm3, String blobName, UUID uploadedBy, String uploadedByName,
                               UUID ownerOrgId, boolean sharedWithProvider, Instant createdAt) {
    }

    public record Remediation(UUID id, UUID itemId, UUID assessmentId, UUID responsibleOrgId, LocalDate dueDate,
                              RemediationStatus status, String note, Instant createdAt, Instant updatedAt) {
    }

    /** The conclusion of an assessment of the provider's platform done elsewhere, recorded to inherit from. */
    public record ExternalConclusion(UUID id, UUID assessmentId, String reportNumber, String assessorName,
                                     LocalDate concludedOn, Verdict verdict, RiskLevel riskLevel, UUID evidenceId,
                                     String recordedBy, Instant recordedAt) {
    }

    /**
     * An inherited item: its source (a Yunjian assessment's item, or a recorded conclusion) and what the item held
     * before, put back on withdrawal.
     */
    public record ItemInheritance(UUID itemId, UUID assessmentId, UUID sourceAssessmentId, UUID sourceItemId,
                                  UUID conclusionId, Verdict priorVerdict, String priorReason,
                                  RiskLevel priorRiskLevel, String priorRiskReason, String markedBy,
                                  Instant markedAt) {
    }
}
