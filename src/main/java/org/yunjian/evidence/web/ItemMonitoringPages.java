package org.yunjian.evidence.web;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.assessment.Access;
import org.yunjian.evidence.internal.ItemMonitoringEvidence;
import org.yunjian.shared.refusal.PageRefusal;

/**
 * "附为证据" on an item page's panel of website monitoring's reports: the month's report stored as the item's
 * evidence, back to the item page with "已保存" or the refusal (assessment closed, month not offered).
 */
@Controller
class ItemMonitoringPages {

    private final ItemMonitoringEvidence offers;

    ItemMonitoringPages(ItemMonitoringEvidence offers) {
        this.offers = offers;
    }

    @PostMapping("/assessment-items/{id}/evidence/monitoring")
    @PreAuthorize(Access.WHO)
    String attach(
            @PathVariable UUID id,
            @RequestParam(required = false) String month,
            @RequestParam(defaultValue = "false") boolean sharedWithProvider,
            RedirectAttributes flash) {
        String back = "redirect:/assessment-items/" + id + "#monitoring-offers";
        return PageRefusal.on(flash)
                .alerts()
                .errorsAsAlert(" ")
                .attempt(
                        () -> {
                            offers.attach(id, month, sharedWithProvider);
                            flash.addFlashAttribute("saved", true);
                        },
                        () -> back,
                        () -> back);
    }
}
