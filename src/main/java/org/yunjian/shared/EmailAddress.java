package org.yunjian.shared;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/**
 * An e-mail address a person gave, checked once for every place that accepts one: single-line text by the
 * free-text rule ({@link Text}: no controls, line breaks, lone surrogates, noncharacters, bidi overrides and
 * isolates) and moreover no other invisible or direction-changing character (U+200B–U+200F, U+2060, U+FEFF,
 * U+061C and every other format character), so that the address shown is the address mail goes to; then one plain
 * address by Jakarta Mail's strict RFC 822 parser — no display name, no list — without an address literal
 * ({@code a@[127.0.0.1]}, {@code a@[IPv6:…]}: mail to a host picked by IP), a quoted local part or a comment, and
 * with a domain that has a dot and ends in a label with a letter ({@code a@localhost} and {@code a@10.0.0.1} are
 * refused). At most 254 characters (RFC 5321). Each refusal is a message naming its reason, in zh-CN and en.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;

    public EmailAddress {
        Optional<Msg> problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get().text(java.util.Locale.ENGLISH));
        }
    }

    /**
     * What a person typed, stripped of surrounding white space, as an address.
     *
     * @throws FieldErrors.ValidationException for {@code field}, naming the reason
     */
    public static EmailAddress parse(String field, String input) {
        String value = input == null ? "" : input.strip();
        Optional<Msg> problem = problem(value);
        if (problem.isPresent()) {
            throw new FieldErrors.ValidationException(java.util.Map.of(field, problem.get()));
        }
        return new EmailAddress(value);
    }

    /** Whether {@code value} is acceptable as it is (for values stored before this rule). */
    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** Why {@code value} is not an acceptable address, or empty if it is. */
    public static Optional<Msg> problem(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of(Msg.of("email.problem.invalid", ""));
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of(Msg.of("email.problem.tooLong", MAX_LENGTH));
        }
        Optional<Text.Violation> text = Text.violation(value, Text.Kind.LINE);
        if (text.isPresent()) {
            Text.Violation v = text.get();
            String key =
                    switch (v.problem()) {
                        case BIDI_CONTROL -> "email.problem.bidi";
                        case LINE_BREAK, CONTROL -> "email.problem.control";
                        default -> "email.problem.character";
                    };
            return Optional.of(Msg.of(key, v.position(), v.codePointLabel()));
        }
        int position = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            position++;
            if (cp == 0x200E || cp == 0x200F || cp == 0x061C) {
                return Optional.of(Msg.of("email.problem.bidi", position, label(cp)));
            }
            if (Character.getType(cp) == Character.FORMAT || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                return Optional.of(Msg.of("email.problem.invisible", position, label(cp)));
            }
        }
        if (value.indexOf('[') >= 0 || value.indexOf(']') >= 0) {
            return Optional.of(Msg.of("email.problem.literal"));
        }
        if (value.indexOf('"') >= 0 || value.indexOf('(') >= 0 || value.indexOf(')') >= 0 || value.indexOf('\\') >= 0) {
            return Optional.of(Msg.of("email.problem.quoted"));
        }
        int at = value.lastIndexOf('@');
        try {
            InternetAddress parsed = new InternetAddress(value, true);
            parsed.validate();
            if (parsed.getPersonal() != null
                    || !value.equals(parsed.getAddress())
                    || at <= 0
                    || value.indexOf('@') != at) {
                throw new AddressException(value);
            }
        } catch (AddressException e) {
            return Optional.of(Msg.of("email.problem.invalid", value));
        }
        String domain = value.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        if (dot <= 0
                || dot == domain.length() - 1
                || domain.startsWith(".")
                || domain.contains("..")
                || domain.substring(dot + 1).codePoints().noneMatch(Character::isLetter)) {
            return Optional.of(Msg.of("email.problem.domain", domain));
        }
        return Optional.empty();
    }

    private static String label(int cp) {
        return String.format("U+%04X", cp);
    }

    @Override
    public String toString() {
        return value;
    }
}
