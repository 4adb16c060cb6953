package org.yunjian.shared;

/**
 * The request is understood and allowed, but the object's state forbids it (an illegal transition, a closed
 * assessment, a reference still held): 409, with a stable problem {@link #code()} for machines and a bundle text
 * for people.
 */
public class ConflictException extends ProblemException {

    public ConflictException(String code, String key, Object... args) {
        super(409, code, Msg.of(key, args));
    }

    public ConflictException(String code, Msg text) {
        super(409, code, text);
    }

    /** e.g. {@code illegal-transition}, {@code assessment-closed}, {@code in-use}: the problem type. */
    public String code() {
        return problemType();
    }
}
