package org.yunjian.evidence.web;

import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.assessment.Access;
import org.yunjian.evidence.EvidenceException;
import org.yunjian.evidence.EvidenceService;
import org.yunjian.shared.Texts;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.VersionRefusal;

/**
 * Evidence from the item page: download (decrypted and verified), share with the provider, delete. Deleting
 * destroys the key and cannot be undone, so the form carries a required confirmation and the server refuses a
 * deletion without it (no JavaScript needed).
 */
@Controller
class EvidencePages {

    static final String WHO = Access.WHO;

    private final EvidenceService evidence;

    EvidencePages(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/evidence/{id}")
    @PreAuthorize(WHO)
    ResponseEntity<?> download(@PathVariable UUID id) {
        try {
            var d = evidence.download(id);
            return ResponseEntity.ok()
                    .header(
                            "Content-Disposition",
                            ContentDisposition.attachment()
                                    .filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                    .build()
                                    .toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .contentType(MediaType.parseMediaType(d.info().contentType()))
                    .body(d.content());
        } catch (EvidenceException e) {
            int status = e.kind() == EvidenceException.Kind.KEY_DESTROYED ? 410 : 500;
            return ResponseEntity.status(status)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body(e.getMessage());
        }
    }

    @PostMapping("/evidence/{id}/shared")
    @PreAuthorize(WHO)
    String share(
            @PathVariable UUID id,
            @RequestParam boolean shared,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        var info = evidence.visible(id);
        // refused, the item page again over the evidence as stored now, with the clear refusal: sharing did not change
        String back = "redirect:/assessment-items/" + info.itemId();
        return PageRefusal.on(flash)
                .conflicts()
                .step(VersionRefusal.Action.SHARE)
                .attempt(() -> evidence.setShared(id, ExpectedVersion.ofForm(version), shared), () -> back, () -> back);
    }

    @PostMapping("/evidence/{id}/delete")
    @PreAuthorize(WHO)
    String deleteEvidence(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        var info = evidence.requireOwned(id);
        if (!confirm) {
            flash.addFlashAttribute("conflict", Texts.get("assessment.confirm.missingDelete", info.displayName()));
            return "redirect:/assessment-items/" + info.itemId();
        }
        // refused, nothing deleted: the item page over the file as stored now, the confirmation to be ticked again
        String back = "redirect:/assessment-items/" + info.itemId();
        return PageRefusal.on(flash)
                .conflicts()
                .step(VersionRefusal.Action.DELETE)
                .attempt(() -> evidence.delete(id, ExpectedVersion.ofForm(version)), () -> back, () -> back);
    }
}
