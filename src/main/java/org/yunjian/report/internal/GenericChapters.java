package org.yunjian.report.internal;

import static org.yunjian.report.ReportText.*;

import java.util.ArrayList;
import java.util.List;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.assessment.Verdict;
import org.yunjian.report.ReportText;
import org.yunjian.report.internal.ReportOutline.Bars;
import org.yunjian.report.internal.ReportOutline.Block;
import org.yunjian.report.internal.ReportOutline.Chapter;
import org.yunjian.report.internal.ReportOutline.Para;
import org.yunjian.report.internal.ReportOutline.Sub;
import org.yunjian.report.internal.ReportOutline.Table;

/**
 * The chapters of the generic report ({@link ReportOutline#genericFront()}, {@link ReportOutline#genericBody()}) of
 * an assessment against imported catalogs: titled from the catalogs, results by the catalog's own groups, a
 * compliance-rate conclusion (rate and counts, overall and per group) and none of the 等保 template — no conclusion
 * band, no template line, no 等保 chapters. The chapters both reports share (object, risks, remediation, sign-off)
 * come from {@link ReportChapters}.
 */
final class GenericChapters {

    private GenericChapters() {}

    static List<Block> blocks(Chapter c, ReportData d) {
        return switch (c) {
            case GENERIC_SUMMARY ->
                List.of(
                        new Table("conclusion-table", kv(), summaryRows(d), true),
                        new Para(summary(d)),
                        new Para(t("report.generic.rateNote")));
            case GENERIC_OVERVIEW ->
                List.of(
                        new Table("overview", kv(), overviewRows(d), true),
                        new Para(t(
                                "report.generic.method", catalogs(d), d.items().size())));
            case GENERIC_RESULTS -> results(d);
            case GENERIC_CONCLUSION -> conclusion(d);
            case GENERIC_APPENDIX -> ReportChapters.evidenceAppendix(d);
            default -> throw new IllegalArgumentException(c.name());
        };
    }

    private static List<String> kv() {
        return List.of(t("report.table.item"), t("report.table.content"));
    }

    private static List<List<String>> summaryRows(ReportData d) {
        ScoreResult s = d.score();
        int[] n = ReportChapters.counts(s);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t("report.generic.system"), d.system().name()));
        rows.add(List.of(t("report.generic.basis"), catalogs(d)));
        rows.add(List.of(t("report.cover.customer"), d.customerName()));
        rows.add(List.of(t("report.generic.assessor"), d.assessorName()));
        rows.add(List.of(t("report.summary.rate"), s.notYetAssessed() ? "—" : percent(s.complianceRate())));
        rows.addAll(countRows(n));
        rows.add(List.of(
                t("report.summary.highRisk"), String.valueOf(s.highRisk().size())));
        rows.add(List.of(t("report.summary.mediumRisk"), String.valueOf(s.mediumRisk())));
        rows.add(List.of(t("report.cover.reportDate"), date(d.reportDate())));
        return rows;
    }

    private static List<List<String>> countRows(int[] n) {
        return List.of(
                List.of(label(Verdict.COMPLIANT), String.valueOf(n[0])),
                List.of(label(Verdict.PARTIALLY_COMPLIANT), String.valueOf(n[1])),
                List.of(label(Verdict.NON_COMPLIANT), String.valueOf(n[2])),
                List.of(label(Verdict.NOT_APPLICABLE), String.valueOf(n[3])),
                List.of(t("report.verdict.none"), String.valueOf(n[4])));
    }

    static String summary(ReportData d) {
        ScoreResult s = d.score();
        if (s.notYetAssessed()) {
            return t("report.generic.notYet", catalogs(d), d.items().size());
        }
        int[] n = ReportChapters.counts(s);
        return t(
                "report.generic.summary",
                catalogs(d),
                d.system().name(),
                d.items().size(),
                n[0],
                n[1],
                n[2],
                n[3],
                n[4],
                percent(s.complianceRate()),
                d.findings().size(),
                s.highRisk().size(),
                s.mediumRisk());
    }

    /** The project's rows of the cover table without the 等保 ones (template, protection level). */
    private static List<List<String>> overviewRows(ReportData d) {
        List<String> left = List.of(t("report.cover.template"), t("report.cover.level"));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : coverRows(d)) {
            if (!left.contains(r.get(0))) {
                rows.add(r);
            }
        }
        rows.add(2, List.of(t("report.generic.basis"), catalogs(d)));
        return rows;
    }

    private static List<Block> results(ReportData d) {
        ScoreResult s = d.score();
        List<Block> b = new ArrayList<>();
        b.add(new Sub(2, t("report.generic.byGroup")));
        if (s.notYetAssessed()) {
            b.add(new Para(t("report.noChart")));
        }
        b.add(groupTable("by-layer", t("report.generic.group"), s.byLayer()));
        if (!s.notYetAssessed() && !s.byLayer().isEmpty()) {
            b.add(new Bars("chart-layer", t("report.generic.chartGroup"), s.byLayer(), false));
        }
        for (Block x : ReportChapters.itemResults(d)) {
            b.add(x instanceof Table table && table.keyValue() ? relabel(table) : x);
        }
        return b;
    }

    private static Table groupTable(String id, String first, List<ScoreResult.Group> groups) {
        return new Table(
                id,
                groupHeader(first),
                groups.stream().map(ReportText::groupRow).toList(),
                false);
    }

    /** An item's table in the catalog's terms: 分组 / 控制项 and 要求 instead of the 等保 安全层面 / 控制点, 安全要求. */
    private static Table relabel(Table table) {
        String layer = t("report.item.layerAndControlPoint");
        String requirement = t("report.item.requirement");
        List<List<String>> rows = table.rows().stream()
                .map(r -> {
                    if (r.get(0).equals(layer)) {
                        return List.of(t("report.generic.groupAndControl"), r.get(1));
                    }
                    return r.get(0).equals(requirement) ? List.of(t("report.generic.requirement"), r.get(1)) : r;
                })
                .toList();
        return new Table(table.id(), table.header(), rows, true);
    }

    private static List<Block> conclusion(ReportData d) {
        ScoreResult s = d.score();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t("report.summary.rate"), s.notYetAssessed() ? "—" : percent(s.complianceRate())));
        rows.addAll(countRows(ReportChapters.counts(s)));
        rows.add(List.of(
                t("report.generic.findings"), String.valueOf(d.findings().size())));
        List<Block> b = new ArrayList<>();
        b.add(new Table("summary", kv(), rows, true));
        b.add(new Para(summary(d)));
        b.add(new Sub(2, t("report.generic.byGroup")));
        b.add(groupTable("conclusion-by-group", t("report.generic.group"), s.byLayer()));
        b.add(new Sub(2, t("report.generic.byControl")));
        b.add(groupTable("by-control-point", t("report.generic.control"), s.byControlPoint()));
        b.add(new Para(t("report.generic.rateNote")));
        return b;
    }
}
