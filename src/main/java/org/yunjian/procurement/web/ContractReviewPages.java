package org.yunjian.procurement.web;

import java.util.ArrayList;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.procurement.AgreementDocument;
import org.yunjian.procurement.ClauseStatus;
import org.yunjian.procurement.internal.ContractReviewService;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The contract, SLA and NDA review page ({@code /systems/{id}/lifecycle/contract-review}): the gate first (what
 * keeps the acquisition phase open, each with the standard's text), then per document the required clauses with
 * the standard's text, mandatory or recommended, and — for the customer — a form per clause.
 */
@Controller
class ContractReviewPages {

    private final ContractReviewService service;

    ContractReviewPages(ContractReviewService service) {
        this.service = service;
    }

    @GetMapping("/systems/{id}/lifecycle/contract-review")
    @PreAuthorize(NeedsPages.WHO)
    String page(@PathVariable UUID id, Model model) {
        return render(model, service.review(id), null, Map.of());
    }

    @PostMapping("/systems/{id}/lifecycle/contract-review/clauses/{clause}")
    @PreAuthorize(NeedsPages.WHO)
    String mark(
            @PathVariable UUID id,
            @PathVariable String clause,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String validFrom,
            @RequestParam(required = false) String validUntil,
            @RequestParam(required = false) String version,
            Model model,
            RedirectAttributes flash) {
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            service.mark(
                                    id,
                                    clause,
                                    ExpectedVersion.ofForm(version),
                                    status,
                                    reference,
                                    note,
                                    validFrom,
                                    validUntil);
                            flash.addFlashAttribute("saved", clause);
                            return "redirect:/systems/" + id + "/lifecycle/contract-review#clause-" + clause;
                        },
                        () -> {
                            // the clause's form again with what was typed, over the review as stored now
                            model.addAttribute("typed", typed(status, reference, note, validFrom, validUntil));
                            return render(model, service.review(id), clause, PageRefusal.none());
                        });
    }

    @GetMapping("/systems/{id}/lifecycle/contract-review.docx")
    @PreAuthorize(NeedsPages.WHO)
    ResponseEntity<byte[]> docx(@PathVariable UUID id) {
        return ContractPageSupport.docx(service.docx(id));
    }

    private static Map<String, String> typed(
            String status, String reference, String note, String validFrom, String validUntil) {
        Map<String, String> typed = new java.util.HashMap<>();
        typed.put("validFrom", validFrom == null ? "" : validFrom);
        typed.put("validUntil", validUntil == null ? "" : validUntil);
        typed.put("status", status == null ? "" : status);
        typed.put("reference", reference == null ? "" : reference);
        typed.put("note", note == null ? "" : note);
        return typed;
    }

    private String render(Model model, ContractReviewService.Review r, String failed, Map<String, String> errors) {
        model.addAttribute("review", r);
        model.addAttribute("system", r.system());
        model.addAttribute("editable", r.access().isCustomer());
        Map<AgreementDocument, List<ContractReviewService.Line>> byDocument = new LinkedHashMap<>();
        for (ContractReviewService.Line l : r.lines()) {
            byDocument
                    .computeIfAbsent(l.clause().document(), k -> new ArrayList<>())
                    .add(l);
        }
        model.addAttribute("byDocument", byDocument);
        model.addAttribute(
                "statuses", new ClauseStatus[] {ClauseStatus.PRESENT, ClauseStatus.MISSING, ClauseStatus.NEGOTIATED});
        model.addAttribute("failed", failed);
        model.addAttribute("errors", errors);
        return "procurement/contract-review";
    }
}
