package org.yunjian.security.internal.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The deny-list's rule for Chinese names ({@code security/common-chinese-names.txt}, see its header for the
 * sources): a password whose letters — after {@link CommonPasswords}' normalisation — are a common surname, a
 * common given name (a one-character one also doubled), or a surname and a given name in either order, and whose
 * other characters are only a year, a date or a common number with a few symbols, is refused ({@code Zhangwei@2026},
 * {@code ZhangWei2026!}, {@code wangfang123!}). A rule over two short lists instead of every combination: about
 * 100 × 200 names × 90 years × the suffixes would be millions of entries. A name as a small part of a longer
 * password ({@code ZhangWei-drinks-green-tea-9}), or with digits that are not a year or common number
 * ({@code Zhangwei$8317%^}), is not refused by this rule.
 */
final class CommonNames {

    static final String RESOURCE = "/security/common-chinese-names.txt";
    /** Numbers people add to a name, besides years and dates. */
    private static final Set<String> COMMON_NUMBERS = Set.of(
            "123",
            "1234",
            "12345",
            "123456",
            "1234567",
            "12345678",
            "123456789",
            "321",
            "111",
            "000",
            "666",
            "888",
            "999",
            "168",
            "520",
            "521",
            "1314",
            "5201314",
            "6666",
            "8888",
            "111111",
            "666666",
            "888888");
    /** Symbols a weak decoration may hold at most. */
    private static final int MAX_SYMBOLS = 4;

    private static final int FIRST_YEAR = 1950;
    private static final int LAST_YEAR = 2039;

    private final Set<String> surnames;
    private final Set<String> givenNames;

    private CommonNames(Set<String> surnames, Set<String> givenNames) {
        this.surnames = surnames;
        this.givenNames = givenNames;
    }

    static CommonNames load() {
        Set<String> surnames = new HashSet<>();
        Set<String> given = new HashSet<>();
        try (InputStream in = CommonNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<String> section = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.startsWith("[")) {
                    section = "[surnames]".equals(l) ? surnames : "[given]".equals(l) ? given : null;
                    continue;
                }
                String[] fields = l.split("\\s+");
                if (section == null || fields.length != 2) {
                    throw new IllegalStateException(
                            RESOURCE + ": " + l); // a malformed line of the shipped list: a build defect
                }
                boolean oneCharacter = fields[0].codePointCount(0, fields[0].length()) == 1;
                for (String pinyin : fields[1].split("/")) {
                    section.add(pinyin);
                    if (section == given && oneCharacter) {
                        section.add(pinyin + pinyin); // 婷婷, 伟伟
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CommonNames(Set.copyOf(surnames), Set.copyOf(given));
    }

    /** Whether the password is a common name with at most a year, date or common number and a few symbols. */
    boolean isNameWithYearOrSuffix(String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        String lower = CommonPasswords.lower(password);
        String core = CommonPasswords.trimDecoration(lower);
        if (core.isEmpty()) {
            return false;
        }
        int start = lower.indexOf(core);
        if (!weakDecoration(lower.substring(0, start) + lower.substring(start + core.length()))) {
            return false;
        }
        return CommonPasswords.forms(core).stream().anyMatch(this::isName);
    }

    /** A surname, a given name, or one of each in either order ("zhangwei", "weizhang"). */
    boolean isName(String letters) {
        if (surnames.contains(letters) || givenNames.contains(letters)) {
            return true;
        }
        for (int i = 1; i < letters.length(); i++) {
            String a = letters.substring(0, i);
            String b = letters.substring(i);
            if ((surnames.contains(a) && givenNames.contains(b)) || (givenNames.contains(a) && surnames.contains(b))) {
                return true;
            }
        }
        return false;
    }

    /** Digits that are nothing or one or two of year, date and common number (or at most two digits), few symbols. */
    static boolean weakDecoration(String decoration) {
        StringBuilder digits = new StringBuilder();
        int symbols = 0;
        for (int i = 0; i < decoration.length(); i++) {
            char c = decoration.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else {
                symbols++;
            }
        }
        if (symbols > MAX_SYMBOLS) {
            return false;
        }
        String d = digits.toString();
        if (d.length() <= 2 || commonNumber(d)) {
            return true;
        }
        for (int i = 1; i < d.length(); i++) {
            if (commonNumber(d.substring(0, i)) && commonNumber(d.substring(i))) {
                return true;
            }
        }
        return false;
    }

    /** A year 1950–2039, a date (mmdd, yymmdd, yyyymmdd) or one of the common numbers. */
    private static boolean commonNumber(String d) {
        return COMMON_NUMBERS.contains(d)
                || year(d)
                || switch (d.length()) {
                    case 4 -> monthDay(d);
                    case 6 -> monthDay(d.substring(2));
                    case 8 -> year(d.substring(0, 4)) && monthDay(d.substring(4));
                    default -> false;
                };
    }

    private static boolean year(String d) {
        if (d.length() != 4) {
            return false;
        }
        int y = Integer.parseInt(d);
        return y >= FIRST_YEAR && y <= LAST_YEAR;
    }

    private static boolean monthDay(String mmdd) {
        int month = Integer.parseInt(mmdd.substring(0, 2));
        int day = Integer.parseInt(mmdd.substring(2, 4));
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }
}
