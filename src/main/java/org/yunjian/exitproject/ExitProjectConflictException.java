package org.yunjian.exitproject;

/** The request is allowed but the exit project's state forbids it; rendered as 409 with a stable code. */
public class ExitProjectConflictException extends RuntimeException {
    private final String code;

    public ExitProjectConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** e.g. {@code illegal-transition}, {@code precondition}, {@code wrong-phase}, {@code certificate-issued}. */
    public String code() {
        return code;
    }
}
