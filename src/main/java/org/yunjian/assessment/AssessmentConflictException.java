package org.yunjian.assessment;

/** The request is understood and allowed but the assessment's state forbids it; rendered as 409. */
public class AssessmentConflictException extends RuntimeException {
    private final String code;

    public AssessmentConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Stable problem code, e.g. {@code illegal-transition}, {@code assessment-closed}. */
    public String code() {
        return code;
    }
}
