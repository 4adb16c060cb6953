package org.yunjian.party;

import java.util.Locale;

import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/** An enum value whose display name comes from the bundles (key {@code enum.<SimpleName>.<CONSTANT>}). */
public interface Labelled {

    /** The display name as a message, rendered where it is shown. */
    default Msg text() {
        return Msg.of((Enum<?>) this);
    }

    default String zh() {
        return text().text(Texts.CHINESE);
    }

    default String en() {
        return text().text(Texts.ENGLISH);
    }

    default String label(Locale locale) {
        return text().text(locale);
    }
}
