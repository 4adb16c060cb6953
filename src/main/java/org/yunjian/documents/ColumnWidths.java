package org.yunjian.documents;

import java.util.List;

/**
 * Column widths for a table that fills the text width, sized to its content the way a browser sizes an automatic
 * table: every column at least as wide as its widest unbreakable run ({@link TextRuns} — a Latin word, a number, a
 * short Chinese term), narrow columns (a number, a level, a label) as wide as their longest line, the rest of the
 * width shared among the wide columns in proportion to how much more each one's longest line wants.
 * Text widths are estimated per character (CJK one em, Latin letters and digits about half), on the generous side
 * so that a word processor's real font fits.
 */
public final class ColumnWidths {

    /** The widest line a column asks for, in em: longer text wraps anyway. */
    private static final double MAX_PREFERRED_EM = 36;

    private static final double SLACK_EM = 0.35;
    /** A column whose longest line takes at most this share of the table is narrow: it gets that line whole. */
    private static final double NARROW = 0.3;

    private ColumnWidths() {}

    /**
     * @param rows the header row first, then the body rows (shorter rows are fine)
     * @param total the table's width, in any unit (twips for Word)
     * @param em the width of one em in that unit (the font size)
     * @param padding the left plus right cell padding of one cell, in that unit
     * @return one width per column, summing to {@code total}
     */
    public static int[] of(List<List<String>> rows, int columns, int total, double em, int padding) {
        double[] min = new double[columns];
        double[] pref = new double[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < Math.min(columns, row.size()); c++) {
                String text = row.get(c) == null ? "" : row.get(c);
                // a third of an em more: borders, bold headers, a word processor's font a little wider than estimated
                min[c] = Math.max(min[c], (minimum(text) + SLACK_EM) * em + padding);
                pref[c] = Math.max(pref[c], (Math.min(MAX_PREFERRED_EM, preferred(text)) + SLACK_EM) * em + padding);
            }
        }
        double sumMin = 0, sumPref = 0;
        for (int c = 0; c < columns; c++) {
            min[c] = Math.max(min[c], em + padding);
            pref[c] = Math.max(pref[c], min[c]);
            sumMin += min[c];
            sumPref += pref[c];
        }
        // narrow columns (a number, a level, a label) get their whole line if the wide ones still get their minimum
        double narrowPref = 0, wideMin = 0, wideExtra = 0;
        for (int c = 0; c < columns; c++) {
            if (pref[c] <= total * NARROW) {
                narrowPref += pref[c];
            } else {
                wideMin += min[c];
                wideExtra += pref[c] - min[c];
            }
        }
        boolean narrowFirst = wideExtra > 0 && narrowPref + wideMin <= total;
        double[] w = new double[columns];
        for (int c = 0; c < columns; c++) {
            if (sumPref <= total) {
                w[c] = pref[c] * total / sumPref;
            } else if (narrowFirst) {
                w[c] = pref[c] <= total * NARROW
                        ? pref[c]
                        : min[c] + (total - narrowPref - wideMin) * (pref[c] - min[c]) / wideExtra;
            } else if (sumMin <= total) {
                w[c] = min[c] + (total - sumMin) * (pref[c] - min[c]) / (sumPref - sumMin);
            } else {
                w[c] = min[c] * total / sumMin;
            }
        }
        int[] out = new int[columns];
        int used = 0;
        for (int c = 0; c < columns; c++) {
            out[c] = c == columns - 1 ? total - used : (int) Math.round(w[c]);
            used += out[c];
        }
        return out;
    }

    /** The widest piece that must stay on one line ({@link TextRuns#unbreakable}), at least two CJK characters. */
    static double minimum(String text) {
        double min = text.isBlank() ? 0 : 2;
        for (String piece : TextRuns.unbreakable(text)) {
            min = Math.max(min, width(piece));
        }
        return min;
    }

    /** The widest line of the text, in em. */
    static double preferred(String text) {
        double max = 0;
        for (String line : text.split("\r?\n", -1)) {
            max = Math.max(max, width(line));
        }
        return max;
    }

    /** Estimated width in em: CJK and full-width characters 1, capitals 0.7, other Latin letters and digits 0.55. */
    static double width(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x2E80 || Character.isIdeographic(cp)) {
                w += 1;
            } else if (Character.isUpperCase(cp) || cp == 'm' || cp == 'w' || cp == '%') {
                w += 0.75;
            } else if (Character.isLetterOrDigit(cp)) {
                w += 0.56;
            } else {
                w += 0.4;
            }
        }
        return w;
    }
}
