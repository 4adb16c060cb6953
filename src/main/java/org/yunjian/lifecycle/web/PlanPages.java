package org.yunjian.lifecycle.web;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Phase;
import org.yunjian.exitproject.ExitProjects;
import org.yunjian.lifecycle.DutyStatus;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.lifecycle.internal.DutyRecords;
import org.yunjian.lifecycle.internal.GateTexts;
import org.yunjian.lifecycle.internal.PlanInputs;
import org.yunjian.lifecycle.internal.PlanService;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Texts;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The lifecycle plan pages: the plan (phases with progress, gates and their obstacles, duties per phase, links to the
 * phase documents), one duty (status, acceptance, assignment, comments, evidence). Changes go through forms and come
 * back to the page with "已保存" or the refusal; closing a phase needs the confirmation box ticked.
 */
@Controller
class PlanPages {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";

    private final PlanService plans;
    private final DutyRecords records;
    private final Catalog catalog;
    private final PeopleNames people;
    private final ExitProjects exitProjects;
    private final org.yunjian.lifecycle.internal.PlanAdditions additions;

    PlanPages(
            PlanService plans,
            DutyRecords records,
            Catalog catalog,
            PeopleNames people,
            ExitProjects exitProjects,
            org.yunjian.lifecycle.internal.PlanAdditions additions) {
        this.plans = plans;
        this.records = records;
        this.catalog = catalog;
        this.people = people;
        this.exitProjects = exitProjects;
        this.additions = additions;
    }

    static String base(UUID id) {
        return "/systems/" + id + "/lifecycle";
    }

    @GetMapping("/systems/{id}/lifecycle")
    @PreAuthorize(WHO)
    String plan(@PathVariable UUID id, Model model) {
        var found = plans.find(id);
        model.addAttribute("base", base(id));
        model.addAttribute("catalog", catalog);
        if (found.isEmpty()) {
            var access = plans.access(id);
            model.addAttribute("system", access.system());
            model.addAttribute("mayCreate", access.isCustomer());
            model.addAttribute("template", plans.template(id).orElse(null));
            return "lifecycle/plan-empty";
        }
        PlanService.PlanView v = found.get();
        model.addAttribute("system", v.access().system());
        model.addAttribute("v", v);
        Map<Phase, java.util.List<GateTexts.Line>> obstacles = new java.util.EnumMap<>(Phase.class);
        v.gates().forEach((p, g) -> obstacles.put(p, GateTexts.lines(g, v.organisations(), catalog)));
        model.addAttribute("obstacles", obstacles);
        Object actedOn = model.getAttribute("batchPhase") != null
                ? model.getAttribute("batchPhase")
                : model.getAttribute("refusedPhase");
        PlanGroups grouped = PlanGroups.of(
                v.plan(), v.visibleDuties(), v.organisations(), actedOn == null ? null : actedOn.toString());
        model.addAttribute("byPhase", grouped.byPhase());
        model.addAttribute("groups", grouped);
        model.addAttribute(
                "throughout",
                v.visibleDuties().stream().filter(d -> d.phase() == null).toList());
        model.addAttribute("today", java.time.LocalDate.now(org.yunjian.shared.Formats.zone()));
        model.addAttribute(
                "people", names(v.visibleDuties().stream().map(PlanDuty::owner).toList()));
        model.addAttribute("exitProjects", exitProjects.ofSystem(id));
        model.addAttribute("fieldLabels", FieldLabels.PLAN);
        model.addAttribute("batchLabels", FieldLabels.BATCH);
        if (v.access().isCustomer()) { // what "add the missing duties" would add, and what it cannot (phase closed)
            var preview = additions.preview(id);
            model.addAttribute(
                    "additions",
                    preview.added().stream()
                            .map(d -> additionLine(d.requirement(), d.organisation(), v.organisations(), null))
                            .toList());
            model.addAttribute(
                    "closedAdditions",
                    preview.refused().stream()
                            .filter(n -> n.reason() == org.yunjian.lifecycle.LifecyclePlan.NotAddedReason.PHASE_CLOSED)
                            .map(n -> additionLine(n.requirement(), n.organisation(), v.organisations(), n.reason()))
                            .toList());
        }
        return "lifecycle/plan";
    }

