package org.yunjian.shared;

import java.util.Optional;

/**
 * The one rule for free text, in two halves.
 *
 * <p><b>Accepting</b> ({@link #violation}): text a person typed may not hold NUL or other C0 controls (TAB, LF
 * and CR only where the field is {@link Kind#LINES multi-line}), DEL or C1 controls, a lone surrogate (half of a
 * UTF-16 pair, which no encoding can write), one of the 66 Unicode noncharacters (U+FDD0–U+FDEF and every
 * U+xxFFFE/U+xxFFFF), and — in {@link Kind#LINE single-line} fields such as names — the bidirectional overrides
 * and isolates U+202A–U+202E and U+2066–U+2069, which make a name read differently from what it is
 * ("Trojan Source").
 *
 * <p><b>Rendering</b> ({@link #safe}): a value already stored before this rule existed (or written around it)
 * must never make a document fail. Every output that cannot carry such a character (XML in PDF/DOCX/XLSX,
 * UTF-8 in JSON, CSV and certificates) passes its text through {@code safe}, which replaces each code point the
 * rule refuses in multi-line text with U+FFFD REPLACEMENT CHARACTER — deterministically, so a signed deletion
 * certificate built from such a row verifies offline like any other.
 *
 * <p>Pages (a Thymeleaf post-processor in {@code web}), the iCalendar feed and reminder e-mails leave the server
 * through {@code safe} as well ({@link #safeLine} where the output is one line).
 *
 * <p>Pure functions without Spring; {@link TextRules} turns a violation into a localised field error.
 */
public final class Text {

    /** U+FFFD, what {@link #safe} writes in place of a character no document can carry. */
    public static final char REPLACEMENT = '\uFFFD';

    private Text() {}

    /** Where the text goes: a name or other one-line field, or notes and descriptions that may hold lines. */
    public enum Kind {
        /** Names, identifiers people type, one-line fields: no TAB/LF/CR, no bidi overrides. */
        LINE,
        /** Notes, descriptions, reasons: TAB, LF and CR allowed. */
        LINES;

        /** The kind of a field of at most {@code max} characters: up to 200 is one line (names), longer may hold lines. */
        public static Kind forMax(int max) {
            return max <= 200 ? LINE : LINES;
        }
    }

    /** What is wrong with a character; {@link #messageCode()} is the bundle key describing it. */
    public enum Problem {
        CONTROL,
        LINE_BREAK,
        LONE_SURROGATE,
        NONCHARACTER,
        BIDI_CONTROL;

        public String messageCode() {
            return switch (this) {
                case CONTROL -> "text.problem.control";
                case LINE_BREAK -> "text.problem.lineBreak";
                case LONE_SURROGATE -> "text.problem.loneSurrogate";
                case NONCHARACTER -> "text.problem.noncharacter";
                case BIDI_CONTROL -> "text.problem.bidi";
            };
        }
    }

    /**
     * The first refused character of a value.
     *
     * @param position 1-based, counted in characters as a person sees them (code points)
     * @param codePoint the character (a lone surrogate as its UTF-16 unit)
     */
    public record Violation(Problem problem, int position, int codePoint) {

        /** The arguments of {@link Problem#messageCode()}: the field, the position and the character's label. */
        public Object[] messageArgs(String field) {
            return new Object[] {field, position, codePointLabel()};
        }

        /** The character as {@code U+0000}, safe to show anywhere. */
        public String codePointLabel() {
            return String.format("U+%04X", codePoint);
        }

        @Override
        public String toString() {
            return problem + " " + codePointLabel() + " at position " + position;
        }
    }

    /** The first character of {@code value} this rule refuses, if any; {@code null} is fine (no characters). */
    public static Optional<Violation> violation(CharSequence value, Kind kind) {
        if (value == null) {
            return Optional.empty();
        }
        int position = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            position++;
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                if (isNoncharacter(cp)) {
                    return Optional.of(new Violation(Problem.NONCHARACTER, position, cp));
                }
                continue;
            }
            Problem p = problem(c, kind);
            if (p != null) {
                return Optional.of(new Violation(p, position, c));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code value} passes the rule for {@code kind}. */
    public static boolean isAcceptable(CharSequence value, Kind kind) {
        return violation(value, kind).isEmpty();
    }

    /**
     * {@code value} with every character that multi-line text may not hold (controls other than TAB/LF/CR,
     * lone surrogates, noncharacters) replaced by U+FFFD; the same string when there is none. Bidi controls are
     * kept: they are valid in every encoding, and refused on input where they matter.
     */
    public static String safe(String value) {
        if (value == null || isAcceptable(value, Kind.LINES)) {
            return value;
        }
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                if (isNoncharacter(cp)) {
                    b.append(REPLACEMENT);
                } else {
                    b.appendCodePoint(cp);
                }
            } else {
                b.append(problem(c, Kind.LINES) == null ? c : REPLACEMENT);
            }
        }
        return b.toString();
    }

    /**
     * As {@link #safe}, for an output of one line (an e-mail subject, a header): TAB, LF and CR are replaced by U+FFFD
     * too. Bidi controls are kept, as {@code safe} keeps them.
     */
    public static String safeLine(String value) {
        String safe = safe(value);
        if (safe == null || safe.indexOf('\t') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return safe;
        }
        return safe.replace('\t', REPLACEMENT).replace('\n', REPLACEMENT).replace('\r', REPLACEMENT);
    }

    /**
     * {@code text} as it is when it has at most {@code max} code points, else its first {@code max - 1} (a Chinese
     * character or an emoji is never split) and "…": a short form of a long text for a list or a link.
     */
    public static String shorten(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }

    /**
     * An uploaded file's name made safe to store and show (a client's name is never trusted): the last path
     * segment only, without controls (TAB/LF/CR too), lone surrogates, noncharacters, bidi controls, LRM/RLM and
     * double quotes, without leading dots, at most 200 characters; {@code fallback} when nothing is left.
     */
    public static String fileName(String original, String fallback) {
        String s = original == null ? "" : original;
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                if (!isNoncharacter(cp) && out.length() < 199) {
                    out.appendCodePoint(cp);
                }
            } else if (problem(c, Kind.LINE) == null
                    && c != '\u200E'
                    && c != '\u200F'
                    && c != '"'
                    && out.length() < 200) {
                out.append(c);
            }
        }
        s = out.toString().strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        return s.isBlank() ? fallback : s;
    }

    private static Problem problem(char c, Kind kind) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return kind == Kind.LINE ? Problem.LINE_BREAK : null;
        }
        if (Character.isISOControl(c)) {
            return Problem.CONTROL;
        }
        if (Character.isSurrogate(c)) {
            return Problem.LONE_SURROGATE;
        }
        if (isNoncharacter(c)) {
            return Problem.NONCHARACTER;
        }
        if (kind == Kind.LINE && isBidiControl(c)) {
            return Problem.BIDI_CONTROL;
        }
        return null;
    }

    /** The 66 noncharacters: U+FDD0–U+FDEF and the last two code points of every plane. */
    static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    /** Embeddings/overrides U+202A–U+202E and isolates U+2066–U+2069. */
    static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }
}
