package org.yunjian.migration.web;

import static org.yunjian.migration.web.OpsPageSupport.WHO;
import static org.yunjian.migration.web.OpsPageSupport.change;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.migration.MigrationAcceptanceResult;
import org.yunjian.migration.MigrationCheckMethod;
import org.yunjian.migration.MigrationPlan;
import org.yunjian.migration.MigrationStep;
import org.yunjian.migration.MigrationStepStatus;
import org.yunjian.migration.internal.MigrationService;
import org.yunjian.migration.internal.OpsBasis;
import org.yunjian.migration.internal.OpsFileRepository;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Texts;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The migration plan page ({@code /systems/{id}/lifecycle/migration}): steps with owners and windows, the rollback
 * plan and its trigger, data migration checks, parallel running and acceptance tests, each with its form for those
 * who may change it, and the 《迁移实施方案》 download.
 */
@Controller
class MigrationPages {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final MigrationService service;
    private final org.yunjian.migration.internal.MigrationRisks risks;
    private final OpsBasis basis;
    private final PeopleNames people;

    MigrationPages(
            MigrationService service,
            org.yunjian.migration.internal.MigrationRisks risks,
            OpsBasis basis,
            PeopleNames people) {
        this.service = service;
        this.risks = risks;
        this.basis = basis;
        this.people = people;
    }

    static String base(UUID id) {
        return "/systems/" + id + "/lifecycle/migration";
    }

    /** A time as a {@code datetime-local} input holds it, in the users' zone. */
    static String local(Instant t) {
        return t == null ? "" : LOCAL.format(t.atZone(Formats.zone()));
    }

    @GetMapping("/systems/{id}/lifecycle/migration")
    @PreAuthorize(WHO)
    String page(@PathVariable UUID id, Model model) {
        MigrationService.View v = service.view(id);
        model.addAttribute("v", v);
        model.addAttribute("system", v.access().system());
        model.addAttribute("base", base(id));
        model.addAttribute("statuses", MigrationStepStatus.values());
        model.addAttribute("methods", MigrationCheckMethod.values());
        model.addAttribute("results", MigrationAcceptanceResult.values());
        model.addAttribute("basis", basis.of(v.access().system(), OpsBasis.Document.MIGRATION, Texts.locale()));
        model.addAttribute(
                "people",
                people.displayNames(
                        v.acceptances().stream().map(a -> a.testedBy()).toList()));
        Map<UUID, MigrationService.StepInput> stepForms = new LinkedHashMap<>();
        for (MigrationStep s : v.steps()) {
            stepForms.put(
                    s.id(),
                    new MigrationService.StepInput(
                            String.valueOf(s.position()),
                            s.description(),
                            s.ownerOrg().toString(),
                            local(s.windowStart()),
                            local(s.windowEnd()),
                            s.status().name(),
                            s.version()));
            if (("step-" + s.id()).equals(model.getAttribute("failed"))
                    && model.getAttribute("failedIn") instanceof MigrationService.StepInput typed) {
                // refused: the typed input again, over the step's current version
                stepForms.put(
                        s.id(),
                        new MigrationService.StepInput(
                                typed.position(),
                                typed.description(),
                                typed.ownerOrg(),
                                typed.windowStart(),
                                typed.windowEnd(),
                                typed.status(),
                                s.version()));
            }
        }
        model.addAttribute("stepForms", stepForms);
        riskRegister(id, model);
        if (!model.containsAttribute("planIn") && v.plan() != null) {
            MigrationPlan p = v.plan();
            model.addAttribute(
                    "planIn",
                    new MigrationService.MigrationPlanInput(
                            p.rollbackPlan(),
                            p.rollbackTrigger(),
                            Formats.date(p.parallelStart()),
                            Formats.date(p.parallelEnd()),
                            p.parallelNotes(),
                            p.version()));
        }
        // the plan form names the stored version, also when it shows input refused as stale
        model.addAttribute("planVersion", v.plan() == null ? null : v.plan().version());
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "migration/migration";
    }

    @PostMapping("/systems/{id}/lifecycle/migration")
    @PreAuthorize(WHO)
    String savePlan(@PathVariable UUID id, MigrationService.MigrationPlanInput in, RedirectAttributes flash) {
        return change(
                base(id), "plan", in, flash, () -> service.savePlan(id, ExpectedVersion.of(null, in.version()), in));
    }

    @PostMapping("/systems/{id}/lifecycle/migration/steps")
    @PreAuthorize(WHO)
    String addStep(@PathVariable UUID id, MigrationService.StepInput in, RedirectAttributes flash) {
        return change(base(id), "step", in, flash, () -> service.addStep(id, in));
    }

