package org.yunjian.monitoring.web;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.monitoring.IssuedReport;
import org.yunjian.monitoring.internal.IssuedReports;
import org.yunjian.shared.Texts;
import org.yunjian.shared.refusal.PageRefusal;

/**
 * Issuing a month's 安全运行报告 from the system's monitoring page (its customer; irreversible, so confirmed), and
 * correcting an issued month with a revision and its reason: back to the page's report section, which lists it — or
 * says there why it was refused, the input kept.
 */
@Controller
class ReportPages {

    /** The name of the issue form on the system's page, where its refusal shows. */
    static final String ISSUE = "issue";

    private final IssuedReports issued;

    ReportPages(IssuedReports issued) {
        this.issued = issued;
    }

    @PostMapping("/systems/{id}/monitoring/reports/issue")
    @PreAuthorize(MonitorPages.WHO)
    String issue(
            @PathVariable UUID id,
            @RequestParam(required = false) String month,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes flash) {
        issued.requireIssuer(id); // 404 or 403 as the API: only a refusal of the issue itself shows on the page
        String back = "redirect:/systems/" + id + "/monitoring#operation-report";
        return PageRefusal.on(flash)
                .in(ISSUE)
                .alerts()
                .errorsAsAlert(" ")
                .attempt(
                        () -> {
                            IssuedReport r = issued.issue(id, month, confirm, null);
                            flash.addFlashAttribute(
                                    "issuedMessage",
                                    Texts.get(
                                            "monitoring.report.issued",
                                            r.month().toString(),
                                            r.reportNumber()));
                        },
                        () -> back,
                        () -> {
                            flash.addFlashAttribute("issueMonth", month);
                            return back;
                        });
    }

    /** A correction of an issued month: a new revision with its reason, confirmed; refused, the reason is kept. */
    @PostMapping("/systems/{id}/monitoring/reports/{month}/revisions")
    @PreAuthorize(MonitorPages.WHO)
    String revise(
            @PathVariable UUID id,
            @PathVariable String month,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes flash) {
        issued.requireIssuer(id);
        String back = "redirect:/systems/" + id + "/monitoring#operation-report";
        return PageRefusal.on(flash)
                .in(ISSUE)
                .alerts()
                .errorsAsAlert(" ")
                .attempt(
                        () -> {
                            IssuedReport r = issued.issue(id, month, confirm, reason == null ? "" : reason);
                            flash.addFlashAttribute(
                                    "issuedMessage",
                                    Texts.get(
                                            "monitoring.report.revised",
                                            r.month().toString(),
                                            r.reportNumber(),
                                            r.revision()));
                        },
                        () -> back,
                        () -> {
                            flash.addFlashAttribute("revisionReason", reason);
                            return back;
                        });
    }
}
