package org.yunjian.report.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.report.Reports;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.LibreOffice;

/**
 * Issue 34, finding 3: the Word report as LibreOffice shows it (headless conversion to PDF, then read with PDFBox):
 * the 目录 has its entries with page numbers that match, within {@value #PAGE_TOLERANCE} page, the pages LibreOffice
 * puts the headings on (its own PDF outline); no "update field" stub; the tables span the text width; the bar charts
 * draw their bars.
 */
@SpringBootTest(properties = "yunjian.demo=true")
// the demo context with MockMvc that DemoInheritanceTests and others start: one Spring start
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Tag("database")
// LibreOffice's reading of the Word file is not the database's risk; every statement it sends, others send on
// PostgreSQL too (issue 37, CI time: the PostgreSQL pass's record)
@org.yunjian.support.OnePass
class DocxInLibreOfficeTests {

    /** How far a 目录 page number may be from LibreOffice's own layout (measured: see docs/modules/assessment.md). */
    static final int PAGE_TOLERANCE = 1;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reports reports;

    @Autowired
    UserAdministration users;

    @Test
    void libreOfficeShowsTheTableOfContentsWithPageNumbersFullWidthTablesAndChartsWithBars() throws IOException {
        UUID id = DemoReportDocuments.completedAssessment(jdbc);
        byte[] docx = DemoReportDocuments.as(
                users, Locale.SIMPLIFIED_CHINESE, () -> reports.export(id, Reports.Format.DOCX, "test")
                        .content());
        if (System.getProperty("yunjian.docx.out") != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("yunjian.docx.out")), docx);
        }

        SoftAssertions soft = new SoftAssertions(); // every failure at once: what LibreOffice shows, then the XML
        byte[] pdf = LibreOffice.toPdf(docx, "report");
        try (PDDocument lo = Loader.loadPDF(pdf)) {
            Map<String, Integer> headings = ReportPdfLayoutTests.outline(lo);
            Map<String, Integer> toc = ReportPdfLayoutTests.tocEntries(lo);
            soft.assertThat(text(lo, 1, 10)).as("the 目录 is a stub").doesNotContain("更新域");
            soft.assertThat(toc).as("目录 entries with page numbers").hasSizeGreaterThan(20);
            soft.assertThat(headings.keySet()).as("LibreOffice's headings").containsAll(toc.keySet());
            StringBuilder measured = new StringBuilder();
            toc.forEach((heading, page) ->
                    measured.append(headings.getOrDefault(heading, 0) - page).append(' '));
            System.err.println("LibreOffice's page minus the DOCX 目录's page number, per entry: " + measured);
            toc.forEach((heading, page) -> soft.assertThat(page)
                    .as(heading)
                    .isBetween(
                            headings.getOrDefault(heading, 0) - PAGE_TOLERANCE,
                            headings.getOrDefault(heading, 0) + PAGE_TOLERANCE));

            int overview = pageWith(lo, "1测评项目概述", 3);
            BufferedImage page = new PDFRenderer(lo).renderImageWithDPI(overview - 1, 72);
            double textWidthPt = (11906 - 2 * DocxPageSetup.MARGIN_LEFT_RIGHT) / 20.0;
            soft.assertThat(longestHorizontalLine(page))
                    .as("the widest table border, in points")
                    .isGreaterThan((int) (textWidthPt * 0.97));

            int chartPage = pageWith(lo, "各安全层面符合率", 1);
            soft.assertThat(barPixels(new PDFRenderer(lo).renderImageWithDPI(chartPage - 1, 72)))
                    .as("bar-coloured pixels on the chart's page")
                    .isGreaterThan(400);
        }

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            var sect = doc.getDocument().getBody().getSectPr();
            int textWidth = ((BigInteger) sect.getPgSz().getW()).intValue()
                    - ((BigInteger) sect.getPgMar().getLeft()).intValue()
                    - ((BigInteger) sect.getPgMar().getRight()).intValue();
            for (XWPFTable t : doc.getTables()) {
                soft.assertThat(t.getCTTbl().getTblPr().getTblW().getW())
                        .as("table width")
                        .isEqualTo(BigInteger.valueOf(textWidth));
                soft.assertThat(
                                t.getCTTbl().getTblGrid() == null
                                        ? 0
                                        : t.getCTTbl().getTblGrid().getGridColList().stream()
                                                .mapToInt(c -> ((BigInteger) c.getW()).intValue())
                                                .sum())
                        .as("grid")
                        .isEqualTo(textWidth);
                soft.assertThat(t.getStyleID()).isEqualTo("YunjianTable");
            }
            soft.assertThat(doc.getStyles().getStyle("Normal"))
                    .as("a Normal style")
                    .isNotNull();
            soft.assertThat(doc.getStyles().getStyle("YunjianTable"))
                    .as("a table style")
                    .isNotNull();
        }
        soft.assertAll();
    }

    private static String text(PDDocument doc, int from, int to) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(from);
        s.setEndPage(Math.min(to, doc.getNumberOfPages()));
        return s.getText(doc);
    }

    /** The first page from {@code from} on whose text (without spaces) contains {@code words}. */
    private static int pageWith(PDDocument doc, String words, int from) throws IOException {
        for (int p = from; p <= doc.getNumberOfPages(); p++) {
            if (text(doc, p, p).replaceAll("\\s+", "").contains(words)
                    && !text(doc, p, p).contains("....")) {
                return p;
            }
        }
        throw new AssertionError("no page shows " + words);
    }

    /** The longest run of dark pixels in any pixel row: a table's border. */
    static int longestHorizontalLine(BufferedImage img) {
        int best = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            int run = 0;
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int lum = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                run = lum < 200 ? run + 1 : 0;
                best = Math.max(best, run);
            }
        }
        return best;
    }

    /** Pixels of the bars' blue (#4472C4, or any clearly blue fill). */
    static int barPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
                if (b > 150 && b - r > 60 && b - g > 30) {
                    n++;
                }
            }
        }
        return n;
    }
}
