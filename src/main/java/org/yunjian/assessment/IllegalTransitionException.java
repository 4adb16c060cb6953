package org.yunjian.assessment;

/** A status change the state machine does not allow. */
public class IllegalTransitionException extends AssessmentConflictException {
    public IllegalTransitionException(AssessmentStatus from, AssessmentStatus to) {
        super("illegal-transition", "An assessment cannot move from " + from + " to " + to
                + "; allowed from " + from + ": " + from.next());
    }
}
