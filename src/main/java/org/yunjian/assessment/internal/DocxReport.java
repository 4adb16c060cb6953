package org.yunjian.assessment.internal;

import static org.yunjian.assessment.internal.ReportText.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.internal.ReportOutline.Bars;
import org.yunjian.assessment.internal.ReportOutline.Block;
import org.yunjian.assessment.internal.ReportOutline.Caption;
import org.yunjian.assessment.internal.ReportOutline.Para;
import org.yunjian.assessment.internal.ReportOutline.Section;
import org.yunjian.assessment.internal.ReportOutline.Sub;
import org.yunjian.assessment.internal.ReportOutline.Table;
import org.yunjian.documents.WordDocuments;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;

/**
 * The assessment report as a Word document, chapters in the order of its template ({@link ReportOutline}): a cover
 * page without header or footer, then every page with the report number in the header and "第 x 页 共 y 页" in the
 * footer (PAGE / NUMPAGES fields), A4 with the official margins ({@link DocxPageSetup}). Real heading styles
 * ({@code Heading1}–{@code Heading3}, outline levels set) so Word's navigation pane and the TOC field work; East-Asian
 * fonts (宋体 / 黑体); bar charts as native Word charts ({@link DocxCharts}).
 */
@Component
class DocxReport {

    byte[] render(ReportData d) {
        try (XWPFDocument doc = WordDocuments.create(Texts.locale());
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(Text.safe(title(d) + " · " + d.system().name()));
            doc.getProperties().getCoreProperties().setCreator(Text.safe(d.assessorName()));
            doc.getProperties().getCoreProperties().setSubjectProperty(Text.safe(d.assessment().name()));
            cover(doc, d);
            chapters(doc, ReportChapters.front(d));
            toc(doc);
            chapters(doc, ReportChapters.body(d));
            DocxPageSetup.apply(doc, d);
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
            WordDocuments.heading(doc, 1, s.heading()).setPageBreak(true);
            for (Block b : s.blocks()) {
                block(doc, b);
            }
        }
    }

    private static void block(XWPFDocument doc, Block b) {
        if (b instanceof Para p) {
            WordDocuments.para(doc, p.text());
        } else if (b instanceof Sub s) {
            WordDocuments.heading(doc, s.level(), s.text());
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

    private static void toc(XWPFDocument doc) {
        XWPFParagraph h = doc.createParagraph();
        h.setPageBreak(true);
        h.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun r = h.createRun();
        r.setText(t("report.toc"));
        r.setBold(true);
        r.setFontSize(16);
        XWPFParagraph p = doc.createParagraph();
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        var instr = p.createRun().getCTR().addNewInstrText();
        instr.setStringValue(" TOC \\o \"1-3\" \\h \\z \\u ");
        instr.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        p.createRun().setText(t("report.tocHint"));
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }
}
