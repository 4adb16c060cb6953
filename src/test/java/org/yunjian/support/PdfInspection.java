package org.yunjian.support;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF the way a person would: the text of its pages, and for every character drawn, whether the
 * embedded font has a real glyph for it (glyph 0 is the "missing glyph" box) — so a test can prove that
 * Chinese headings print as Chinese.
 */
public final class PdfInspection {

    private final byte[] pdf;

    public PdfInspection(byte[] pdf) {
        this.pdf = pdf;
    }

    /** The text of pages {@code from..to} (1-based, inclusive). */
    public String text(int from, int to) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(from);
            stripper.setEndPage(Math.min(to, doc.getNumberOfPages()));
            return stripper.getText(doc);
        }
    }

    public int pages() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    /**
     * Every character on pages {@code from..to} that is drawn with a font that maps it to glyph 0 (drawn
     * as a box), or that is not ASCII and drawn with a font not embedded in the file, as "char (font)"
     * strings; empty when everything renders.
     */
    public List<String> missingGlyphs(int from, int to) throws IOException {
        List<String> missing = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    super.processTextPosition(text);
                    PDFont font = text.getFont();
                    String unicode = text.getUnicode();
                    if (unicode == null || unicode.isBlank()) {
                        return;
                    }
                    if (!font.isEmbedded()) {
                        // A non-embedded font (the standard 14 included) is the viewer's to choose: fine
                        // for ASCII, a box or worse for anything else.
                        if (unicode.codePoints().anyMatch(cp -> cp > 0x7E)) {
                            missing.add(unicode + " (" + font.getName() + ", not embedded)");
                        }
                        return;
                    }
                    if (font instanceof PDType0Font type0 && type0.getDescendantFont() instanceof PDCIDFontType2 cid) {
                        for (int code : text.getCharacterCodes()) {
                            try {
                                if (cid.codeToGID(code) == 0) {
                                    missing.add(unicode + " (" + font.getName() + ")");
                                }
                            } catch (IOException e) {
                                missing.add(unicode + " (" + font.getName() + ": " + e.getMessage() + ")");
                            }
                        }
                    }
                }
            };
            stripper.setStartPage(from);
            stripper.setEndPage(Math.min(to, doc.getNumberOfPages()));
            stripper.getText(doc);
        }
        return missing;
    }

    /** Page {@code page} (1-based) rendered at {@code dpi}, as a picture. */
    public BufferedImage image(int page, float dpi) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(page - 1, dpi);
        }
    }

    /** The share of non-white pixels of a rendered page: near 0 means nothing visible was drawn. */
    public static double inkCoverage(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }
}
