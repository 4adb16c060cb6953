package org.yunjian.obligations.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yunjian.lifecycle.OverviewSection;
import org.yunjian.obligations.ObligationKind;
import org.yunjian.obligations.ObligationPolicy;
import org.yunjian.obligations.ObligationStatus;
import org.yunjian.obligations.internal.CalendarFeeds;
import org.yunjian.obligations.internal.ObligationIntervals;
import org.yunjian.obligations.internal.ObligationQueries;
import org.yunjian.obligations.internal.ObligationService;
import org.yunjian.party.EmailAddresses;
import org.yunjian.party.PersonEmail;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.paging.Pager;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The obligations calendar's pages: a system's obligations ({@code /systems/{id}/lifecycle/obligations}: generate,
 * record completions, the customer's own intervals), the user's calendar ({@code /lifecycle/calendar}: upcoming and
 * overdue across the systems the user sees, the iCalendar feed, the reminder address) and the cross-system overview
 * ({@code /lifecycle/overview}, built from {@link OverviewSection}s). A completion or interval form refused for its
 * version (stale, or naming none) comes back with the date or months typed and the clear refusal.
 */
@Controller
class ObligationPages {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";

    private final ObligationService obligations;
    private final ObligationQueries queries;
    private final ObligationIntervals intervals;
    private final CalendarFeeds feeds;
    private final EmailAddresses reminders;
    private final ObligationPolicy policy;
    private final List<OverviewSection> sections;
    private final org.yunjian.catalog.Catalog catalog;

    ObligationPages(
            ObligationService obligations,
            ObligationQueries queries,
            ObligationIntervals intervals,
            CalendarFeeds feeds,
            EmailAddresses reminders,
            ObligationPolicy policy,
            List<OverviewSection> sections,
            org.yunjian.catalog.Catalog catalog) {
        this.catalog = catalog;
        this.intervals = intervals;
        this.obligations = obligations;
        this.queries = queries;
        this.feeds = feeds;
        this.reminders = reminders;
        this.policy = policy;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(OverviewSection::order))
                .toList();
    }

    // --- a system's obligations

    @GetMapping("/systems/{id}/lifecycle/obligations")
    @PreAuthorize(WHO)
    String system(
            @PathVariable UUID id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        return system(id, model, Map.of(), null, listQuery(q, status, page, size));
    }

    /**
     * The list's state — filters {@code q} and {@code status}, {@code page} and {@code size} — as the page's forms
     * carry it in hidden fields: a refused form shows the list as it was, a stored one goes back to it.
     */
    private static ListFilters.Query<ObligationStatus> listQuery(String q, String status, String page, String size) {
        return ListFilters.Query.of(q, "status", status, ObligationStatus.class, page, size);
    }

    /** Back to the system's list at the page and filters the form was posted from. */
    private static String backTo(UUID id, ListFilters.Query<ObligationStatus> query) {
        return "redirect:" + Pager.link("/systems/" + id + "/lifecycle/obligations", query.filters(), query.page());
    }

    /**
     * The page; {@code failedKind} names the form refused (a completion's kind, or the interval form's kind), whose
     * typed input the model carries ({@code typed}).
     */
    private String system(
            UUID id,
            Model model,
            Map<String, String> errors,
            String failedKind,
            ListFilters.Query<ObligationStatus> query) {
        ObligationService.SystemPage s = obligations.ofSystem(id, query.text(), query.choice(), query.page());
        model.addAttribute("system", s.access().system());
        model.addAttribute("access", s.access());
        model.addAttribute("rows", s.rows().items());
        model.addAttribute("pager", Pager.of(s.rows(), "/systems/" + id + "/lifecycle/obligations", query.filters()));
        model.addAttribute("filterQ", query.text());
        model.addAttribute("filterStatus", query.choice());
        model.addAttribute("statuses", ObligationStatus.values());
        model.addAttribute("missing", s.missing());
        model.addAttribute("superseded", obligations.superseded(id));
        model.addAttribute("overdue", s.overdue());
        model.addAttribute("today", obligations.today());
        model.addAttribute("errors", errors);
        model.addAttribute("fieldLabels", FieldLabels.OBLIGATIONS);
        model.addAttribute("failedKind", failedKind);
        // every row has the same completion form: its errors name the obligation first (应急演练 · 完成日期：…)
        model.addAttribute("errorsIn", obligationName(failedKind));
        if (s.access().isCustomer()) {
            Map<ObligationKind, Integer> own = new LinkedHashMap<>();
            Map<ObligationKind, Long> versions = new LinkedHashMap<>();
            intervals.intervals().forEach(i -> {
                own.put(i.kind(), i.months());
                versions.put(i.kind(), i.version());
            });
            model.addAttribute("intervals", own);
            model.addAttribute("intervalVersions", versions);
            Map<ObligationKind, ObligationPolicy.Limit> limits = new LinkedHashMap<>();
            for (ObligationKind k : policy.kindsFor(s.access().system(), catalog)) {
                limits.put(k, policy.maximum(k, s.access().system()));
            }
            model.addAttribute("limits", limits);
        }
        return "obligations/obligations";
    }

    /** The message key of the obligation kind's name (as the calendar's errorsIn), or null where it is not a kind. */
    private static String obligationName(String kind) {
        for (ObligationKind k : ObligationKind.values()) {
            if (k.name().equals(kind)) {
                return org.yunjian.shared.Msg.of(k).key();
            }
        }
        return null;
    }

    @PostMapping("/systems/{id}/lifecycle/obligations/generate")
    @PreAuthorize(WHO)
    String generate(
            @PathVariable UUID id,
            @RequestParam(required = false) String startDate,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model,
            RedirectAttributes redirect) {
        ListFilters.Query<ObligationStatus> query = listQuery(q, status, page, size);
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            int n = obligations.generate(id, startDate).size();
                            redirect.addFlashAttribute("generated", n);
                            return backTo(id, query);
                        },
                        () -> system(id, model, PageRefusal.none(), null, query));
    }

    @PostMapping("/systems/{id}/lifecycle/obligations/{kind}/complete")
    @PreAuthorize(WHO)
    String complete(
            @PathVariable UUID id,
            @PathVariable String kind,
            @RequestParam(required = false) String responsible,
            @RequestParam(required = false) String doneOn,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model,
            RedirectAttributes redirect) {
        ListFilters.Query<ObligationStatus> query = listQuery(q, status, page, size);
        model.addAttribute("typed", typed("doneOn", doneOn));
        // refused, the completion form again with the date typed (over the obligation as stored now)
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            obligations.complete(id, kind, responsible, doneOn, ExpectedVersion.ofForm(version));
                            redirect.addFlashAttribute("completed", kind);
                            return backTo(id, query);
                        },
                        () -> system(
                                id,
                                model,
                                PageRefusal.none(),
                                responsible == null || responsible.isBlank() ? kind : kind + "-" + responsible.strip(),
                                query));
    }

    /** The customer asks for a duty due on request (JR/T 7.3) by a date: it falls due then. */
    @PostMapping("/systems/{id}/lifecycle/obligations/{kind}/request")
    @PreAuthorize(WHO)
    String request(
            @PathVariable UUID id,
            @PathVariable String kind,
            @RequestParam(required = false) String requestedBy,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model,
            RedirectAttributes redirect) {
        ListFilters.Query<ObligationStatus> query = listQuery(q, status, page, size);
        model.addAttribute("typed", typed("requestedBy", requestedBy));
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            obligations.request(id, kind, requestedBy, ExpectedVersion.ofForm(version));
                            redirect.addFlashAttribute("requested", kind);
                            return backTo(id, query);
                        },
                        () -> system(id, model, PageRefusal.none(), kind, query));
    }

    @PostMapping("/systems/{id}/lifecycle/obligations/intervals")
    @PreAuthorize(WHO)
    String interval(
            @PathVariable UUID id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String months,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        obligations.ofSystem(id).access().requireCustomer();
        ListFilters.Query<ObligationStatus> query =
                listQuery(form.get("q"), form.get("status"), form.get("page"), form.get("size"));
        model.addAttribute("typed", typed("months", months));
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            // the form carries the version of every kind's setting (version-<KIND>): the chosen kind's
                            // is named
                            intervals.setInterval(kind, months, ExpectedVersion.ofForm(form.get("version-" + kind)));
                            redirect.addFlashAttribute("intervalSet", kind);
                            return backTo(id, query);
                        },
                        () -> system(id, model, PageRefusal.none(), kind, query));
    }

    private static Map<String, String> typed(String field, String value) {
        return Map.of(field, value == null ? "" : value);
    }

    // --- my calendar

    @GetMapping("/lifecycle/calendar")
    @PreAuthorize(WHO)
    String calendar(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        return calendar(
                model, Map.of(), null, ListFilters.Query.of(q, "status", status, ObligationStatus.class, page, size));
    }

    private String calendar(Model model, Map<String, String> errors, String emailInput) {
        return calendar(
                model,
                errors,
                emailInput,
                ListFilters.Query.of(null, "status", null, ObligationStatus.class, null, null));
    }

    /** The page: one page of what is overdue or due within 90 days, filtered, with how many are overdue in all. */
    private String calendar(
            Model model, Map<String, String> errors, String emailInput, ListFilters.Query<ObligationStatus> query) {
        Paged<ObligationService.Row> rows =
                queries.across(null, null, false, query.text(), query.choice(), query.page());
        model.addAttribute("rows", rows.items());
        model.addAttribute("pager", Pager.of(rows, "/lifecycle/calendar", query.filters()));
        model.addAttribute("filterQ", query.text());
        model.addAttribute("filterStatus", query.choice());
        model.addAttribute("statuses", ObligationStatus.values());
        model.addAttribute("overdueTotal", queries.overdueForCurrentUser());
        model.addAttribute("feedCreated", feeds.created().orElse(null));
        PersonEmail address = reminders.mine();
        model.addAttribute("address", address);
        model.addAttribute("pendingExpired", address.pendingExpired(java.time.Instant.now()));
        model.addAttribute("emailInput", emailInput);
        model.addAttribute("mailConfigured", reminders.mailConfigured());
        model.addAttribute("errors", errors);
        model.addAttribute("fieldLabels", FieldLabels.CALENDAR);
        return "obligations/calendar";
    }

    @PostMapping("/lifecycle/calendar/feed")
    @PreAuthorize(WHO)
    String createFeed(@RequestParam(required = false) boolean confirm, Model model) {
        if (feeds.created().isPresent() && !confirm) {
            model.addAttribute("errorsIn", FieldLabels.FEED_SECTION);
            return calendar(
                    model, Map.of("confirm", org.yunjian.shared.Texts.get("lifecycle.cal.feed.confirmNeeded")), null);
        }
        String token = feeds.create();
        // shown once, on this response only (never in a redirect URL or the session)
        model.addAttribute(
                "newFeedUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/lifecycle/calendar/{token}.ics")
                        .buildAndExpand(token)
                        .toUriString());
        return calendar(model, Map.of(), null);
    }

    @PostMapping("/lifecycle/calendar/feed/revoke")
    @PreAuthorize(WHO)
    String revokeFeed(@RequestParam(required = false) boolean confirm, Model model, RedirectAttributes redirect) {
        if (!confirm) {
            model.addAttribute("errorsIn", FieldLabels.FEED_SECTION);
            return calendar(
                    model, Map.of("confirm", org.yunjian.shared.Texts.get("lifecycle.cal.feed.confirmNeeded")), null);
        }
        feeds.revoke();
        redirect.addFlashAttribute("feedRevoked", true);
        return "redirect:/lifecycle/calendar";
    }

    @PostMapping("/lifecycle/calendar/reminder")
    @PreAuthorize(WHO)
    String reminder(@RequestParam(required = false) String email, Model model, RedirectAttributes redirect) {
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            PersonEmail now = reminders.setMine(email);
                            redirect.addFlashAttribute(
                                    now.pending() != null
                                            ? "addressPending"
                                            : now.confirmed() != null ? "addressSet" : "addressRemoved",
                                    true);
                            return "redirect:/lifecycle/calendar";
                        },
                        () -> calendar(model, PageRefusal.none(), email));
    }

    // --- the cross-system overview

    @GetMapping("/lifecycle/overview")
    @PreAuthorize(WHO)
    String overview(Model model) {
        model.addAttribute(
                "sections", sections.stream().map(OverviewSection::content).toList());
        return "obligations/calendar-overview";
    }
}
