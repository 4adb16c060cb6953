package org.yunjian.exitproject.internal;

import java.util.function.UnaryOperator;
import org.yunjian.exit.ExitText;
import org.yunjian.shared.Msg;

/**
 * A text of the exit toolkit ({@link ExitText}: a problem it found in a manifest, a report or a key) as a platform
 * {@link Msg}, so that a page or a problem shows it in the request's language: the same keys, from the same
 * bundles ({@code messages/exit*.properties} are among the application's).
 */
final class ToolkitText {

    private ToolkitText() {}

    /** The message of what a toolkit exception says (a key and arguments, or its message as it is). */
    static Msg of(Throwable e) {
        return of(ExitText.of(e), arg -> arg);
    }

    /** As {@link #of(Throwable)}, with {@code data} applied to every argument that is data (not a nested text). */
    static Msg of(Throwable e, UnaryOperator<Object> data) {
        return of(ExitText.of(e), data);
    }

    static Msg of(ExitText text, UnaryOperator<Object> data) {
        Object[] args = text.args();
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i] instanceof ExitText nested ? of(nested, data) : data.apply(args[i]);
        }
        return Msg.of(text.key(), args);
    }
}
