package org.yunjian.exit.internal;

import java.util.Locale;
import org.yunjian.exit.ExitText;

/**
 * A problem the toolkit reports as an {@link ExitText}: {@link #key()} and {@link #args()} let a caller put it into
 * a sentence of its own, {@link #text(Locale)} renders it in the reader's language (a web page).
 */
public interface KeyedProblem {

    ExitText message();

    default String key() {
        return message().key();
    }

    default Object[] args() {
        return message().args();
    }

    default String text(Locale locale) {
        return message().text(locale);
    }
}
