package org.yunjian.lifecycle.web;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.lifecycle.internal.DutyMonitoringEvidence;
import org.yunjian.shared.Texts;
import org.yunjian.shared.refusal.PageRefusal;

/**
 * "附为证据" on a duty page's panel of website monitoring's reports: the month's report stored as the duty's
 * evidence, back to the evidence with "已保存" or the refusal (no right to upload, phase closed, month not offered).
 */
@Controller
class DutyMonitoringPages {

    private final DutyMonitoringEvidence offers;

    DutyMonitoringPages(DutyMonitoringEvidence offers) {
        this.offers = offers;
    }

    @PostMapping("/systems/{id}/lifecycle/duties/{dutyId}/evidence/monitoring")
    @PreAuthorize(PlanPages.WHO)
    String attach(
            @PathVariable UUID id,
            @PathVariable("dutyId") UUID duty,
            @RequestParam(required = false) String month,
            RedirectAttributes flash) {
        String back = "redirect:" + PlanPages.base(id) + "/duties/" + duty + "#evidence";
        return PageRefusal.on(flash)
                .alerts()
                .errorsAsAlert(" ")
                .attempt(
                        () -> {
                            offers.attach(id, duty, month);
                            flash.addFlashAttribute("saved", Texts.get("lifecycle.monitoring.attached", month));
                        },
                        () -> back,
                        () -> back);
    }
}
