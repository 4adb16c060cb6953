package org.yunjian.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.support.PdfInspection;

class PdfRendererTest {

    private static final String DOC = """
            <html><head><title>t</title><style>@page { size: A4; margin: 20mm; }</style></head><body>
            <h1>云计算服务安全测评报告</h1>
            <h2>一、总体结论 Overall conclusion</h2>
            <table><tr><th>控制点</th><th>结果</th></tr><tr><td>剩余信息保护</td><td>部分符合</td></tr></table>
            <p style="page-break-before: always">第二页：高风险问题列表</p>
            </body></html>""";

    private final PdfRenderer renderer = PdfRenderer.locatingFont(Optional.empty());

    @Test
    void chineseRendersWithRealGlyphsFromTheEmbeddedFont() throws IOException {
        byte[] pdf = renderer.render(DOC, new PdfRenderer.Metadata("测评报告", "云鉴", "test"));
        // issue 60: its structure as an independent checker reads it — trailer, cross-references, objects
        org.yunjian.support.Qpdf.check(pdf, "renderer");
        org.yunjian.support.PdfA.checkRecord(pdf, "renderer");

        PdfInspection inspection = new PdfInspection(pdf);
        assertThat(inspection.pages()).isEqualTo(2);
        assertThat(inspection.text(1, 1)).contains("云计算服务安全测评报告", "一、总体结论 Overall conclusion", "剩余信息保护", "部分符合");
        assertThat(inspection.text(2, 2)).contains("第二页：高风险问题列表");
        assertThat(inspection.missingGlyphs(1, 2)).isEmpty();
        assertThat(PdfInspection.inkCoverage(inspection.image(1, 72))).isGreaterThan(0.002);
    }

    @Test
    void theDocumentInformationAndTheXmpMetadataCarryTheTitleAuthorAndSubjectGivenAndTheLanguageOfThePage()
            throws IOException {
        String doc = DOC.replace("<html>", "<html lang=\"zh-CN\">");
        byte[] pdf = renderer.render(doc, new PdfRenderer.Metadata("测评报告 · \"门户\" <网站>", "张三 & 李四", "测评 A"));

        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var info = d.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("测评报告 · \"门户\" <网站>");
            assertThat(info.getAuthor()).isEqualTo("张三 & 李四");
            assertThat(info.getSubject()).isEqualTo("测评 A");
            assertThat(info.getProducer()).isEqualTo(PdfRenderer.PRODUCER);
            assertThat(d.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
            String xmp = new String(
                    d.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).contains("测评报告 · \"门户\" &lt;网站&gt;", "张三 &amp; 李四", "<pdfaid:part>2</pdfaid:part>");
        }
        org.yunjian.support.PdfA.checkRecord(pdf, "renderer-metadata");
    }

