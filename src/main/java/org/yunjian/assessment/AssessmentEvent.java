package org.yunjian.assessment;

import java.time.Instant;
import java.util.UUID;

/** A status transition of an assessment, published after it happened. */
public sealed interface AssessmentEvent
        permits AssessmentStarted,
                AssessmentSubmittedForReview,
                AssessmentSentBack,
                AssessmentReviewApproved,
                AssessmentReturnedToReview,
                AssessmentCompleted,
                AssessmentArchived {

    UUID assessmentId();

    UUID systemId();

    Instant at();
}
