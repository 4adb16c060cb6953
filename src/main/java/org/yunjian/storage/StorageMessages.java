package org.yunjian.storage;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Texts of this module for places that run before (or without) Spring's message source: the start-up check and
 * the command line. zh-CN by default, English when the JVM's locale is English.
 */
final class StorageMessages {

    private StorageMessages() {}

    static String get(String key, Object... args) {
        Locale locale = Locale.getDefault();
        ResourceBundle bundle = ResourceBundle.getBundle(
                "messages/web",
                "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
