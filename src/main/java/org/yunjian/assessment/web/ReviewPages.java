package org.yunjian.assessment.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.assessment.internal.Reviews;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.ExpectedVersion;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.StaleVersionException;
import org.yunjian.shared.Texts;

/**
 * The review and sign-off forms of the assessment page: naming the team, submitting (refused with the list of what
 * is missing), sending back with comments per item, approving the review, approving or returning the report, and
 * resolving a comment. Each answers with a redirect to the page it came from; a refusal comes back as a message next
 * to the form with the typed input kept.
 */
@Controller
class ReviewPages {

    private final Reviews reviews;

    ReviewPages(Reviews reviews) {
        this.reviews = reviews;
    }

    @PostMapping("/assessments/{id}/team")
    @PreAuthorize(AssessmentPages.WHO)
    String team(@PathVariable UUID id, @RequestParam(required = false) List<UUID> testers,
                @RequestParam(required = false) UUID reviewer, @RequestParam(required = false) UUID approver,
                @RequestParam(required = false) String version, RedirectAttributes flash) {
        try {
            reviews.setTeam(id, ExpectedVersion.ofForm(version),
                    new Reviews.TeamInput(testers == null ? List.of() : testers, reviewer, approver));
            flash.addFlashAttribute("teamSaved", true);
        } catch (StaleVersionException e) {
            // the chosen team comes back over the newer version: saving again is a deliberate replacement
            flash.addFlashAttribute("teamError", e.formText());
            flash.addFlashAttribute("teamInput", new Reviews.TeamInput(testers, reviewer, approver));
            flash.addFlashAttribute("teamVersion", e.currentVersion());
        } catch (ConflictException e) {
            flash.addFlashAttribute("teamError", e.getMessage());
            flash.addFlashAttribute("teamInput", new Reviews.TeamInput(testers, reviewer, approver));
        } catch (ValidationException e) {
            flash.addFlashAttribute("teamError", String.join(" ", e.errors().values()));
            flash.addFlashAttribute("teamInput", new Reviews.TeamInput(testers, reviewer, approver));
        }
        return back(id);
    }

    @PostMapping("/assessments/{id}/review/submit")
    @PreAuthorize(AssessmentPages.WHO)
    String submit(@PathVariable UUID id, RedirectAttributes flash) {
        try {
            reviews.submit(id);
        } catch (Reviews.SubmissionRefused e) {
            flash.addFlashAttribute("missing", e.missing());
            flash.addFlashAttribute("reviewError", e.getMessage());
        } catch (ConflictException e) {
            flash.addFlashAttribute("reviewError", e.getMessage());
        }
        return back(id);
    }

    /** The reviewer's comments come as {@code comment-<itemId>} fields, the general one as {@code comment}. */
    @PostMapping("/assessments/{id}/review/send-back")
    @PreAuthorize(AssessmentPages.WHO)
    String sendBack(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        Map<UUID, String> perItem = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("comment-")) {
                try {
                    perItem.put(UUID.fromString(k.substring(8)), v);
                } catch (IllegalArgumentException ignored) {
                    // not an item field
                }
            }
        });
        return act(id, flash, form, () -> reviews.sendBack(id, perItem, form.get("comment")));
    }

    @PostMapping("/assessments/{id}/review/approve")
    @PreAuthorize(AssessmentPages.WHO)
    String approveReview(@PathVariable UUID id, @RequestParam(required = false) String comment,
                         RedirectAttributes flash) {
        return act(id, flash, Map.of("approveComment", comment == null ? "" : comment),
                () -> reviews.approveReview(id, comment));
    }

    @PostMapping("/assessments/{id}/review/approve-report")
    @PreAuthorize(AssessmentPages.WHO)
    String approveReport(@PathVariable UUID id, @RequestParam(required = false) String comment,
                         @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes flash) {
        if (!confirm) {
            reviews.requireApprover(id);
            flash.addFlashAttribute("reviewError", Texts.get("assessment.confirm.missing"));
            return back(id);
        }
        return act(id, flash, Map.of(), () -> reviews.approveReport(id, comment));
    }

    @PostMapping("/assessments/{id}/review/return")
    @PreAuthorize(AssessmentPages.WHO)
    String returnReport(@PathVariable UUID id, @RequestParam(required = false) String comment,
                        RedirectAttributes flash) {
        return act(id, flash, Map.of("returnComment", comment == null ? "" : comment),
                () -> reviews.returnReport(id, comment));
    }

    /** A tester marks a comment resolved, from the assessment page or the item page ({@code back=item}). */
    @PostMapping("/review-comments/{id}/resolve")
    @PreAuthorize(AssessmentPages.WHO)
    String resolve(@PathVariable UUID id, @RequestParam(defaultValue = "") String back, RedirectAttributes flash) {
        Reviews.Comment c = reviews.resolve(id);
        return "item".equals(back) ? "redirect:/assessment-items/" + c.itemId() + "#review-comments"
                : back(c.assessmentId());
    }

    private String act(UUID id, RedirectAttributes flash, Map<String, String> input, Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            flash.addFlashAttribute("reviewErrors", e.errors());
            flash.addFlashAttribute("reviewInput", new HashMap<>(input));
        } catch (ConflictException e) {
            flash.addFlashAttribute("reviewError", e.getMessage());
            flash.addFlashAttribute("reviewInput", new HashMap<>(input));
        }
        return back(id);
    }

    private static String back(UUID id) {
        return "redirect:/assessments/" + id + "#review";
    }
}
