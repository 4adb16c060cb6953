package org.yunjian.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.yunjian.support.LineBreaksInCells;
import org.yunjian.support.PdfInspection;

/**
 * Issue 34, finding 4: a table with many narrow columns (an imported catalog's wide numbers, the certificate's eight
 * columns, the English report's words) broke "handover", "architecture", "Medium", "100.00 %", item numbers 12 and
 * 20 and "已完成", "核验对象" across lines. Cells written with {@link TextRuns#xhtml} keep them whole; the same cells
 * written as plain text with {@code word-wrap: break-word} (the old style sheets) show the checker finds the breaks.
 */
class PdfTableCellsTest {

    static final List<String> HEADER = List.of("核验对象", "Status", "Level", "序号", "Rate", "Rate", "结果", "Item", "说明");
    static final List<List<String>> ROWS = List.of(
            List.of(
                    "handover",
                    "已完成",
                    "Medium",
                    "12",
                    "100.00 %",
                    "100.00%",
                    "中风险",
                    "architecture",
                    "The deletion was witnessed on site and the handover was signed."),
            List.of(
                    "data centre",
                    "进行中",
                    "High",
                    "20",
                    "93.97 %",
                    "87.50%",
                    "已完成",
                    "infrastructure",
                    "备份数据的可用性未经验证，数据损坏时可能无法及时恢复业务。"),
            List.of("x", "x", "x", "x", "x", "x", "x", "x", "依据 GB/T 31167-2014 9.1 a 核验报告 SM3 → 所核验清单 SM3"));

    private final PdfRenderer renderer = PdfRenderer.locatingFont(Optional.empty());

    @Test
    void keptRunsNeverBreakAWordANumberOrAShortTermInNarrowColumns() throws IOException {
        byte[] pdf = render(TextRuns::xhtml, "");

        assertThat(LineBreaksInCells.brokenWords(pdf, words())).isEmpty();
        assertThat(new PdfInspection(pdf).text(1, 1).replaceAll("\\s+", ""))
                .contains(
                        "handover",
                        "architecture",
                        "100.00%",
                        "核验对象",
                        "已完成",
                        "依据GB/T31167-20149.1a核验报告SM3→所核验清单SM3"); // in reading order
    }

    @Test
    void plainCellsWithBreakWordAreBrokenAndTheCheckerSeesIt() throws IOException {
        byte[] pdf = render(s -> s.replace("&", "&amp;").replace("<", "&lt;"), "td, th { word-wrap: break-word; }");

        assertThat(LineBreaksInCells.brokenWords(pdf, words())).isNotEmpty();
    }

    private static java.util.Set<String> words() {
        List<String> all = new java.util.ArrayList<>(HEADER);
        ROWS.forEach(all::addAll);
        return LineBreaksInCells.keptRuns(all);
    }

    private byte[] render(Function<String, String> cell, String css) {
        StringBuilder h = new StringBuilder("<html><head><title>t</title><style>@page { size: A4; margin: 20mm; } "
                + "body { font-size: 10pt; } table { width: 100%; border-collapse: collapse; } "
                + "th, td { border: 0.6pt solid #888; padding: 3pt 4pt; vertical-align: top; } " + css
                + "</style></head><body><table><tr>");
        HEADER.forEach(x -> h.append("<th>").append(cell.apply(x)).append("</th>"));
        h.append("</tr>");
        for (List<String> r : ROWS) {
            h.append("<tr>");
            r.forEach(x -> h.append("<td>").append(cell.apply(x)).append("</td>"));
            h.append("</tr>");
        }
        h.append("</table></body></html>");
        return renderer.render(h.toString(), new PdfRenderer.Metadata("t", null, null));
    }
}
