package org.yunjian.exit;

import org.yunjian.exit.internal.KeyedProblem;

/**
 * Input that cannot be verified or used at all: an unreadable or malformed manifest, a wrong key, a missing bucket.
 * The problem is an {@link ExitText}: {@link #getMessage()} renders it in the CLI's language, {@link #text(java.util.Locale)}
 * in the reader's (a web page), {@link #key()} and {@link #args()} let a caller put it into a sentence of its own.
 */
public class ManifestException extends RuntimeException implements KeyedProblem {

    private final ExitText message;

    public ManifestException(String key, Object... args) {
        this(new ExitText(key, args), null);
    }

    public ManifestException(Throwable cause, String key, Object... args) {
        this(new ExitText(key, args), cause);
    }

    public ManifestException(ExitText message, Throwable cause) {
        super(message.key(), cause);
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
