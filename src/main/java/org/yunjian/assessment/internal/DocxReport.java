package org.yunjian.assessment.internal;

import static org.yunjian.assessment.internal.ReportText.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.assessment.internal.ReportData.ItemReport;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;

/**
 * The assessment report as a Word document: real heading styles ({@code Heading1}–{@code Heading3}, outline
 * levels set, so Word builds the table of contents — a TOC field is in place and refreshed when opened),
 * East-Asian fonts set in the document defaults and the heading styles (宋体 / 黑体), tables, and bar charts
 * as native Word charts with their data embedded (editable in Word).
 */
@Component
class DocxReport {

    /** Font identifiers (宋体 / 黑体), not text: Word looks fonts up by these names. */
    static final String BODY_FONT_EAST_ASIA = "\u5b8b\u4f53";
    static final String HEADING_FONT_EAST_ASIA = "\u9ed1\u4f53";
    static final String LATIN_FONT = "Times New Roman";

    byte[] render(ReportData d) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            styles(doc);
            doc.getProperties().getCoreProperties().setTitle(Text.safe(title() + " · " + d.system().name()));
            doc.getProperties().getCoreProperties().setCreator(Text.safe(d.assessorName()));
            doc.getProperties().getCoreProperties().setSubjectProperty(Text.safe(d.assessment().name()));
            cover(doc, d);
            toc(doc);
            summary(doc, d);
            byLayer(doc, d);
            byControlPoint(doc, d);
            highRisk(doc, d);
            inherited(doc, d);
            items(doc, d);
            remediation(doc, d);
            doc.enforceUpdateFields();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- styles