    @PostMapping("/systems/{id}/lifecycle/migration/steps/{recordId}")
    @PreAuthorize(WHO)
    String updateStep(
            @PathVariable UUID id,
            @PathVariable UUID recordId,
            MigrationService.StepInput in,
            RedirectAttributes flash) {
        return change(
                base(id),
                "step-" + recordId,
                in,
                flash,
                () -> service.updateStep(id, recordId, ExpectedVersion.of(null, in.version()), in));
    }

    /** The risk register with a form per risk: the stored assessment, or the input just refused. */
    private void riskRegister(UUID id, Model model) {
        List<org.yunjian.migration.internal.MigrationRisks.Entry> register = risks.register(id);
        Map<String, org.yunjian.migration.internal.MigrationRisks.RiskInput> forms = new LinkedHashMap<>();
        for (var e : register) {
            var a = e.assessment();
            var form = new org.yunjian.migration.internal.MigrationRisks.RiskInput(
                    a.likelihood() == null ? null : a.likelihood().name(),
                    a.impact() == null ? null : a.impact().name(),
                    a.treatment(),
                    a.ownerOrg() == null ? null : a.ownerOrg().toString(),
                    a.version());
            if (("risk-" + e.risk().id().value()).equals(model.getAttribute("failed"))
                    && model.getAttribute("failedIn")
                            instanceof org.yunjian.migration.internal.MigrationRisks.RiskInput t) {
                form = new org.yunjian.migration.internal.MigrationRisks.RiskInput(
                        t.likelihood(), t.impact(), t.treatment(), t.ownerOrg(), a.version());
            }
            forms.put(e.risk().id().value(), form);
        }
        model.addAttribute("risks", register);
        model.addAttribute("riskForms", forms);
        model.addAttribute("ratings", org.yunjian.migration.MigrationRisk.Rating.values());
    }

    @PostMapping("/systems/{id}/lifecycle/migration/risks/{recordId}")
    @PreAuthorize(WHO)
    String assessRisk(
            @PathVariable UUID id,
            @PathVariable String recordId,
            org.yunjian.migration.internal.MigrationRisks.RiskInput in,
            RedirectAttributes flash) {
        return change(
                base(id),
                "risk-" + recordId,
                in,
                flash,
                () -> risks.assess(id, recordId, ExpectedVersion.of(null, in.version()), in));
    }

    @PostMapping("/systems/{id}/lifecycle/migration/risks/{recordId}/treatment")
    @PreAuthorize(WHO)
    String treatRisk(
            @PathVariable UUID id,
            @PathVariable String recordId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String treatedOn,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String version,
            RedirectAttributes flash) {
        return change(
                base(id),
                "treat-" + recordId,
                java.util.Map.of("treatedOn", treatedOn == null ? "" : treatedOn),
                flash,
                () -> risks.treat(id, recordId, ExpectedVersion.ofForm(version), treatedOn));
    }

    @PostMapping("/systems/{id}/lifecycle/migration/checks")
    @PreAuthorize(WHO)
    String addCheck(@PathVariable UUID id, MigrationService.CheckInput in, RedirectAttributes flash) {
        return change(base(id), "check", in, flash, () -> service.addCheck(id, in));
    }

    @PostMapping("/systems/{id}/lifecycle/migration/acceptance")
    @PreAuthorize(WHO)
    String acceptance(
            @PathVariable UUID id,
            MigrationService.AcceptanceInput in,
            @RequestParam(value = "file", required = false) List<MultipartFile> files,
            @RequestParam(required = false) Boolean confirm,
            RedirectAttributes flash)
            throws IOException {
        List<OpsFileRepository.Upload> uploads = uploads(files);
        return change(base(id), "acceptance", in, flash, () -> {
            service.view(id); // a stranger gets 404 before any question about the form
            OpsPageSupport.requireConfirmed(confirm);
            return service.recordAcceptance(id, in, uploads);
        });
    }

    @GetMapping("/systems/{id}/lifecycle/migration/files/{recordId}")
    @PreAuthorize(WHO)
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID recordId) {
        return SupervisionPages.download(service.file(id, recordId));
    }

    @GetMapping("/systems/{id}/lifecycle/migration.docx")
    @PreAuthorize(WHO)
    ResponseEntity<byte[]> docx(@PathVariable UUID id) {
        MigrationService.Export e = service.docx(id);
        return SupervisionPages.docx(e.content(), e.name().contentDisposition());
    }

    static List<OpsFileRepository.Upload> uploads(List<MultipartFile> files) throws IOException {
        List<OpsFileRepository.Upload> out = new java.util.ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (f != null && !f.isEmpty()) {
                    out.add(new OpsFileRepository.Upload(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        return out;
    }
}
