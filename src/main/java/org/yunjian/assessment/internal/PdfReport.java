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
        return renderer.render(xhtml(d), new PdfRenderer.Metadata(TITLE + " · " + d.system().name(),
                d.assessorName(), d.assessment().name()));
    }

    /** The XHTML the PDF is rendered from (tests check that user input stays text). */
    String xhtml(ReportData d) {
        Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
        ScoreResult s = d.score();
        ctx.setVariable("title", TITLE);
        ctx.setVariable("systemName", d.system().name());
        ctx.setVariable("draft", d.draft());
        ctx.setVariable("draftNotice", draftNotice(d.assessment().status()));
        ctx.setVariable("h", headings());
        ctx.setVariable("cover", coverRows(d));
        ctx.setVariable("summary", summaryRows(s));
        ctx.setVariable("policyNote", policyNote(s));
        ctx.setVariable("layerHeader", groupHeader("安全层面"));
        ctx.setVariable("layerRows", s.byLayer().stream().map(ReportText::groupRow).toList());
        ctx.setVariable("layerBars", bars(s.byLayer()));
        ctx.setVariable("cpHeader", groupHeader("控制点"));
        ctx.setVariable("cpRows", s.byControlPoint().stream().map(ReportText::groupRow).toList());
        ctx.setVariable("cpBars", bars(s.byControlPoint()));
        ctx.setVariable("highRisk", d.highRisk().stream().map(i -> List.of(String.valueOf(i.number()),
                i.item().requirementId(), i.item().controlPoint(), side(i.item().side()), verdict(i.item().verdict()),
                nz(i.item().riskReason()))).toList());
        ctx.setVariable("sections", sections(d));
        ctx.setVariable("remediations", remediationRows(d.remediations()));
        ctx.setVariable("generated", dateTime(d.generatedAt()));
        return templates.process(TEMPLATE, ctx);
    }

    private static Map<String, String> headings() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("cover", H_COVER);
        h.put("summary", H_SUMMARY);
        h.put("byLayer", H_BY_LAYER);
        h.put("byControlPoint", H_BY_CONTROL_POINT);
        h.put("highRisk", H_HIGH_RISK);
        h.put("items", H_ITEMS);
        h.put("remediation", H_REMEDIATION);
        return h;
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
            if (out.isEmpty() || !out.get(out.size() - 1).layer().equals(i.item().layer())) {
                out.add(new Section(i.item().layer(), new ArrayList<>()));
            }
            out.get(out.size() - 1).items().add(new Item(i.number() + ". " + i.item().requirementId() + "（"
                    + side(i.item().side()) + "）", itemRows(i)));
        }
        return out;
    }
}
