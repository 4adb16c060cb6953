package org.yunjian.report.internal;

import static org.yunjian.report.ReportText.t;

import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.yunjian.documents.WordDocuments;
import org.yunjian.report.ReportText;
import org.yunjian.shared.Text;

/**
 * The report's page setup in {@code w:sectPr}: A4 (11906 × 16838 twips) with 2.54 cm / 2.8 cm margins, a
 * different first page (the cover: no header, no footer), then the report number (and the draft notice) in the
 * header and "第 PAGE 页 共 NUMPAGES 页" ("Page x of y") in the footer as fields Word fills in.
 */
final class DocxPageSetup {

    /** Left and right margins: 2.8 cm. */
    static final int MARGIN_LEFT_RIGHT = 1588;

    private DocxPageSetup() {}

    static void apply(XWPFDocument doc, ReportData d) {
        WordDocuments.a4(doc);
        CTSectPr sect = doc.getDocument().getBody().getSectPr();
        sect.getPgMar().setLeft(BigInteger.valueOf(MARGIN_LEFT_RIGHT));
        sect.getPgMar().setRight(BigInteger.valueOf(MARGIN_LEFT_RIGHT));
        XWPFParagraph h = doc.createHeader(HeaderFooterType.DEFAULT).createParagraph();
        h.setAlignment(ParagraphAlignment.RIGHT);
        XWPFRun number = h.createRun();
        number.setText(Text.safe(t("report.header.number", d.reportNumber())));
        number.setFontSize(9);
        if (d.draft()) {
            XWPFRun draft = h.createRun();
            draft.setText("  " + ReportText.draftNotice(d.assessment().status()));
            draft.setBold(true);
            draft.setColor("C00000");
            draft.setFontSize(9);
        }
        XWPFParagraph f = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
        f.setAlignment(ParagraphAlignment.CENTER);
        List<String> parts = ReportText.footerParts();
        text(f, parts.get(0));
        field(f, "PAGE");
        text(f, parts.get(1));
        field(f, "NUMPAGES");
        text(f, parts.get(2));
        // the cover: an empty first-page header and footer
        doc.createHeader(HeaderFooterType.FIRST).createParagraph();
        doc.createFooter(HeaderFooterType.FIRST).createParagraph();
        if (!sect.isSetTitlePg()) {
            sect.addNewTitlePg();
        }
    }

    private static void text(XWPFParagraph p, String s) {
        if (!s.isEmpty()) {
            XWPFRun r = p.createRun();
            r.setText(s);
            r.setFontSize(9);
        }
    }

    private static void field(XWPFParagraph p, String name) {
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        var instr = p.createRun().getCTR().addNewInstrText();
        instr.setStringValue(" " + name + " ");
        instr.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        XWPFRun r = p.createRun();
        r.setText("1");
        r.setFontSize(9);
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }
}
