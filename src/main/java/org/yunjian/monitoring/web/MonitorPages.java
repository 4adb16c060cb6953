package org.yunjian.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.documents.DocumentFormat;
import org.yunjian.monitoring.Monitor;
import org.yunjian.monitoring.ReportAlteredException;
import org.yunjian.monitoring.internal.AlertService;
import org.yunjian.monitoring.internal.IssuedReports;
import org.yunjian.monitoring.internal.MonitorService;
import org.yunjian.monitoring.internal.NetworkChecks;
import org.yunjian.monitoring.internal.OperationReports;
import org.yunjian.monitoring.internal.ProbeEvidence;
import org.yunjian.monitoring.internal.ProbeService;
import org.yunjian.monitoring.internal.WordLists;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.VersionRefusal;

/**
 * The monitoring pages: a system's monitors with the form that adds one, and one monitor's page — its settings, its
 * state, the baseline, the last certificate and domain checks, the probes and the alerts, with run now, approve the baseline, pause or resume and delete
 * (which asks to confirm).
 */
@Controller
class MonitorPages {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";

    private final MonitorService monitors;
    private final ProbeService probes;
    private final AlertService alerts;
    private final NetworkChecks network;
    private final Parties parties;
    private final PeopleNames people;
    private final OperationReports reports;
    private final IssuedReports issued;
    private final WordLists wordLists;
    private final ProbeEvidence evidence;

    MonitorPages(
            MonitorService monitors,
            ProbeService probes,
            AlertService alerts,
            NetworkChecks network,
            Parties parties,
            PeopleNames people,
            OperationReports reports,
            IssuedReports issued,
            WordLists wordLists,
            ProbeEvidence evidence) {
        this.evidence = evidence;
        this.reports = reports;
        this.issued = issued;
        this.wordLists = wordLists;
        this.monitors = monitors;
        this.probes = probes;
        this.alerts = alerts;
        this.network = network;
        this.parties = parties;
        this.people = people;
    }

    @GetMapping("/systems/{id}/monitoring")
    @PreAuthorize(WHO)
    String system(@PathVariable UUID id, Model model) {
        return systemPage(model, parties.requireSystem(id), new MonitorForm());
    }

