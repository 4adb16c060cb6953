package org.yunjian.procurement.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.yunjian.documents.WordDocuments;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;

/**
 * What the three acquisition documents share: they are written in Chinese (people hand them to regulators as they
 * are), on A4 with the official margins, a header naming the document and the system, page numbers in the footer, a
 * centred title and a line with the system and the date.
 */
final class ContractDocxSupport {

    private ContractDocxSupport() {}

    /** A Chinese text from the bundles. */
    static String zh(String key, Object... args) {
        return Msg.of(key, args).text(Texts.CHINESE);
    }

    static String zh(Msg m) {
        return m.text(Texts.CHINESE);
    }

    static String zh(Enum<?> value) {
        return Msg.of(value).text(Texts.CHINESE);
    }

    static String orDash(String s) {
        return s == null || s.isBlank() ? zh("lifecycle.doc.docx.none") : s;
    }

    /** A new document titled {@code titleKey} for the system, dated {@code at}. */
    static XWPFDocument begin(String titleKey, String systemName, Instant at) {
        XWPFDocument doc = WordDocuments.create(Texts.CHINESE);
        String title = zh(titleKey);
        doc.getProperties().getCoreProperties().setTitle(Text.safe(title));
        doc.getProperties().getCoreProperties().setSubjectProperty(Text.safe(systemName));
        WordDocuments.headerAndFooter(
                doc, title + " · " + systemName, zh("lifecycle.doc.docx.footer", WordDocuments.PAGE));
        WordDocuments.title(doc, title, 18);
        XWPFParagraph sub = doc.createParagraph();
        sub.setAlignment(ParagraphAlignment.CENTER);
        sub.createRun().setText(Text.safe(zh("lifecycle.doc.docx.subtitle", systemName, Formats.date(at))));
        return doc;
    }

    static byte[] bytes(XWPFDocument doc) {
        try (doc;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
