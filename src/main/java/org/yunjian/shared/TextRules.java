package org.yunjian.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yunjian.shared.Text.Kind;
import org.yunjian.shared.Text.Violation;

/**
 * {@link Text}'s rule as field errors in the caller's language (the request's locale; Chinese without a
 * request). Every module checks free text through this bean — forms, JSON bodies, imports — so the rule and its
 * wording live once. The message names the field, the character and its position, e.g. {@code note 第 5 个字符是控制字符
 * U+0000，不能使用}.
 */
@Component
public class TextRules {

    private final MessageSource messages;

    public TextRules(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * Adds an error for {@code field} when {@code value} breaks the rule for {@code kind}.
     *
     * @return whether the value is acceptable
     */
    public boolean check(FieldErrors errors, String field, String value, Kind kind) {
        return Text.violation(value, kind)
                .map(v -> {
                    errors.add(field, describe(field, v));
                    return false;
                })
                .orElse(true);
    }

    /**
     * The one length-and-text check of a field: an error {@code tooLongKey} (with {@code max} as its argument) for
     * {@code field} when {@code value} is longer than {@code max} characters, else the free-text rule for
     * {@code kind}.
     *
     * @return whether the value is acceptable
     */
    public boolean check(FieldErrors errors, String field, String value, int max, Kind kind, String tooLongKey) {
        if (value != null && value.length() > max) {
            errors.add(field, tooLongKey, max);
            return false;
        }
        return check(errors, field, value, kind);
    }

    /**
     * Throws a {@link FieldErrors.ValidationException} for {@code field} when {@code value} breaks the rule.
     *
     * @return {@code value}
     */
    public String require(String field, String value, Kind kind) {
        Text.violation(value, kind).ifPresent(v -> {
            throw new FieldErrors.ValidationException(field, describe(field, v));
        });
        return value;
    }

    /** The localised sentence for a violation in {@code field}. */
    public String describe(String field, Violation v) {
        Locale locale = LocaleContextHolder.getLocaleContext() == null
                ? Locale.SIMPLIFIED_CHINESE
                : LocaleContextHolder.getLocale();
        return messages.getMessage(
                v.problem().messageCode(), v.messageArgs(field), v.problem().messageCode(), locale);
    }
}
