package org.yunjian.exit;

import org.yunjian.exit.internal.KeyedProblem;

/**
 * A value or a text that breaks the rules of its format: a manifest path with {@code ..}, malformed JSON, an unknown
 * algorithm, an inconsistent deletion check report. An {@link IllegalArgumentException}, so parsers keep their
 * contract; the problem is an {@link ExitText} as in {@link ManifestException}.
 */
public class InvalidInputException extends IllegalArgumentException implements KeyedProblem {

    private final ExitText message;

    public InvalidInputException(String key, Object... args) {
        this(new ExitText(key, args));
    }

    public InvalidInputException(ExitText message) {
        super(message.key());
        this.message = message;
    }

    @Override
    public ExitText message() {
        return message;
    }

    @Override
    public String getMessage() {
        return message.text();
    }
}
