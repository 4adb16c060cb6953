package org.yunjian.responsibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The words of the standards the responsibility rules match ({@code responsibility/standard-words.properties}): the
 * "原则上" that makes a §5 rule admit exceptions, the phrases of the §5 items the checks enforce, the conditions of
 * the applicability questions, the pattern of a bare lead-in. They are data copied verbatim from the standards, kept
 * in one readable file rather than as escapes in the code.
 */
final class StandardWords {

    static final String FILE = "responsibility/standard-words.properties";
    private static final Properties WORDS = load();

    private StandardWords() {}

    /** The words under {@code key}, or null where the file has none. */
    static String find(String key) {
        return WORDS.getProperty(key);
    }

    /** The words under {@code key}. */
    static String get(String key) {
        String s = WORDS.getProperty(key);
        if (s == null || s.isBlank()) {
            throw new IllegalStateException("missing " + key + " in " + FILE);
        }
        return s;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = StandardWords.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + FILE);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(FILE, e);
        }
        return p;
    }
}