    @PostMapping("/systems/{id}/monitoring")
    @PreAuthorize(WHO)
    String create(
            @PathVariable UUID id, @ModelAttribute("form") MonitorForm form, Model model, RedirectAttributes flash) {
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            Monitor m = monitors.create(id, form.settings());
                            flash.addFlashAttribute("created", true);
                            return "redirect:/monitoring/monitors/" + m.id();
                        },
                        () -> systemPage(model, parties.requireSystem(id), form));
    }

    /**
     * The month's 安全运行报告 as a download (Word or PDF; for an issued month the stored file, in {@code language} and
     * of {@code revision} when given); a malformed or future month shows the system's page again
     * with the refusal next to the month picker; an issued file that does not match its signed manifest is refused with
     * the error page (500) saying so, never sent.
     */
    @GetMapping("/systems/{id}/monitoring/report")
    @PreAuthorize(WHO)
    String report(
            @PathVariable UUID id,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) Integer revision,
            Model model,
            HttpServletResponse response) {
        try {
            return PageRefusal.on(model)
                    .in(REPORT)
                    .attempt(
                            () -> {
                                send(
                                        reports.render(id, month, format, DocumentFormat.PDF, language, revision),
                                        response);
                                return null;
                            },
                            () -> {
                                model.addAttribute("reportMonth", month);
                                return systemPage(model, parties.requireSystem(id), new MonitorForm());
                            });
        } catch (ReportAlteredException e) {
            response.setStatus(e.problemStatus());
            model.addAttribute("messageKey", "monitoring.report.refused");
            model.addAttribute("detail", e.getMessage());
            return "web/error";
        }
    }

    /** The name of the report's form on the system's page, where its refusal shows. */
    static final String REPORT = "report";

    private static void send(OperationReports.Document d, HttpServletResponse response) {
        response.setContentType(d.format().mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, d.name().contentDisposition());
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (d.sm3() != null) {
            response.setHeader("X-Content-SM3", d.sm3());
        }
        response.setContentLength(d.content().length);
        try {
            response.getOutputStream().write(d.content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String systemPage(Model model, CloudSystem s, MonitorForm form) {
        model.addAttribute("system", s);
        if (!model.containsAttribute("reportMonth")) {
            model.addAttribute("reportMonth", reports.defaultMonth());
        }
        if (!model.containsAttribute(PageRefusal.ERRORS)) {
            model.addAttribute(PageRefusal.ERRORS, java.util.Map.of());
        }
        java.util.List<org.yunjian.monitoring.IssuedReport> issuedReports = issued.list(s.id());
        model.addAttribute("issued", issuedReports);
        model.addAttribute("mayIssue", issued.mayIssue(s.id()));
        if (!model.containsAttribute("issueMonth")) { // last month, unless it was issued already
            String last = reports.defaultMonth();
            boolean done =
                    issuedReports.stream().anyMatch(r -> r.month().toString().equals(last));
            model.addAttribute("issueMonth", done ? "" : last);
        }
        model.addAttribute("monitors", monitors.ofSystem(s.id()));
        model.addAttribute("alerts", alerts.openOfSystem(s.id()));
        model.addAttribute("mayManage", monitors.mayManage(s.id()));
        // the customer's word list, for those who may read it
        model.addAttribute("wordListOrg", wordLists.mayRead(s.customerId()) ? s.customerId() : null);
        model.addAttribute("form", form);
        model.addAttribute("methods", Monitor.METHODS);
        return "monitoring/system";
    }

    @GetMapping("/monitoring/monitors/{id}")
    @PreAuthorize(WHO)
    String monitor(@PathVariable UUID id, Model model) {
        MonitorService.View v = monitors.one(id);
        return monitorPage(model, v, MonitorForm.of(v.monitor()));
    }

    @PostMapping("/monitoring/monitors/{id}")
    @PreAuthorize(WHO)
    String update(
            @PathVariable UUID id, @ModelAttribute("form") MonitorForm form, Model model, RedirectAttributes flash) {
        return PageRefusal.on(model)
                .keep(e -> form.setVersion(String.valueOf(
                        e.formVersionOr(() -> monitors.one(id).monitor().version()))))
                .attempt(
                        () -> {
                            monitors.update(id, form.settings(), ExpectedVersion.ofForm(form.getVersion()));
                            flash.addFlashAttribute("saved", true);
                            return "redirect:/monitoring/monitors/" + id;
                        },
                        () -> monitorPage(model, monitors.one(id), form));
    }

    @PostMapping("/monitoring/monitors/{id}/pause")
    @PreAuthorize(WHO)
    String pause(
            @PathVariable UUID id,
            @RequestParam(required = false) String version,
            @RequestParam(defaultValue = "true") boolean paused,
            Model model) {
        manageable(id);
        return PageRefusal.on(model)
                .alerts()
                .attempt(
                        () -> {
                            monitors.pause(id, paused, ExpectedVersion.ofForm(version));
                            return "redirect:/monitoring/monitors/" + id;
                        },
                        () -> again(model, id));
    }

    @PostMapping("/monitoring/monitors/{id}/delete")
    @PreAuthorize(WHO)
    String delete(
            @PathVariable UUID id,
            @RequestParam(required = false) String version,
            @RequestParam(defaultValue = "false") boolean confirm,
            Model model) {
        MonitorService.View v = manageable(id);
        if (!confirm) {
            model.addAttribute("deleteUnconfirmed", true);
            return monitorPage(model, v, MonitorForm.of(v.monitor()));
        }
        return PageRefusal.on(model)
                .step(VersionRefusal.Action.DELETE)
                .alerts()
                .attempt(
                        () -> {
                            monitors.delete(id, ExpectedVersion.ofForm(version));
                            return "redirect:/systems/" + v.system().id() + "/monitoring";
                        },
                        () -> again(model, id));
    }

    @PostMapping("/monitoring/monitors/{id}/run")
    @PreAuthorize(WHO)
    String run(@PathVariable UUID id, Model model, RedirectAttributes flash) {
        return PageRefusal.on(model)
                .alerts()
                .attempt(
                        () -> {
                            ProbeService.Report r = probes.runNow(id);
                            flash.addFlashAttribute("ran", r.probe().outcome());
                            flash.addFlashAttribute("opened", r.opened().size());
                            return "redirect:/monitoring/monitors/" + id;
                        },
                        () -> again(model, id));
    }

    @PostMapping("/monitoring/monitors/{id}/baseline")
    @PreAuthorize(WHO)
    String baseline(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            Model model,
            RedirectAttributes flash) {
        if (!monitors.one(id).mayApprove()) {
            throw new ForbiddenException(Msg.of("monitoring.error.approve"));
        }
        if (!confirm) {
            model.addAttribute("baselineUnconfirmed", true);
            return again(model, id);
        }
        return PageRefusal.on(model)
                .alerts()
                .attempt(
                        () -> {
                            probes.approveBaseline(id);
                            flash.addFlashAttribute("baselineApproved", true);
                            return "redirect:/monitoring/monitors/" + id;
                        },
                        () -> again(model, id));
    }

    /** The monitor if the caller may set it up (403 otherwise), before a step asks to confirm. */
    private MonitorService.View manageable(UUID id) {
        MonitorService.View v = monitors.one(id);
        if (!v.mayManage()) {
            throw new ForbiddenException(Msg.of("monitoring.error.manage"));
        }
        return v;
    }

    private String again(Model model, UUID id) {
        MonitorService.View v = monitors.one(id);
        return monitorPage(model, v, MonitorForm.of(v.monitor()));
    }

    private String monitorPage(Model model, MonitorService.View v, MonitorForm form) {
        if (!model.containsAttribute(PageRefusal.ERRORS)) {
            model.addAttribute(PageRefusal.ERRORS, java.util.Map.of());
        }
        model.addAttribute("view", v);
        model.addAttribute("monitor", v.monitor());
        model.addAttribute("system", v.system());
        model.addAttribute("form", form);
        model.addAttribute("methods", Monitor.METHODS);
        var baseline = probes.baseline(v.monitor().id()).orElse(null);
        model.addAttribute("baseline", baseline);
        model.addAttribute(
                "people",
                people.displayNames(baseline == null ? java.util.List.of() : java.util.List.of(baseline.approvedBy())));
        model.addAttribute("probes", probes.recent(v.monitor().id()));
        model.addAttribute("kept", evidence.kept(v.monitor().id()));
        model.addAttribute("alerts", alerts.ofMonitor(v.monitor().id(), false));
        model.addAttribute("network", network.latest(v.monitor().id()).orElse(null));
        model.addAttribute(
                "checkedDomain", NetworkChecks.checkedDomain(v.monitor()).orElse(null));
        return "monitoring/monitor";
    }
}
