package org.yunjian.report.internal;

import static org.yunjian.report.ReportText.t;

import java.io.IOException;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
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
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.report.internal.ReportOutline.Bars;

/**
 * Bar charts of group rates as native Word charts with their data embedded (editable in Word), the series filled
 * explicitly so that LibreOffice and WPS draw the bars too.
 */
final class DocxCharts {

    /** The bars' colour, the same blue as the PDF's bars (#4472C4). */
    private static final byte[] BAR_COLOUR = {0x44, 0x72, (byte) 0xC4};

    private DocxCharts() {}

    static void bars(XWPFDocument doc, Bars bars) {
        BarDirection direction = bars.horizontal() ? BarDirection.BAR : BarDirection.COL;
        int heightCm =
                bars.horizontal() ? Math.max(6, Math.min(20, 2 + bars.groups().size() / 2)) : 6;
        try {
            XWPFChart chart = doc.createChart(Units.EMU_PER_CENTIMETER * 15, Units.EMU_PER_CENTIMETER * heightCm);
            chart.setTitleText(bars.title());
            chart.setTitleOverlay(false);
            XDDFCategoryAxis categories =
                    chart.createCategoryAxis(direction == BarDirection.BAR ? AxisPosition.LEFT : AxisPosition.BOTTOM);
            XDDFValueAxis values =
                    chart.createValueAxis(direction == BarDirection.BAR ? AxisPosition.BOTTOM : AxisPosition.LEFT);
            values.setCrosses(AxisCrosses.AUTO_ZERO);
            values.setCrossBetween(AxisCrossBetween.BETWEEN);
            values.setMinimum(0);
            values.setMaximum(100);
            String[] names = bars.groups().stream().map(ScoreResult.Group::name).toArray(String[]::new);
            Double[] rates = bars.groups().stream().map(ScoreResult.Group::rate).toArray(Double[]::new);
            int n = names.length;
            XDDFDataSource<String> cats =
                    XDDFDataSourcesFactory.fromArray(names, chart.formatRange(new CellRangeAddress(1, n, 0, 0)), 0);
            XDDFNumericalDataSource<Double> vals =
                    XDDFDataSourcesFactory.fromArray(rates, chart.formatRange(new CellRangeAddress(1, n, 1, 1)), 1);
            XDDFBarChartData bar = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
            bar.setBarDirection(direction);
            bar.setVaryColors(false);
            XDDFBarChartData.Series series = (XDDFBarChartData.Series) bar.addSeries(cats, vals);
            String rate = t("report.group.rate");
            series.setTitle(rate, chart.setSheetTitle(rate, 1));
            // an explicit fill: LibreOffice draws no bars for a series without one (Word picks its theme colour)
            series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(BAR_COLOUR)));
            chart.plot(bar);
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("chart: " + e.getMessage(), e);
        }
    }
}
