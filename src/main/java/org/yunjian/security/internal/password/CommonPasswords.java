package org.yunjian.security.internal.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The deny-list of common and published passwords ({@code security/common-passwords.txt}): base words
 * compared after undoing the usual decorations, so one entry refuses its many variants (see the file's
 * header). Product-name variants anywhere in the password are refused too.
 */
public final class CommonPasswords {

    static final String RESOURCE = "/security/common-passwords.txt";
    /** Words of this product that no password may contain, in any decoration. */
    private static final List<String> PRODUCT_WORDS =
            List.of("yunjian", "\u4e91\u9274"); // the product name in pinyin and in characters (data, not text)

    private final Set<String> words;

    private CommonPasswords(Set<String> words) {
        this.words = words;
    }

    static CommonPasswords load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.addAll(candidates(w));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CommonPasswords(Set.copyOf(words));
    }

    boolean isCommon(String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        List<String> forms = candidates(password);
        for (String f : forms) {
            if (f.isEmpty() || words.contains(f)) {
                return true;
            }
            for (String p : PRODUCT_WORDS) {
                if (f.contains(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The forms compared: the bare word, and with letter substitutions undone (1 read as i and as l). */
    static List<String> candidates(String s) {
        return forms(trimDecoration(lower(s)));
    }

    /** {@code s} in compatibility form (full-width letters and digits as ASCII), lower-cased. */
    static String lower(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** The forms of a bare word: as it is, and with letter substitutions undone, separators dropped. */
    static List<String> forms(String bare) {
        return List.of(dropSeparators(bare), dropSeparators(unleet(bare, 'i')), dropSeparators(unleet(bare, 'l')));
    }

    /** Removes leading and trailing runs of digits and symbols ("!!Password123!" -> "password"). */
    static String trimDecoration(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && !Character.isLetter(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && !Character.isLetter(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    private static String unleet(String s, char one) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(
                    switch (c) {
                        case '0' -> 'o';
                        case '1' -> one;
                        case '3' -> 'e';
                        case '4', '@' -> 'a';
                        case '5', '$' -> 's';
                        case '7' -> 't';
                        case '!' -> 'i';
                        default -> c;
                    });
        }
        return sb.toString();
    }

    private static String dropSeparators(String s) {
        return s.replaceAll("[\\s._\\-]+", "");
    }
}
