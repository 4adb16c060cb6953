package org.yunjian.procurement.web;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.yunjian.party.Parties;
import org.yunjian.procurement.Judgement;
import org.yunjian.procurement.internal.SelectionService;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.VersionRefusal;

/**
 * The provider selection page ({@code /systems/{id}/lifecycle/selection}): the side-by-side comparison (criteria
 * quoted verbatim × candidates), and for the customer the forms to add candidates, judge, attach evidence (after
 * confirming: evidence is kept for good) and decide. Every form names the selection's version (one for the whole
 * selection, see {@link SelectionService}); a stale one comes back with the typed input and the clear refusal.
 */
@Controller
class SelectionPages {

    private final SelectionService service;
    private final Parties parties;

    SelectionPages(SelectionService service, Parties parties) {
        this.service = service;
        this.parties = parties;
    }

    @GetMapping("/systems/{id}/lifecycle/selection")
    @PreAuthorize(NeedsPages.WHO)
    String page(@PathVariable UUID id, Model model) {
        return render(model, service.view(id), Map.of(), null);
    }

    @PostMapping("/systems/{id}/lifecycle/selection/candidates")
    @PreAuthorize(NeedsPages.WHO)
    String add(
            @PathVariable UUID id,
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String name,
            Model model,
            RedirectAttributes flash) {
        return PageRefusal.on(model)
                .attempt(
                        () -> service.addCandidate(id, organisation, name),
                        () -> saved(id, flash, "candidates"),
                        () -> render(model, service.view(id), PageRefusal.none(), "candidate"));
    }

    @PostMapping("/systems/{id}/lifecycle/selection/candidates/{candidate}/remove")
    @PreAuthorize(NeedsPages.WHO)
    String remove(
            @PathVariable UUID id,
            @PathVariable UUID candidate,
            @RequestParam(required = false) String version,
            Model model,
            RedirectAttributes flash) {
        return refusal(model, Map.of())
                .conflictsAs("remove")
                .step(VersionRefusal.Action.REMOVE)
                .attempt(
                        () -> service.removeCandidate(id, candidate, ExpectedVersion.ofForm(version)),
                        () -> saved(id, flash, "candidates"),
                        () -> render(model, service.view(id), PageRefusal.none(), "candidate"));
    }

    @PostMapping("/systems/{id}/lifecycle/selection/candidates/{candidate}/judgements/{criterion}")
    @PreAuthorize(NeedsPages.WHO)
    String judge(
            @PathVariable UUID id,
            @PathVariable UUID candidate,
            @PathVariable String criterion,
            @RequestParam(required = false) String judgement,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String version,
            Model model,
            RedirectAttributes flash) {
        Map<String, String> typed = typed("judgement", judgement, "note", note);
        model.addAttribute("typed", typed);
        return PageRefusal.on(model)
                .attempt(
                        () -> service.judge(id, candidate, criterion, judgement, note, ExpectedVersion.ofForm(version)),
                        () -> saved(id, flash, "comparison"),
                        () -> render(model, service.view(id), PageRefusal.none(), candidate + "/" + criterion));
    }

    @PostMapping("/systems/{id}/lifecycle/selection/candidates/{candidate}/judgements/{criterion}/evidence")
    @PreAuthorize(NeedsPages.WHO)
    String evidence(
            @PathVariable UUID id,
            @PathVariable UUID candidate,
            @PathVariable String criterion,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String confirm,
            Model model,
            RedirectAttributes flash)
            throws IOException {
        service.requireKeeper(id);
        byte[] content = file == null || file.isEmpty() ? null : file.getBytes();
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            if (confirm == null) {
                                throw new ValidationException(
                                        "confirm", "lifecycle.doc.selection.error.confirmEvidence");
                            }
                            if (content == null) {
                                throw new ValidationException("file", "lifecycle.doc.error.fileRequired");
                            }
                            service.addEvidence(id, candidate, criterion, file.getOriginalFilename(), content);
                        },
                        () -> saved(id, flash, "comparison"),
                        () -> render(model, service.view(id), PageRefusal.none(), candidate + "/" + criterion));
    }

    @GetMapping("/systems/{id}/lifecycle/selection/evidence/{evidence}")
    @PreAuthorize(NeedsPages.WHO)
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID evidence) {
        SelectionService.Opened o = service.evidence(id, evidence);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(o.sealed().servedName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(o.sealed().contentType()))
                .body(o.content());
    }

    @PostMapping("/systems/{id}/lifecycle/selection/decision")
    @PreAuthorize(NeedsPages.WHO)
    String decide(
            @PathVariable UUID id,
            @RequestParam(required = false) String candidate,
            @RequestParam(required = false) String reasons,
            @RequestParam(required = false) String version,
            Model model,
            RedirectAttributes flash) {
        Map<String, String> typed = typed("candidate", candidate, "reasons", reasons);
        model.addAttribute("typed", typed);
        return refusal(model, typed)
                .conflictsAs("candidate")
                .attempt(
                        () -> service.decide(id, candidate, reasons, ExpectedVersion.ofForm(version)),
                        () -> saved(id, flash, "decision"),
                        () -> render(model, service.view(id), PageRefusal.none(), "decision"));
    }

    @GetMapping("/systems/{id}/lifecycle/selection.docx")
    @PreAuthorize(NeedsPages.WHO)
    ResponseEntity<byte[]> docx(@PathVariable UUID id) {
        return ContractPageSupport.docx(service.docx(id));
    }

    /**
     * A form refused for its version (someone else changed the selection since it was opened, or it named none):
     * the page again, read anew, with the clear refusal and the typed input in the form that was sent, which now
     * carries the current version — saving again is deliberate.
     */
    private static PageRefusal refusal(Model model, Map<String, String> typed) {
        return PageRefusal.on(model).keep(e -> model.addAttribute("typed", typed));
    }

    private static Map<String, String> typed(String k1, String v1, String k2, String v2) {
        return Map.of(k1, v1 == null ? "" : v1, k2, v2 == null ? "" : v2);
    }

    private String saved(UUID id, RedirectAttributes flash, String anchor) {
        flash.addFlashAttribute("saved", anchor);
        return "redirect:/systems/" + id + "/lifecycle/selection#" + anchor;
    }

    private String render(Model model, SelectionService.View v, Map<String, String> errors, String failed) {
        model.addAttribute("view", v);
        model.addAttribute("system", v.system());
        model.addAttribute("editable", v.access().isCustomer());
        model.addAttribute("judgements", Judgement.values());
        model.addAttribute("errors", errors);
        model.addAttribute("failed", failed);
        model.addAttribute(
                "systemProvider",
                v.system().providerId() == null
                        ? null
                        : parties.findOrganization(v.system().providerId())
                                .filter(o -> v.selection().candidates().stream()
                                        .noneMatch(c -> o.id().equals(c.organisation())))
                                .orElse(null));
        return "procurement/selection";
    }
}
