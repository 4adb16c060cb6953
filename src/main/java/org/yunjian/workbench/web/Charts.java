package org.yunjian.workbench.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.yunjian.workbench.internal.Dashboards.TrendPoint;

/**
 * Geometry of the dashboards' server-rendered SVG charts (no script, no inline style: the page only copies
 * these numbers into SVG attributes, which the CSP allows).
 */
final class Charts {

    /** Left margin for the labels of a bar chart, bar area width and row height, in SVG user units. */
    static final int LABEL = 260;

    static final int AREA = 420;
    static final int ROW = 24;

    private Charts() {}

    /** One horizontal bar: label, the value's text, the bar's y and width, and its fill colour. */
    record Bar(String label, String text, int y, double width, String fill) {}

    /** A horizontal bar chart: rows of bars and the SVG's height. */
    record BarChart(List<Bar> bars, int height, int width, int labelWidth) {}

    /** The colour of a compliance rate: green from 90, amber from 70, red below. */
    static String rateFill(double rate) {
        return rate >= 90 ? "#12b76a" : rate >= 70 ? "#f79009" : "#d92d20";
    }

    /** Bars of percentages (0–100). */
    static <T> BarChart rates(List<T> rows, Function<T, String> label, ToDoubleFunction<T> rate) {
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (T r : rows) {
            double v = rate.applyAsDouble(r);
            bars.add(new Bar(
                    label.apply(r),
                    String.format(Locale.ROOT, "%.1f %%", v),
                    y,
                    Math.max(1, v / 100 * AREA),
                    rateFill(v)));
            y += ROW;
        }
        return new BarChart(bars, Math.max(y, ROW), LABEL + AREA + 70, LABEL);
    }

    /** Bars of counts, scaled to the largest (at least {@code max}). */
    static <T> BarChart counts(List<T> rows, Function<T, String> label, ToDoubleFunction<T> count, double max) {
        double top = Math.max(1, rows.stream().mapToDouble(count).max().orElse(0));
        top = Math.max(top, max);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (T r : rows) {
            double v = count.applyAsDouble(r);
            bars.add(new Bar(
                    label.apply(r),
                    String.format(Locale.ROOT, "%.0f", v),
                    y,
                    Math.max(v == 0 ? 0 : 1, v / top * AREA),
                    v == 0 ? "#12b76a" : "#d92d20"));
            y += ROW;
        }
        return new BarChart(bars, Math.max(y, ROW), LABEL + AREA + 70, LABEL);
    }

    /** One point of the trend line. */
    record Dot(double x, double y, String label, String value, String fill) {}

    /** The trend chart: polyline points, the dots with their date labels, and the 70 / 80 / 90 grid lines. */
    record TrendChart(String points, List<Dot> dots, int width, int height, List<Grid> grid) {}

    record Grid(double y, String label) {}

    static final int TREND_HEIGHT = 220;
    static final int TREND_TOP = 10;
    static final int TREND_PLOT = 180;

    static TrendChart trend(List<TrendPoint> points, java.time.ZoneId zone) {
        int step = 110;
        int width = Math.max(300, 60 + step * Math.max(1, points.size()));
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
        List<Dot> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            TrendPoint p = points.get(i);
            double x = 60 + step * i + step / 2.0;
            double y = y(p.complianceRate());
            dots.add(new Dot(
                    x,
                    y,
                    p.completedAt() == null ? "" : day.format(p.completedAt()),
                    String.format(Locale.ROOT, "%.1f %%", p.complianceRate()),
                    rateFill(p.complianceRate())));
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        List<Grid> grid = List.of(
                new Grid(y(100), "100"),
                new Grid(y(90), "90"),
                new Grid(y(80), "80"),
                new Grid(y(70), "70"),
                new Grid(y(0), "0"));
        return new TrendChart(line.toString().strip(), dots, width, TREND_HEIGHT, grid);
    }

    private static double y(double rate) {
        return TREND_TOP + TREND_PLOT * (1 - rate / 100);
    }
}
