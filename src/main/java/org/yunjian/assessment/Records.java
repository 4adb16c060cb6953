package org.yunjian.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Read models of the assessment module, as stored. */
public final class Records {

    private Records() {}

    /**
     * An assessment project; {@code reportNumber} is its human number {@code YJ-2026-000123} (null until assigned).
     * {@code assessors} are the assigned testers (测评人员; none = every user of the assessor organisation who holds no
     * other role on it), {@code reviewers} the 审核人, {@code approvers} the 批准人. {@code version}: the record's
     * version (optimistic locking), moved on by every status change and by changes of the team and report template.
     */
    public record AssessmentInfo(
            UUID id,
            String name,
            UUID systemId,
            UUID assessorOrgId,
            AssessorKind assessorKind,
            AssessmentStatus status,
            List<UUID> assessors,
            List<UUID> reviewers,
            List<UUID> approvers,
            List<String> scope,
            Instant createdAt,
            Instant updatedAt,
            Instant completedAt,
            String reportNumber,
            long version) {
        public AssessmentInfo {
            assessors = List.copyOf(assessors);
            reviewers = List.copyOf(reviewers);
            approvers = List.copyOf(approvers);
            scope = List.copyOf(scope);
        }

        /** A new assessment, not stored yet (version 0). */
        public AssessmentInfo(
                UUID id,
                String name,
                UUID systemId,
                UUID assessorOrgId,
                AssessorKind assessorKind,
                AssessmentStatus status,
                List<UUID> assessors,
                List<UUID> reviewers,
                List<UUID> approvers,
                List<String> scope,
                Instant createdAt,
                Instant updatedAt,
                Instant completedAt,
                String reportNumber) {
            this(
                    id,
                    name,
                    systemId,
                    assessorOrgId,
                    assessorKind,
                    status,
                    assessors,
                    reviewers,
                    approvers,
                    scope,
                    createdAt,
                    updatedAt,
                    completedAt,
                    reportNumber,
                    0);
        }

        /** An assessment with testers only (no reviewer or approver assigned yet). */
        public AssessmentInfo(
                UUID id,
                String name,
                UUID systemId,
                UUID assessorOrgId,
                AssessorKind assessorKind,
                AssessmentStatus status,
                List<UUID> assessors,
                List<String> scope,
                Instant createdAt,
                Instant updatedAt,
                Instant completedAt,
                String reportNumber) {
            this(
                    id,
                    name,
                    systemId,
                    assessorOrgId,
                    assessorKind,
                    status,
                    assessors,
                    List.of(),
                    List.of(),
                    scope,
                    createdAt,
                    updatedAt,
                    completedAt,
                    reportNumber);
        }

        /** The role the user holds on this assessment, or null if none is assigned to them. */
        public AssessmentRole roleOf(UUID user) {
            if (assessors.contains(user)) {
                return AssessmentRole.TESTER;
            }
            if (reviewers.contains(user)) {
                return AssessmentRole.REVIEWER;
            }
            return approvers.contains(user) ? AssessmentRole.APPROVER : null;
        }
    }

    /**
     * One test item: a catalog requirement assessed on one side. {@code noEvidenceReason} (无证据说明) says why a
     * finding has no evidence, {@code finding} (安全问题) what the assessor found — apart from {@code riskReason}, why
     * the risk has its level — and {@code recommendation} the assessor's 整改建议; the three are stored with the verdict
     * and kept for findings only.
     */
    public record TestItem(
            UUID id,
            UUID assessmentId,
            int position,
            String requirementId,
            ItemSide side,
            String layer,
            String controlPoint,
            Verdict verdict,
            String verdictReason,
            String observations,
            RiskLevel riskLevel,
            String riskReason,
            Instant updatedAt,
            String noEvidenceReason,
            String finding,
            String recommendation,
            long version)
            implements org.yunjian.shared.version.Versioned {

        /** An item as stored before findings had their own text. */
        public TestItem(
                UUID id,
                UUID assessmentId,
                int position,
                String requirementId,
                ItemSide side,
                String layer,
                String controlPoint,
                Verdict verdict,
                String verdictReason,
                String observations,
                RiskLevel riskLevel,
                String riskReason,
                Instant updatedAt,
                String noEvidenceReason,
                long version) {
            this(
                    id,
                    assessmentId,
                    position,
                    requirementId,
                    side,
                    layer,
                    controlPoint,
                    verdict,
                    verdictReason,
                    observations,
                    riskLevel,
                    riskReason,
                    updatedAt,
                    noEvidenceReason,
                    null,
                    null,
                    version);
        }

        /** An item not stored yet (version 0). */
        public TestItem(
                UUID id,
                UUID assessmentId,
                int position,
                String requirementId,
                ItemSide side,
                String layer,
                String controlPoint,
                Verdict verdict,
                String verdictReason,
                String observations,
                RiskLevel riskLevel,
                String riskReason,
                Instant updatedAt,
                String noEvidenceReason) {
            this(
                    id,
                    assessmentId,
                    position,
                    requirementId,
                    side,
                    layer,
                    controlPoint,
                    verdict,
                    verdictReason,
                    observations,
                    riskLevel,
                    riskReason,
                    updatedAt,
                    noEvidenceReason,
                    0);
        }

        /** An item without a no-evidence reason. */
        public TestItem(
                UUID id,
                UUID assessmentId,
                int position,
                String requirementId,
                ItemSide side,
                String layer,
                String controlPoint,
                Verdict verdict,
                String verdictReason,
                String observations,
                RiskLevel riskLevel,
                String riskReason,
                Instant updatedAt) {
            this(
                    id,
                    assessmentId,
                    position,
                    requirementId,
                    side,
                    layer,
                    controlPoint,
                    verdict,
                    verdictReason,
                    observations,
                    riskLevel,
                    riskReason,
                    updatedAt,
                    null);
        }
    }

