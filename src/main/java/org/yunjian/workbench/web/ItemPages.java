package org.yunjian.workbench.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.Inheritance;
import org.yunjian.assessment.ItemLabels;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.evidence.EvidenceService;
import org.yunjian.inheritance.Inheritances;
import org.yunjian.party.Organization;
import org.yunjian.party.Parties;
import org.yunjian.risk.Remediations;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.workbench.internal.ItemFilter;
import org.yunjian.workbench.internal.Workbench;

/**
 * The item page: the requirement with its guide, previous / next within the list's filter, one form for verdict,
 * reasons, risk and observations (saved with a clear 已保存), and the small forms for interviews, evidence and
 * remediation tasks.
 */
@Controller
class ItemPages {

    private final AssessmentService service;
    private final EvidenceService evidence;
    private final Parties parties;
    private final Remediations remediations;
    private final Inheritances inheritances;
    private final Workbench workbench;
    private final ReviewPanel reviewPanel;
    private final ItemLabels labels;

    ItemPages(
            AssessmentService service,
            EvidenceService evidence,
            Parties parties,
            Remediations remediations,
            Inheritances inheritances,
            Workbench workbench,
            ReviewPanel reviewPanel,
            ItemLabels labels) {
        this.labels = labels;
        this.reviewPanel = reviewPanel;
        this.service = service;
        this.evidence = evidence;
        this.parties = parties;
        this.remediations = remediations;
        this.inheritances = inheritances;
        this.workbench = workbench;
    }

    /**
     * What the item's one form shows: the stored values, or what was typed when a save was refused; {@code version}
     * is the item's version the form replaces (hidden field).
     */
    record ItemForm(
            Verdict verdict,
            String reason,
            RiskLevel riskLevel,
            String riskReason,
            String noEvidenceReason,
            String finding,
            String recommendation,
            String observations,
            String version) {
        /** The stored values; a finding's empty 整改建议 starts from {@code draft}, the catalog's (edited, then saved). */
        static ItemForm of(TestItem i, String draft) {
            return new ItemForm(
                    i.verdict(),
                    i.verdictReason(),
                    i.riskLevel(),
                    i.riskReason(),
                    i.noEvidenceReason(),
                    i.finding(),
                    i.recommendation() != null ? i.recommendation() : draft,
                    i.observations(),
                    String.valueOf(i.version()));
        }
    }

    @GetMapping("/assessment-items/{id}")
    @PreAuthorize(AssessmentPages.WHO)
    String item(
            @PathVariable UUID id,
            @RequestParam(required = false) String layer,
            @RequestParam(required = false) String controlPoint,
            @RequestParam(required = false) ItemSide side,
            @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String q,
            Model model) {
        return itemPage(id, new ItemFilter(layer, controlPoint, side, verdict, q), model, Map.of(), null, null);
    }

    /**
     * The item page; {@code typed} keeps a refused save's input, {@code remediationInput} a refused remediation
     * change's input (task id → values).
     */
    private String itemPage(
            UUID id,
            ItemFilter filter,
            Model model,
            Map<String, String> errors,
            ItemForm typed,
            RemediationForm remediationInput) {
        AssessmentService.ItemDetail d = service.item(id);
        model.addAttribute("d", d);
        model.addAttribute("a", d.access().assessment());
        model.addAttribute("systemName", d.access().system().name());
        model.addAttribute("req", d.requirement());
        model.addAttribute(
                "mlps", d.requirement() == null ? null : d.requirement().mlps());
        model.addAttribute("choices", Verdict.offeredFor(d.requirement()));
        model.addAttribute("risks", RiskLevel.values());
        model.addAttribute(
                "form", typed != null ? typed : ItemForm.of(d.item(), labels.recommendationDraft(d.requirement())));
        model.addAttribute("filter", filter);
        model.addAttribute("position", workbench.position(d.item(), filter));
        model.addAttribute("remediationInput", remediationInput);
        Map<UUID, List<RemediationStatus>> choices = new HashMap<>();
        d.remediations().forEach(r -> choices.put(r.id(), Remediations.choices(d.access(), r.status())));
        model.addAttribute("remediationChoices", choices);
        model.addAttribute("people", service.displayNames());
        model.addAttribute("errors", errors);
        model.addAttribute("open", d.access().assessment().status().isOpen());
        Map<UUID, String> orgNames = new HashMap<>();
        d.remediations().forEach(r -> orgNames.computeIfAbsent(r.responsibleOrgId(), this::orgName));
        model.addAttribute("orgNames", orgNames);
        Inheritances.View view = inheritances.view(d.item().assessmentId());
        model.addAttribute("responsible", view.names(d.item()));
        Inheritances.Inherited inherited = view.inheritedOf(d.item());
        model.addAttribute("inherited", inherited);
        // the source item is linked only for a reader who may open it (the platform's parties, administrators)
        model.addAttribute(
                "sourceVisible",
                inherited != null
                        && inherited.sourceItemId() != null
                        && visible(inherited.source().id()));
        model.addAttribute("inheritable", Inheritance.inheritable(d.item().side()));
        model.addAttribute(
                "sources",
                d.access().mayAssess()
                                && view.inheritedOf(d.item()) == null
                                && Inheritance.inheritable(d.item().side())
                        ? inheritances.sources(d.item().assessmentId())
                        : List.of());
        reviewPanel.addToItemPage(model, d);
        return "workbench/item";
    }

