package org.yunjian.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.yunjian.documents.TextRuns;

/**
 * Finds words a PDF broke across lines: the glyphs of every page grouped into fragments (glyphs drawn next to each
 * other on one line), then for each fragment and the fragment on the next line below it in the same column (a
 * line's spacing away, not a row's, starting at or left of it), whether the end of the one and the start of the
 * other spell one of the given words — "ha" over "ndover", "Med" over "ium", "100" over ".00 %", "已完" over "成" —
 * where the upper one ends its line and the lower one starts its line (nothing within half an em beside them, which
 * tells a cell's line from a paragraph's).
 * A Latin word or number counts where it starts and ends at a word boundary; a Chinese term only when the two
 * fragments are the whole term.
 */
public final class LineBreaksInCells {

    private record Fragment(String text, float x0, float x1, float y, float size, int page) {}

    private LineBreaksInCells() {}

    /** The words to look for: what {@link TextRuns#unbreakable} finds in every text given (two characters or more). */
    public static Set<String> keptRuns(Collection<String> texts) {
        Set<String> out = new TreeSet<>();
        for (String t : texts) {
            for (String w : TextRuns.unbreakable(t)) {
                if (w.codePointCount(0, w.length()) >= 2) {
                    out.add(w.replace(" ", ""));
                }
            }
        }
        return out;
    }

    /** "Med|ium (page 3)" for every word of {@code words} broken across two lines. */
    public static List<String> brokenWords(byte[] pdf, Set<String> words) throws IOException {
        List<Fragment> fragments = fragments(pdf);
        List<String> broken = new ArrayList<>();
        java.util.Map<Integer, List<Fragment>> byPage = new java.util.TreeMap<>();
        fragments.forEach(
                f -> byPage.computeIfAbsent(f.page(), k -> new ArrayList<>()).add(f));
        for (List<Fragment> page : byPage.values()) {
            collect(page, words, broken);
        }
        return broken;
    }

    private static void collect(List<Fragment> fragments, Set<String> words, List<String> broken) {
        for (Fragment a : fragments) {
            for (Fragment b : fragments) {
                if (Math.abs(b.size() - a.size()) > 0.1f) {
                    continue;
                }
                float dy = b.y() - a.y();
                if (dy < 0.6f * a.size() || dy > 1.6f * a.size() || b.x0() > a.x0() + 1 || b.x0() < a.x0() - 260) {
                    continue;
                }
                if (!lineEnd(a, fragments) || !lineStart(b, fragments)) {
                    continue; // a paragraph's line: the words go on beside it
                }
                if (Math.abs(b.x0() - lineStartX(a, fragments)) > 0.6f * a.size()) {
                    continue; // b starts a line of another cell (the next line of a's cell starts where a's line does)
                }
                String hit = spelled(a.text(), b.text(), words);
                if (hit != null) {
                    broken.add(hit + " (page " + a.page() + ")");
                }
            }
        }
    }

    /** Nothing follows {@code a} on its line within half an em: the end of a line of its cell. */
    private static boolean lineEnd(Fragment a, List<Fragment> all) {
        return all.stream()
                .noneMatch(f -> f != a
                        && Math.abs(f.y() - a.y()) < 0.5f
                        && f.x0() >= a.x1() - 0.5f
                        && f.x0() < a.x1() + 0.5f * a.size());
    }

    /** Where the line {@code a} ends starts: the left edge of the run of fragments that lead up to it. */
    private static float lineStartX(Fragment a, List<Fragment> all) {
        Fragment start = a;
        for (boolean moved = true; moved; ) {
            moved = false;
            for (Fragment f : all) {
                if (f != start
                        && Math.abs(f.y() - start.y()) < 0.5f
                        && f.x1() <= start.x0() + 0.5f
                        && f.x1() > start.x0() - 0.5f * start.size()) {
                    start = f;
                    moved = true;
                    break;
                }
            }
        }
        return start.x0();
    }

    /** Nothing precedes {@code b} on its line within half an em: the start of a line of its cell. */
    private static boolean lineStart(Fragment b, List<Fragment> all) {
        return all.stream()
                .noneMatch(f -> f != b
                        && Math.abs(f.y() - b.y()) < 0.5f
                        && f.x1() <= b.x0() + 0.5f
                        && f.x1() > b.x0() - 0.5f * b.size());
    }

    /** The word {@code a}'s end and {@code b}'s start spell, as "end|start", or null. */
    static String spelled(String a, String b, Set<String> words) {
        for (String w : words) {
            boolean latin = w.codePoints().anyMatch(c -> c < 0x2E80 && Character.isLetterOrDigit(c));
            if (!latin) {
                if ((a + b).equals(w)) {
                    return a + "|" + b;
                }
                continue;
            }
            for (int cut = 1; cut < w.length(); cut++) {
                String head = w.substring(0, cut), tail = w.substring(cut);
                if (a.endsWith(head)
                        && b.startsWith(tail)
                        && boundary(a, a.length() - head.length() - 1)
                        && boundary(b, tail.length())) {
                    return head + "|" + tail;
                }
            }
        }
        return null;
    }

    private static boolean boundary(String s, int at) {
        return at < 0 || at >= s.length() || !Character.isLetterOrDigit(s.charAt(at));
    }

    private static List<Fragment> fragments(byte[] pdf) throws IOException {
        List<Fragment> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                StringBuilder text = new StringBuilder();
                float x0, x1, y, size;

                @Override
                protected void processTextPosition(TextPosition p) {
                    String u = p.getUnicode();
                    if (u == null || u.isBlank()) {
                        flush();
                        return;
                    }
                    float gap = p.getXDirAdj() - x1;
                    if (text.length() > 0
                            && (Math.abs(p.getYDirAdj() - y) > 0.5f || gap > 0.25f * size || gap < -0.5f * size)) {
                        flush();
                    }
                    if (text.length() == 0) {
                        x0 = p.getXDirAdj();
                        y = p.getYDirAdj();
                        size = p.getFontSizeInPt();
                    }
                    text.append(u);
                    x1 = p.getXDirAdj() + p.getWidthDirAdj();
                }

                @Override
                protected void endPage(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
                    flush();
                    super.endPage(page);
                }

                private void flush() {
                    if (text.length() > 0) {
                        out.add(new Fragment(text.toString(), x0, x1, y, size, getCurrentPageNo()));
                        text.setLength(0);
                    }
                }
            };
            stripper.setSortByPosition(false);
            stripper.getText(doc);
        }
        return out;
    }
}
