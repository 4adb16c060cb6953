package org.yunjian.documents;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHyperlink;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabTlc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.yunjian.shared.Text;

/**
 * Building blocks for Word documents people print and sign (POI XWPF, Spring-free): East-Asian fonts in the
 * document defaults and real heading styles ({@code Heading1}–{@code Heading3}, so Word's navigation and table of
 * contents work), the platform's paragraph and table styles ({@link WordStyles}), A4 page setup with margins, a
 * header line and a footer with the page number as a {@code PAGE} field, paragraphs, full-width tables sized to their
 * content with a repeated header row, and a table of contents written with its result so it shows in any word
 * processor.
 */
public final class WordDocuments {

    /** Font identifiers (宋体 / 黑体), not text: Word looks fonts up by these names. */
    public static final String BODY_FONT_EAST_ASIA = "\u5b8b\u4f53";

    public static final String HEADING_FONT_EAST_ASIA = "\u9ed1\u4f53";
    public static final String LATIN_FONT = "Times New Roman";
    /** A4 in twentieths of a point: 210 × 297 mm. */
    public static final int A4_WIDTH = 11906, A4_HEIGHT = 16838;
    /** Margins of a Chinese official document page: 2.54 cm top and bottom, 3.17 cm left and right. */
    public static final int MARGIN_TOP_BOTTOM = 1440, MARGIN_LEFT_RIGHT = 1800;
    /** Marks where the page number goes in a footer pattern. */
    public static final String PAGE = "\u0000PAGE\u0000";

    private WordDocuments() {}

    /** A new document with CJK fonts and heading styles for {@code language}, on A4. */
    public static XWPFDocument create(Locale language) {
        XWPFDocument doc = new XWPFDocument();
        XWPFStyles styles = doc.createStyles();
        WordStyles.define(styles);
        styles.setDefaultFonts(fonts(LATIN_FONT, BODY_FONT_EAST_ASIA));
        styles.setSpellingLanguage(language.getLanguage().equals("en") ? "en-US" : "zh-CN");
        styles.setEastAsia("zh-CN");
        heading(styles, 1, 32);
        heading(styles, 2, 28);
        heading(styles, 3, 24);
        a4(doc);
        return doc;
    }

