package org.yunjian.assessment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an assessment stands. Allowed moves: DRAFT → IN_PROGRESS → IN_REVIEW → COMPLETED → ARCHIVED, and
 * IN_REVIEW → IN_PROGRESS to send it back. Verdicts and evidence are frozen from COMPLETED on.
 */
public enum AssessmentStatus {
    DRAFT, IN_PROGRESS, IN_REVIEW, COMPLETED, ARCHIVED;

    public Set<AssessmentStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(IN_REVIEW);
            case IN_REVIEW -> EnumSet.of(COMPLETED, IN_PROGRESS);
            case COMPLETED -> EnumSet.of(ARCHIVED);
            case ARCHIVED -> EnumSet.noneOf(AssessmentStatus.class);
        };
    }

    public boolean canMoveTo(AssessmentStatus target) {
        return next().contains(target);
    }

    /** Whether verdicts, observations, interviews and evidence may still change. */
    public boolean isOpen() {
        return this == DRAFT || this == IN_PROGRESS || this == IN_REVIEW;
    }
}
