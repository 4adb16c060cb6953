package org.yunjian.shared;

/**
 * The request is understood and allowed, but the object's state forbids it (an illegal transition, a closed
 * assessment, a reference still held): 409, with a stable problem {@link #code()} for machines and a bundle text
 * for people.
 */
public class ConflictException extends LocalizedException {

    private final String code;

    public ConflictException(String code, String key, Object... args) {
        super(Msg.of(key, args), null);
        this.code = code;
    }

    public ConflictException(String code, Msg text) {
        super(text, null);
        this.code = code;
    }

    /** e.g. {@code illegal-transition}, {@code assessment-closed}, {@code in-use}. */
    public String code() {
        return code;
    }
}
