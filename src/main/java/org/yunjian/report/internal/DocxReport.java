package org.yunjian.report.internal;

import static org.yunjian.report.ReportText.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.stereotype.Component;
import org.yunjian.documents.WordDocuments;
import org.yunjian.report.internal.ReportOutline.Bars;
import org.yunjian.report.internal.ReportOutline.Block;
import org.yunjian.report.internal.ReportOutline.Caption;
import org.yunjian.report.internal.ReportOutline.Para;
import org.yunjian.report.internal.ReportOutline.Section;
import org.yunjian.report.internal.ReportOutline.Sub;
import org.yunjian.report.internal.ReportOutline.Table;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;

/**
 * The assessment report as a Word document, chapters in the order of its template ({@link ReportOutline}): a cover
 * page without header or footer, then every page with the report number in the header and "第 x 页 共 y 页" in the
 * footer (PAGE / NUMPAGES fields), A4 with the official margins ({@link DocxPageSetup}). Real heading styles
 * ({@code Heading1}–{@code Heading3}, outline levels set) so Word's navigation pane works; the 目录 written as the TOC
 * field's result, entries linked to the headings' bookmarks with the pages {@link PdfReport#headingPages} finds, so
 * it shows in any word processor; the platform's styles and full-width tables ({@link WordDocuments}); bar charts as
 * native Word charts ({@link DocxCharts}).
 */
@Component
public class DocxReport {

    private final PdfReport layout;

    DocxReport(PdfReport layout) {
        this.layout = layout;
    }

    public byte[] render(ReportData d) {
        try (XWPFDocument doc = WordDocuments.create(Texts.locale());
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties()
                    .getCoreProperties()
                    .setTitle(Text.safe(title(d) + " · " + d.system().name()));
            doc.getProperties().getCoreProperties().setCreator(Text.safe(d.assessorName()));
            doc.getProperties()
                    .getCoreProperties()
                    .setSubjectProperty(Text.safe(d.assessment().name()));
            DocxPageSetup.apply(doc, d); // first: the tables take the text width between its margins
            List<Section> front = ReportChapters.front(d);
            List<Section> body = ReportChapters.body(d);
            cover(doc, d);
            chapters(doc, front);
            toc(doc, tocEntries(PdfReport.bookmarks(front, body), pages(d)));
            chapters(doc, body);
            doc.enforceUpdateFields();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cover(XWPFDocument doc, ReportData d) {
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingBefore(2400);
        title.setSpacingAfter(600);
        XWPFRun t = title.createRun();
        t.setText(title(d));
        t.setBold(true);
        t.setFontSize(22);
        t.setFontFamily(WordDocuments.HEADING_FONT_EAST_ASIA, XWPFRun.FontCharRange.eastAsia);
        XWPFParagraph template = doc.createParagraph();
        template.setAlignment(ParagraphAlignment.CENTER);
        template.setSpacingAfter(1200);
        template.createRun().setText(coverLine(d));
        if (d.draft()) {
            XWPFParagraph draft = doc.createParagraph();
            draft.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun r = draft.createRun();
            r.setText(draftNotice(d.assessment().status()));
            r.setBold(true);
            r.setColor("C00000");
            r.setFontSize(14);
        }
        for (List<String> row : coverPageRows(d)) {
            XWPFParagraph p = doc.createParagraph();
            p.setIndentationLeft(1800);
            p.setSpacingAfter(200);
            XWPFRun k = p.createRun();
            k.setText(row.get(0) + t("report.cover.colon"));
            k.setBold(true);
            k.setFontSize(14);
            XWPFRun v = p.createRun();
            v.setText(Text.safe(row.get(1)));
            v.setFontSize(14);
        }
    }

    private static void chapters(XWPFDocument doc, List<Section> sections) {
        for (Section s : sections) {
            WordDocuments.heading(doc, 1, s.heading(), bookmark("#" + s.anchor()))
                    .setPageBreak(true);
            for (int i = 0; i < s.blocks().size(); i++) {
                block(doc, s.blocks().get(i), "#" + s.anchor() + "-" + i);
            }
        }
    }

    /** A Word bookmark name for an outline entry's link ({@code #ch-overview-3} → {@code _Toc_ch_overview_3}). */
    static String bookmark(String href) {
        return "_Toc_" + href.substring(1).replace('-', '_');
    }

    /** The pages the outline's entries land on, or nothing if the layout cannot be made (no CJK font). */
    private List<Integer> pages(ReportData d) {
        try {
            return layout.headingPages(d);
        } catch (org.yunjian.documents.FontUnavailableException e) {
            return List.of();
        }
    }

    /** The table of contents: the outline without its own entry, each with its page where known. */
    static List<WordDocuments.TocEntry> tocEntries(List<PdfReport.Mark> marks, List<Integer> pages) {
        List<WordDocuments.TocEntry> out = new java.util.ArrayList<>();
        int at = 0;
        for (PdfReport.Mark m : marks) {
            Integer page = at < pages.size() ? pages.get(at) : null;
            at++;
            if (!m.href().equals("#toc")) {
                out.add(new WordDocuments.TocEntry(1, m.name(), bookmark(m.href()), page));
            }
            for (PdfReport.Mark c : m.children()) {
                out.add(new WordDocuments.TocEntry(
                        2, c.name(), bookmark(c.href()), at < pages.size() ? pages.get(at) : null));
                at++;
            }
        }
        return out;
    }

    private static void block(XWPFDocument doc, Block b, String href) {
        if (b instanceof Para p) {
            WordDocuments.para(doc, p.text());
        } else if (b instanceof Sub s) {
            WordDocuments.heading(doc, s.level(), s.text(), s.level() == 2 ? bookmark(href) : null);
        } else if (b instanceof Caption c) {
            XWPFParagraph p = doc.createParagraph();
            p.setSpacingBefore(120);
            p.setKeepNext(true);
            WordDocuments.lines(p, c.text(), true);
        } else if (b instanceof Table t) {
            WordDocuments.table(doc, t.header(), t.rows());
        } else if (b instanceof Bars c) {
            DocxCharts.bars(doc, c);
        }
    }

    private static void toc(XWPFDocument doc, List<WordDocuments.TocEntry> entries) {
        XWPFParagraph h = doc.createParagraph();
        h.setPageBreak(true);
        h.setAlignment(ParagraphAlignment.CENTER);
        h.setSpacingAfter(240);
        XWPFRun r = h.createRun();
        r.setText(t("report.toc"));
        r.setBold(true);
        r.setFontSize(16);
        r.setFontFamily(WordDocuments.HEADING_FONT_EAST_ASIA, XWPFRun.FontCharRange.eastAsia);
        WordDocuments.tableOfContents(doc, "1-2", entries, t("report.tocHint"));
    }
}
