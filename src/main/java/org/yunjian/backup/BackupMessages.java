package org.yunjian.backup;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The {@code messages/backup} bundle for the offline commands, which run without Spring: Chinese unless the
 * locale's language is English (the same files the web pages read through Spring's message source).
 */
public final class BackupMessages {

    private final ResourceBundle bundle;
    private final Locale locale;

    public BackupMessages(Locale locale) {
        this.locale = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        this.bundle = ResourceBundle.getBundle(
                "messages/backup",
                this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The messages in the language of the process's locale. */
    public static BackupMessages forDefaultLocale() {
        return new BackupMessages(Locale.getDefault());
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public String of(BackupException e) {
        return get(e.key(), e.args());
    }
}
