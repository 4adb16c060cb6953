package org.yunjian.workbench.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.shared.Msg;
import org.yunjian.workbench.internal.Dashboards;
import org.yunjian.workbench.internal.Dashboards.ControlPointRow;
import org.yunjian.workbench.internal.Dashboards.Filter;

/**
 * The dashboards as pages: across systems ({@code /dashboard}) and per system ({@code /dashboard/systems/{id}}).
 * Links repeated per row are written from {@code base} (the context path) rather than with {@code @{…}}:
 * Thymeleaf's link builder passes every link through the resource URL encoding, which probes the class path for
 * a static resource of that name — about a millisecond per link in the packaged jar.
 */
@Controller
class DashboardPages {

    private final Dashboards dashboards;
    private final MessageSource messages;

    DashboardPages(Dashboards dashboards, MessageSource messages) {
        this.dashboards = dashboards;
        this.messages = messages;
    }

    @GetMapping("/dashboard")
    @PreAuthorize(AssessmentPages.WHO)
    String overview(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String conclusion,
            @RequestParam(required = false) Integer level,
            @RequestParam(required = false, defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Locale locale,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("base", request.getContextPath());
        Dashboards.Overview o = dashboards.overview(
                Filter.of(q, conclusion, level, overdue), org.yunjian.shared.paging.PageRequest.of(page, size));
        model.addAttribute("o", o);
        Map<String, Object> filters = new java.util.LinkedHashMap<>();
        filters.put("q", o.filter().q());
        filters.put("conclusion", o.filter().conclusion());
        filters.put("level", o.filter().level());
        filters.put("overdue", o.filter().overdueOnly() ? "true" : null);
        model.addAttribute("pager", org.yunjian.shared.paging.Pager.of(o.systems(), "/dashboard", filters));
        model.addAttribute(
                "policyNames",
                o.policies().stream()
                        .map(p -> org.yunjian.report.ReportText.policyName(p.id(), p.version()))
                        .collect(java.util.stream.Collectors.joining(
                                org.yunjian.shared.Texts.get("dashboard.policies.separator"))));
        model.addAttribute("conclusions", ScoreResult.Conclusion.values());
        model.addAttribute(
                "failChart",
                Charts.counts(
                        o.controlPoints(), ControlPointRow::controlPoint, ControlPointRow::systemsWithFindings, 1));
        List<Map.Entry<String, Integer>> dist = new ArrayList<>();
        o.totals().byConclusion().forEach((c, n) -> dist.add(Map.entry(Msg.of(c).text(locale), n)));
        dist.add(Map.entry(
                messages.getMessage("dashboard.notAssessed", null, locale),
                o.totals().systems() - o.totals().assessed()));
        model.addAttribute("conclusionChart", Charts.counts(dist, Map.Entry::getKey, Map.Entry::getValue, 1));
        return "workbench/dashboard";
    }

    @GetMapping("/dashboard/systems/{id}")
    @PreAuthorize(AssessmentPages.WHO)
    String system(@PathVariable UUID id, HttpServletRequest request, Model model) {
        model.addAttribute("base", request.getContextPath());
        Dashboards.SystemDashboard d = dashboards.system(id);
        model.addAttribute("d", d);
        if (d.latest() != null) {
            model.addAttribute(
                    "cpChart",
                    Charts.rates(
                            d.latest().score().byControlPoint(), ScoreResult.Group::name, ScoreResult.Group::rate));
            model.addAttribute(
                    "layerChart",
                    Charts.rates(d.latest().score().byLayer(), ScoreResult.Group::name, ScoreResult.Group::rate));
        }
        model.addAttribute("trendChart", Charts.trend(d.trend(), AssessmentPages.ZONE));
        return "workbench/system-dashboard";
    }
}
