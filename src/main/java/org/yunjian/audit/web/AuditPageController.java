package org.yunjian.audit.web;

import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.audit.internal.AuditEntry;
import org.yunjian.audit.internal.AuditPresentation;
import org.yunjian.audit.internal.AuditQuery;
import org.yunjian.audit.internal.AuditRepository;
import org.yunjian.audit.internal.AuditVerifier;
import org.yunjian.audit.internal.VerificationReport;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.refusal.PageRefusal;

/** The audit log page: entries newest first with filters and htmx paging, and a verify button. */
@Controller
class AuditPageController {

    private static final int PAGE_SIZE = 50;

    private final AuditRepository repository;
    private final AuditVerifier verifier;
    private final ApplicationEventPublisher events;
    private final AuditPresentation presentation;

    AuditPageController(
            AuditRepository repository,
            AuditVerifier verifier,
            ApplicationEventPublisher events,
            AuditPresentation presentation) {
        this.repository = repository;
        this.verifier = verifier;
        this.events = events;
        this.presentation = presentation;
    }

    /** The filter form's values, echoed back into the form and the paging links. */
    record FilterForm(String action, String user, String outcome, String from, String to) {}

    @GetMapping("/audit")
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    String list(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        fill(new FilterForm(action, user, outcome, from, to), page, model);
        return "audit/list";
    }

    @GetMapping("/audit/rows")
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    String rows(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        fill(new FilterForm(action, user, outcome, from, to), page, model);
        return "audit/list :: rows";
    }

    @GetMapping("/audit/verify")
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    String verify(Model model) {
        VerificationReport report = verifier.verify();
        events.publishEvent(new AuditableEvent(
                "audit.verify",
                "audit_log",
                null,
                report.ok() ? AuditableEvent.Outcome.SUCCESS : AuditableEvent.Outcome.FAILURE,
                report.detail().encode(),
                null));
        model.addAttribute("report", report);
        return "audit/list :: verify-result";
    }

    private void fill(FilterForm form, int page, Model model) {
        model.addAttribute("filter", form);
        model.addAttribute("outcomes", List.of("SUCCESS", "FAILURE", "DENIED"));
        PageRefusal.on(model)
                .fill(
                        () -> {
                            AuditQuery q = AuditQuery.parse(
                                    form.action(),
                                    form.user(),
                                    form.outcome(),
                                    form.from(),
                                    form.to(),
                                    Math.max(page, 0),
                                    PAGE_SIZE);
                            long total = repository.count(q.filter());
                            List<AuditEntry> entries = repository.search(q.filter(), q.page(), q.size());
                            Map<String, String> names = presentation.names(entries);
                            model.addAttribute(
                                    "entries",
                                    entries.stream()
                                            .map(e -> presentation.render(e, names))
                                            .toList());
                            model.addAttribute("page", q.page());
                            model.addAttribute("total", total);
                            model.addAttribute("hasPrevious", q.page() > 0);
                            model.addAttribute("hasNext", (long) (q.page() + 1) * PAGE_SIZE < total);
                        },
                        () -> {
                            model.addAttribute("entries", List.of());
                            model.addAttribute("page", 0);
                            model.addAttribute("total", 0L);
                            model.addAttribute("hasPrevious", false);
                            model.addAttribute("hasNext", false);
                        });
    }
}