    /** One verdict as recorded, oldest first; a re-test is a later entry. */
    public record VerdictEntry(
            UUID id,
            UUID itemId,
            Verdict verdict,
            String reason,
            RiskLevel riskLevel,
            boolean retest,
            String recordedBy,
            Instant recordedAt) {}

    public record Interview(
            UUID id,
            UUID itemId,
            String interviewee,
            String role,
            Instant heldAt,
            String notes,
            String recordedBy,
            Instant recordedAt) {}

    /** Evidence metadata; the content is in the blob store, encrypted. */
    public record EvidenceInfo(
            UUID id,
            UUID itemId,
            UUID assessmentId,
            String displayName,
            String contentType,
            long size,
            String sm3,
            String blobName,
            UUID uploadedBy,
            String uploadedByName,
            UUID ownerOrgId,
            boolean sharedWithProvider,
            Instant createdAt,
            long version) {

        /** The file of an {@code assessment_evidence} row, as both modules that read the table map it. */
        public static EvidenceInfo of(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new EvidenceInfo(
                    rs.getObject("id", UUID.class),
                    rs.getObject("item_id", UUID.class),
                    rs.getObject("assessment_id", UUID.class),
                    rs.getString("display_name"),
                    rs.getString("content_type"),
                    rs.getLong("size_bytes"),
                    rs.getString("sm3"),
                    rs.getString("blob_name"),
                    rs.getObject("uploaded_by", UUID.class),
                    rs.getString("uploaded_by_name"),
                    rs.getObject("owner_org_id", UUID.class),
                    rs.getBoolean("shared_with_provider"),
                    org.yunjian.shared.Jdbc.instant(rs, "created_at"),
                    rs.getLong("version"));
        }
    }

    public record Remediation(
            UUID id,
            UUID itemId,
            UUID assessmentId,
            UUID responsibleOrgId,
            LocalDate dueDate,
            RemediationStatus status,
            String note,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        /** The task of an {@code assessment_remediation} row, as both modules that read the table map it. */
        public static Remediation of(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Remediation(
                    rs.getObject("id", UUID.class),
                    rs.getObject("item_id", UUID.class),
                    rs.getObject("assessment_id", UUID.class),
                    rs.getObject("responsible_org_id", UUID.class),
                    rs.getObject("due_date", LocalDate.class),
                    RemediationStatus.valueOf(rs.getString("status")),
                    rs.getString("note"),
                    org.yunjian.shared.Jdbc.instant(rs, "created_at"),
                    org.yunjian.shared.Jdbc.instant(rs, "updated_at"),
                    rs.getLong("version"));
        }

        /** A task not stored yet, or one whose version the write does not check (version 0). */
        public Remediation(
                UUID id,
                UUID itemId,
                UUID assessmentId,
                UUID responsibleOrgId,
                LocalDate dueDate,
                RemediationStatus status,
                String note,
                Instant createdAt,
                Instant updatedAt) {
            this(id, itemId, assessmentId, responsibleOrgId, dueDate, status, note, createdAt, updatedAt, 0);
        }
    }

    /** The conclusion of an assessment of the provider's platform done elsewhere, recorded to inherit from. */
    public record ExternalConclusion(
            UUID id,
            UUID assessmentId,
            String reportNumber,
            String assessorName,
            LocalDate concludedOn,
            Verdict verdict,
            RiskLevel riskLevel,
            UUID evidenceId,
            String recordedBy,
            Instant recordedAt) {}

    /**
     * An inherited item: its source (a Yunjian assessment's item, or a recorded conclusion) and what the item held
     * before, put back on withdrawal.
     */
    public record ItemInheritance(
            UUID itemId,
            UUID assessmentId,
            UUID sourceAssessmentId,
            UUID sourceItemId,
            UUID conclusionId,
            Verdict priorVerdict,
            String priorReason,
            RiskLevel priorRiskLevel,
            String priorRiskReason,
            String markedBy,
            Instant markedAt) {}
}
