package org.yunjian.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a table cell's text may break across lines, so that a narrow column never splits a Latin word, a number or a
 * short Chinese term ("handover", "architecture", "Medium", "100.00 %", "12", "已完成", "核验对象", "中风险"):
 * the text cut into runs that are kept on one line ({@link Kind#KEEP}), runs that wrap as usual between Chinese
 * characters and at spaces ({@link Kind#WRAP}), and tokens too long for any column — digests, long identifiers —
 * that may break anywhere ({@link Kind#ANYWHERE}). The PDF prints a kept run as a no-wrap span; the Word tables are
 * sized with {@link ColumnWidths} so that their columns are at least as wide as the widest kept run.
 */
public final class TextRuns {

    /** A whole cell of at most this many characters, without spaces (a status, a level, a heading), stays whole. */
    static final int SHORT_TERM = 8;
    /** A Latin token longer than this (a 64-digit SM3, a path) may break anywhere rather than widen its column. */
    static final int LONG_TOKEN = 24;

    /** Latin letters, digits and their punctuation: everything but spaces and CJK characters and punctuation. */
    private static final Pattern LATIN = Pattern.compile(
            "[^\\s\\p{IsHan}\\p{InCJK_Symbols_and_Punctuation}\\p{InHalfwidth_and_Fullwidth_Forms}]+(?: [%\u2030])?");

    public enum Kind {
        KEEP, WRAP, ANYWHERE;

        /** The CSS class the PDF gives the run ({@code nw}, {@code brk}, or none). */
        public String css() {
            return switch (this) {
                case KEEP -> "nw";
                case ANYWHERE -> "brk";
                case WRAP -> "";
            };
        }
    }

    /** A piece of a cell's text. */
    public record Run(String text, Kind kind) {

        public String css() {
            return kind.css();
        }
    }

    private TextRuns() {
    }

    /** The runs of {@code text}, in order; their texts joined give {@code text} back. */
    public static List<Run> of(String text) {
        List<Run> runs = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return runs;
        }
        if (shortTerm(text)) {
            runs.add(new Run(text, Kind.KEEP));
            return runs;
        }
        Matcher m = LATIN.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                runs.add(new Run(text.substring(at, m.start()), Kind.WRAP));
            }
            String token = m.group();
            runs.add(new Run(token, token.length() > LONG_TOKEN ? Kind.ANYWHERE : Kind.KEEP));
            at = m.end();
        }
        if (at < text.length()) {
            runs.add(new Run(text.substring(at), Kind.WRAP));
        }
        return runs;
    }

    /** A short cell without spaces or line breaks: a status, a risk level, a column heading. */
    static boolean shortTerm(String text) {
        return text.codePointCount(0, text.length()) <= SHORT_TERM && text.codePoints().noneMatch(Character::isWhitespace);
    }

    /**
     * The cell as XHTML: every text escaped, kept runs in {@code <span class="nw">}, long tokens in
     * {@code <span class="brk">} (the classes {@link PdfRenderer} styles for every document).
     */
    public static String xhtml(String text) {
        StringBuilder b = new StringBuilder();
        for (Run r : of(text)) {
            String esc = escape(r.text());
            if (r.kind() == Kind.WRAP) {
                b.append(esc);
            } else {
                b.append("<span class=\"").append(r.css()).append("\">").append(esc).append("</span>");
            }
        }
        return b.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
