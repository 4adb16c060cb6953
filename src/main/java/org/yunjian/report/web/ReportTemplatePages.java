package org.yunjian.report.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.ReportSetups;
import org.yunjian.assessment.ReportTemplate;
import org.yunjian.assessment.ScoringPolicies;
import org.yunjian.report.ReportText;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Texts;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;

/** The report template an assessment follows and its contract date: shown to everyone who sees it, set by assessors. */
@Controller
class ReportTemplatePages {

    private final AssessmentService service;
    private final ReportSetups setups;
    private final ScoringPolicies policies;

    ReportTemplatePages(AssessmentService service, ReportSetups setups, ScoringPolicies policies) {
        this.service = service;
        this.setups = setups;
        this.policies = policies;
    }

    @GetMapping("/assessments/{id}/report-template")
    @PreAuthorize(Access.WHO)
    String show(@PathVariable UUID id, @RequestParam(required = false) String saved, Model model) {
        ReportSetups.ReportSetup s = setups.of(id);
        return page(
                model,
                id,
                s,
                s.template().name(),
                s.contractDate() == null ? "" : s.contractDate().toString(),
                String.valueOf(s.version()),
                Map.of(),
                saved != null);
    }

    @PostMapping("/assessments/{id}/report-template")
    @PreAuthorize(Access.WHO)
    String save(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String template,
            @RequestParam(defaultValue = "") String contractDate,
            @RequestParam(required = false) String version,
            Model model) {
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            FieldErrors errors = new FieldErrors();
                            LocalDate date = ReportTemplate.contractDate(contractDate, errors);
                            ReportTemplate t = ReportTemplate.parse(template, "reportTemplate", errors);
                            errors.throwIfAny();
                            setups.set(id, ExpectedVersion.ofForm(version), t, date);
                            return "redirect:/assessments/" + id + "/report-template?saved";
                        },
                        refusal -> page(
                                model,
                                id,
                                setups.of(id),
                                template,
                                contractDate,
                                // the typed choice comes back over the newer version: saving again is a deliberate
                                // replacement
                                refusal == null
                                        ? version
                                        : String.valueOf(refusal.formVersionOr(() ->
                                                service.access(id).assessment().version())),
                                PageRefusal.none(),
                                false));
    }

    private String page(
            Model model,
            UUID id,
            ReportSetups.ReportSetup current,
            String template,
            String contractDate,
            String version,
            Map<String, String> errors,
            boolean saved) {
        Access access = service.access(id);
        model.addAttribute("a", access.assessment());
        model.addAttribute("systemName", access.system().name());
        model.addAttribute(
                "mayEdit", access.mayAssess() && access.assessment().status().isOpen());
        model.addAttribute("templates", ReportTemplate.values());
        model.addAttribute("template", template);
        model.addAttribute("contractDate", contractDate);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        var policy = policies.forTemplate(current.template());
        model.addAttribute(
                "current",
                Texts.get(
                        "report.setup.current",
                        ReportText.label(current.template()),
                        ReportText.policyName(policy.id(), policy.version())));
        return "report/template";
    }
}
