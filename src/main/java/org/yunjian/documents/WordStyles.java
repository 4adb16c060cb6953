package org.yunjian.documents;

import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;

/**
 * The styles every Word document of the platform defines, so that it reads the same in Word, WPS and LibreOffice
 * instead of falling back to each one's own defaults: document defaults and the {@code Normal} paragraph style (宋体 /
 * Times New Roman, 小四 12 pt), {@code TableText} (五号 10.5 pt, single spacing) and the table style
 * {@value #TABLE} (thin grey borders, cell padding, a bold shaded header row), and {@code TOC1}–{@code TOC3} for the
 * written table of contents.
 */
final class WordStyles {

    static final String TABLE = "YunjianTable";
    static final String TABLE_TEXT = "TableText";
    /** 小四 and 五号, in half-points. */
    static final int BODY_HALF_POINTS = 24, TABLE_HALF_POINTS = 21;
    /** Cell padding: 0.07 cm above and below, 0.15 cm left and right (twips). */
    static final int CELL_PAD_VERTICAL = 40, CELL_PAD_SIDE = 85;

    static final String HEADER_FILL = "D9E2F3";

    /** Parse an element as the type itself, not as a document holding it. */
    private static final XmlOptions AS_IS = new XmlOptions().setLoadReplaceDocumentElement(null);

    private static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    private WordStyles() {}

    /** Call first: replaces whatever styles the document had. */
    static void define(XWPFStyles styles) {
        try {
            styles.setStyles(CTStyles.Factory.parse("""
                    <w:styles %s><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>
                    </w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
                    </w:pPrDefault></w:docDefaults></w:styles>""".formatted(W, BODY_HALF_POINTS, BODY_HALF_POINTS), AS_IS));
        } catch (XmlException e) {
            throw new IllegalStateException("styles: " + e.getMessage(), e);
        }
        add(styles, """
                <w:style %s w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:before="0" w:after="60" w:line="300" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr>
                <w:rPr>%s<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>""".formatted(W, fonts(WordDocuments.BODY_FONT_EAST_ASIA), BODY_HALF_POINTS, BODY_HALF_POINTS));
        add(styles, """
                <w:style %s w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="Table Text"/>
                <w:basedOn w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr>
                <w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>""".formatted(W, TABLE_TEXT, TABLE_HALF_POINTS, TABLE_HALF_POINTS));
        String border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"";
        add(styles, """
                <w:style %1$s w:type="table" w:styleId="%2$s"><w:name w:val="Yunjian Table"/><w:uiPriority w:val="59"/>
                <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr>
                <w:rPr><w:sz w:val="%3$d"/><w:szCs w:val="%3$d"/></w:rPr>
                <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders><w:top %4$s/><w:left %4$s/><w:bottom %4$s/>
                <w:right %4$s/><w:insideH %4$s/><w:insideV %4$s/></w:tblBorders>
                <w:tblCellMar><w:top w:w="%5$d" w:type="dxa"/><w:left w:w="%6$d" w:type="dxa"/>
                <w:bottom w:w="%5$d" w:type="dxa"/><w:right w:w="%6$d" w:type="dxa"/></w:tblCellMar></w:tblPr>
                <w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr>
                <w:shd w:val="clear" w:color="auto" w:fill="%7$s"/></w:tcPr></w:tblStylePr></w:style>""".formatted(W, TABLE, TABLE_HALF_POINTS, border, CELL_PAD_VERTICAL, CELL_PAD_SIDE, HEADER_FILL));
        for (int level = 1; level <= 3; level++) {
            add(styles, """
                    <w:style %s w:type="paragraph" w:styleId="TOC%d"><w:name w:val="toc %d"/><w:basedOn w:val="Normal"/>
                    <w:next w:val="Normal"/><w:uiPriority w:val="39"/>
                    <w:pPr><w:spacing w:before="%d" w:after="40"/><w:ind w:left="%d"/><w:jc w:val="left"/></w:pPr>
                    %s</w:style>""".formatted(
                            W,
                            level,
                            level,
                            level == 1 ? 80 : 0,
                            (level - 1) * 420,
                            level == 1 ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : ""));
        }
    }

    static String fonts(String eastAsia) {
        String latin = WordDocuments.LATIN_FONT;
        return "<w:rFonts w:ascii=\"%s\" w:hAnsi=\"%s\" w:cs=\"%s\" w:eastAsia=\"%s\"/>"
                .formatted(latin, latin, latin, eastAsia);
    }

    private static void add(XWPFStyles styles, String xml) {
        try {
            styles.addStyle(new XWPFStyle(CTStyle.Factory.parse(xml, AS_IS), styles));
        } catch (XmlException e) {
            throw new IllegalStateException("style: " + e.getMessage(), e);
        }
    }
}
