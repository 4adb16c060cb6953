package org.yunjian.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.report.Reports;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.LineBreaksInCells;

/**
 * Issue 34, finding 4, on the demo's completed assessment's report in Chinese and English: no table cell breaks a
 * Latin word, a number or a short term across lines, and the 目录 gives every chapter and section the page it is on.
 */
@SpringBootTest(properties = "yunjian.demo=true")
// the demo context with MockMvc that DemoInheritanceTests and others start: one Spring start
@org.yunjian.support.OnePass
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Tag("database")
class ReportPdfLayoutTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reports reports;

    @Autowired
    UserAdministration users;

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void noTableCellBreaksAWordANumberOrAShortTerm(String tag) throws IOException {
        UUID id = DemoReportDocuments.completedAssessment(jdbc);
        Locale language = Locale.forLanguageTag(tag);
        byte[] pdf = DemoReportDocuments.as(users, language, () -> reports.export(id, Reports.Format.PDF, "test")
                .content());
        org.yunjian.support.Qpdf.check(pdf, "assessment-report-" + tag); // issue 60
        org.yunjian.support.PdfA.checkRecord(pdf, "assessment-report-" + tag); // PDF/A-2a, tagged (PDF/UA-1)
        if (System.getProperty("yunjian.report.out") != null) { // to look at it
            java.nio.file.Files.write(
                    java.nio.file.Path.of(System.getProperty("yunjian.report.out"), "report-" + tag + ".pdf"), pdf);
        }
        List<String> cells =
                DemoReportDocuments.as(users, language, () -> DemoReportDocuments.tableTexts(reports.data(id)));

        var words = LineBreaksInCells.keptRuns(cells);
        assertThat(words).hasSizeGreaterThan(50);
        assertThat(LineBreaksInCells.brokenWords(pdf, words))
                .as("words broken across lines")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void tableOfContentsGivesEveryHeadingThePageItIsOn(String tag) throws IOException {
        UUID id = DemoReportDocuments.completedAssessment(jdbc);
        byte[] pdf = DemoReportDocuments.as(
                users, Locale.forLanguageTag(tag), () -> reports.export(id, Reports.Format.PDF, "test")
                        .content());

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Map<String, Integer> outline = outline(doc);
            outline.remove(tag.equals("en") ? "Contents" : "目录");
            assertThat(tocEntries(doc)).hasSizeGreaterThan(20).containsExactlyEntriesOf(outline);
        }
    }

    @Autowired
    PdfReport pdfReport;

    /**
     * The pages the Word document's 目录 gives (found by laying the report out alone, {@link PdfReport#headingPages})
     * are those of the outline of the same layout written as a PDF: the check that laying out without writing finds
     * what the written PDF's bookmarks point at.
     */
    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theWordTableOfContentsPagesAreThoseOfTheSameLayoutAsAPdf(String tag) throws IOException {
        UUID id = DemoReportDocuments.completedAssessment(jdbc);
        Locale language = Locale.forLanguageTag(tag);
        ReportData data = DemoReportDocuments.as(users, language, () -> reports.data(id));
        List<Integer> pages = DemoReportDocuments.as(users, language, () -> pdfReport.headingPages(data));
        byte[] pdf = DemoReportDocuments.as(users, language, () -> pdfReport.docxLayout(data));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<Integer> outline = new java.util.ArrayList<>();
            for (PDOutlineItem top :
                    doc.getDocumentCatalog().getDocumentOutline().children()) {
                outline.add(page(doc, top));
                for (PDOutlineItem child : top.children()) {
                    outline.add(page(doc, child));
                }
            }
            assertThat(pages).hasSizeGreaterThan(20).doesNotContainNull().isEqualTo(outline);
        }
    }

    private static Integer page(PDDocument doc, PDOutlineItem item) throws IOException {
        Map<String, Integer> one = new LinkedHashMap<>();
        put(doc, item, one);
        return one.values().stream().findFirst().orElse(null);
    }

    /** The entries of the 目录 on the first ten pages. */
    static Map<String, Integer> tocEntries(PDDocument doc) throws IOException {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int page = 1; page <= Math.min(10, doc.getNumberOfPages()); page++) {
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(page);
            text.setEndPage(page);
            out.putAll(tocEntries(text.getText(doc)));
        }
        return out;
    }

    /** "声明 .......... 2" lines of the 目录: heading (without spaces) → page. */
    static Map<String, Integer> tocEntries(String text) {
        Map<String, Integer> out = new LinkedHashMap<>();
        var m = java.util.regex.Pattern.compile("(?m)^\\s*(\\S.*?)\\s*\\.{4,}\\s*(\\d+)\\s*$")
                .matcher(text);
        while (m.find()) {
            out.put(m.group(1).replaceAll("\\s+", ""), Integer.parseInt(m.group(2)));
        }
        return out;
    }

    /** Every outline entry (chapters and their sections; the title without spaces) → its page. */
    static Map<String, Integer> outline(PDDocument doc) throws IOException {
        Map<String, Integer> out = new LinkedHashMap<>();
        var root = doc.getDocumentCatalog().getDocumentOutline();
        if (root != null) {
            for (PDOutlineItem top : root.children()) {
                put(doc, top, out);
                for (PDOutlineItem child : top.children()) {
                    put(doc, child, out);
                }
            }
        }
        return out;
    }

    private static void put(PDDocument doc, PDOutlineItem item, Map<String, Integer> out) throws IOException {
        PDPageDestination dest = item.getDestination() instanceof PDPageDestination d
                ? d
                : item.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo g
                                && g.getDestination() instanceof PDPageDestination d2
                        ? d2
                        : null;
        if (dest != null) {
            int page = dest.getPage() != null ? doc.getPages().indexOf(dest.getPage()) + 1 : dest.getPageNumber() + 1;
            out.putIfAbsent(item.getTitle().replaceAll("\\s+", ""), page);
        }
    }
}
