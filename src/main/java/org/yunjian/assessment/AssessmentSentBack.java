package org.yunjian.assessment;

import java.time.Instant;
import java.util.UUID;

/** The assessment was sent back from review (now {@link AssessmentStatus#IN_PROGRESS}). */
public record AssessmentSentBack(UUID assessmentId, UUID systemId, Instant at) implements AssessmentEvent {}
