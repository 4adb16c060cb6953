package org.yunjian.lifecycle.web;

import java.util.List;
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
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.LocalizedException;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Texts;

/**
 * The plan page's batch form of a phase: the duties ticked set to one status, or accepted, in one step; back to the
 * phase with how many were saved, or the refusal naming the duty that stopped the batch (nothing stored then).
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
    String status(@PathVariable UUID id, @RequestParam(name = "duty", required = false) List<UUID> duties,
                  @RequestParam(required = false) String status, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) Phase phase, RedirectAttributes flash) {
        return change(id, phase, flash, () -> batch.setStatus(id, duties, PlanInputs.status(status), reason));
    }

    @PostMapping("/systems/{id}/lifecycle/batch/acceptance")
    @PreAuthorize(PlanPages.WHO)
    String accept(@PathVariable UUID id, @RequestParam(name = "duty", required = false) List<UUID> duties,
                  @RequestParam(required = false) Phase phase, RedirectAttributes flash) {
        return change(id, phase, flash, () -> batch.accept(id, duties));
    }

    private String change(UUID id, Phase phase, RedirectAttributes flash, IntSupplier action) {
        plans.access(id); // a stranger gets 404 before anything else
        if (phase != null) {
            flash.addFlashAttribute("batchPhase", phase.name()); // the outcome is shown at the phase's form
        }
        try {
            flash.addFlashAttribute("saved", Texts.get("lifecycle.batch.saved", action.getAsInt()));
        } catch (ValidationException e) {
            flash.addFlashAttribute("errors", e.errors());
        } catch (NotFoundException e) {
            throw e;
        } catch (LocalizedException e) {
            flash.addFlashAttribute("conflict", e.getMessage());
        }
        return "redirect:" + PlanPages.base(id) + (phase == null ? "" : "#stage-" + phase.name());
    }
}
