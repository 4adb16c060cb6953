package org.yunjian.responsibility.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.RequirementId;
import org.yunjian.responsibility.RuleQuote;
import org.yunjian.responsibility.internal.liability.IncidentAccess;
import org.yunjian.responsibility.internal.liability.IncidentRepository.IncidentRecord;
import org.yunjian.responsibility.internal.liability.IncidentService;
import org.yunjian.responsibility.internal.liability.LiabilityAnalysis;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.paging.Pager;
import org.yunjian.shared.refusal.PageRefusal;

/**
 * The Annex B liability lookup of a system ({@code /systems/{id}/responsibility/liability}: search as you type with
 * htmx, or submit without JavaScript; the chosen incident's liable roles, holders and matrix rows) and the incidents
 * recorded against it (list, form, detail; the Word export is the REST download).
 */
@Controller
class LiabilityPages {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";

    private final IncidentService service;
    private final Catalog catalog;
    private final PeopleNames people;

    LiabilityPages(IncidentService service, Catalog catalog, PeopleNames people) {
        this.service = service;
        this.catalog = catalog;
        this.people = people;
    }

    @GetMapping("/systems/{id}/responsibility/liability")
    @PreAuthorize(WHO)
    String lookup(
            @PathVariable UUID id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String incident,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        IncidentAccess access = service.access(id);
        model.addAttribute(PageRefusal.ERRORS, PageRefusal.none());
        PageRefusal.on(model)
                .fill(
                        () -> model.addAttribute("results", service.search(q, category)),
                        () -> model.addAttribute("results", service.search(q, null)));
        model.addAttribute("system", access.matrix().system());
        model.addAttribute("access", access);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("category", category == null ? "" : category);
        model.addAttribute("categories", service.categories());
        model.addAttribute("fieldLabels", FieldLabels.LIABILITY);
        Map<String, RuleQuote> quotes = new HashMap<>();
        service.search(null, null).forEach(i -> quotes.put(i.id().value(), RuleQuote.of(i.id(), catalog)));
        model.addAttribute("quotes", quotes);
        if (incident != null && !incident.isBlank()) {
            IncidentService.Lookup l = service.analyse(id, incident);
            model.addAttribute("chosen", l.incident());
            model.addAttribute("analysis", l.analysis());
            model.addAttribute("duties", duties(l.analysis()));
        }
        return htmx != null ? "responsibility/liability-lookup :: results" : "responsibility/liability-lookup";
    }

    @GetMapping("/systems/{id}/incidents")
    @PreAuthorize(WHO)
    String list(
            @PathVariable UUID id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        IncidentAccess access = service.access(id);
        ListFilters.Search query = ListFilters.Search.of(q, page, size);
        Paged<IncidentRecord> shown = service.list(id, query.text(), query.page());
        List<IncidentRecord> incidents = shown.items();
        model.addAttribute("filterQ", query.text());
        model.addAttribute("pager", Pager.of(shown, "/systems/" + id + "/incidents", query.filters()));
        model.addAttribute("system", access.matrix().system());
        model.addAttribute("access", access);
        model.addAttribute("incidents", incidents);
        model.addAttribute("quotes", quotes(incidents));
        return "responsibility/incident-list";
    }

    @GetMapping("/systems/{id}/incidents/new")
    @PreAuthorize(WHO)
    String form(@PathVariable UUID id, @RequestParam(required = false) String incident, Model model) {
        IncidentAccess access = service.access(id);
        if (!access.mayRecord()) {
            return "redirect:/systems/" + id + "/incidents";
        }
        return form(model, access, new IncidentService.RecordInput(incident, null, null, null, null), Map.of());
    }

    @PostMapping("/systems/{id}/incidents")
    @PreAuthorize(WHO)
    String record(
            @PathVariable UUID id,
            @RequestParam(required = false) String incident,
            @RequestParam(required = false) String occurredAt,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String reference,
            Model model) {
        IncidentService.RecordInput in =
                new IncidentService.RecordInput(incident, occurredAt, title, description, reference);
        return PageRefusal.on(model)
                .attempt(
                        () -> "redirect:/systems/" + id + "/incidents/"
                                + service.record(id, in).id(),
                        () -> form(model, service.access(id), in, PageRefusal.none()));
    }

    @GetMapping("/systems/{id}/incidents/{incidentId}")
    @PreAuthorize(WHO)
    String detail(@PathVariable UUID id, @PathVariable UUID incidentId, Model model) {
        IncidentRecord r = service.get(id, incidentId);
        IncidentAccess access = service.access(id);
        model.addAttribute("system", access.matrix().system());
        model.addAttribute("r", r);
        model.addAttribute("chosen", service.incident(r.incident()).orElseThrow());
        model.addAttribute("analysis", r.analysis());
        model.addAttribute("duties", duties(r.analysis()));
        model.addAttribute("quotes", quotes(List.of(r)));
        model.addAttribute(
                "recorder", people.displayNames(Set.of(r.recordedBy())).getOrDefault(r.recordedBy(), r.recordedBy()));
        return "responsibility/incident-detail";
    }

    private String form(
            Model model, IncidentAccess access, IncidentService.RecordInput in, Map<String, String> errors) {
        model.addAttribute("system", access.matrix().system());
        model.addAttribute("incidents", service.search(null, null));
        Map<String, RuleQuote> quotes = new HashMap<>();
        service.search(null, null).forEach(i -> quotes.put(i.id().value(), RuleQuote.of(i.id(), catalog)));
        model.addAttribute("quotes", quotes);
        model.addAttribute("in", in);
        model.addAttribute("errors", errors);
        return "responsibility/incident-form";
    }

    /** The duty quotes of the rows involved, by duty id: reference and text in the reader's language. */
    private Map<String, RuleQuote> duties(LiabilityAnalysis a) {
        return a.rows().stream()
                .collect(Collectors.toMap(
                        LiabilityAnalysis.AnalysedRow::duty,
                        r -> RuleQuote.of(RequirementId.of(r.duty()), catalog),
                        (x, y) -> x));
    }

    private Map<String, RuleQuote> quotes(List<IncidentRecord> records) {
        Map<String, RuleQuote> out = new HashMap<>();
        records.forEach(r -> out.computeIfAbsent(r.incident(), k -> RuleQuote.of(RequirementId.of(k), catalog)));
        return out;
    }
}
