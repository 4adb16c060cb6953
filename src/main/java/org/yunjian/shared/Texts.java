package org.yunjian.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.AbstractMessageSource;
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

    private static final Bundles SOURCE = new Bundles(basenames());

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
        SOURCE.keys().stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
        return keys;
    }

    /**
     * The bundles read once into one table per language, as {@code ResourceBundleMessageSource} over the same
     * basenames would answer: a key from the first bundle (in name order) that has it, in English the {@code _en}
     * file's text before the Chinese one's; a text without arguments as it stands, one with arguments through a
     * {@link MessageFormat} made once. Every language other than English reads the Chinese files, as there are no
     * others and the system's language is never asked. One look-up where the bundle source asked each of ~50 bundles
     * in turn, and no search of the class path for {@code _zh_CN} and {@code _zh} files at the first use of each
     * (≈ 6 % of a server start's main thread, docs/performance.md).
     */
    static final class Bundles extends AbstractMessageSource {

        private final Map<String, String> chinese = new HashMap<>();
        private final Map<String, String> english = new HashMap<>();
        private final Map<Locale, Map<String, MessageFormat>> formats = new ConcurrentHashMap<>();

        Bundles(String[] basenames) {
            ClassLoader loader = Texts.class.getClassLoader();
            for (String base : basenames) {
                Properties root = read(loader, base + ".properties");
                Properties en = read(loader, base + "_en.properties");
                for (String key : root.stringPropertyNames()) {
                    chinese.putIfAbsent(key, root.getProperty(key));
                    english.putIfAbsent(key, en.getProperty(key, root.getProperty(key)));
                }
                for (String key : en.stringPropertyNames()) {
                    english.putIfAbsent(key, en.getProperty(key));
                }
            }
        }

        private static Properties read(ClassLoader loader, String name) {
            Properties p = new Properties();
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in != null) {
                    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(name, e);
            }
            return p;
        }

        /** Every key (the Chinese files hold every key). */
        java.util.Set<String> keys() {
            return chinese.keySet();
        }

        @Override
        protected String resolveCodeWithoutArguments(String code, Locale locale) {
            return (supported(locale).equals(ENGLISH) ? english : chinese).get(code);
        }

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            String text = resolveCodeWithoutArguments(code, locale);
            if (text == null) {
                return null;
            }
            // made for the language asked, as the bundle source makes it (its numbers and dates in that locale)
            return formats.computeIfAbsent(locale, l -> new ConcurrentHashMap<>())
                    .computeIfAbsent(code, c -> createMessageFormat(text, locale));
        }
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
