package org.yunjian.monitoring.web;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.monitoring.internal.AlertService;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;

/** One alert's page: what was found (the diff, the text around a match), its handling, acknowledge and close. */
@Controller
class AlertPages {

    private final AlertService alerts;
    private final PeopleNames people;

    AlertPages(AlertService alerts, PeopleNames people) {
        this.alerts = alerts;
        this.people = people;
    }

    @GetMapping("/monitoring/alerts/{id}")
    @PreAuthorize(MonitorPages.WHO)
    String alert(@PathVariable UUID id, Model model) {
        return page(model, id, null);
    }

    @PostMapping("/monitoring/alerts/{id}/acknowledge")
    @PreAuthorize(MonitorPages.WHO)
    String acknowledge(@PathVariable UUID id, @RequestParam(required = false) String version, Model model) {
        return PageRefusal.on(model)
                .alerts()
                .attempt(
                        () -> {
                            alerts.acknowledge(id, ExpectedVersion.ofForm(version));
                            return "redirect:/monitoring/alerts/" + id;
                        },
                        () -> page(model, id, null));
    }

    @PostMapping("/monitoring/alerts/{id}/close")
    @PreAuthorize(MonitorPages.WHO)
    String close(
            @PathVariable UUID id,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String version,
            Model model) {
        return PageRefusal.on(model)
                .alerts()
                .attempt(
                        () -> {
                            alerts.close(id, note, ExpectedVersion.ofForm(version));
                            return "redirect:/monitoring/alerts/" + id;
                        },
                        () -> page(model, id, note));
    }

    private String page(Model model, UUID id, String note) {
        AlertService.View v = alerts.one(id);
        if (!model.containsAttribute(PageRefusal.ERRORS)) {
            model.addAttribute(PageRefusal.ERRORS, java.util.Map.of());
        }
        model.addAttribute("view", v);
        model.addAttribute("alert", v.alert());
        model.addAttribute("note", note);
        java.util.List<String> names = new java.util.ArrayList<>();
        if (v.alert().acknowledgedBy() != null) {
            names.add(v.alert().acknowledgedBy());
        }
        if (v.alert().closedBy() != null) {
            names.add(v.alert().closedBy());
        }
        model.addAttribute("people", people.displayNames(names));
        return "monitoring/alert";
    }
}
