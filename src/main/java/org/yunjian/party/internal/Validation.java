package org.yunjian.party.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.yunjian.party.CreditCode;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Text;
import org.yunjian.shared.TextRules;

/** Field checks shared by organisations, systems, engagements and imports; each names what is wrong. */
@Component
public class Validation {

    private final Messages messages;
    private final TextRules textRules;

    Validation(Messages messages, TextRules textRules) {
        this.messages = messages;
        this.textRules = textRules;
    }

    public String msg(String code, Object... args) {
        return messages.get(code, args);
    }

    /**
     * Stripped single-line text of at most {@code max} characters; {@code null} (with an error if
     * required) when blank.
     */
    public String text(FieldErrors errors, String field, String raw, int max, boolean required) {
        return text(errors, field, raw, max, required, false);
    }

    /** Like {@link #text}, but line breaks and tabs are allowed (descriptions, notes). */
    public String multiline(FieldErrors errors, String field, String raw, int max, boolean required) {
        return text(errors, field, raw, max, required, true);
    }

    private String text(FieldErrors errors, String field, String raw, int max, boolean required, boolean lines) {
        String v = raw == null ? null : raw.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                errors.add(field, msg("party.error.required"));
            }
            return null;
        }
        if (v.length() > max) {
            errors.add(field, msg("party.error.tooLong", max, v.length()));
            return null;
        }
        if (!textRules.check(errors, field, v, lines ? Text.Kind.LINES : Text.Kind.LINE)) {
            return null;
        }
        return v;
    }

    public <E extends Enum<E>> E enumValue(FieldErrors errors, String field, String raw, Class<E> type) {
        String v = raw == null ? null : raw.strip();
        if (v == null || v.isEmpty()) {
            errors.add(field, msg("party.error.required"));
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        errors.add(field, msg("party.error.unknownValue", shorten(v), allowed(type)));
        return null;
    }

    public Integer protectionLevel(FieldErrors errors, String field, String raw) {
        String v = raw == null ? null : raw.strip();
        if (v == null || v.isEmpty()) {
            errors.add(field, msg("party.error.required"));
            return null;
        }
        if (v.length() == 1 && v.charAt(0) >= '1' && v.charAt(0) <= '4') {
            return v.charAt(0) - '0';
        }
        errors.add(field, msg("party.error.level", shorten(v)));
        return null;
    }

    public UUID uuid(FieldErrors errors, String field, String raw, boolean required) {
        String v = raw == null ? null : raw.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                errors.add(field, msg("party.error.required"));
            }
            return null;
        }
        try {
            if (v.length() == 36) {
                return UUID.fromString(v);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(field, msg("party.error.uuid", shorten(v)));
        return null;
    }

    public CreditCode creditCode(FieldErrors errors, String field, String raw) {
        try {
            return CreditCode.of(raw);
        } catch (CreditCode.InvalidCreditCodeException e) {
            errors.add(field, describe(e));
            return null;
        }
    }

    public String describe(CreditCode.InvalidCreditCodeException e) {
        return switch (e.problem()) {
            case MISSING -> msg("party.error.required");
            case LENGTH -> msg("party.error.creditCode.length", e.position());
            case ILLEGAL_CHARACTER -> msg("party.error.creditCode.character", e.position());
            case DIVISION_NOT_DIGITS -> msg("party.error.creditCode.division", e.position());
            case CHECK_CHARACTER -> msg("party.error.creditCode.check", e.expected());
        };
    }

    static String shorten(String v) {
        String s = v.length() > 40 ? v.substring(0, 40) + "…" : v;
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }
}
