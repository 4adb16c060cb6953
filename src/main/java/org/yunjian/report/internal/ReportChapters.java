package org.yunjian.report.internal;

import static org.yunjian.report.ReportText.*;

import java.util.ArrayList;
import java.util.List;
import org.yunjian.assessment.ReportTemplate;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.report.ReportText;
import org.yunjian.report.internal.ReportData.ItemReport;
import org.yunjian.report.internal.ReportOutline.Bars;
import org.yunjian.report.internal.ReportOutline.Block;
import org.yunjian.report.internal.ReportOutline.Caption;
import org.yunjian.report.internal.ReportOutline.Chapter;
import org.yunjian.report.internal.ReportOutline.Para;
import org.yunjian.report.internal.ReportOutline.Section;
import org.yunjian.report.internal.ReportOutline.Sub;
import org.yunjian.report.internal.ReportOutline.Table;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;

/** What each chapter of the report says, from one {@link ReportData}; the DOCX and the PDF print these blocks. */
final class ReportChapters {

    private ReportChapters() {}

    static List<Section> front(ReportData d) {
        return sections(
                d,
                d.generic()
                        ? ReportOutline.genericFront()
                        : ReportOutline.front(d.setup().template()),
                0);
    }

    static List<Section> body(ReportData d) {
        return sections(
                d,
                d.generic()
                        ? ReportOutline.genericBody()
                        : ReportOutline.body(d.setup().template()),
                1);
    }

    private static List<Section> sections(ReportData d, List<Chapter> chapters, int firstNumber) {
        List<Section> out = new ArrayList<>();
        int n = firstNumber;
        for (Chapter c : chapters) {
            String title = t("report.ch." + c.key());
            String heading = c.numbered() ? t("report.ch.numbered", n++, title) : title;
            out.add(new Section(c, heading, blocks(c, d)));
        }
        return out;
    }

    static List<Block> blocks(Chapter c, ReportData d) {
        return switch (c) {
            case BASIC_INFO -> ReportTemplateTables.basicInfo(d);
            case STATEMENT -> statement();
            case CONCLUSION_TABLE -> conclusion(d);
            case OVERALL -> List.of(new Para(overall(d)));
            case MAIN_ISSUES ->
                issues(
                        d,
                        d.findings().stream()
                                .filter(i -> i.item().riskLevel() != RiskLevel.LOW)
                                .toList(),
                        "report.mainIssues.none");
            case MAJOR_RISKS -> issues(d, d.highRisk(), "report.highRisk.none");
            case CONCLUSION_EXTENSION -> ReportTemplateTables.cloudExtension(d);
            case OVERVIEW -> List.of(new Table("overview", kvHeader(), coverRows(d), true), new Para(basisLine(d)));
            case OBJECT -> ReportObject.blocks(d);
            case SINGLE_RESULTS -> singleResults(d);
            case SINGLE_SUMMARY -> groups(d);
            case HOLISTIC -> holistic(d);
            case RISK_ANALYSIS -> riskAnalysis(d);
            case CONCLUSION ->
                List.of(
                        new Table(
                                "summary",
                                List.of(t("report.table.item"), t("report.table.result")),
                                summaryRows(d.score()),
                                true),
                        new Para(policyNote(d.score())));
            case REMEDIATION -> remediation(d);
            case APPENDICES -> appendices(d);
            case SIGN_OFF -> ReportTemplateTables.signOff(d);
            case GENERIC_SUMMARY, GENERIC_OVERVIEW, GENERIC_RESULTS, GENERIC_CONCLUSION, GENERIC_APPENDIX ->
                GenericChapters.blocks(c, d);
        };
    }

    /**
     * 等级测评结论: the table; the 2021 template puts 总体评价 and 主要安全问题及整改建议 here too (the 2025 template
     * gives them chapters of their own).
     */
    private static List<Block> conclusion(ReportData d) {
        List<Block> b = new ArrayList<>(List.of(new Table("conclusion-table", kvHeader(), conclusionRows(d), true)));
        if (d.setup().template() == ReportTemplate.T2021) {
            b.add(new Sub(2, t("report.ch.overall")));
            b.add(new Para(overall(d)));
            b.add(new Sub(2, t("report.ch.mainIssues")));
            b.addAll(issues(
                    d,
                    d.findings().stream()
                            .filter(i -> i.item().riskLevel() != RiskLevel.LOW)
                            .toList(),
                    "report.mainIssues.none"));
        }
        return b;
    }

    private static List<String> kvHeader() {
        return List.of(t("report.table.item"), t("report.table.content"));
    }

