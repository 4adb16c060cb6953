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

    /**
     * A word (between spaces) of at most this many characters stays whole: a status, a level, a column heading, a
     * number with its unit, "安全层面" and "控制点" of "安全层面 / 控制点".
     */
    static final int SHORT_TERM = 8;
    /** A Latin token longer than this (a 64-digit SM3, a path) may break anywhere rather than widen its column. */
    static final int LONG_TOKEN = 24;

    /** A word: what lies between spaces; a number with its unit ("93.97 %", "941.9 MB") or a score "10.5 / 12" as one. */
    private static final Pattern WORD =
            Pattern.compile("\\d[\\d.,]*(?: [%\u2030]| [KMGT]?B| / \\d[\\d.,]*)(?=\\s|$)|\\S+");

    private static final Pattern SPACED_NUMBER = Pattern.compile("\\d[\\d.,]* (?:[%\u2030]|[KMGT]?B|/ \\d[\\d.,]*)");

    /** Where a line breaker would break a Latin token: after a hyphen or slash, before a spaced percent sign. */
    private static final Pattern BREAKS = Pattern.compile("[-/\u2010-\u2014]| [%\u2030]");

    /** Latin letters, digits and their punctuation: everything but spaces and CJK characters and punctuation. */
    private static final Pattern LATIN = Pattern.compile(
            "[^\\s\\p{IsHan}\\p{InCJK_Symbols_and_Punctuation}\\p{InHalfwidth_and_Fullwidth_Forms}]+(?: [%\u2030])?");

    public enum Kind {
        KEEP,
        WRAP,
        ANYWHERE;

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

    private TextRuns() {}

    /**
     * The runs of {@code text}, in order, as a cell prints them; their texts joined give {@code text} back. Latin
     * words and numbers between spaces need no run of their own: without {@code word-wrap: break-word} the line
     * breaker keeps them whole and the table gives their column room for them.
     */
    public static List<Run> of(String text) {
        List<Run> runs = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return runs;
        }
        StringBuilder plain = new StringBuilder();
        for (Run r : pieces(text)) {
            if (r.kind() == Kind.WRAP) {
                plain.append(r.text());
            } else {
                if (plain.length() > 0) {
                    runs.add(new Run(plain.toString(), Kind.WRAP));
                    plain.setLength(0);
                }
                runs.add(r);
            }
        }
        if (plain.length() > 0) {
            runs.add(new Run(plain.toString(), Kind.WRAP));
        }
        return runs;
    }

    /**
     * What must not break across lines: the kept runs and every Latin word or number (not the long tokens) — what a
     * column must be wide enough for ({@link ColumnWidths}) and what a test looks for broken.
     */
    public static List<String> unbreakable(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (Run r : pieces(text)) {
            if (r.kind() == Kind.KEEP) {
                out.add(r.text());
            } else if (r.kind() == Kind.WRAP) {
                Matcher m = LATIN.matcher(r.text());
                while (m.find()) {
                    out.add(m.group());
                }
            }
        }
        return out;
    }

    /**
     * Short words (between spaces) with a Chinese character, and Latin tokens with a place a line breaker would break
     * at ("MLPS-L3-8.2.2.1-d", "93.97 %", "a/b") kept; longer tokens breakable anywhere; the rest wrapping.
     */
    private static List<Run> pieces(String text) {
        List<Run> runs = new ArrayList<>();
        split(text, WORD, runs, word -> {
            if (SPACED_NUMBER.matcher(word).matches()
                    || shortTerm(word) && !LATIN.matcher(word).matches()) {
                runs.add(new Run(word, Kind.KEEP));
            } else { // its Latin tokens kept if a line could break inside them, or breakable anywhere if too long
                split(
                        word,
                        LATIN,
                        runs,
                        token -> runs.add(new Run(
                                token,
                                token.length() > LONG_TOKEN
                                        ? Kind.ANYWHERE
                                        : BREAKS.matcher(token).find() ? Kind.KEEP : Kind.WRAP)));
            }
        });
        return runs;
    }

    /** {@code text} cut at the matches of {@code pattern}: each match to {@code match}, what lies between them wraps. */
    private static void split(String text, Pattern pattern, List<Run> runs, java.util.function.Consumer<String> match) {
        Matcher m = pattern.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                runs.add(new Run(text.substring(at, m.start()), Kind.WRAP));
            }
            match.accept(m.group());
            at = m.end();
        }
        if (at < text.length()) {
            runs.add(new Run(text.substring(at), Kind.WRAP));
        }
    }

    /** A short word: no spaces or line breaks, at most {@link #SHORT_TERM} characters. */
    static boolean shortTerm(String text) {
        return text.codePointCount(0, text.length()) <= SHORT_TERM
                && text.codePoints().noneMatch(Character::isWhitespace);
    }

    /**
     * The cell as XHTML: every text escaped, kept runs in {@code <span class="nw">}, long tokens in
     * {@code <span class="brk">} (the classes {@link PdfRenderer} styles for every document).
     */
    public static String xhtml(String text) {
        StringBuilder b = new StringBuilder();
        for (Run r : of(text)) {
            // every run in a span, the plain ones too: openhtmltopdf paints a cell's bare text before its spans, so
            // text outside spans would come first when the PDF's text is extracted (copied, searched, read aloud)
            b.append(r.kind() == Kind.WRAP ? "<span>" : "<span class=\"" + r.css() + "\">")
                    .append(escape(r.text()))
                    .append("</span>");
        }
        return b.toString();
    }

    /** {@code s} as XML character data or a double-quoted attribute value. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
