package org.yunjian.assessment.internal;

/** Evidence that cannot be served: altered in storage, or its key destroyed. */
public class EvidenceException extends RuntimeException {

    public enum Kind { INTEGRITY, KEY_DESTROYED, STORAGE }

    private final Kind kind;

    EvidenceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