    @Test
    void veraPdfRefusesAPdfThatIsNeitherPdfANorTagged() throws IOException {
        // a page of text in a standard font PDFBox does not embed, no XMP metadata, no structure tree
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.pdfbox.pdmodel.PDDocument d = new org.apache.pdfbox.pdmodel.PDDocument()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            d.addPage(page);
            try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(d, page)) {
                cs.beginText();
                cs.setFont(
                        new org.apache.pdfbox.pdmodel.font.PDType1Font(
                                org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA),
                        12);
                cs.showText("untagged");
                cs.endText();
            }
            d.save(out);
        }
        byte[] plain = out.toByteArray();

        assertThat(org.yunjian.support.PdfA.claimed(plain)).isEqualTo(org.verapdf.pdfa.flavours.PDFAFlavour.NO_FLAVOUR);
        assertThatThrownBy(() -> org.yunjian.support.PdfA.check(plain, "plain"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("claims no PDF/A");
        assertThat(org.yunjian.support.PdfA.failures(plain, org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_2_A)
                        .keySet())
                .anyMatch(rule -> rule.startsWith("6.2.11.4.1")) // the font is not embedded
                .anyMatch(rule -> rule.startsWith("6.6.2.1")); // no XMP metadata
        assertThat(org.yunjian.support.PdfA.failures(plain, org.verapdf.pdfa.flavours.PDFAFlavour.PDFUA_1))
                .isNotEmpty();
    }

    @Test
    void aParsedFontKeptFromOneDocumentEmbedsInTheNextWhatAFreshlyParsedOneWould() throws IOException {
        PdfRenderer fresh = PdfRenderer.locatingFont(Optional.empty());
        PdfRenderer.Metadata meta = new PdfRenderer.Metadata("测评报告", "云鉴", "test");
        byte[] first = fresh.render(DOC, meta);
        assertThat(fresh.font().idleCopies())
                .as("the copy goes back once the document is done")
                .isEqualTo(1);
        // another document first, with other characters, so that the kept copy has been subset for something else
        fresh.render(DOC.replace("剩余信息保护", "数据完整性和保密性"), meta);
        byte[] again = fresh.render(DOC, meta);
        assertThat(fresh.font().idleCopies()).isEqualTo(1);

        assertThat(embeddedFontFile(again)).isEqualTo(embeddedFontFile(first));
        assertThat(new PdfInspection(again).text(1, 2)).isEqualTo(new PdfInspection(first).text(1, 2));
    }

    /** The bytes of the embedded font subset (FontFile2 of the first font on page 1). */
    private static byte[] embeddedFontFile(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            org.apache.pdfbox.pdmodel.PDResources resources = doc.getPage(0).getResources();
            for (org.apache.pdfbox.cos.COSName name : resources.getFontNames()) {
                org.apache.pdfbox.pdmodel.font.PDFont font = resources.getFont(name);
                if (font instanceof org.apache.pdfbox.pdmodel.font.PDType0Font type0) {
                    return type0.getDescendantFont()
                            .getFontDescriptor()
                            .getFontFile2()
                            .toByteArray();
                }
            }
        }
        throw new AssertionError("no embedded CJK font on page 1");
    }

    @Test
    void aCharacterTheFontLacksDoesNotSurviveAsText() throws IOException {
        // U+10FFFD is a private-use character no font has: the renderer drops or substitutes it, so comparing the
        // extracted text with the expected heading (as the report tests do) catches a missing glyph.
        String doc = DOC.replace("剩余信息保护", "剩余信息保护\uDBFF\uDFFD");
        byte[] pdf = renderer.render(doc, new PdfRenderer.Metadata("t", null, null));

        assertThat(new PdfInspection(pdf).text(1, 1)).contains("剩余信息保护").doesNotContain("剩余信息保护\uDBFF\uDFFD");
    }

    @Test
    void malformedXhtmlIsRefusedWithTheParsersComplaint() {
        assertThatThrownBy(() -> renderer.render(
                        "<html><head></head><body><p>未闭合</body></html>", new PdfRenderer.Metadata("t", null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xhtml-not-well-formed");
    }

    @Test
    void aConfiguredFileThatIsNotAFontIsRefusedByName(@TempDir Path dir) throws IOException {
        Path bogus = Files.writeString(dir.resolve("font.ttf"), "not a font");

        assertThatThrownBy(() -> CjkFont.load(bogus))
                .isInstanceOf(FontUnavailableException.class)
                .hasMessageContaining(bogus.toString())
                .satisfies(e -> assertThat(((FontUnavailableException) e).text().key())
                        .isEqualTo("documents.font.notTrueType"));
        assertThatThrownBy(() -> PdfRenderer.locatingFont(Optional.of(dir.resolve("absent.ttc")))
                        .render(DOC, new PdfRenderer.Metadata("t", null, null)))
                .isInstanceOf(FontUnavailableException.class)
                .hasMessageContaining("absent.ttc");
    }

    @Test
    void aFontWithoutChineseGlyphsIsRefused(@TempDir Path dir) throws IOException {
        // PDFBox ships Liberation Sans as its fallback font: Latin only.
        Path latinOnly = dir.resolve("LiberationSans-Regular.ttf");
        try (var in = org.apache.pdfbox.pdmodel.font.PDFont.class.getResourceAsStream(
                "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            Files.copy(in, latinOnly);
        }

        assertThatThrownBy(() -> CjkFont.load(latinOnly))
                .isInstanceOf(FontUnavailableException.class)
                .hasMessageContaining("not a Chinese font");
    }
}
