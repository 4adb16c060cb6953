package org.yunjian.review.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.SubmissionCheck;
import org.yunjian.review.Reviews;
import org.yunjian.shared.Texts;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.paging.Pager;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.VersionRefusal;

/**
 * The review and sign-off forms of the assessment page: naming the team, submitting (refused with the list of what
 * is missing), sending back with comments per item, approving the review, approving or returning the report, and
 * resolving a comment. Each answers with a redirect to the page it came from; a refusal comes back as a message next
 * to the form with the typed input kept.
 */
@Controller
class ReviewPages {

    static final String WHO = org.yunjian.assessment.Access.WHO;

    private final Reviews reviews;
    private final AssessmentService assessments;

    ReviewPages(Reviews reviews, AssessmentService assessments) {
        this.reviews = reviews;
        this.assessments = assessments;
    }

    /** The first {@value Reviews.SubmissionRefused#SHOWN} items a refused submission lists and how many there are, for the page. */
    /** The forms of the assessment page's review section, as {@link PageRefusal#ERRORS_IN}. */
    static final String REVIEW = "review";

    static final String TEAM = "team";

    static void flashMissing(RedirectAttributes flash, Reviews.SubmissionRefused e) {
        flash.addFlashAttribute("missing", e.shown());
        flash.addFlashAttribute("missingTotal", e.missing().size());
    }

    @PostMapping("/assessments/{id}/team")
    @PreAuthorize(WHO)
    String team(
            @PathVariable UUID id,
            @RequestParam(required = false) List<UUID> testers,
            @RequestParam(required = false) UUID reviewer,
            @RequestParam(required = false) UUID approver,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        // refused, the chosen team comes back (over the newer version: saving again is a deliberate replacement)
        return PageRefusal.on(flash)
                .in(TEAM)
                .conflicts()
                .fields(errors -> Map.of(TEAM, String.join(" ", errors.values())))
                .keep(e -> flash.addFlashAttribute("reviewVersion", version(id, e)))
                .attempt(
                        () -> {
                            reviews.setTeam(
                                    id,
                                    ExpectedVersion.ofForm(version),
                                    new Reviews.TeamInput(testers == null ? List.of() : testers, reviewer, approver));
                            flash.addFlashAttribute("teamSaved", true);
                        },
                        () -> back(id),
                        () -> {
                            flash.addFlashAttribute("teamInput", new Reviews.TeamInput(testers, reviewer, approver));
                            return back(id);
                        });
    }

    /**
     * The items that keep the assessment from going to review, with what they lack: one page, filtered by a text
     * (number, requirement id or control point) and by what is lacking, with the total.
     */
    @GetMapping("/assessments/{id}/review/missing")
    @PreAuthorize(WHO)
    String missing(
            @PathVariable UUID id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String gap,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        var query = ListFilters.Query.of(q, "gap", gap, SubmissionCheck.Gap.class, page, size);
        Paged<Reviews.MissingItem> shown = reviews.missing(id, query.text(), query.choice(), query.page());
        model.addAttribute("a", assessments.access(id).assessment());
        model.addAttribute("missing", shown.items());
        model.addAttribute("filterQ", query.text());
        model.addAttribute("filterGap", query.choice());
        model.addAttribute("gaps", SubmissionCheck.Gap.values());
        model.addAttribute("pager", Pager.of(shown, "/assessments/" + id + "/review/missing", query.filters()));
        return "review/missing";
    }

    @PostMapping("/assessments/{id}/review/submit")
    @PreAuthorize(WHO)
    String submit(@PathVariable UUID id, @RequestParam(required = false) String version, RedirectAttributes flash) {
        return refusal(flash, id)
                .step(VersionRefusal.Action.SUBMIT)
                .attempt(
                        () -> {
                            try {
                                reviews.submit(id, ExpectedVersion.ofForm(version));
                            } catch (Reviews.SubmissionRefused e) {
                                flashMissing(flash, e); // with the alert: what keeps the assessment from review
                                throw e;
                            }
                        },
                        () -> back(id),
                        () -> back(id));
    }

