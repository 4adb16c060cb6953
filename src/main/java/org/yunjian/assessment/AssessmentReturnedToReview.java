package org.yunjian.assessment;

import java.time.Instant;
import java.util.UUID;

/** The 批准人 returned the report to review (now {@link AssessmentStatus#IN_REVIEW}). */
public record AssessmentReturnedToReview(UUID assessmentId, UUID systemId, Instant at) implements AssessmentEvent {}
