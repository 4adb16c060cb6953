package org.yunjian.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The configured password rules (等保 2.0 level 3, 身份鉴别): length, character classes, no user name,
 * no reuse of recent passwords, maximum age. Rules are checked all at once so that the message names
 * every rule a password breaks.
 */
@Component
public class PasswordPolicy {

    /** Upper bound so that hashing cannot be abused for denial of service. */
    static final int MAX_LENGTH = 128;

    enum Rule { MIN_LENGTH, MAX_LENGTH, CHARACTER_CLASSES, CONTAINS_USERNAME, REUSED }

    private final SecurityProperties.Password config;
    private final MessageSource messages;

    PasswordPolicy(SecurityProperties properties, MessageSource messages) {
        this.config = properties.password();
        this.messages = messages;
    }

    /** The rules a new password breaks, without the history rule (which needs the stored hashes). */
    List<Rule> violations(String username, String password) {
        List<Rule> broken = new ArrayList<>();
        String pw = password == null ? "" : password;
        if (pw.codePointCount(0, pw.length()) < config.minLength()) {
            broken.add(Rule.MIN_LENGTH);
        }
        if (pw.length() > MAX_LENGTH) {
            broken.add(Rule.MAX_LENGTH);
        }
        if (characterClasses(pw) < config.minCharacterClasses()) {
            broken.add(Rule.CHARACTER_CLASSES);
        }
        if (username != null && !username.isBlank()
                && pw.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            broken.add(Rule.CONTAINS_USERNAME);
        }
        return broken;
    }

    static int characterClasses(String pw) {
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
    String describe(List<Rule> broken) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> parts = broken.stream().map(r -> switch (r) {
            case MIN_LENGTH -> msg("security.password.rule.minLength", locale, config.minLength());
            case MAX_LENGTH -> msg("security.password.rule.maxLength", locale, MAX_LENGTH);
            case CHARACTER_CLASSES -> msg("security.password.rule.classes", locale, config.minCharacterClasses());
            case CONTAINS_USERNAME -> msg("security.password.rule.username", locale);
            case REUSED -> msg("security.password.rule.history", locale, config.history());
        }).toList();
        return msg("security.password.invalid", locale,
                String.join(messages.getMessage("security.password.rule.separator", null, "; ", locale), parts));
    }

    /** A human description of all rules, for forms. */
    public String summary() {
        return describe(List.of(Rule.MIN_LENGTH, Rule.CHARACTER_CLASSES, Rule.CONTAINS_USERNAME, Rule.REUSED))
                .replaceFirst("^[^:：]*[:：]\\s*", "");
    }

    int historySize() {
        return config.history();
    }

    /** Why the account must change its password before doing anything else, or {@code null}. */
    String changeRequiredReason(Account a, Instant now) {
        if (a.mustChangePassword()) {
            return "required";
        }
        return expiresAt(a) != null && !expiresAt(a).isAfter(now) ? "expired" : null;
    }

    /** When the password expires; demo accounts' passwords never do. */
    Instant expiresAt(Account a) {
        return a.demo() || config.maxAge() == null || config.maxAge().isZero()
                ? null : a.passwordChangedAt().plus(config.maxAge());
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
