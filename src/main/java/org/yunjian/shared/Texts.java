package org.yunjian.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
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
 * (Chinese, the default) and {@code messages/<module>_en.properties} (English), named in
 * {@code messages/bundles.index}, so a module adds its bundle by adding the two files and its line there
 * ({@code TextsBundlesTest} names a file the index misses). The application's {@code MessageSource} is this one, so pages,
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
     * The bundles read into one table per language, each once and only when a key is not in the bundles read before
     * it (a command line reads a few), as {@code ResourceBundleMessageSource} over the same
     * basenames would answer: a key from the first bundle (in name order) that has it, in English the {@code _en}
     * file's text before the Chinese one's; a text without arguments as it stands, one with arguments through a
     * {@link MessageFormat} made once. Every language other than English reads the Chinese files, as there are no
     * others and the system's language is never asked. One look-up where the bundle source asked each of ~50 bundles
     * in turn, and no search of the class path for {@code _zh_CN} and {@code _zh} files at the first use of each
     * (≈ 6 % of a server start's main thread, docs/performance.md).
     */
    static final class Bundles extends AbstractMessageSource {

        private final String[] basenames;
        private final Map<String, String> chinese = new ConcurrentHashMap<>();
        private final Map<String, String> english = new ConcurrentHashMap<>();
        private final Map<Locale, Map<String, MessageFormat>> formats = new ConcurrentHashMap<>();
        /** How many bundles are read into the tables, in name order (under the lock): a command line reads a few. */
        private int read;
        /** Whether every bundle is read: then a key not in the tables is in none. */
        private volatile boolean all;

        Bundles(String[] basenames) {
            this.basenames = basenames.clone();
            this.all = basenames.length == 0;
        }

        /**
         * The text of {@code code} in {@code table}, reading further bundles in name order until one has it: the
         * first bundle that has a key gives its text, as when all are read at once.
         */
        private String lookup(Map<String, String> table, String code) {
            String text = table.get(code);
            if (text != null || all) {
                return text;
            }
            synchronized (this) {
                while ((text = table.get(code)) == null && read < basenames.length) {
                    readNext();
                }
            }
            return text;
        }

        private void readNext() {
            ClassLoader loader = Texts.class.getClassLoader();
            String base = basenames[read];
            Properties root = read(loader, base + ".properties");
            Properties en = read(loader, base + "_en.properties");
            for (String key : root.stringPropertyNames()) {
                chinese.putIfAbsent(key, root.getProperty(key));
                english.putIfAbsent(key, en.getProperty(key, root.getProperty(key)));
            }
            for (String key : en.stringPropertyNames()) {
                english.putIfAbsent(key, en.getProperty(key));
            }
            read++;
            all = read == basenames.length;
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
            synchronized (this) {
                while (read < basenames.length) {
                    readNext();
                }
            }
            return java.util.Collections.unmodifiableSet(chinese.keySet());
        }

        @Override
        protected String resolveCodeWithoutArguments(String code, Locale locale) {
            return lookup(supported(locale).equals(ENGLISH) ? english : chinese, code);
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

    /**
     * Where each class-path root that carries bundles names them, one base name a line ({@code messages/web}): read
     * instead of searching the class path, which costs a command-line client a sixth of its run (Spring's resource
     * search and its logging). {@code TextsBundlesTest} keeps the lists equal to the files.
     */
    static final String INDEX = "messages/bundles.index";

    /** {@code messages/web}, {@code messages/party}, … — every bundle the class path's indexes name. */
    static String[] basenames() {
        TreeSet<String> names = new TreeSet<>();
        try {
            var indexes = Texts.class.getClassLoader().getResources(INDEX);
            while (indexes.hasMoreElements()) {
                try (InputStream in = indexes.nextElement().openStream()) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names.toArray(String[]::new);
    }

    /** {@code messages/web}, {@code messages/party}, … — every bundle on the class path, found by searching it. */
    static String[] found() {
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
