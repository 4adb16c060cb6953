package org.yunjian.workbench.internal;

import static org.yunjian.workbench.internal.DemoAssessment.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * Small but real evidence files for the demo's completed assessment, made when it is seeded (nothing is shipped):
 * a configuration export (text), a check list (CSV), a console screenshot (PNG drawn with java.awt) or a policy
 * excerpt (PDF written with PDFBox) — each naming the item it was taken for and what it shows. They go through the
 * ordinary evidence upload (type detected from the bytes, SM3, sealed in the vault), so the report's 附录A lists them.
 */
final class DemoEvidenceFiles {

    /** The kinds of file an assessor takes on site. */
    enum Kind {
        CONFIG,
        CHECKLIST,
        SCREENSHOT,
        POLICY
    }

    /** A file to upload: its name as the assessor saved it, and its bytes. */
    record File(String name, byte[] content) {}

    /**
     * What the file shows: the system, the item's requirement, its side, layer and control point in words, what was
     * seen there and who took it (by name, and by user name for the PDF, whose font has no Chinese).
     */
    record Subject(
            String system,
            String requirementId,
            String side,
            String layer,
            String controlPoint,
            String observed,
            String by,
            String login) {}

    private DemoEvidenceFiles() {}

    /** The kind of the {@code n}-th item's file: the four in turn, so every kind is in the report. */
    static Kind kind(int n) {
        return Kind.values()[Math.floorMod(n, Kind.values().length)];
    }

    static File of(Kind kind, Subject s) {
        Object[] args = {s.system(), s.requirementId(), s.side(), s.layer(), s.controlPoint(), s.observed(), s.by()};
        String stem = s.requirementId().replace('.', '-');
        return switch (kind) {
            case CONFIG ->
                new File(
                        demo("demo.evidence.config.name", stem),
                        demo("demo.evidence.config.text", args).getBytes(StandardCharsets.UTF_8));
            case CHECKLIST ->
                new File(
                        demo("demo.evidence.checklist.name", stem),
                        demo("demo.evidence.checklist.text", args).getBytes(StandardCharsets.UTF_8));
            case SCREENSHOT ->
                new File(
                        demo("demo.evidence.screenshot.name", stem),
                        png(demo("demo.evidence.screenshot.text", args).split("\n")));
            case POLICY ->
                new File(
                        demo("demo.evidence.policy.name", stem),
                        pdf(Msg.of("demo.evidence.policy.text", s.requirementId(), s.login())
                                .text(Texts.ENGLISH)
                                .split("\n")));
        };
    }

    /** A console screenshot: a title bar and the lines below it, in a font that shows Chinese where there is one. */
    static byte[] png(String[] lines) {
        int width = 720;
        int height = 60 + 26 * lines.length;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xF4, 0xF6, 0xF8));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0x1F, 0x4E, 0x79));
            g.fillRect(0, 0, width, 34);
            Font font = font(String.join("", lines));
            g.setFont(font.deriveFont(Font.BOLD, 15f));
            g.setColor(Color.WHITE);
            g.drawString(lines[0], 14, 23);
            g.setFont(font.deriveFont(Font.PLAIN, 14f));
            g.setColor(new Color(0x22, 0x22, 0x22));
            for (int k = 1; k < lines.length; k++) {
                g.drawString(lines[k], 18, 34 + 26 * k);
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font font(String text) {
        for (String family : List.of("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC")) {
            Font f = new Font(family, Font.PLAIN, 14);
            if (f.getFamily().equals(family) && f.canDisplayUpTo(text) == -1) {
                return f;
            }
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    }

    /** A one-page PDF with the lines in Helvetica (the policy excerpt is in English: no font has to be embedded). */
    static byte[] pdf(String[] lines) {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.newLineAtOffset(60, 770);
                for (int k = 0; k < lines.length; k++) {
                    text.setFont(k == 0 ? bold : plain, k == 0 ? 15 : 11);
                    text.showText(ascii(lines[k]));
                    text.newLineAtOffset(0, k == 0 ? -28 : -17);
                }
                text.endText();
            }
            doc.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION); // an exact trailer
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helvetica's WinAnsi encoding has no CJK: any such character becomes "?" rather than failing the seed. */
    private static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7F ? (char) c : '?'));
        return b.toString();
    }
}