    private static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        styles.setDefaultFonts(fonts(LATIN_FONT, BODY_FONT_EAST_ASIA));
        styles.setSpellingLanguage(Texts.locale().getLanguage().equals("en") ? "en-US" : "zh-CN");
        styles.setEastAsia("zh-CN");
        heading(styles, 1, 32);
        heading(styles, 2, 28);
        heading(styles, 3, 24);
    }

    private static CTFonts fonts(String latin, String eastAsia) {
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
        ct.addNewNext().setVal("Normal");
        ct.addNewUiPriority().setVal(BigInteger.valueOf(9));
        ct.addNewQFormat();
        CTPPrGeneral ppr = ct.addNewPPr();
        ppr.addNewKeepNext();
        ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
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

    private static XWPFParagraph heading(XWPFDocument doc, int level, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + level);
        p.createRun().setText(Text.safe(text));
        return p;
    }

    private static XWPFParagraph para(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        lines(p, text, false);
        return p;
    }

    private static void lines(XWPFParagraph p, String text, boolean bold) {
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

    // --- sections

    private static void cover(XWPFDocument doc, ReportData d) {
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingBefore(2400);
        XWPFRun t = title.createRun();
        t.setText(title());
        t.setBold(true);
        t.setFontSize(22);
        t.setFontFamily(HEADING_FONT_EAST_ASIA, XWPFRun.FontCharRange.eastAsia);
        XWPFParagraph name = doc.createParagraph();
        name.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun n = name.createRun();
        n.setText(Text.safe(d.system().name()));
        n.setFontSize(16);
        XWPFParagraph number = doc.createParagraph();
        number.setAlignment(ParagraphAlignment.CENTER);
        number.createRun().setText(t("report.cover.numberLine", d.reportNumber()));
        if (d.draft()) {
            XWPFParagraph header = doc.createHeader(HeaderFooterType.DEFAULT).createParagraph();
            header.setAlignment(ParagraphAlignment.RIGHT);
            XWPFRun h = header.createRun();
            h.setText(draftNotice(d.assessment().status()));
            h.setBold(true);
            h.setColor("C00000");
            XWPFParagraph draft = doc.createParagraph();
            draft.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun r = draft.createRun();
            r.setText(draftNotice(d.assessment().status()));
            r.setBold(true);
            r.setColor("C00000");
            r.setFontSize(14);
        }
        heading(doc, 1, t("report.h.cover"));
        table(doc, List.of(t("report.table.item"), t("report.table.content")), coverRows(d));
    }


    private static void toc(XWPFDocument doc) {
        XWPFParagraph h = doc.createParagraph();
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
        p.setPageBreak(false);
        doc.createParagraph().createRun().addBreak(org.apache.poi.xwpf.usermodel.BreakType.PAGE);
    }

    private static void summary(XWPFDocument doc, ReportData d) {
        ScoreResult s = d.score();
        heading(doc, 1, t("report.h.summary"));
        table(doc, List.of(t("report.table.item"), t("report.table.result")), summaryRows(s));
        para(doc, policyNote(s));
    }

    private static void byLayer(XWPFDocument doc, ReportData d) {
        heading(doc, 1, t("report.h.byLayer"));
        if (d.score().notYetAssessed()) {
            para(doc, t("report.noChart"));
        }
        groupTable(doc, t("report.group.layer"), d.score().byLayer());
        chart(doc, t("report.chart.layer"), d.score(), d.score().byLayer(), BarDirection.COL, 6);
    }

    private static void byControlPoint(XWPFDocument doc, ReportData d) {
        heading(doc, 1, t("report.h.byControlPoint"));
        groupTable(doc, t("report.group.controlPoint"), d.score().byControlPoint());
        int height = Math.max(6, Math.min(20, 2 + d.score().byControlPoint().size() / 2));
        chart(doc, t("report.chart.controlPoint"), d.score(), d.score().byControlPoint(), BarDirection.BAR, height);
    }



    private static void groupTable(XWPFDocument doc, String first, List<ScoreResult.Group> groups) {
        table(doc, groupHeader(first), groups.stream().map(ReportText::groupRow).toList());
    }

    private static void chart(XWPFDocument doc, String title, ScoreResult score, List<ScoreResult.Group> groups,
                              BarDirection direction, int heightCm) {
        if (groups.isEmpty() || score.notYetAssessed()) {
            return;
        }
        try {
            XWPFChart chart = doc.createChart(Units.EMU_PER_CENTIMETER * 16, Units.EMU_PER_CENTIMETER * heightCm);
            chart.setTitleText(title);
            chart.setTitleOverlay(false);
            XDDFCategoryAxis categories = chart.createCategoryAxis(
                    direction == BarDirection.BAR ? AxisPosition.LEFT : AxisPosition.BOTTOM);
            XDDFValueAxis values = chart.createValueAxis(
                    direction == BarDirection.BAR ? AxisPosition.BOTTOM : AxisPosition.LEFT);
            values.setCrosses(AxisCrosses.AUTO_ZERO);
            values.setCrossBetween(AxisCrossBetween.BETWEEN);
            values.setMinimum(0);
            values.setMaximum(100);
            String[] names = groups.stream().map(ScoreResult.Group::name).toArray(String[]::new);
            Double[] rates = groups.stream().map(ScoreResult.Group::rate).toArray(Double[]::new);
            int n = names.length;
            XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromArray(names,
                    chart.formatRange(new CellRangeAddress(1, n, 0, 0)), 0);
            XDDFNumericalDataSource<Double> vals = XDDFDataSourcesFactory.fromArray(rates,
                    chart.formatRange(new CellRangeAddress(1, n, 1, 1)), 1);
            XDDFBarChartData bar = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
            bar.setBarDirection(direction);
            bar.setVaryColors(false);
            XDDFBarChartData.Series series = (XDDFBarChartData.Series) bar.addSeries(cats, vals);
            String rate = t("report.group.rate");
            series.setTitle(rate, chart.setSheetTitle(rate, 1));
            chart.plot(bar);
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("chart: " + e.getMessage(), e);
        }
    }

    private static void highRisk(XWPFDocument doc, ReportData d) {
        heading(doc, 1, t("report.h.highRisk"));
        if (d.highRisk().isEmpty()) {
            para(doc, t("report.highRisk.none"));
            return;
        }
        table(doc, highRiskHeader(), highRiskRows(d));
    }

    /** Which items were inherited and from what (issue 12 item 5). */
    private static void inherited(XWPFDocument doc, ReportData d) {
        heading(doc, 1, t("report.h.inherited"));
        if (d.inherited().isEmpty()) {
            para(doc, t("report.inherited.none"));
            return;
        }
        para(doc, t("report.inherited.intro", d.inherited().size()));
        table(doc, inheritedHeader(), inheritedRows(d));
    }

    private static void items(XWPFDocument doc, ReportData d) {
        heading(doc, 1, t("report.h.items"));
        if (d.items().isEmpty()) {
            para(doc, t("report.items.none"));
        }
        String layer = null;
        for (ItemReport i : d.items()) {
            if (!i.layer().equals(layer)) {
                layer = i.layer();
                heading(doc, 2, layer);
            }
            heading(doc, 3, itemHeading(i));
            table(doc, List.of(t("report.table.item"), t("report.table.content")), itemRows(i, d));
        }
    }




    private static void remediation(XWPFDocument doc, ReportData d) {
        heading(doc, 1, t("report.h.remediation"));
        if (d.remediations().isEmpty()) {
            para(doc, t("report.remediation.none"));
            return;
        }
        table(doc, remediationHeader(), remediationRows(d.remediations()));
    }



    // --- tables

    private static void table(XWPFDocument doc, List<String> header, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, header.size());
        table.setWidth("100%");
        fill(table.getRow(0), header, true);
        for (int r = 0; r < rows.size(); r++) {
            fill(table.getRow(r + 1), rows.get(r), false);
        }
        doc.createParagraph();
    }

    private static void fill(XWPFTableRow row, List<String> values, boolean header) {
        for (int c = 0; c < values.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            if (header) {
                cell.setColor("D9E2F3");
            }
            lines(cell.getParagraphs().get(0), values.get(c), header);
        }
        if (header) {
            row.setRepeatHeader(true);
        }
    }

}
