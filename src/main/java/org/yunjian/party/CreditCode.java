package org.yunjian.party;

import java.util.Objects;
import org.yunjian.shared.Msg;

/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from a 31-character set,
 * characters 3–8 the administrative division code, the last a check character over the first 17.
 * An instance is always valid; {@link #of(String)} says what is wrong otherwise.
 */
public final class CreditCode implements Comparable<CreditCode> {

    /** The 31 characters allowed (no I, O, Z, S, V). */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    public static final int LENGTH = 18;

    private final String value;

    private CreditCode(String value) {
        this.value = value;
    }

    /**
     * Parses a code; surrounding white space is ignored and ASCII lower case is accepted.
     *
     * @throws InvalidCreditCodeException naming the problem: missing, length, illegal character at a
     *                                    position, non-digit division code, or wrong check character
     */
    public static CreditCode of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidCreditCodeException(Problem.MISSING, 0, null);
        }
        String s = asciiUpper(raw.strip());
        if (s.length() != LENGTH) {
            throw new InvalidCreditCodeException(Problem.LENGTH, s.length(), null);
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = s.charAt(i);
            if (CHARSET.indexOf(c) < 0) {
                throw new InvalidCreditCodeException(Problem.ILLEGAL_CHARACTER, i + 1, null);
            }
        }
        for (int i = 2; i < 8; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw new InvalidCreditCodeException(Problem.DIVISION_NOT_DIGITS, i + 1, null);
            }
        }
        char expected = checkCharacter(s.substring(0, 17));
        if (s.charAt(17) != expected) {
            throw new InvalidCreditCodeException(Problem.CHECK_CHARACTER, 18, String.valueOf(expected));
        }
        return new CreditCode(s);
    }

    /** The check character for the first 17 characters of a code (which must be from {@link #CHARSET}). */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("first17");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("position " + (i + 1));
            }
            sum += v * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** The administrative division code (characters 3–8). */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreditCode other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public int compareTo(CreditCode o) {
        return value.compareTo(o.value);
    }

    private static String asciiUpper(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
        }
        return b.toString();
    }

    /** What can be wrong with a credit code. */
    public enum Problem {
        MISSING,
        LENGTH,
        ILLEGAL_CHARACTER,
        DIVISION_NOT_DIGITS,
        CHECK_CHARACTER
    }

    /**
     * An invalid credit code.
     *
     * @see #problem()  which rule failed
     * @see #position() the 1-based position concerned (the actual length for {@link Problem#LENGTH})
     * @see #expected() the expected check character for {@link Problem#CHECK_CHARACTER}
     */
    public static final class InvalidCreditCodeException extends IllegalArgumentException {
        private final Problem problem;
        private final int position;
        private final String expected;

        InvalidCreditCodeException(Problem problem, int position, String expected) {
            super(problem.name());
            this.problem = problem;
            this.position = position;
            this.expected = expected;
        }

        /** What is wrong, in the reader's language. */
        public Msg text() {
            return switch (problem) {
                case MISSING -> Msg.of("party.error.required");
                case LENGTH -> Msg.of("party.error.creditCode.length", position);
                case ILLEGAL_CHARACTER -> Msg.of("party.error.creditCode.character", position);
                case DIVISION_NOT_DIGITS -> Msg.of("party.error.creditCode.division", position);
                case CHECK_CHARACTER -> Msg.of("party.error.creditCode.check", expected);
            };
        }

        @Override
        public String getMessage() {
            return text().text();
        }

        public Problem problem() {
            return problem;
        }

        public int position() {
            return position;
        }

        public String expected() {
            return expected;
        }
    }
}
