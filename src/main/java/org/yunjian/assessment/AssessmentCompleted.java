package org.yunjian.assessment;

import java.time.Instant;
import java.util.UUID;

/** The assessment was completed; verdicts and evidence are frozen (now {@link AssessmentStatus#COMPLETED}). */
public record AssessmentCompleted(UUID assessmentId, UUID systemId, Instant at) implements AssessmentEvent {}