    /** The body's section: A4 portrait with the official margins. */
    public static void a4(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH));
        size.setH(BigInteger.valueOf(A4_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(MARGIN_TOP_BOTTOM));
        mar.setBottom(BigInteger.valueOf(MARGIN_TOP_BOTTOM));
        mar.setLeft(BigInteger.valueOf(MARGIN_LEFT_RIGHT));
        mar.setRight(BigInteger.valueOf(MARGIN_LEFT_RIGHT));
        mar.setHeader(BigInteger.valueOf(851));
        mar.setFooter(BigInteger.valueOf(992));
        mar.setGutter(BigInteger.ZERO);
    }

    /**
     * A header line on every page and a centred footer: {@code footerPattern} with {@link #PAGE} where the page
     * number goes ({@code 第 PAGE 页}), written as a {@code PAGE} field Word fills in.
     */
    public static void headerAndFooter(XWPFDocument doc, String header, String footerPattern) {
        XWPFParagraph h = doc.createHeader(HeaderFooterType.DEFAULT).createParagraph();
        h.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun hr = h.createRun();
        hr.setText(Text.safe(header));
        hr.setFontSize(9);
        XWPFParagraph f = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
        f.setAlignment(ParagraphAlignment.CENTER);
        int at = footerPattern.indexOf(PAGE);
        String before = at < 0 ? footerPattern : footerPattern.substring(0, at);
        String after = at < 0 ? "" : footerPattern.substring(at + PAGE.length());
        if (!before.isEmpty()) {
            f.createRun().setText(before);
        }
        f.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        var instr = f.createRun().getCTR().addNewInstrText();
        instr.setStringValue(" PAGE ");
        instr.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        f.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        f.createRun().setText("1");
        f.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        if (!after.isEmpty()) {
            f.createRun().setText(after);
        }
    }

    public static CTFonts fonts(String latin, String eastAsia) {
        CTFonts f = CTFonts.Factory.newInstance();
        f.setAscii(latin);
        f.setHAnsi(latin);
        f.setCs(latin);
        f.setEastAsia(eastAsia);
        return f;
    }

    /** A built-in heading style ("heading N"), so Word treats it as one: outline level, TOC, navigation pane. */
    private static void heading(XWPFStyles styles, int level, int halfPoints) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId("Heading" + level);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal("heading " + level);
        ct.addNewBasedOn().setVal("Normal");
        ct.addNewNext().setVal("Normal");
        ct.addNewUiPriority().setVal(BigInteger.valueOf(9));
        ct.addNewQFormat();
        CTPPrGeneral ppr = ct.addNewPPr();
        ppr.addNewKeepNext();
        ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
        ppr.addNewJc().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc.LEFT);
        var spacing = ppr.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(level == 1 ? 360 : 240));
        spacing.setAfter(BigInteger.valueOf(120));
        CTRPr rpr = ct.addNewRPr();
        rpr.addNewRFonts().set(fonts(LATIN_FONT, HEADING_FONT_EAST_ASIA));
        rpr.addNewB();
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
        styles.addStyle(new XWPFStyle(ct, styles));
    }

    /** A centred title line in the heading font. */
    public static XWPFParagraph title(XWPFDocument doc, String text, int points) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun r = p.createRun();
        r.setText(Text.safe(text));
        r.setBold(true);
        r.setFontSize(points);
        r.setFontFamily(HEADING_FONT_EAST_ASIA, XWPFRun.FontCharRange.eastAsia);
        return p;
    }

    public static XWPFParagraph heading(XWPFDocument doc, int level, String text) {
        return heading(doc, level, text, null);
    }

    /**
     * A heading marked with the bookmark {@code bookmark} (or none if null), which a written table of contents
     * ({@link #tableOfContents}) links to and takes its page number from.
     */
    public static XWPFParagraph heading(XWPFDocument doc, int level, String text, String bookmark) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + level);
        if (bookmark == null) {
            p.createRun().setText(Text.safe(text));
        } else {
            BigInteger id = BigInteger.valueOf(bookmark.hashCode() & 0x7fffffff);
            var start = p.getCTP().addNewBookmarkStart();
            start.setName(bookmark);
            start.setId(id);
            p.createRun().setText(Text.safe(text));
            p.getCTP().addNewBookmarkEnd().setId(id);
        }
        return p;
    }

    public static XWPFParagraph para(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        lines(p, text, false);
        return p;
    }

    /** Text with line breaks kept, made safe for XML. */
    public static void lines(XWPFParagraph p, String text, boolean bold) {
        XWPFRun run = p.createRun();
        run.setBold(bold);
        String[] lines = (text == null ? "" : text).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(Text.safe(lines[i]), i);
        }
    }

    /**
     * A table at the full text width in the style {@value WordStyles#TABLE} (borders, cell padding, a bold shaded
     * header row repeated on every page), laid out fixed with its columns sized to their content
     * ({@link ColumnWidths}): no column narrower than its widest word, number or short term.
     */
    public static XWPFTable table(XWPFDocument doc, List<String> header, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, header.size());
        List<List<String>> all = new java.util.ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int total = textWidth(doc);
        int[] widths = ColumnWidths.of(
                all, header.size(), total, WordStyles.TABLE_HALF_POINTS * 10, 2 * WordStyles.CELL_PAD_SIDE);
        CTTblPr pr = table.getCTTbl().getTblPr();
        if (pr.isSetTblBorders()) {
            pr.unsetTblBorders(); // the style's borders
        }
        (pr.isSetTblStyle() ? pr.getTblStyle() : pr.addNewTblStyle()).setVal(WordStyles.TABLE);
        CTTblWidth width = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(total));
        (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        var look = pr.isSetTblLook() ? pr.getTblLook() : pr.addNewTblLook();
        look.setVal(new byte[] {0x04, 0x20});
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null
                ? table.getCTTbl().addNewTblGrid()
                : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        for (int r = 0; r <= rows.size(); r++) {
            fill(table.getRow(r), r == 0 ? header : rows.get(r - 1), r == 0, widths);
        }
        doc.createParagraph();
        return table;
    }

    /** The width between the margins of the body's section, in twips. */
    public static int textWidth(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().getSectPr();
        return ((BigInteger) sect.getPgSz().getW()).intValue()
                - ((BigInteger) sect.getPgMar().getLeft()).intValue()
                - ((BigInteger) sect.getPgMar().getRight()).intValue();
    }

    private static void fill(XWPFTableRow row, List<String> values, boolean header, int[] widths) {
        for (int c = 0; c < widths.length; c++) {
            XWPFTableCell cell = row.getCell(c);
            var tcPr = cell.getCTTc().isSetTcPr()
                    ? cell.getCTTc().getTcPr()
                    : cell.getCTTc().addNewTcPr();
            CTTblWidth w = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
            w.setType(STTblWidth.DXA);
            w.setW(BigInteger.valueOf(widths[c]));
            if (header) {
                cell.setColor(WordStyles.HEADER_FILL);
            }
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setStyle(WordStyles.TABLE_TEXT);
            lines(p, c < values.size() ? values.get(c) : "", header);
        }
        if (header) {
            row.setRepeatHeader(true);
            row.setCantSplitRow(true);
        }
    }

    /** An entry of a written table of contents: a heading, its bookmark and the page it lands on (null: unknown). */
    public record TocEntry(int level, String text, String bookmark, Integer page) {}

    /**
     * A table of contents as Word writes it after "update field": the {@code TOC} field with its result — one
     * paragraph per entry ({@code TOC1}–{@code TOC3}), the heading linked to its bookmark, a dot leader to the right
     * margin and the page number as a {@code PAGEREF} field — so that the entries and page numbers are there when the
     * document is opened in any word processor, and Word can still update them.
     *
     * @param levels the heading levels the field collects ({@code 1-2})
     * @param empty the text shown when there are no entries
     */
    public static void tableOfContents(XWPFDocument doc, String levels, List<TocEntry> entries, String empty) {
        int right = textWidth(doc);
        List<XWPFParagraph> paragraphs = new java.util.ArrayList<>();
        for (TocEntry e : entries.isEmpty() ? List.of(new TocEntry(1, empty, null, null)) : entries) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle("TOC" + Math.min(3, Math.max(1, e.level())));
            var tab = p.getCTP().getPPr().addNewTabs().addNewTab();
            tab.setVal(STTabJc.RIGHT);
            tab.setLeader(STTabTlc.DOT);
            tab.setPos(BigInteger.valueOf(right));
            if (paragraphs.isEmpty()) {
                field(p.getCTP().addNewR(), STFldCharType.BEGIN);
                instr(p.getCTP().addNewR(), " TOC \\o \"" + levels + "\" \\h \\z \\u ");
                field(p.getCTP().addNewR(), STFldCharType.SEPARATE);
            }
            if (e.bookmark() == null) {
                p.getCTP().addNewR().addNewT().setStringValue(Text.safe(e.text()));
            } else {
                CTHyperlink link = p.getCTP().addNewHyperlink();
                link.setAnchor(e.bookmark());
                link.setHistory(STOnOff1.ON);
                link.addNewR().addNewT().setStringValue(Text.safe(e.text()));
                link.addNewR().addNewTab();
                field(link.addNewR(), STFldCharType.BEGIN);
                instr(link.addNewR(), " PAGEREF " + e.bookmark() + " \\h ");
                field(link.addNewR(), STFldCharType.SEPARATE);
                link.addNewR().addNewT().setStringValue(e.page() == null ? "" : String.valueOf(e.page()));
                field(link.addNewR(), STFldCharType.END);
            }
            paragraphs.add(p);
        }
        field(paragraphs.get(paragraphs.size() - 1).getCTP().addNewR(), STFldCharType.END);
    }

    private static void field(CTR run, STFldCharType.Enum type) {
        run.addNewFldChar().setFldCharType(type);
    }

    private static void instr(CTR run, String code) {
        var instr = run.addNewInstrText();
        instr.setStringValue(code);
        instr.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
    }
}
