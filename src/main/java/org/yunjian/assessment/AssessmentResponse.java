package org.yunjian.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.shared.version.Versioned;

/**
 * An assessment as the REST API shows it (the assessment's own endpoints and the review's, which answer with the
 * assessment they moved).
 */
public record AssessmentResponse(
        UUID id,
        String name,
        UUID systemId,
        UUID assessorOrgId,
        AssessorKind assessorKind,
        AssessmentStatus status,
        List<AssessmentStatus> allowedTransitions,
        List<UUID> assessors,
        List<String> scope,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        String reportNumber,
        UUID reviewer,
        UUID approver,
        long version)
        implements Versioned {
    public static AssessmentResponse of(AssessmentInfo a) {
        return new AssessmentResponse(
                a.id(),
                a.name(),
                a.systemId(),
                a.assessorOrgId(),
                a.assessorKind(),
                a.status(),
                List.copyOf(a.status().next()),
                a.assessors(),
                a.scope(),
                a.createdAt(),
                a.updatedAt(),
                a.completedAt(),
                a.reportNumber(),
                a.reviewers().isEmpty() ? null : a.reviewers().get(0),
                a.approvers().isEmpty() ? null : a.approvers().get(0),
                a.version());
    }
}
