package org.yunjian.shared;

import java.util.Locale;

/**
 * An enum value whose display name comes from the bundles (key {@code enum.<SimpleName>.<CONSTANT>}), for the enums of
 * every module (the catalog's and party's vocabularies among them).
 */
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
