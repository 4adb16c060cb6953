package org.yunjian.workbench.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.Records;
import org.yunjian.review.Reviews;

/** What the review fragments ({@code review/fragments}) read on the assessment and item pages. */
@Component
class ReviewPanel {

    private final Reviews reviews;
    private final AssessmentService service;

    ReviewPanel(Reviews reviews, AssessmentService service) {
        this.reviews = reviews;
        this.service = service;
    }

    /** The moves outside the review: a tester starts, a tester or the 批准人 archives. */
    static List<AssessmentStatus> plainMoves(Access access) {
        AssessmentStatus s = access.assessment().status();
        if (s == AssessmentStatus.DRAFT && access.mayAssess()) {
            return List.of(AssessmentStatus.IN_PROGRESS);
        }
        boolean approver = access.relations().contains(Access.Relation.APPROVER);
        if (s == AssessmentStatus.COMPLETED && (access.mayAssess() || approver)) {
            return List.of(AssessmentStatus.ARCHIVED);
        }
        return List.of();
    }

    void addTo(Model model, Access access) {
        UUID id = access.assessment().id();
        model.addAttribute("team", reviews.team(access.assessment()));
        model.addAttribute("reviewActor", Reviews.actor(access));
        model.addAttribute("mayChangeTeam", Reviews.mayChangeTeam(access));
        model.addAttribute(
                "teamCandidates",
                Reviews.mayChangeTeam(access)
                        ? service.assessorCandidates(access.assessment().assessorOrgId())
                        : List.of());
        model.addAttribute("reviewHistory", reviews.history(id));
        List<Reviews.Comment> comments = reviews.comments(id);
        model.addAttribute("reviewComments", comments);
        model.addAttribute(
                "openComments", comments.stream().filter(Reviews.Comment::open).count());
        boolean reviewing = access.assessment().status() == AssessmentStatus.IN_REVIEW
                && access.relations().contains(Access.Relation.REVIEWER);
        List<Records.TestItem> items =
                reviewing || !comments.isEmpty() ? service.items(id, null, null, null) : List.of();
        model.addAttribute("reviewItems", reviewing ? items : List.of());
        Map<UUID, Records.TestItem> byId = items.stream().collect(Collectors.toMap(Records.TestItem::id, i -> i));
        model.addAttribute("itemsById", byId);
        model.addAttribute("controlPointNames", service.controlPoints(id));
    }

    void addToItemPage(Model model, AssessmentService.ItemDetail d) {
        model.addAttribute("itemReviewComments", reviews.commentsOfItem(d.item().id()));
    }
}
