package org.yunjian.evidence;

import org.yunjian.shared.Msg;
import org.yunjian.shared.ProblemException;

/** Evidence that cannot be served: altered in storage, or its key destroyed; the text is a bundle message. */
public class EvidenceException extends ProblemException {

    public enum Kind {
        INTEGRITY,
        KEY_DESTROYED,
        STORAGE
    }

    private final Kind kind;

    EvidenceException(Kind kind, Msg message, Throwable cause) {
        super(
                kind == Kind.KEY_DESTROYED ? 410 : 500,
                "evidence-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                message,
                cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
