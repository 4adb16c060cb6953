package org.yunjian.inheritance.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.inheritance.Inheritances;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Texts;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.VersionRefusal;

/**
 * Inherited items from the pages: record an external conclusion, inherit all cloud-platform items from a source
 * (with a confirmation box), withdraw all; on the item page inherit one item or withdraw it. Refusals come back as a
 * message on the page the user was on (the problem named), field errors next to the conclusion form's fields.
 */
@Controller
class InheritancePages {

    private final Inheritances inheritances;

    InheritancePages(Inheritances inheritances) {
        this.inheritances = inheritances;
    }

    /** What the user typed into the conclusion form, shown again when it was refused. */
    record ConclusionForm(
            String reportNumber, String assessorName, String concludedOn, Verdict verdict, RiskLevel riskLevel) {}

    @PostMapping("/assessments/{id}/external-conclusions")
    @PreAuthorize(Access.WHO)
    String recordConclusion(
            @PathVariable UUID id,
            @RequestParam(required = false) String reportNumber,
            @RequestParam(required = false) String assessorName,
            @RequestParam(required = false) String concludedOn,
            @RequestParam(required = false) Verdict verdict,
            @RequestParam(required = false) RiskLevel riskLevel,
            @RequestParam(value = "file", required = false) MultipartFile file,
            RedirectAttributes flash)
            throws IOException {
        String back = "redirect:/assessments/" + id + "#inheritance-title";
        byte[] content = file == null || file.isEmpty() ? null : file.getBytes();
        return PageRefusal.on(flash)
                .in(CONCLUSION)
                .conflicts(flash, () -> back)
                .attempt(
                        () -> {
                            LocalDate date = null;
                            if (concludedOn != null && !concludedOn.isBlank()) {
                                try {
                                    date = LocalDate.parse(concludedOn.strip());
                                } catch (DateTimeParseException e) {
                                    throw new ValidationException("concludedOn", "assessment.inherit.error.date");
                                }
                            }
                            var s = inheritances.recordConclusion(
                                    id,
                                    new Inheritances.ConclusionInput(
                                            reportNumber, assessorName, date, verdict, riskLevel),
                                    content == null ? null : file.getOriginalFilename(),
                                    content);
                            flash.addFlashAttribute(
                                    "inheritResult", Texts.get("assessment.inherit.recorded", s.label()));
                        },
                        () -> back,
                        () -> {
                            flash.addFlashAttribute(
                                    "conclusionInput",
                                    new ConclusionForm(reportNumber, assessorName, concludedOn, verdict, riskLevel));
                            return back;
                        });
    }

    @PostMapping("/assessments/{id}/inheritance")
    @PreAuthorize(Access.WHO)
    String inheritAll(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID source,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        String back = "redirect:/assessments/" + id + "#inheritance-title";
        return refusal(flash, source)
                .attempt(
                        () -> {
                            if (!confirm) {
                                throw new ConflictException("confirm-missing", "assessment.inherit.error.confirm");
                            }
                            var r = inheritances.inheritAll(id, ExpectedVersion.ofForm(version), source);
                            flash.addFlashAttribute(
                                    "inheritResult",
                                    Texts.get(
                                            "assessment.inherit.bulkDone",
                                            r.inherited(),
                                            r.skipped().size()));
                        },
                        () -> back,
                        () -> back);
    }

    @PostMapping("/assessments/{id}/inheritance/withdraw")
    @PreAuthorize(Access.WHO)
    String withdrawAll(
            @PathVariable UUID id, @RequestParam(required = false) String version, RedirectAttributes flash) {
        String back = "redirect:/assessments/" + id + "#inheritance-title";
        return refusal(flash, null)
                .step(VersionRefusal.Action.WITHDRAW)
                .attempt(
                        () -> flash.addFlashAttribute(
                                "inheritResult",
                                Texts.get(
                                        "assessment.inherit.withdrawnAll",
                                        inheritances.withdrawAll(id, ExpectedVersion.ofForm(version)))),
                        () -> back,
                        () -> back);
    }

    @PostMapping("/assessment-items/{id}/inheritance")
    @PreAuthorize(Access.WHO)
    String inherit(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID source,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        String back = "redirect:/assessment-items/" + id;
        return refusal(flash, source)
                .attempt(
                        () -> inheritances.inherit(id, ExpectedVersion.ofForm(version), source),
                        () -> back,
                        () -> back);
    }

    @PostMapping("/assessment-items/{id}/inheritance/withdraw")
    @PreAuthorize(Access.WHO)
    String withdraw(@PathVariable UUID id, @RequestParam(required = false) String version, RedirectAttributes flash) {
        String back = "redirect:/assessment-items/" + id;
        return refusal(flash, null)
                .step(VersionRefusal.Action.WITHDRAW)
                .attempt(() -> inheritances.withdraw(id, ExpectedVersion.ofForm(version)), () -> back, () -> back);
    }

    /** The conclusion form on the assessment page, as {@link PageRefusal#ERRORS_IN}. */
    static final String CONCLUSION = "conclusion";

    /**
     * A refused one-click form: a conflict or its field errors as the alert; refused for its version, the page shows
     * the clear refusal ({@code web/locking :: stale}) over the record as stored now, its form carrying the newer
     * version and the chosen source kept.
     */
    private static PageRefusal refusal(RedirectAttributes flash, UUID source) {
        return PageRefusal.on(flash).conflicts().errorsAsAlert(" · ").keep(e -> {
            if (source != null) {
                flash.addFlashAttribute("typedSource", source);
            }
        });
    }
}
