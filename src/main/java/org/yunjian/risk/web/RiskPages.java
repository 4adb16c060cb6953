package org.yunjian.risk.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.risk.Remediations;
import org.yunjian.risk.RiskRegister;
import org.yunjian.risk.RiskState;
import org.yunjian.risk.RiskTreatment;
import org.yunjian.risk.internal.FollowUps;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Texts;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.VersionRefusal;

/**
 * The risk and remediation register pages: the register of an assessment and the page of one finding, with its
 * plan, acceptance, milestones and progress forms. A refused change re-renders the finding's page with each problem
 * next to its field and the typed input kept; a rule refusal (409) comes back as a message.
 */
@Controller
class RiskPages {

    private final RiskRegister register;
    private final Remediations remediations;
    private final FollowUps followUps;
    private final AssessmentService assessments;

    RiskPages(RiskRegister register, Remediations remediations, FollowUps followUps, AssessmentService assessments) {
        this.register = register;
        this.remediations = remediations;
        this.followUps = followUps;
        this.assessments = assessments;
    }

    @GetMapping("/assessments/{id}/risks")
    @PreAuthorize(Access.WHO)
    String registerPage(
            @PathVariable UUID id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        var query = org.yunjian.shared.paging.ListFilters.Query.of(q, "state", state, RiskState.class, page, size);
        RiskRegister.Register r = register.view(id);
        // one assessment's findings: bounded by its test items, filtered and cut after the register is computed
        org.yunjian.shared.paging.Paged<RiskRegister.Entry> shown = org.yunjian.shared.paging.Paged.slice(
                r.entries().stream()
                        .filter(e -> e.matches(query.choice(), query.text()))
                        .toList(),
                query.page());
        model.addAttribute("register", r);
        model.addAttribute("entries", shown.items());
        model.addAttribute("filterQ", query.text());
        model.addAttribute("filterState", query.choice());
        model.addAttribute("states", RiskState.values());
        model.addAttribute(
                "pager", org.yunjian.shared.paging.Pager.of(shown, "/assessments/" + id + "/risks", query.filters()));
        model.addAttribute("a", r.access().assessment());
        model.addAttribute("systemName", r.access().system().name());
        return "risk/risks";
    }

    @PostMapping("/assessments/{id}/follow-ups")
    @PreAuthorize(Access.WHO)
    String followUp(@PathVariable UUID id, RedirectAttributes flash) {
        return PageRefusal.on(flash)
                .conflicts()
                .attempt(
                        () -> {
                            var created = followUps.create(id);
                            flash.addFlashAttribute(
                                    "notice", Texts.get("risk.followUp.created", created.reportNumber()));
                            return "redirect:/assessments/" + created.id();
                        },
                        () -> "redirect:/assessments/" + id + "/risks");
    }

    @GetMapping("/remediations/{id}")
    @PreAuthorize(Access.WHO)
    String entryPage(@PathVariable UUID id, Model model) {
        return entry(id, model, null, Map.of(), Map.of());
    }

    /** The finding's page; {@code form} names the form whose {@code input} is kept with its {@code errors}. */
    private String entry(UUID id, Model model, String form, Map<String, String> input, Map<String, String> errors) {
        RiskRegister.Entry e = register.entry(id);
        var access = assessments.access(e.task().assessmentId());
        model.addAttribute("e", e);
        model.addAttribute("a", access.assessment());
        model.addAttribute("systemName", access.system().name());
        model.addAttribute("today", register.today());
        model.addAttribute("treatments", RiskTreatment.values());
        model.addAttribute("organisations", e.mayPlan() ? register.organisations(id) : java.util.List.of());
        model.addAttribute(
                "statusChoices", Remediations.choices(access, e.task().status()));
        model.addAttribute("form", form);
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        return "risk/risk";
    }

