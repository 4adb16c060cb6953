package org.yunjian.monitoring.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.yunjian.documents.WordDocuments;

/**
 * The 安全运行报告 as a Word document, with the platform's fonts, heading and table styles, A4 page, the report's title
 * on every page's header and the page number in the footer ({@link WordDocuments}).
 */
public final class ReportDocx {

    private ReportDocx() {}

    public static byte[] write(OperationReport report) {
        try (XWPFDocument doc = WordDocuments.create(report.language())) {
            WordDocuments.headerAndFooter(doc, report.header(), report.footer(WordDocuments.PAGE));
            WordDocuments.title(doc, report.title(), 22);
            for (OperationReport.Block b : report.blocks()) {
                switch (b.kind()) {
                    case SUBTITLE -> WordDocuments.title(doc, b.text(), 14);
                    case HEADING -> WordDocuments.heading(doc, 1, b.text());
                    case PARAGRAPH -> WordDocuments.para(doc, b.text()).setAlignment(ParagraphAlignment.BOTH);
                    case TABLE -> WordDocuments.table(doc, b.header(), b.rows());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
