package org.yunjian.party;

import java.util.Locale;

/** An enum value with a Chinese and an English label; Chinese unless the locale is English. */
public interface Labelled {

    String zh();

    String en();

    default String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en() : zh();
    }
}
