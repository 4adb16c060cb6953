package org.yunjian.monitoring.probe;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.shared.Msg;

/**
 * Finds personal numbers a government site must not publish (个人信息, 个人信息保护法 Art. 28: 身份证号 and financial
 * accounts are sensitive): 18-digit 居民身份证号码 (GB 11643-1999), mainland mobile numbers, and bank card numbers. A
 * number counts only when it is not part of a longer run of digits and passes its check (province, birth date and
 * check character; the Luhn digit), so order numbers and phone-like digit runs are not reported.
 *
 * <p>The full number never leaves the scanner: a finding's subject and detail, and {@link #masked(String)}, hold it
 * masked, first 6 and last 4 digits for 身份证号 and cards ({@code 110105********1234}), first 3 and last 4 for
 * mobiles ({@code 138****5678}). 全角 digits count as digits. Safe to share between threads.
 */
public final class PrivacyScanner {

    /** What kind of personal number. */
    public enum Kind {
        ID_CARD,
        MOBILE,
        BANK_CARD
    }

    /** A personal number at {@code [start, end)} of the text, in {@code masked} form only. */
    public record Found(Kind kind, int start, int end, String masked) {}

    private static final Pattern ID = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");
    /** 16 to 19 digits, or grouped by spaces in fours; never the 17 digits before a 身份证号's X. */
    private static final Pattern CARD = Pattern.compile("(?<![0-9])[0-9]{16,19}(?![0-9Xx])"
            + "|(?<![0-9]|[0-9] )[0-9]{4}(?: [0-9]{4}){3}(?: [0-9]{1,3})?(?![0-9Xx]| [0-9])");
    /** 1[3-9] and nine digits, split 3-4-4 by spaces or hyphens or not, optionally after +86 or 86. */
    private static final Pattern MOBILE =
            Pattern.compile("(?<![0-9])(?:\\+?86[ -]?)?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])");

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    /** Birth dates are judged against today in China. */
    public PrivacyScanner() {
        this(Clock.system(CHINA));
    }

    public PrivacyScanner(Clock clock) {
        this.clock = clock;
    }

    /** Every personal number in the text, in the order of the text; numbers overlap none. */
    public List<Found> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String digits = asciiDigits(text);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        List<Found> found = new ArrayList<>();
        Matcher m = ID.matcher(digits);
        while (m.find()) {
            if (NumberChecks.isResidentId(m.group(), today)) {
                found.add(found(Kind.ID_CARD, m.start(), m.end(), digitsOf(m.group())));
            }
        }
        m = CARD.matcher(digits);
        while (m.find()) {
            String number = digitsOf(m.group());
            if (NumberChecks.passesLuhn(number) && free(found, m.start(), m.end())) {
                found.add(found(Kind.BANK_CARD, m.start(), m.end(), number));
            }
        }
        m = MOBILE.matcher(digits);
        while (m.find()) {
            String number = digitsOf(m.group());
            if (free(found, m.start(), m.end())) {
                found.add(found(Kind.MOBILE, m.start(), m.end(), number.substring(number.length() - 11)));
            }
        }
        found.sort(Comparator.comparingInt(Found::start));
        return found;
    }

    /**
     * One {@link CheckKind#PRIVACY_LEAK} finding for each masked number in the text: its subject the masked number
     * and {@code where} (the page or attachment URI), its detail the number in context, masked like every other
     * number there.
     */
    public List<Finding> findings(String text, String where) {
        Map<String, List<Found>> byMasked = new LinkedHashMap<>();
        for (Found f : find(text)) {
            byMasked.computeIfAbsent(f.masked(), k -> new ArrayList<>()).add(f);
        }
        List<Finding> out = new ArrayList<>(byMasked.size());
        byMasked.forEach((masked, all) -> {
            Found first = all.get(0);
            out.add(new Finding(
                    CheckKind.PRIVACY_LEAK,
                    masked + " @ " + where,
                    Msg.of("monitoring.content.privacy." + first.kind().name(), masked, where, all.size()),
                    maskedContext(text, first.start(), first.end())));
        });
        return out;
    }

    /** The text with every personal number in it masked in place ({@code *} for each hidden digit), same length. */
    public String masked(String text) {
        List<Found> found = find(text);
        if (found.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (Found f : found) {
            int total = 0;
            for (int i = f.start(); i < f.end(); i++) {
                total += isNumberChar(chars[i]) ? 1 : 0;
            }
            // a mobile's +86 is no one's; its own 11 digits show first 3 and last 4, the others first 6 and last 4
            int first = f.kind() == Kind.MOBILE ? total - 11 + 3 : 6;
            int seen = 0;
            for (int i = f.start(); i < f.end(); i++) {
                if (isNumberChar(chars[i])) {
                    seen++;
                    if (seen > first && seen <= total - 4) {
                        chars[i] = '*';
                    }
                }
            }
        }
        return new String(chars);
    }

    /**
     * About {@value WordMatcher#CONTEXT} characters either side of {@code [start, end)}, on one line, with every
     * personal number in it masked — read wide enough that a number cut by the context's edge is still seen whole.
     */
    String maskedContext(String text, int start, int end) {
        int from = Math.max(0, start - WordMatcher.CONTEXT);
        int to = Math.min(text.length(), end + WordMatcher.CONTEXT);
        from += from > 0 && Character.isLowSurrogate(text.charAt(from)) ? 1 : 0;
        to += to < text.length() && Character.isLowSurrogate(text.charAt(to)) ? 1 : 0;
        int reach = 32; // longer than any number with its separators (23 characters)
        int readFrom = Math.max(0, from - reach);
        String read = masked(text.substring(readFrom, Math.min(text.length(), to + reach)));
        // masking keeps every length, so the context's bounds hold in the masked text
        return read.substring(from - readFrom, to - readFrom)
                .replaceAll("[\\r\\n\\t]", " ")
                .strip();
    }

    private static Found found(Kind kind, int start, int end, String number) {
        int keep = kind == Kind.MOBILE ? 3 : 6;
        String masked = number.substring(0, keep)
                + "*".repeat(number.length() - keep - 4)
                + number.substring(number.length() - 4).toUpperCase(java.util.Locale.ROOT);
        return new Found(kind, start, end, masked);
    }

    private static boolean free(List<Found> found, int start, int end) {
        return found.stream().noneMatch(f -> f.start() < end && start < f.end());
    }

    private static String digitsOf(String match) {
        return match.replaceAll("[^0-9Xx]", "");
    }

    /** 全角 digits, 'Ｘ', '＋', '－' and the ideographic space as their ASCII forms, one for one. */
    private static String asciiDigits(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if ((c >= 0xFF10 && c <= 0xFF19) || c == 0xFF38 || c == 0xFF58 || c == 0xFF0B || c == 0xFF0D) {
                chars[i] = (char) (c - 0xFEE0);
            } else if (c == 0x3000) {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    /** A digit, or the X that ends some 身份证号, in ASCII or 全角. */
    private static boolean isNumberChar(char c) {
        return (c >= '0' && c <= '9')
                || (c >= 0xFF10 && c <= 0xFF19)
                || c == 'X'
                || c == 'x'
                || c == 0xFF38
                || c == 0xFF58;
    }
}