    @GetMapping("/systems/{id}/lifecycle/duties/{dutyId}")
    @PreAuthorize(WHO)
    String duty(@PathVariable UUID id, @PathVariable("dutyId") UUID duty, Model model) {
        DutyRecords.DutyDetail d = records.detail(id, duty);
        model.addAttribute("base", base(id));
        model.addAttribute("system", d.plan().access().system());
        model.addAttribute("d", d);
        model.addAttribute(
                "requirement", catalog.requirement(d.duty().requirement()).orElseThrow());
        model.addAttribute("clause", GateTexts.clause(d.duty(), catalog));
        model.addAttribute(
                "term",
                d.duty().phase() == null
                        ? null
                        : d.plan()
                                .plan()
                                .stage(d.duty().phase())
                                .map(s -> s.name().text())
                                .orElse(null));
        java.util.List<UUID> ids = new java.util.ArrayList<>();
        ids.add(d.duty().owner());
        ids.add(d.duty().completedBy());
        ids.add(d.duty().acceptedBy());
        d.comments().forEach(c -> ids.add(c.author()));
        d.evidence().forEach(e -> ids.add(e.uploadedBy()));
        model.addAttribute("people", names(ids));
        // the owner picker starts at the current owner (it sends a user name)
        model.addAttribute(
                "ownerPerson",
                d.duty().owner() == null
                        ? null
                        : people.byIds(java.util.List.of(d.duty().owner()))
                                .get(d.duty().owner()));
        model.addAttribute("statuses", DutyStatus.values());
        PlanDuty.Actor me = new PlanDuty.Actor(
                d.plan().access().user().userId(), d.plan().access().user().organizationId());
        model.addAttribute("worksOn", d.duty().worksOn(me) || d.plan().access().isCustomer());
        model.addAttribute("fieldLabels", FieldLabels.DUTY);
        return "lifecycle/duty";
    }

    private Map<UUID, String> names(java.util.Collection<UUID> ids) {
        Set<UUID> set = new HashSet<>(ids);
        set.remove(null);
        Map<UUID, String> out = new java.util.HashMap<>();
        people.byIds(set).forEach((k, p) -> out.put(k, p.displayName()));
        return out;
    }

    @PostMapping("/systems/{id}/lifecycle")
    @PreAuthorize(WHO)
    String create(@PathVariable UUID id, RedirectAttributes flash) {
        return change(base(id), flash, () -> plans.create(id));
    }

    /** A duty to add (or not added, with its reason) as a reader sees it: clause, organisation, reason. */
    private String additionLine(
            org.yunjian.catalog.RequirementId r,
            UUID organisation,
            Map<UUID, String> orgs,
            org.yunjian.lifecycle.LifecyclePlan.NotAddedReason reason) {
        String clause = catalog.requirement(r)
                .map(x -> org.yunjian.catalog.ClauseLabel.of(x).text())
                .orElse(r.value());
        String who = organisation == null ? "—" : orgs.getOrDefault(organisation, "—");
        return reason == null
                ? Texts.get("lifecycle.page.missing.line", clause, who)
                : Texts.get(
                        "lifecycle.page.missing.notAdded",
                        clause,
                        who,
                        org.yunjian.shared.Msg.of(reason).text());
    }

    @PostMapping("/systems/{id}/lifecycle/missing-duties")
    @PreAuthorize(WHO)
    String addMissing(
            @PathVariable UUID id,
            @RequestParam(required = false) Boolean confirm,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        plans.access(id); // a stranger gets 404 before anything else
        if (!Boolean.TRUE.equals(confirm)) {
            flash.addFlashAttribute("conflict", Texts.get("lifecycle.page.missing.unconfirmed"));
            return "redirect:" + base(id) + "#missing-duties";
        }
        return change(base(id) + "#missing-duties", flash, () -> {
            var r = additions.addMissing(id, ExpectedVersion.ofForm(version));
            java.util.List<String> lines = new java.util.ArrayList<>();
            r.added().forEach(d -> lines.add(additionLine(d.requirement(), d.organisation(), r.organisations(), null)));
            r.refused()
                    .forEach(n ->
                            lines.add(additionLine(n.requirement(), n.organisation(), r.organisations(), n.reason())));
            flash.addFlashAttribute(
                    "missingDone",
                    Texts.get(
                            "lifecycle.page.missing.done",
                            r.added().size(),
                            r.refused().size()));
            flash.addFlashAttribute("missingLines", lines);
            return r;
        });
    }

    @PostMapping("/systems/{id}/lifecycle/phases/{phase}/close")
    @PreAuthorize(WHO)
    String close(
            @PathVariable UUID id,
            @PathVariable Phase phase,
            @RequestParam(required = false) Boolean confirm,
            RedirectAttributes flash) {
        plans.access(id); // a stranger gets 404 before anything else
        if (!Boolean.TRUE.equals(confirm)) {
            flash.addFlashAttribute("conflict", Texts.get("lifecycle.page.close.unconfirmed"));
            return "redirect:" + base(id) + "#stage-" + phase.name();
        }
        String back = "redirect:" + base(id) + "#stage-" + phase.name();
        return PageRefusal.on(flash)
                .alerts()
                .attempt(
                        () -> {
                            try {
                                plans.close(id, phase);
                            } catch (PlanService.GateRefused e) {
                                flash.addFlashAttribute(
                                        "refusedPhase", phase.name()); // with the alert: the gate that refused
                                throw e;
                            }
                            flash.addFlashAttribute("saved", Texts.get("lifecycle.page.closedNow"));
                        },
                        () -> back,
                        () -> back);
    }

    @PostMapping("/systems/{id}/lifecycle/phases/{phase}/reopen")
    @PreAuthorize(WHO)
    String reopen(
            @PathVariable UUID id,
            @PathVariable Phase phase,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        return change(base(id) + "#stage-" + phase.name(), flash, () -> plans.reopen(id, phase, reason));
    }

