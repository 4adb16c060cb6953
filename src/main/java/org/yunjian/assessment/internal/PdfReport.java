package org.yunjian.assessment.internal;

import static org.yunjian.assessment.internal.ReportText.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.assessment.internal.ReportData.ItemReport;
import org.yunjian.documents.PdfRenderer;
import org.yunjian.shared.Texts;

/**
 * The assessment report as PDF: the Thymeleaf template {@code assessment/report-pdf.html} (well-formed XHTML;
 * every value goes in through {@code th:text}, which escapes it, so nothing the users typed becomes markup)
 * rendered by the documents module with the CJK font embedded. Bar charts are drawn with CSS boxes.
 */
@Component
class PdfReport {

    static final String TEMPLATE = "assessment/report-pdf";

    private final ITemplateEngine templates;
    private final PdfRenderer renderer;

    PdfReport(ITemplateEngine templates, PdfRenderer renderer) {
        this.templates = templates;
        this.renderer = renderer;
    }

    byte[] render(ReportData d) {
        return renderer.render(xhtml(d), new PdfRenderer.Metadata(title() + " · " + d.system().name(),
                d.assessorName(), d.assessment().name()));
    }

    /** The XHTML the PDF is rendered from (tests check that user input stays text). */
    String xhtml(ReportData d) {
        Context ctx = new Context(Texts.locale());
        ScoreResult s = d.score();
        ctx.setVariable("lang", Texts.locale().getLanguage().equals("en") ? "en" : "zh-CN");
        ctx.setVariable("title", title());
        ctx.setVariable("systemName", d.system().name());
        ctx.setVariable("reportNumber", t("report.cover.numberLine", d.reportNumber()));
        ctx.setVariable("draft", d.draft());
        ctx.setVariable("draftNotice", draftNotice(d.assessment().status()));
        ctx.setVariable("h", headings());
        ctx.setVariable("tx", texts());
        ctx.setVariable("cover", coverRows(d));
        ctx.setVariable("summary", summaryRows(s));
        ctx.setVariable("policyNote", policyNote(s));
        ctx.setVariable("notYetAssessed", s.notYetAssessed());
        ctx.setVariable("layerHeader", groupHeader(t("report.group.layer")));
        ctx.setVariable("layerRows", s.byLayer().stream().map(ReportText::groupRow).toList());
        ctx.setVariable("layerBars", bars(s.byLayer()));
        ctx.setVariable("cpHeader", groupHeader(t("report.group.controlPoint")));
        ctx.setVariable("cpRows", s.byControlPoint().stream().map(ReportText::groupRow).toList());
        ctx.setVariable("cpBars", bars(s.byControlPoint()));
        ctx.setVariable("highRiskHeader", highRiskHeader());
        ctx.setVariable("highRisk", highRiskRows(d));
        ctx.setVariable("sections", sections(d));
        ctx.setVariable("inheritedHeader", inheritedHeader());
        ctx.setVariable("inherited", inheritedRows(d));
        ctx.setVariable("inheritedIntro", t("report.inherited.intro", d.inherited().size()));
        ctx.setVariable("remediationHeader", remediationHeader());
        ctx.setVariable("remediations", remediationRows(d.remediations()));
        ctx.setVariable("generated", t("report.generatedAt", t("report.beijingTime", dateTime(d.generatedAt()))));
        return templates.process(TEMPLATE, ctx);
    }

    private static Map<String, String> headings() {
        Map<String, String> h = new LinkedHashMap<>();
        for (String k : List.of("cover", "summary", "byLayer", "byControlPoint", "highRisk", "inherited", "items",
                "remediation")) {
            h.put(k, t("report.h." + k));
        }
        return h;
    }

    /** The other sentences of the PDF, in the report's language. */
    private static Map<String, String> texts() {
        Map<String, String> x = new LinkedHashMap<>();
        x.put("chartLayer", t("report.chart.layer"));
        x.put("chartControlPoint", t("report.chart.controlPoint"));
        x.put("noChart", t("report.noChart"));
        x.put("noHighRisk", t("report.highRisk.none"));
        x.put("noItems", t("report.items.none"));
        x.put("noInherited", t("report.inherited.none"));
        x.put("noRemediation", t("report.remediation.none"));
        x.put("pageBefore", t("report.page.before"));
        x.put("pageMiddle", t("report.page.middle"));
        x.put("pageAfter", t("report.page.after"));
        return x;
    }

    /** One bar of a chart: the label, the rate as text and the bar's width in percent of the track. */
    record Bar(String name, String label, String width) {
    }

    static List<Bar> bars(List<ScoreResult.Group> groups) {
        return groups.stream().map(g -> new Bar(g.name(), rate(g),
                String.format(Locale.ROOT, "%.2f", g.scored() == 0 ? 0 : Math.max(0, Math.min(100, g.rate())))))
                .toList();
    }

    /** Items under their 安全层面, as the DOCX groups them. */
    record Section(String layer, List<Item> items) {
    }

    record Item(String heading, List<List<String>> rows) {
    }

    static List<Section> sections(ReportData d) {
        List<Section> out = new ArrayList<>();
        for (ItemReport i : d.items()) {
            if (out.isEmpty() || !out.get(out.size() - 1).layer().equals(i.layer())) {
                out.add(new Section(i.layer(), new ArrayList<>()));
            }
            out.get(out.size() - 1).items().add(new Item(itemHeading(i), itemRows(i, d)));
        }
        return out;
    }
}