    /**
     * The one form: verdict, reasons, risk and observations saved together; back to the item (within the same
     * filter) with 已保存, or the page again with each problem next to its field and the typed input kept.
     */
    @PostMapping("/assessment-items/{id}")
    @PreAuthorize(AssessmentPages.WHO)
    String save(
            @PathVariable UUID id,
            @RequestParam(required = false) Verdict verdict,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) RiskLevel riskLevel,
            @RequestParam(required = false) String riskReason,
            @RequestParam(required = false) String noEvidenceReason,
            @RequestParam(required = false) String finding,
            @RequestParam(required = false) String recommendation,
            @RequestParam(required = false) String observations,
            @RequestParam(required = false) String version,
            @RequestParam(name = "filter", required = false) String filterParams,
            @RequestParam(required = false) String then,
            Model model,
            RedirectAttributes flash) {
        ItemFilter filter = ItemFilter.parse(filterParams);
        String back = "redirect:/assessment-items/" + id + filter.query();
        return PageRefusal.on(model)
                .conflicts(flash, () -> back)
                .attempt(
                        () -> {
                            Workbench.Saved saved = workbench.saveItem(
                                    id,
                                    ExpectedVersion.ofForm(version),
                                    new AssessmentService.VerdictInput(
                                            verdict,
                                            reason,
                                            riskLevel,
                                            riskReason,
                                            noEvidenceReason,
                                            finding,
                                            recommendation),
                                    observations);
                            if ("next".equals(then)) {
                                TestItem item = service.item(id).item();
                                Workbench.Position p = workbench.position(item, filter);
                                if (p != null && p.next() != null) {
                                    flash.addFlashAttribute(
                                            saved.any() ? "savedOther" : "unchangedOther", item.position() + 1);
                                    return "redirect:/assessment-items/" + p.next() + filter.query();
                                }
                            }
                            flash.addFlashAttribute(saved.any() ? "saved" : "unchanged", true);
                            return back;
                        },
                        refusal -> itemPage(
                                id,
                                filter,
                                model,
                                PageRefusal.none(),
                                new ItemForm(
                                        verdict,
                                        reason,
                                        riskLevel,
                                        riskReason,
                                        noEvidenceReason,
                                        finding,
                                        recommendation,
                                        observations,
                                        // the typed input comes back over the newer version: saving again is a
                                        // deliberate replacement
                                        refusal == null
                                                ? version
                                                : String.valueOf(refusal.formVersionOr(() ->
                                                        service.item(id).item().version()))),
                                null));
    }

    @PostMapping("/assessment-items/{id}/verdict")
    @PreAuthorize(AssessmentPages.WHO)
    String verdict(
            @PathVariable UUID id,
            @RequestParam(required = false) Verdict verdict,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) RiskLevel riskLevel,
            @RequestParam(required = false) String riskReason,
            @RequestParam(required = false) String noEvidenceReason,
            @RequestParam(required = false) String finding,
            @RequestParam(required = false) String recommendation,
            @RequestParam(required = false) String version,
            Model model,
            RedirectAttributes flash) {
        return onItem(
                id,
                model,
                flash,
                () -> service.recordVerdict(
                        id,
                        ExpectedVersion.ofForm(version),
                        new AssessmentService.VerdictInput(
                                verdict, reason, riskLevel, riskReason, noEvidenceReason, finding, recommendation)));
    }

    @PostMapping("/assessment-items/{id}/observations")
    @PreAuthorize(AssessmentPages.WHO)
    String observations(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String observations,
            @RequestParam(required = false) String version,
            Model model,
            RedirectAttributes flash) {
        return onItem(
                id, model, flash, () -> service.recordObservations(id, ExpectedVersion.ofForm(version), observations));
    }

    @PostMapping("/assessment-items/{id}/interviews")
    @PreAuthorize(AssessmentPages.WHO)
    String interview(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String interviewee,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(required = false) String heldAt,
            @RequestParam(required = false) String notes,
            Model model,
            RedirectAttributes flash) {
        return onItem(id, model, flash, () -> {
            java.time.Instant held = null;
            if (heldAt != null && !heldAt.isBlank()) {
                try {
                    held = LocalDateTime.parse(heldAt)
                            .atZone(AssessmentPages.ZONE)
                            .toInstant();
                } catch (java.time.format.DateTimeParseException e) {
                    throw new ValidationException("heldAt", "assessment.error.heldAt");
                }
            }
            service.addInterview(id, new AssessmentService.InterviewInput(interviewee, role, held, notes));
        });
    }

    @PostMapping("/assessment-items/{id}/evidence")
    @PreAuthorize(AssessmentPages.WHO)
    String upload(
            @PathVariable UUID id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean sharedWithProvider,
            Model model,
            RedirectAttributes flash)
            throws IOException {
        byte[] content = file == null ? null : file.getBytes();
        return onItem(
                id,
                model,
                flash,
                () -> evidence.upload(
                        id, file == null ? null : file.getOriginalFilename(), content, sharedWithProvider));
    }

    /**
     * Runs a change to an item from its page: back to the item page on success, the page again with the
     * field errors on invalid input, and a flash message when the assessment no longer allows the change.
     */
    private String onItem(UUID id, Model model, RedirectAttributes flash, Runnable change) {
        // these single-purpose posts keep no typed input: the page shows the newer record and why nothing saved
        return PageRefusal.on(model)
                .conflicts(flash, () -> "redirect:/assessment-items/" + id)
                .attempt(
                        change,
                        () -> "redirect:/assessment-items/" + id,
                        () -> itemPage(id, ItemFilter.NONE, model, PageRefusal.none(), null, null));
    }

    @PostMapping("/remediations/{id}")
    @PreAuthorize(AssessmentPages.WHO)
    String remediation(
            @PathVariable UUID id,
            @RequestParam(required = false) RemediationStatus status,
            @RequestParam(required = false) LocalDate dueDate,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String version,
            Model model,
            RedirectAttributes flash) {
        Remediation r = remediations.get(id);
        String back = "redirect:/assessment-items/" + r.itemId();
        // the typed change comes back (over the task's newer version: saving again is deliberate)
        return PageRefusal.on(model)
                .conflicts(flash, () -> back)
                .attempt(
                        () -> remediations.update(
                                id,
                                ExpectedVersion.ofForm(version),
                                new Remediations.Input(null, dueDate, status, note)),
                        () -> back,
                        () -> itemPage(
                                r.itemId(),
                                ItemFilter.NONE,
                                model,
                                PageRefusal.none(),
                                null,
                                new RemediationForm(id, dueDate, status, note)));
    }

    /** What a user entered in a task's form, shown again when the change was refused. */
    record RemediationForm(UUID id, LocalDate dueDate, RemediationStatus status, String note) {}

    private boolean visible(UUID assessmentId) {
        try {
            service.access(assessmentId);
            return true;
        } catch (org.yunjian.shared.NotFoundException e) {
            return false;
        }
    }

    private String orgName(UUID id) {
        return parties.findOrganization(id).map(Organization::name).orElse("—");
    }
}
