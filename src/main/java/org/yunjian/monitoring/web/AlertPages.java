package org.yunjian.monitoring.web;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.monitoring.internal.AlertEmergency;
import org.yunjian.monitoring.internal.AlertIncidents;
import org.yunjian.monitoring.internal.AlertService;
import org.yunjian.responsibility.SystemIncidents.NewIncident;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * One alert's page: what was found (the diff, the text around a match), its handling, acknowledge and close; the
 * form recording a supervision incident from a tampering or availability alert, and the link to it once recorded.
 */
@Controller
class AlertPages {

    private final AlertService alerts;
    private final AlertIncidents incidents;
    private final AlertEmergency emergency;
    private final PeopleNames people;

    AlertPages(AlertService alerts, AlertIncidents incidents, AlertEmergency emergency, PeopleNames people) {
        this.alerts = alerts;
        this.incidents = incidents;
        this.emergency = emergency;
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

    /** Records one step of the guide's emergency handling (7.3.7 b) 1), 8.5 d)); the page again naming any problem. */
    @PostMapping("/monitoring/alerts/{id}/emergency")
    @PreAuthorize(MonitorPages.WHO)
    String recordStep(
            @PathVariable UUID id,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) String doneAt,
            @RequestParam(required = false) String stepNote,
            @RequestParam(required = false) String plan,
            Model model) {
        AlertEmergency.StepInput in = new AlertEmergency.StepInput(step, doneAt, stepNote, plan);
        return PageRefusal.on(model)
                .in("emergency")
                .fields(errors -> {
                    java.util.Map<String, String> renamed = new java.util.LinkedHashMap<>();
                    errors.forEach((k, v) -> renamed.put("note".equals(k) ? "stepNote" : k, v));
                    return renamed;
                })
                .alerts()
                .attempt(
                        () -> {
                            emergency.record(id, in);
                            return "redirect:/monitoring/alerts/" + id + "#alert-emergency";
                        },
                        () -> {
                            model.addAttribute("stepInput", in);
                            return page(model, id, null);
                        });
    }

    @GetMapping("/monitoring/alerts/{id}/incident")
    @PreAuthorize(MonitorPages.WHO)
    String incidentForm(@PathVariable UUID id, Model model) {
        AlertIncidents.Form f = incidents.form(id);
        if (!f.mayOpen()) {
            return "redirect:/monitoring/alerts/" + id;
        }
        return incidentForm(model, f, f.draft());
    }

    @PostMapping("/monitoring/alerts/{id}/incident")
    @PreAuthorize(MonitorPages.WHO)
    String openIncident(
            @PathVariable UUID id,
            @RequestParam(required = false) String incident,
            @RequestParam(required = false) String occurredAt,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String reference,
            Model model) {
        // a field the form sent empty is refused as empty, not drafted again from the alert
        NewIncident in =
                new NewIncident(incident, blank(occurredAt), blank(title), blank(description), blank(reference));
        return PageRefusal.on(model)
                .alerts()
                .attempt(
                        () -> "redirect:" + incidents.open(id, in).page(),
                        () -> incidentForm(model, incidents.form(id), in));
    }

    private String incidentForm(Model model, AlertIncidents.Form f, NewIncident in) {
        if (!model.containsAttribute(PageRefusal.ERRORS)) {
            model.addAttribute(PageRefusal.ERRORS, java.util.Map.of());
        }
        model.addAttribute("form", f);
        model.addAttribute("alert", f.alert());
        model.addAttribute("in", in);
        return "monitoring/alert-incident";
    }

    private static String blank(String value) {
        return value == null ? "" : value;
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
        AlertEmergency.Handling handling = emergency.of(id);
        handling.done().forEach(r -> names.add(r.recordedBy()));
        model.addAttribute("emergency", handling);
        if (!model.containsAttribute("stepInput")) {
            model.addAttribute("stepInput", new AlertEmergency.StepInput(null, null, null, null));
        }
        model.addAttribute("people", people.displayNames(names));
        model.addAttribute("incident", incidents.incidentOf(v.alert()).orElse(null));
        model.addAttribute("incidentForm", incidents.mayOpen(v.alert()));
        return "monitoring/alert";
    }
}
