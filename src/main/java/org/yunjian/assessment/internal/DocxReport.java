package org.yunjian.assessment.internal;

import static org.yunjian.assessment.internal.ReportText.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.assessment.internal.ReportData.ItemReport;
import org.yunjian.documents.WordDocuments;
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

    byte[] render(ReportData d) {
        try (XWPFDocument doc = WordDocuments.create(Texts.locale());
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
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

    // --- sections

    private static void cover(XWPFDocument doc, ReportData d) {
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingBefore(2400);
        XWPFRun t = title.createRun();
        t.setText(title());
        t.setBold(true);
        t.setFontSize(22);
        t.setFontFamily(WordDocuments.HEADING_FONT_EAST_ASIA, XWPFRun.FontCharRange.eastAsia);
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
        WordDocuments.heading(doc, 1, t("report.h.cover"));
        WordDocuments.table(doc, List.of(t("report.table.item"), t("report.table.content")), coverRows(d));
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
        WordDocuments.heading(doc, 1, t("report.h.summary"));
        WordDocuments.table(doc, List.of(t("report.table.item"), t("report.table.result")), summaryRows(s));
        WordDocuments.para(doc, policyNote(s));
    }

    private static void byLayer(XWPFDocument doc, ReportData d) {
        WordDocuments.heading(doc, 1, t("report.h.byLayer"));
        if (d.score().notYetAssessed()) {
            WordDocuments.para(doc, t("report.noChart"));
        }
        groupTable(doc, t("report.group.layer"), d.score().byLayer());
        chart(doc, t("report.chart.layer"), d.score(), d.score().byLayer(), BarDirection.COL, 6);
    }

    private static void byControlPoint(XWPFDocument doc, ReportData d) {
        WordDocuments.heading(doc, 1, t("report.h.byControlPoint"));
        groupTable(doc, t("report.group.controlPoint"), d.score().byControlPoint());
        int height = Math.max(6, Math.min(20, 2 + d.score().byControlPoint().size() / 2));
        chart(doc, t("report.chart.controlPoint"), d.score(), d.score().byControlPoint(), BarDirection.BAR, height);
    }



    private static void groupTable(XWPFDocument doc, String first, List<ScoreResult.Group> groups) {
        WordDocuments.table(doc, groupHeader(first), groups.stream().map(ReportText::groupRow).toList());
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
        WordDocuments.heading(doc, 1, t("report.h.highRisk"));
        if (d.highRisk().isEmpty()) {
            WordDocuments.para(doc, t("report.highRisk.none"));
            return;
        }
        WordDocuments.table(doc, highRiskHeader(), highRiskRows(d));
    }

    /** Which items were inherited and from what (issue 12 item 5). */
    private static void inherited(XWPFDocument doc, ReportData d) {
        WordDocuments.heading(doc, 1, t("report.h.inherited"));
        if (d.inherited().isEmpty()) {
            WordDocuments.para(doc, t("report.inherited.none"));
            return;
        }
        WordDocuments.para(doc, t("report.inherited.intro", d.inherited().size()));
        WordDocuments.table(doc, inheritedHeader(), inheritedRows(d));
    }

    private static void items(XWPFDocument doc, ReportData d) {
        WordDocuments.heading(doc, 1, t("report.h.items"));
        if (d.items().isEmpty()) {
            WordDocuments.para(doc, t("report.items.none"));
        }
        String layer = null;
        for (ItemReport i : d.items()) {
            if (!i.layer().equals(layer)) {
                layer = i.layer();
                WordDocuments.heading(doc, 2, layer);
            }
            WordDocuments.heading(doc, 3, itemHeading(i));
            WordDocuments.table(doc, List.of(t("report.table.item"), t("report.table.content")), itemRows(i, d));
        }
    }




    private static void remediation(XWPFDocument doc, ReportData d) {
        WordDocuments.heading(doc, 1, t("report.h.remediation"));
        if (d.remediations().isEmpty()) {
            WordDocuments.para(doc, t("report.remediation.none"));
            return;
        }
        WordDocuments.table(doc, remediationHeader(), remediationRows(d.remediations()));
    }
}
