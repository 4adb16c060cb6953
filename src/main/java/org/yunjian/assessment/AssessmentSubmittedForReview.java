package org.yunjian.assessment;

import java.time.Instant;
import java.util.UUID;

/** The assessment was submitted for review (now {@link AssessmentStatus#IN_REVIEW}). */
public record AssessmentSubmittedForReview(UUID assessmentId, UUID systemId, Instant at) implements AssessmentEvent {}
