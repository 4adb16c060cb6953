package org.yunjian.assessment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an assessment stands. Allowed moves: DRAFT → IN_PROGRESS → IN_REVIEW (a tester submits) → APPROVAL (the
 * 审核人 approves the review) → COMPLETED (the 批准人 approves the report) → ARCHIVED; IN_REVIEW → IN_PROGRESS (the
 * 审核人 sends it back) and APPROVAL → IN_REVIEW (the 批准人 returns it to review). Verdicts and evidence are frozen
 * from APPROVAL on.
 */
public enum AssessmentStatus {
    DRAFT,
    IN_PROGRESS,
    IN_REVIEW,
    APPROVAL,
    COMPLETED,
    ARCHIVED;

    public Set<AssessmentStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(IN_REVIEW);
            case IN_REVIEW -> EnumSet.of(APPROVAL, IN_PROGRESS);
            case APPROVAL -> EnumSet.of(COMPLETED, IN_REVIEW);
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

    /**
     * Whose move the assessment waits for in this status: the testers record (DRAFT, IN_PROGRESS), the 审核人 decides
     * the review (IN_REVIEW), the 批准人 the report (APPROVAL); nobody once it is completed.
     */
    public AssessmentRole waitsFor() {
        return switch (this) {
            case DRAFT, IN_PROGRESS -> AssessmentRole.TESTER;
            case IN_REVIEW -> AssessmentRole.REVIEWER;
            case APPROVAL -> AssessmentRole.APPROVER;
            case COMPLETED, ARCHIVED -> null;
        };
    }

    /** Whether the assessment team may still be changed (not once the review is approved). */
    public boolean teamOpen() {
        return isOpen();
    }
}
