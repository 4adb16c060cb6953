package org.yunjian.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The one place every text a person reads comes from: the message bundles {@code messages/<module>.properties}
 * (Chinese, the default) and {@code messages/<module>_en.properties} (English), found on the class path, so a
 * module adds its bundle by adding the two files. The application's {@code MessageSource} is this one, so pages,
 * problems, CLI lines, reports and audit details all render through it, in the current thread's language.
 */
public final class Texts {

    /** Key of the bundle entry {@code {0}}: a stored plain text shown as it is. */
    public static final String VERBATIM = "text.verbatim";

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static final ResourceBundleMessageSource SOURCE = create();

    private Texts() {}

    /** The application's message source (a Spring bean too, see {@code TextsConfig}). */
    public static MessageSource source() {
        return SOURCE;
    }

    /** The language of the current request or command: Chinese unless English was asked for. */
    public static Locale locale() {
        return supported(LocaleContextHolder.getLocale());
    }

    /** The supported language closest to {@code requested}: English for any {@code en*}, else Chinese. */
    public static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? ENGLISH : CHINESE;
    }

    public static String get(String key, Object... args) {
        return render(Msg.of(key, args));
    }

    public static String render(MessageSourceResolvable message) {
        return render(message, locale());
    }

    public static String render(MessageSourceResolvable message, Locale locale) {
        return SOURCE.getMessage(message, supported(locale));
    }

    /** Every key of the bundles that starts with {@code prefix} (the Chinese files hold every key). */
    public static java.util.SortedSet<String> keys(String prefix) {
        TreeSet<String> keys = new TreeSet<>();
        for (String base : basenames()) {
            java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle(
                    base,
                    Locale.ROOT,
                    Texts.class.getClassLoader(),
                    java.util.ResourceBundle.Control.getNoFallbackControl(
                            java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
            bundle.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
        }
        return keys;
    }

    private static ResourceBundleMessageSource create() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames());
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /** {@code messages/web}, {@code messages/party}, … — every bundle on the class path. */
    static String[] basenames() {
        try {
            TreeSet<String> names = new TreeSet<>();
            for (Resource r : new PathMatchingResourcePatternResolver(Texts.class.getClassLoader())
                    .getResources("classpath*:messages/*.properties")) {
                String file = r.getFilename();
                if (file != null && !file.contains("_")) {
                    names.add("messages/" + file.substring(0, file.length() - ".properties".length()));
                }
            }
            return names.toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