    private static List<Block> statement() {
        List<Block> out = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            out.add(new Para(t("report.statement." + i)));
        }
        return out;
    }

    static List<List<String>> conclusionRows(ReportData d) {
        ScoreResult s = d.score();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t("report.cover.system"), d.system().name()));
        rows.add(List.of(t("report.cover.level"), level(d.system().protectionLevel())));
        rows.add(List.of(t("report.cover.customer"), d.customerName()));
        rows.add(List.of(t("report.cover.assessor"), d.assessorName()));
        rows.add(List.of(t("report.cover.template"), label(d.setup().template())));
        rows.add(List.of(t("report.summary.conclusion"), s.conclusionText().text()));
        if (!s.notYetAssessed()) {
            rows.add(List.of(t("report.summary.rate"), percent(s.complianceRate())));
        }
        rows.add(List.of(
                t("report.summary.highRisk"), String.valueOf(s.highRisk().size())));
        rows.add(List.of(t("report.summary.mediumRisk"), String.valueOf(s.mediumRisk())));
        rows.add(List.of(t("report.summary.policy"), policyName(s)));
        rows.add(List.of(t("report.cover.reportDate"), date(d.reportDate())));
        return rows;
    }

    static String overall(ReportData d) {
        ScoreResult s = d.score();
        int[] n = counts(s);
        if (s.notYetAssessed()) {
            return t("report.overall.notYet", d.items().size());
        }
        return t(
                "report.overall.text",
                d.system().name(),
                d.items().size(),
                n[0],
                n[1],
                n[2],
                n[3],
                n[4],
                percent(s.complianceRate()),
                s.highRisk().size(),
                s.mediumRisk(),
                s.conclusionText().text());
    }

    /** The counts over every layer: 符合, 部分符合, 不符合, 不适用, 未记录. */
    static int[] counts(ScoreResult s) {
        int[] n = new int[5];
        for (ScoreResult.Group g : s.byLayer()) {
            n[0] += g.compliant();
            n[1] += g.partiallyCompliant();
            n[2] += g.nonCompliant();
            n[3] += g.notApplicable();
            n[4] += g.pending();
        }
        return n;
    }

    private static List<Block> issues(ReportData d, List<ItemReport> items, String noneKey) {
        if (items.isEmpty()) {
            return List.of(new Para(t(noneKey)));
        }
        return List.of(new Table(
                "issues",
                List.of(
                        t("report.highRisk.number"),
                        t("report.remediation.controlPoint"),
                        t("report.item.risk"),
                        t("report.issue.problem"),
                        t("report.issue.suggestion")),
                items.stream()
                        .map(i -> List.of(
                                String.valueOf(i.number()),
                                i.controlPoint(),
                                label(i.item().riskLevel()),
                                problem(i.item()),
                                suggestion(d, i)))
                        .toList(),
                false));
    }

    /**
     * The assessor's 整改建议 for the finding, as recorded with the verdict — never the customer's progress notes on
     * the remediation task, nor boilerplate restating the requirement.
     */
    static String suggestion(ReportData d, ItemReport i) {
        return nz(i.item().recommendation());
    }

    private static List<Block> groups(ReportData d) {
        ScoreResult s = d.score();
        List<Block> b = new ArrayList<>();
        b.add(new Sub(2, t("report.h.byLayer")));
        if (s.notYetAssessed()) {
            b.add(new Para(t("report.noChart")));
        }
        b.add(new Table(
                "by-layer",
                groupHeader(t("report.group.layer")),
                s.byLayer().stream().map(ReportText::groupRow).toList(),
                false));
        if (!s.notYetAssessed() && !s.byLayer().isEmpty()) {
            b.add(new Bars("chart-layer", t("report.chart.layer"), s.byLayer(), false));
        }
        b.add(new Sub(2, t("report.h.byControlPoint")));
        b.add(new Table(
                "by-control-point",
                groupHeader(t("report.group.controlPoint")),
                s.byControlPoint().stream().map(ReportText::groupRow).toList(),
                false));
        if (!s.notYetAssessed() && !s.byControlPoint().isEmpty()) {
            b.add(new Bars("chart-control-point", t("report.chart.controlPoint"), s.byControlPoint(), true));
        }
        return b;
    }

    private static List<Block> singleResults(ReportData d) {
        List<Block> b = new ArrayList<>();
        if (d.setup().template() == ReportTemplate.T2025) {
            b.addAll(groups(d));
        }
        b.addAll(itemResults(d));
        return b;
    }

    /** Every item under its layer and control point, with its table. */
    static List<Block> itemResults(ReportData d) {
        List<Block> b = new ArrayList<>();
        if (d.items().isEmpty()) {
            b.add(new Para(t("report.items.none")));
        }
        String layer = null;
        String cp = null;
        for (ItemReport i : d.items()) {
            if (!i.layer().equals(layer)) {
                layer = i.layer();
                cp = null;
                b.add(new Sub(2, layer));
            }
            if (!i.controlPoint().equals(cp)) {
                cp = i.controlPoint();
                b.add(new Sub(3, cp));
            }
            b.add(new Caption(itemHeading(i)));
            b.add(new Table(null, kvHeader(), itemRows(i, d), true));
        }
        return b;
    }

    private static List<Block> holistic(ReportData d) {
        List<Block> b = new ArrayList<>();
        b.add(new Para(t("report.holistic.intro")));
        b.add(new Sub(2, t("report.h.inherited")));
        if (d.inherited().isEmpty()) {
            b.add(new Para(t("report.inherited.none")));
        } else {
            b.add(new Para(t("report.inherited.intro", d.inherited().size())));
            b.add(new Table("inherited", inheritedHeader(), inheritedRows(d), false));
        }
        return b;
    }

    static List<Block> riskAnalysis(ReportData d) {
        List<ItemReport> f = d.findings();
        List<Block> b = new ArrayList<>();
        b.add(new Para(t(
                "report.risk.intro",
                f.size(),
                d.score().highRisk().size(),
                d.score().mediumRisk())));
        b.add(new Sub(2, t("report.h.highRisk")));
        b.add(
                d.highRisk().isEmpty()
                        ? new Para(t("report.highRisk.none"))
                        : new Table("high-risk", highRiskHeader(), highRiskRows(d), false));
        if (!f.isEmpty()) {
            b.add(new Sub(2, t("report.risk.all")));
            b.add(new Table(
                    "findings",
                    List.of(
                            t("report.highRisk.number"),
                            t("report.item.id"),
                            t("report.remediation.controlPoint"),
                            t("report.item.verdict"),
                            t("report.item.risk"),
                            t("report.item.riskReason"),
                            t("report.item.responsible")),
                    f.stream()
                            .map(i -> List.of(
                                    String.valueOf(i.number()),
                                    i.item().requirementId(),
                                    i.controlPoint(),
                                    verdict(i.item().verdict()),
                                    label(i.item().riskLevel()),
                                    nz(i.item().riskReason()),
                                    i.responsibleNames()))
                            .toList(),
                    false));
        }
        return b;
    }

    static List<Block> remediation(ReportData d) {
        List<Block> b = new ArrayList<>();
        List<ItemReport> f = d.findings();
        if (f.isEmpty()) {
            b.add(new Para(t("report.remediation.noFindings")));
        } else {
            b.add(new Table(
                    "suggestions",
                    List.of(
                            t("report.highRisk.number"),
                            t("report.remediation.controlPoint"),
                            t("report.item.risk"),
                            t("report.issue.suggestion")),
                    f.stream()
                            .map(i -> List.of(
                                    String.valueOf(i.number()),
                                    i.controlPoint(),
                                    label(i.item().riskLevel()),
                                    suggestion(d, i)))
                            .toList(),
                    false));
        }
        b.add(new Sub(2, t("report.h.remediation")));
        b.add(
                d.remediations().isEmpty()
                        ? new Para(t("report.remediation.none"))
                        : new Table("remediation", remediationHeader(), remediationRows(d.remediations()), false));
        return b;
    }

    private static List<Block> appendices(ReportData d) {
        List<Block> b = new ArrayList<>(evidenceAppendix(d));
        b.add(new Sub(2, t("report.appendix.policy")));
        b.add(new Para(policyNote(d.score())));
        b.add(new Para(
                String.join("\n", d.score().reasons().stream().map(Msg::text).toList())));
        return b;
    }

    /** The evidence list (附录A). */
    static List<Block> evidenceAppendix(ReportData d) {
        List<Block> b = new ArrayList<>();
        b.add(new Sub(2, t("report.appendix.evidence")));
        List<List<String>> rows = new ArrayList<>();
        for (ItemReport i : d.items()) {
            i.evidence()
                    .forEach(e -> rows.add(List.of(
                            e.displayName(),
                            t(
                                    "report.appendix.line",
                                    i.number() + ". " + i.item().requirementId(),
                                    e.sm3(),
                                    d.person(e.uploadedByName()),
                                    Formats.date(e.createdAt())))));
        }
        b.add(
                rows.isEmpty()
                        ? new Para(t("report.appendix.noEvidence"))
                        : new Table(
                                "evidence", List.of(t("report.appendix.file"), t("report.table.content")), rows, true));
        return b;
    }
}
