package org.yunjian.assessment;

import java.time.Instant;
import java.util.UUID;

/** The 审核人 approved the review; the report awaits the 批准人 (now {@link AssessmentStatus#APPROVAL}). */
public record AssessmentReviewApproved(UUID assessmentId, UUID systemId, Instant at) implements AssessmentEvent {}
