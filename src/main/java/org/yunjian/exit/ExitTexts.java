package org.yunjian.exit;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * The texts of the offline toolkit ({@code yunjian exit …}, {@code yunjian keys …}) from the bundles
 * {@code messages/exit.properties} (Chinese, the default) and {@code messages/exit_en.properties} (and the Spark job's
 * {@code messages/exit-spark*.properties}, docs/spark.md): plain
 * {@link ResourceBundle}, no Spring, so the commands start fast and run without the application. The language is
 * the CLI's {@code --lang}, else the JVM's default locale: English for any {@code en*}, Chinese otherwise. The
 * application reads the same bundles through its message source, so a web page can show an {@code exit.*} key too.
 * The texts every command shares ({@code cli.option.help}, {@code cli.option.version}) come from the CLI's bundle
 * {@code messages/cli.properties}, read the same way.
 */
public final class ExitTexts {

    private static final List<String> BUNDLES =
            List.of("messages/exit", "messages/exit-spark", "messages/cli", "messages/exit-seal");
    private static volatile Locale locale = supported(Locale.getDefault());

    private ExitTexts() {}

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

    /**
     * The text of {@code key} with {@code args} filled in (an {@link ExitText} argument rendered in the same
     * language); a missing key shows as the key itself.
     */
    public static String get(String key, Object... args) {
        return get(locale, key, args);
    }

    public static String get(Locale in, String key, Object... args) {
        String pattern = pattern(in, key);
        if (pattern == null) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] filled = args.clone();
        for (int i = 0; i < filled.length; i++) {
            if (filled[i] instanceof ExitText t) {
                filled[i] = t.text(in);
            }
        }
        return new MessageFormat(pattern, supported(in)).format(filled);
    }

    /** Whether the bundles hold {@code key}. */
    public static boolean has(String key) {
        return pattern(Locale.SIMPLIFIED_CHINESE, key) != null;
    }

    /** Every key that starts with {@code prefix} (the Chinese files hold every key). */
    public static Set<String> keys(String prefix) {
        Set<String> keys = new TreeSet<>();
        for (String name : BUNDLES) {
            bundle(name, Locale.SIMPLIFIED_CHINESE).keySet().stream()
                    .filter(k -> k.startsWith(prefix))
                    .forEach(keys::add);
        }
        return keys;
    }

    private static String pattern(Locale in, String key) {
        for (String name : BUNDLES) {
            ResourceBundle bundle = bundle(name, in);
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return null;
    }

    private static ResourceBundle bundle(String name, Locale in) {
        return ResourceBundle.getBundle(
                name,
                supported(in),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