    @PostMapping("/systems/{id}/lifecycle/duties/{dutyId}/status")
    @PreAuthorize(WHO)
    String status(
            @PathVariable UUID id,
            @PathVariable("dutyId") UUID duty,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        return change(base(id) + "/duties/" + duty, flash, typed("status", status, "reason", reason), () -> {
            DutyStatus s = PlanInputs.status(status);
            return plans.setStatus(id, duty, ExpectedVersion.ofForm(version), s, reason);
        });
    }

    @PostMapping("/systems/{id}/lifecycle/duties/{dutyId}/acceptance")
    @PreAuthorize(WHO)
    String accept(
            @PathVariable UUID id,
            @PathVariable("dutyId") UUID duty,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        // one click, nothing typed: refused for its version, the alert says nothing was accepted
        return change(
                base(id) + "/duties/" + duty,
                flash,
                Map.of(),
                e -> e.formText(org.yunjian.shared.version.VersionRefusal.Action.ACCEPT),
                () -> plans.accept(id, duty, ExpectedVersion.ofForm(version)));
    }

    @PostMapping("/systems/{id}/lifecycle/duties/{dutyId}/assignment")
    @PreAuthorize(WHO)
    String assign(
            @PathVariable UUID id,
            @PathVariable("dutyId") UUID duty,
            @RequestParam(required = false) UUID organisation,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String dueDate,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        return change(
                base(id) + "/duties/" + duty,
                flash,
                typed(
                        "organisation",
                        organisation == null ? null : organisation.toString(),
                        "owner",
                        owner,
                        "dueDate",
                        dueDate),
                () -> plans.assign(id, duty, ExpectedVersion.ofForm(version), organisation, owner, dueDate));
    }

    @PostMapping("/systems/{id}/lifecycle/duties/{dutyId}/comments")
    @PreAuthorize(WHO)
    String comment(
            @PathVariable UUID id,
            @PathVariable("dutyId") UUID duty,
            @RequestParam(required = false) String body,
            RedirectAttributes flash) {
        return change(base(id) + "/duties/" + duty + "#comments", flash, () -> records.comment(id, duty, body));
    }

    @PostMapping("/systems/{id}/lifecycle/duties/{dutyId}/evidence")
    @PreAuthorize(WHO)
    String upload(
            @PathVariable UUID id,
            @PathVariable("dutyId") UUID duty,
            @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes flash) {
        return change(base(id) + "/duties/" + duty + "#evidence", flash, () -> {
            if (file == null || file.isEmpty()) {
                throw new ValidationException("file", "lifecycle.evidence.error.noFile");
            }
            try {
                return records.upload(id, duty, file.getOriginalFilename(), file.getBytes());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @PostMapping("/systems/{id}/lifecycle/evidence/{evidenceId}/delete")
    @PreAuthorize(WHO)
    String deleteEvidence(
            @PathVariable UUID id,
            @PathVariable("evidenceId") UUID evidence,
            @RequestParam UUID duty,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes flash) {
        if (!confirm) { // a deleted file cannot be brought back: the form's box must be ticked
            flash.addFlashAttribute("conflict", Texts.get("lifecycle.duty.error.confirmDeleteEvidence"));
            return "redirect:" + base(id) + "/duties/" + duty + "#evidence";
        }
        return change(base(id) + "/duties/" + duty + "#evidence", flash, () -> {
            records.delete(id, evidence);
            return evidence;
        });
    }

    /** A change: back to {@code target} with "已保存" or the refusal (field errors included); strangers get 404. */
    private static String change(String target, RedirectAttributes flash, Supplier<?> action) {
        return change(target, flash, Map.of(), action);
    }

    /**
     * {@link #change(String, RedirectAttributes, Supplier)} of a form whose input is {@code typed}: refused as stale
     * (someone changed the duty after the form was opened) or naming no version, the page shows the current duty
     * with that input kept and the alert of {@link org.yunjian.shared.version.VersionRefusal}, so saving again is deliberate.
     */
    private static String change(
            String target, RedirectAttributes flash, Map<String, String> typed, Supplier<?> action) {
        return change(target, flash, typed, org.yunjian.shared.version.VersionRefusal::formText, action);
    }

    private static String change(
            String target,
            RedirectAttributes flash,
            Map<String, String> typed,
            java.util.function.Function<org.yunjian.shared.version.VersionRefusal, String> refusal,
            Supplier<?> action) {
        // the same clear refusal whether the duty changed meanwhile or the form named no version; strangers get 404
        return PageRefusal.on(flash)
                .staleText(refusal)
                .keep(e -> flash.addFlashAttribute("typed", typed))
                .alerts()
                .conflicts(flash, () -> "redirect:" + target)
                .attempt(
                        () -> {
                            action.get();
                            flash.addFlashAttribute("saved", Texts.get("lifecycle.page.saved"));
                        },
                        () -> "redirect:" + target,
                        () -> "redirect:" + target);
    }

    /** The typed input of a form, by field name (blank fields kept, so the form shows what was sent). */
    private static Map<String, String> typed(String... namesAndValues) {
        Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return out;
    }
}
