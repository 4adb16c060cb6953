package org.yunjian.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.yunjian.support.Qpdf;

/** Issue 60: PDFBox's object streams with a cross-reference stream qpdf finds nothing wrong with. */
class XrefStreamSaveTest {

    @Test
    void pdfBoxAloneWritesACrossReferenceStreamQpdfFaultsAndTheCompletedOneIsClean() throws IOException {
        // past 64 KB, so the stream's own offset needs a wider field than PDFBox sized for the other objects
        byte[] plain;
        byte[] completed;
        try (PDDocument doc = pages(40)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            plain = out.toByteArray();
        }
        try (PDDocument doc = pages(40)) {
            completed = XrefStreamSave.save(doc);
        }
        assertThat(plain.length).isGreaterThan(65_536);

        assertThatThrownBy(() -> Qpdf.check(plain, "pdfbox-object-streams"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("reported number of objects");
        Qpdf.check(completed, "completed-object-streams");
        assertThat(completed.length).isLessThan(plain.length + 1024);
        try (PDDocument back = Loader.loadPDF(completed)) {
            assertThat(back.getNumberOfPages()).isEqualTo(40);
        }
    }

    /** Pages of incompressible text (so that the file passes 64 KB), each in an object stream's reach. */
    private static PDDocument pages(int count) throws IOException {
        PDDocument doc = new PDDocument();
        java.util.Random random = new java.util.Random(60);
        for (int p = 0; p < count; p++) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.COURIER), 6);
                for (int line = 0; line < 40; line++) {
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < 60; i++) {
                        text.append((char) ('!' + random.nextInt(90)));
                    }
                    cs.beginText();
                    cs.newLineAtOffset(20, 760 - 18 * line);
                    cs.showText(text.toString());
                    cs.endText();
                }
            }
        }
        return doc;
    }
}
