package org.yunjian.exit;

import java.util.Locale;

/**
 * A value or a text that breaks the rules of its format: a manifest path with {@code ..}, malformed JSON, an unknown
 * algorithm, an inconsistent deletion check report. An {@link IllegalArgumentException}, so parsers keep their
 * contract; the problem is an {@link ExitText} as in {@link ManifestException}.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final ExitText message;

    public InvalidInputException(String key, Object... args) {
        this(new ExitText(key, args));
    }

    public InvalidInputException(ExitText message) {
        super(message.key());
        this.message = message;
    }

    public ExitText message() {
        return message;
    }

    public String key() {
        return message.key();
    }

    public Object[] args() {
        return message.args();
    }

    public String text(Locale locale) {
        return message.text(locale);
    }

    @Override
    public String getMessage() {
        return message.text();
    }
}