    /**
     * A refused form: the page of the entry as it is now, with the typed input kept in its form and the field errors
     * or the message (someone else's change overtook it: the forms name the newer version, so saving again is a
     * deliberate replacement); a conflict is the alert after the redirect. (The approval and the deletion keep no
     * input: their refusal is the message after the redirect.)
     */
    private static PageRefusal refusal(UUID id, Model model, RedirectAttributes flash) {
        return PageRefusal.on(model).conflicts(flash, () -> "redirect:/remediations/" + id);
    }

    /** A date typed into a form; an unreadable one is a problem of that field, not a 400 page. */
    private static LocalDate date(String field, String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException ex) {
            errors.add(field, "risk.error.date", value);
            return null;
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException ex) {
            return new UUID(0, 0);
        }
    }

    @PostMapping("/remediations/{id}/plan")
    @PreAuthorize(Access.WHO)
    String plan(
            @PathVariable UUID id,
            @RequestParam(required = false) String treatment,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String ownerOrgId,
            @RequestParam(required = false) String transferOrgId,
            @RequestParam(required = false) String dueDate,
            @RequestParam(required = false) String acceptanceReason,
            @RequestParam(required = false) String acceptanceExpiresOn,
            @RequestParam(required = false) String customerStatement,
            @RequestParam(required = false) String version,
            Model model,
            RedirectAttributes flash) {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("treatment", treatment);
        input.put("description", description);
        input.put("statement", customerStatement);
        input.put("ownerOrgId", ownerOrgId);
        input.put("transferOrgId", transferOrgId);
        input.put("dueDate", dueDate);
        input.put("acceptanceReason", acceptanceReason);
        input.put("acceptanceExpiresOn", acceptanceExpiresOn);
        FieldErrors parse = new FieldErrors();
        RiskTreatment t = null;
        if (treatment != null && !treatment.isBlank()) {
            try {
                t = RiskTreatment.valueOf(treatment);
            } catch (IllegalArgumentException ex) {
                parse.add("treatment", "risk.error.treatment.required");
            }
        }
        LocalDate due = date("dueDate", dueDate, parse);
        LocalDate expires = date("acceptanceExpiresOn", acceptanceExpiresOn, parse);
        RiskTreatment chosen = t;
        return refusal(id, model, flash)
                .attempt(
                        () -> {
                            register.entry(id); // 404 before anything is said about the input
                            RiskRegister.PlanInput in = new RiskRegister.PlanInput(
                                    chosen,
                                    description,
                                    uuid(ownerOrgId),
                                    uuid(transferOrgId),
                                    due,
                                    acceptanceReason,
                                    expires,
                                    customerStatement);
                            if (!parse
                                    .isEmpty()) { // every problem at once: what could not be read, then what the rules
                                // refuse
                                register.checkPlan(id, in).messages().forEach(parse::add);
                                parse.throwIfAny();
                            }
                            register.plan(id, ExpectedVersion.ofForm(version), in);
                            flash.addFlashAttribute("notice", Texts.get("risk.saved"));
                        },
                        () -> "redirect:/remediations/" + id,
                        () -> entry(id, model, "plan", input, PageRefusal.none()));
    }

    @PostMapping("/remediations/{id}/approval")
    @PreAuthorize(Access.WHO)
    String approve(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        register.entry(id);
        if (!confirm) {
            flash.addFlashAttribute("conflict", Texts.get("risk.confirm.missing"));
            return "redirect:/remediations/" + id;
        }
        // refused, nothing changed: the entry as stored now, with the clear alert (the confirmation ticked again)
        String back = "redirect:/remediations/" + id;
        return PageRefusal.on(flash)
                .conflicts()
                .step(VersionRefusal.Action.APPROVE)
                .attempt(
                        () -> {
                            register.approve(id, ExpectedVersion.ofForm(version));
                            flash.addFlashAttribute("notice", Texts.get("risk.acceptance.approvedNotice"));
                        },
                        () -> back,
                        () -> back);
    }

    @PostMapping("/remediations/{id}/progress")
    @PreAuthorize(Access.WHO)
    String progress(
            @PathVariable UUID id,
            @RequestParam(required = false) RemediationStatus status,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String version,
            Model model,
            RedirectAttributes flash) {
        Map<String, String> input = new HashMap<>();
        input.put("status", status == null ? null : status.name());
        input.put("note", note);
        return refusal(id, model, flash)
                .attempt(
                        () -> {
                            remediations.update(
                                    id,
                                    ExpectedVersion.ofForm(version),
                                    new Remediations.Input(null, null, status, note));
                            flash.addFlashAttribute("notice", Texts.get("risk.saved"));
                        },
                        () -> "redirect:/remediations/" + id,
                        () -> entry(id, model, "progress", input, PageRefusal.none()));
    }

    @PostMapping("/remediations/{id}/milestones")
    @PreAuthorize(Access.WHO)
    String addMilestone(
            @PathVariable UUID id,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String targetDate,
            @RequestParam(required = false) String version,
            Model model,
            RedirectAttributes flash) {
        Map<String, String> input = new HashMap<>();
        input.put("description", description);
        input.put("targetDate", targetDate);
        FieldErrors parse = new FieldErrors();
        LocalDate target = date("targetDate", targetDate, parse);
        return refusal(id, model, flash)
                .attempt(
                        () -> {
                            register.entry(id);
                            // an unreadable date first, then what the rules refuse
                            PageRefusal.after(
                                    parse,
                                    () -> register.addMilestone(
                                            id,
                                            ExpectedVersion.ofForm(version),
                                            new RiskRegister.MilestoneInput(description, target, null)));
                            flash.addFlashAttribute("notice", Texts.get("risk.saved"));
                        },
                        () -> "redirect:/remediations/" + id,
                        () -> entry(id, model, "milestone-new", input, PageRefusal.none()));
    }

    @PostMapping("/remediations/{id}/milestones/{milestoneId}")
    @PreAuthorize(Access.WHO)
    String updateMilestone(
            @PathVariable UUID id,
            @PathVariable UUID milestoneId,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String targetDate,
            @RequestParam(required = false) String doneOn,
            @RequestParam(required = false) String version,
            Model model,
            RedirectAttributes flash) {
        Map<String, String> input = new HashMap<>();
        input.put("description", description);
        input.put("targetDate", targetDate);
        input.put("doneOn", doneOn);
        FieldErrors parse = new FieldErrors();
        LocalDate target = date("targetDate", targetDate, parse);
        LocalDate done = date("doneOn", doneOn, parse);
        String form = "milestone-" + milestoneId;
        return refusal(id, model, flash)
                .attempt(
                        () -> {
                            register.entry(id);
                            parse.throwIfAny();
                            register.updateMilestone(
                                    id,
                                    milestoneId,
                                    ExpectedVersion.ofForm(version),
                                    new RiskRegister.MilestoneInput(description, target, done));
                            flash.addFlashAttribute("notice", Texts.get("risk.saved"));
                        },
                        () -> "redirect:/remediations/" + id,
                        () -> entry(id, model, form, input, PageRefusal.none()));
    }

    @PostMapping("/remediations/{id}/milestones/{milestoneId}/delete")
    @PreAuthorize(Access.WHO)
    String deleteMilestone(
            @PathVariable UUID id,
            @PathVariable UUID milestoneId,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        register.entry(id);
        if (!confirm) {
            flash.addFlashAttribute("conflict", Texts.get("risk.confirm.missing"));
            return "redirect:/remediations/" + id;
        }
        // refused, nothing deleted: the entry as stored now, with the clear alert (the confirmation ticked again)
        String back = "redirect:/remediations/" + id;
        return PageRefusal.on(flash)
                .conflicts()
                .step(VersionRefusal.Action.DELETE)
                .attempt(
                        () -> {
                            register.deleteMilestone(id, milestoneId, ExpectedVersion.ofForm(version));
                            flash.addFlashAttribute("notice", Texts.get("risk.milestone.deleted"));
                        },
                        () -> back,
                        () -> back);
    }
}
