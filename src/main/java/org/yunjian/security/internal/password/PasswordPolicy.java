package org.yunjian.security.internal.password;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.SecurityProperties;

/**
 * The configured password rules (等保 2.0 level 3, 身份鉴别): length in visible characters, character
 * classes, no user name, no control, invisible or broken Unicode characters, not a common or published
 * password (the deny-list), not a common Chinese name with a year or common number, no reuse of recent passwords, minimum and maximum age. Rules are checked all at once so that the message names
 * every rule a password breaks.
 */
@Component
public class PasswordPolicy {

    /** Upper bound so that hashing cannot be abused for denial of service. */
    static final int MAX_LENGTH = 128;

    public enum Rule {
        MIN_LENGTH,
        MAX_LENGTH,
        CHARACTER_CLASSES,
        CONTAINS_USERNAME,
        REUSED,
        CONTROL_CHARACTER,
        INVISIBLE_CHARACTER,
        INVALID_UNICODE,
        COMMON_PASSWORD,
        COMMON_NAME,
        TOO_RECENT
    }

    private final SecurityProperties.Password config;
    private final MessageSource messages;
    private final CommonPasswords common = CommonPasswords.load();
    private final CommonNames names = CommonNames.load();

    public PasswordPolicy(SecurityProperties properties, MessageSource messages) {
        this.config = properties.password();
        this.messages = messages;
    }

    /** The rules a new password breaks, without the history rule (which needs the stored hashes). */
    public List<Rule> violations(String username, String password) {
        return violations(username, password, null);
    }

    /**
     * As {@link #violations(String, String)}; {@code exemptPublished} is the one published password that
     * may pass the deny-list (the demo password when demo accounts are seeded in demo mode), or {@code null}.
     */
    public List<Rule> violations(String username, String password, String exemptPublished) {
        List<Rule> broken = new ArrayList<>();
        String pw = password == null ? "" : password;
        if (visibleLength(pw) < config.minLength()) {
            broken.add(Rule.MIN_LENGTH);
        }
        if (pw.length() > MAX_LENGTH) {
            broken.add(Rule.MAX_LENGTH);
        }
        if (characterClasses(pw) < config.minCharacterClasses()) {
            broken.add(Rule.CHARACTER_CLASSES);
        }
        if (username != null
                && !username.isBlank()
                && pw.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            broken.add(Rule.CONTAINS_USERNAME);
        }
        if (pw.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            broken.add(Rule.CONTROL_CHARACTER);
        }
        if (pw.codePoints().anyMatch(PasswordPolicy::invisible)) {
            broken.add(Rule.INVISIBLE_CHARACTER);
        }
        if (pw.codePoints()
                .anyMatch(
                        c -> (c >= 0xD800 && c <= 0xDFFF) || (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF))) {
            broken.add(Rule.INVALID_UNICODE);
        }
        if (!pw.equals(exemptPublished) && common.isCommon(pw)) {
            broken.add(Rule.COMMON_PASSWORD);
        } else if (!pw.equals(exemptPublished) && names.isNameWithYearOrSuffix(pw)) {
            broken.add(Rule.COMMON_NAME);
        }
        return broken;
    }

    /** Characters a person sees: code points, not UTF-16 units, without controls, format and combining marks. */
    public static int visibleLength(String pw) {
        return (int) pw.codePoints()
                .filter(c -> {
                    int t = Character.getType(c);
                    return t != Character.CONTROL
                            && t != Character.NON_SPACING_MARK
                            && t != Character.ENCLOSING_MARK
                            && !invisible(c);
                })
                .count();
    }

    /**
     * Zero-width and other invisible characters: every format character (Cf: U+200B–U+200F, U+2060–U+2064,
     * U+FEFF, the bidi controls U+202A–U+202E and U+2066–U+2069, soft hyphen …), the Hangul and Braille
     * fillers, and variation selectors.
     */
    static boolean invisible(int c) {
        return Character.getType(c) == Character.FORMAT
                || c == 0x115F
                || c == 0x1160
                || c == 0x3164
                || c == 0xFFA0
                || c == 0x2800
                || c == 0x180E
                || (c >= 0xFE00 && c <= 0xFE0F)
                || (c >= 0xE0100 && c <= 0xE01EF);
    }

    public static int characterClasses(String pw) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < pw.length(); ) {
            int c = pw.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else if (!Character.isLetter(c) && !Character.isWhitespace(c)) {
                symbol = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    /** One message in the caller's language naming every broken rule. */
    public String describe(List<Rule> broken) {
        return msg("security.password.invalid", LocaleContextHolder.getLocale(), rules(broken));
    }

    /** The rules {@code listed}, in the caller's language, joined by the language's separator (no closing stop). */
    private String rules(List<Rule> listed) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> parts = listed.stream()
                .map(r -> switch (r) {
                    case MIN_LENGTH -> msg("security.password.rule.minLength", locale, config.minLength());
                    case MAX_LENGTH -> msg("security.password.rule.maxLength", locale, MAX_LENGTH);
                    case CHARACTER_CLASSES ->
                        msg("security.password.rule.classes", locale, config.minCharacterClasses());
                    case CONTAINS_USERNAME -> msg("security.password.rule.username", locale);
                    case REUSED -> msg("security.password.rule.history", locale, config.history());
                    case CONTROL_CHARACTER -> msg("security.password.rule.control", locale);
                    case INVISIBLE_CHARACTER -> msg("security.password.rule.invisible", locale);
                    case INVALID_UNICODE -> msg("security.password.rule.unicode", locale);
                    case COMMON_PASSWORD -> msg("security.password.rule.common", locale);
                    case COMMON_NAME -> msg("security.password.rule.commonName", locale);
                    case TOO_RECENT ->
                        msg(
                                "security.password.rule.minAge",
                                locale,
                                config.minAge().toHours());
                })
                .toList();
        return String.join(messages.getMessage("security.password.rule.separator", null, "; ", locale), parts);
    }

    /** A human description of all rules, for forms: the sentence around it ({@code security.password.policy}) ends it. */
    public String summary() {
        return rules(List.of(
                Rule.MIN_LENGTH,
                Rule.CHARACTER_CLASSES,
                Rule.CONTAINS_USERNAME,
                Rule.REUSED,
                Rule.COMMON_PASSWORD,
                Rule.COMMON_NAME));
    }

    int historySize() {
        return config.history();
    }

    /**
     * Whether the holder may not change the password yet (minimum age): only when the change is voluntary —
     * a forced change (administrator-set or expired password) is always allowed.
     */
    public boolean tooRecentToChange(Account a, Instant now) {
        return changeRequiredReason(a, now) == null
                && config.minAge() != null
                && !config.minAge().isZero()
                && a.passwordChangedAt() != null
                && a.passwordChangedAt().plus(config.minAge()).isAfter(now);
    }

    /** Why the account must change its password before doing anything else, or {@code null}. */
    public String changeRequiredReason(Account a, Instant now) {
        if (a.mustChangePassword()) {
            return "required";
        }
        return expiresAt(a) != null && !expiresAt(a).isAfter(now) ? "expired" : null;
    }

    /** When the password expires; demo accounts' passwords never do. */
    public Instant expiresAt(Account a) {
        return a.demo() || config.maxAge() == null || config.maxAge().isZero()
                ? null
                : a.passwordChangedAt().plus(config.maxAge());
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
