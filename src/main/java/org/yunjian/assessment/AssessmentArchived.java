package org.yunjian.assessment;

import java.time.Instant;
import java.util.UUID;

/** The assessment was archived (now {@link AssessmentStatus#ARCHIVED}). */
public record AssessmentArchived(UUID assessmentId, UUID systemId, Instant at) implements AssessmentEvent {}
