package org.yunjian.exit;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of the offline toolkit ({@code yunjian exit …}, {@code yunjian keys …}) from the bundles
 * {@code messages/exit.properties} (Chinese, the default) and {@code messages/exit_en.properties}: plain
 * {@link ResourceBundle}, no Spring, so the commands start fast and run without the application. The language is
 * the CLI's {@code --lang}, else the JVM's default locale: English for any {@code en*}, Chinese otherwise. The
 * application reads the same bundles through its message source, so a web page can show an {@code exit.*} key too.
 */
public final class ExitTexts {

    private static final String BUNDLE = "messages/exit";
    private static volatile Locale locale = supported(Locale.getDefault());

    private ExitTexts() {
    }

    /** English for any {@code en*}, else Chinese. */
    public static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** Sets the language of this run ({@code --lang}). */
    public static void use(Locale requested) {
        locale = supported(requested);
    }

    public static Locale locale() {
        return locale;
    }

    /** The text of {@code key} with {@code args} filled in; a missing key shows as the key itself. */
    public static String get(String key, Object... args) {
        return get(locale, key, args);
    }

    public static String get(Locale in, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, supported(in),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, supported(in)).format(args);
    }
}