    /** The reviewer's comments come as {@code comment-<itemId>} fields, the general one as {@code comment}. */
    @PostMapping("/assessments/{id}/review/send-back")
    @PreAuthorize(WHO)
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
        return act(
                id,
                flash,
                form,
                null,
                () -> reviews.sendBack(id, ExpectedVersion.ofForm(form.get("version")), perItem, form.get("comment")));
    }

    @PostMapping("/assessments/{id}/review/approve")
    @PreAuthorize(WHO)
    String approveReview(
            @PathVariable UUID id,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        return act(
                id,
                flash,
                Map.of("approveComment", comment == null ? "" : comment),
                approval(comment),
                () -> reviews.approveReview(id, ExpectedVersion.ofForm(version), comment));
    }

    @PostMapping("/assessments/{id}/review/approve-report")
    @PreAuthorize(WHO)
    String approveReport(
            @PathVariable UUID id,
            @RequestParam(required = false) String comment,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        if (!confirm) {
            reviews.requireApprover(id);
            flash.addFlashAttribute(PageRefusal.CONFLICT, Texts.get("assessment.confirm.missing"));
            flash.addFlashAttribute(PageRefusal.ERRORS_IN, REVIEW);
            return back(id);
        }
        return act(
                id,
                flash,
                Map.of("approveReportComment", comment == null ? "" : comment),
                approval(comment),
                () -> reviews.approveReport(id, ExpectedVersion.ofForm(version), comment));
    }

    @PostMapping("/assessments/{id}/review/return")
    @PreAuthorize(WHO)
    String returnReport(
            @PathVariable UUID id,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        return act(
                id,
                flash,
                Map.of("returnComment", comment == null ? "" : comment),
                null,
                () -> reviews.returnReport(id, ExpectedVersion.ofForm(version), comment));
    }

    /**
     * A tester marks a comment resolved, from the assessment page or the item page ({@code back=item}); the form
     * names the assessment's version (a comment keeps none of its own). Refused for its version, the page it came
     * from shows the alert.
     */
    @PostMapping("/review-comments/{id}/resolve")
    @PreAuthorize(WHO)
    String resolve(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String back,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        Reviews.Comment c = reviews.comment(id);
        // the item page shows the alert at its top, the assessment page in its review section
        boolean item = "item".equals(back);
        String page = item ? "redirect:/assessment-items/" + c.itemId() + "#review-comments" : back(c.assessmentId());
        return (item ? PageRefusal.on(flash) : PageRefusal.on(flash).in(REVIEW))
                .keep(e -> flash.addFlashAttribute("reviewVersion", version(c.assessmentId(), e)))
                .step(VersionRefusal.Action.RESOLVE)
                .attempt(() -> reviews.resolve(id, ExpectedVersion.ofForm(version)), () -> page, () -> page);
    }

    /**
     * A refused review form: its alert and field errors in the review section; refused for its version (the
     * assessment changed after it was opened, or it named none), the forms name the current version.
     */
    private PageRefusal refusal(RedirectAttributes flash, UUID id) {
        return PageRefusal.on(flash)
                .in(REVIEW)
                .conflicts()
                .keep(e -> flash.addFlashAttribute("reviewVersion", version(id, e)));
    }

    /** The assessment's version the re-shown review forms name: the refusal's, or the one stored now. */
    private long version(UUID id, VersionRefusal e) {
        return e.formVersionOr(() -> assessments.access(id).assessment().version());
    }

    /**
     * The alert of a refused approval: with no comment typed it is a one-click step that did not happen; with one,
     * the comment is kept below.
     */
    private static VersionRefusal.Action approval(String comment) {
        return comment == null || comment.isBlank() ? VersionRefusal.Action.APPROVE : null;
    }

    private String act(
            UUID id, RedirectAttributes flash, Map<String, String> input, VersionRefusal.Action step, Runnable action) {
        return refusal(flash, id).step(step).attempt(action, () -> back(id), () -> {
            flash.addFlashAttribute("reviewInput", new HashMap<>(input));
            return back(id);
        });
    }

    private static String back(UUID id) {
        return "redirect:/assessments/" + id + "#review";
    }
}
