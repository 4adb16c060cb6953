package org.yunjian.monitoring.probe;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A text folded for matching: Unicode compatibility forms composed and unified (NFKC, so 全角 {@code ＡＢＣ１２３}
 * reads as {@code ABC123} and {@code ﬁ} as {@code fi}) and letters lower-cased, so a word of the list matches however a
 * page writes it. A page's text is folded one base character with its combining marks at a time; where that changes
 * the length, each folded character remembers the span of the original it came from, so a match is reported at its
 * place in the text as the page has it.
 */
final class TextFold {

    private final String folded;
    /** For each folded character the original start and end, or null where folding kept every length. */
    private final int[] from;

    private final int[] to;

    private TextFold(String folded, int[] from, int[] to) {
        this.folded = folded;
        this.from = from;
        this.to = to;
    }

    static TextFold of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] from = null;
        int[] to = null;
        int i = 0;
        while (i < text.length()) {
            int start = i;
            char c = text.charAt(i);
            String piece;
            if (isStable(c) && !markFollows(text, i + 1)) {
                piece = null;
                out.append(Character.toLowerCase(c));
                i++;
            } else {
                i = segmentEnd(text, i);
                piece = fold(text.substring(start, i));
                out.append(piece);
            }
            int produced = piece == null ? 1 : piece.length();
            if (from == null && produced != i - start) {
                from = new int[text.length() * 2 + 16];
                to = new int[from.length];
                for (int k = 0; k < out.length() - produced; k++) {
                    from[k] = k;
                    to[k] = k + 1;
                }
            }
            if (from != null) {
                if (out.length() > from.length) {
                    from = java.util.Arrays.copyOf(from, Math.max(out.length(), from.length * 2));
                    to = java.util.Arrays.copyOf(to, from.length);
                }
                for (int k = out.length() - produced; k < out.length(); k++) {
                    from[k] = start;
                    to[k] = i;
                }
            }
        }
        return new TextFold(out.toString(), from, to);
    }

    /** A word of the list folded the same way as a page's text. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    String text() {
        return folded;
    }

    /** Where in the original text the folded characters {@code [start, end)} came from: {start, end}. */
    int[] original(int start, int end) {
        if (from == null) {
            return new int[] {start, end};
        }
        return new int[] {from[start], to[end - 1]};
    }

    /** The end of the segment starting at {@code i}: one code point and the combining marks that follow it. */
    private static int segmentEnd(String text, int i) {
        int end = i + Character.charCount(text.codePointAt(i));
        while (end < text.length() && isMark(text.codePointAt(end))) {
            end += Character.charCount(text.codePointAt(end));
        }
        return end;
    }

    /** ASCII (only lower-cased) and CJK unified ideographs (which NFKC keeps): the bulk of a page, folded fast. */
    private static boolean isStable(char c) {
        return c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF);
    }

    private static boolean markFollows(String text, int i) {
        return i < text.length() && text.charAt(i) >= 0x300 && isMark(text.codePointAt(i));
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
