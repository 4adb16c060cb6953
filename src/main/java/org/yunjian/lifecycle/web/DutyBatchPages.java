package org.yunjian.lifecycle.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.catalog.Phase;
import org.yunjian.lifecycle.internal.DutyBatch;
import org.yunjian.lifecycle.internal.PlanInputs;
import org.yunjian.lifecycle.internal.PlanService;
import org.yunjian.shared.Texts;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The plan page's batch form of a phase: the duties ticked set to one status, or accepted, in one step; back to the
 * phase with how many were saved, or the refusal naming the duty that stopped the batch (nothing stored then).
 * Each ticked duty carries the version shown ({@code version-<duty id>}); when one changed since the page was read
 * (or a version is missing) the phase shows the clear stale alert naming the duty, with the same duties ticked and
 * the status and reason typed, over the current versions — so submitting again is deliberate.
 */
@Controller
class DutyBatchPages {

    private final DutyBatch batch;
    private final PlanService plans;

    DutyBatchPages(DutyBatch batch, PlanService plans) {
        this.batch = batch;
        this.plans = plans;
    }

    @PostMapping("/systems/{id}/lifecycle/batch/status")
    @PreAuthorize(PlanPages.WHO)
    String status(
            @PathVariable UUID id,
            @RequestParam(name = "duty", required = false) List<UUID> duties,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Phase phase,
            @RequestParam Map<String, String> form,
            RedirectAttributes flash) {
        flash.addFlashAttribute("batchTyped", typed(duties, status, reason));
        return change(
                id, phase, flash, () -> batch.setStatus(id, rows(duties, form), PlanInputs.status(status), reason));
    }

    @PostMapping("/systems/{id}/lifecycle/batch/acceptance")
    @PreAuthorize(PlanPages.WHO)
    String accept(
            @PathVariable UUID id,
            @RequestParam(name = "duty", required = false) List<UUID> duties,
            @RequestParam(required = false) Phase phase,
            @RequestParam Map<String, String> form,
            RedirectAttributes flash) {
        flash.addFlashAttribute("batchTyped", typed(duties, null, null));
        return change(id, phase, flash, () -> batch.accept(id, rows(duties, form)));
    }

    /** The ticked duties with the version each row of the form carried ({@code version-<duty id>}). */
    private static List<DutyBatch.Row> rows(List<UUID> duties, Map<String, String> form) {
        return duties == null
                ? null
                : duties.stream()
                        .map(d -> new DutyBatch.Row(
                                d,
                                ExpectedVersion.ofForm(form.get("version-" + d)).field()))
                        .toList();
    }

    /** What was ticked and typed, kept for the form when the batch is refused. */
    private static Map<String, Object> typed(List<UUID> duties, String status, String reason) {
        Map<String, Object> typed = new HashMap<>();
        typed.put(
                "duties",
                duties == null ? List.of() : duties.stream().map(UUID::toString).toList());
        typed.put("status", status == null ? "" : status);
        typed.put("reason", reason == null ? "" : reason);
        return typed;
    }

    private String change(UUID id, Phase phase, RedirectAttributes flash, IntSupplier action) {
        plans.access(id); // a stranger gets 404 before anything else
        if (phase != null) {
            flash.addFlashAttribute("batchPhase", phase.name()); // the outcome is shown at the phase's form
        }
        String back = "redirect:" + PlanPages.base(id) + (phase == null ? "" : "#stage-" + phase.name());
        // a stale duty's text names the duty, the ticked input kept
        return PageRefusal.on(flash)
                .alerts()
                .attempt(
                        () -> flash.addFlashAttribute("saved", Texts.get("lifecycle.batch.saved", action.getAsInt())),
                        () -> back,
                        () -> back);
    }
}
