package org.yunjian.shared;

import org.springframework.context.MessageSourceResolvable;

/**
 * A refusal a person reads: it carries a {@link Msg} and renders it in the reader's language. {@link #getMessage()}
 * is that text in the current thread's language, so an edge that shows {@code e.getMessage()} shows the bundle text.
 */
public class LocalizedException extends RuntimeException implements MessageSourceResolvable {

    private final Msg text;

    public LocalizedException(String key, Object... args) {
        this(Msg.of(key, args), null);
    }

    public LocalizedException(Msg text, Throwable cause) {
        super(text.key(), cause);
        this.text = text;
    }

    public Msg text() {
        return text;
    }

    @Override
    public String getMessage() {
        return text.text();
    }

    @Override
    public String[] getCodes() {
        return text.getCodes();
    }

    @Override
    public Object[] getArguments() {
        return text.getArguments();
    }

    @Override
    public String getDefaultMessage() {
        return text.getDefaultMessage();
    }
}
