package org.yunjian.assessment;

import java.time.Instant;
import java.util.UUID;

/** The assessment was work on it started (now {@link AssessmentStatus#IN_PROGRESS}). */
public record AssessmentStarted(UUID assessmentId, UUID systemId, Instant at) implements AssessmentEvent {}
