package org.yunjian.review.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.assessment.AssessmentResponse;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentTeam;
import org.yunjian.assessment.SubmissionCheck;
import org.yunjian.review.Reviews;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.Versioned;

/**
 * Review and sign-off: the team (测评人员 / 审核人 / 批准人), the check before submitting, submitting, sending back
 * with comments per item, approving the review, approving or returning the report, resolving comments, and the
 * history. A refused submission is a 409 problem ({@code submission-incomplete}) with the {@code missing} list.
 */
@RestController
@Tag(name = "Assessment review")
class ReviewApi {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";

    private final Reviews reviews;
    private final AssessmentService service;

    ReviewApi(Reviews reviews, AssessmentService service) {
        this.reviews = reviews;
        this.service = service;
    }

    /** {@code version}: the assessment's version this replaces, if no {@code If-Match} names it. */
    @Schema(name = "ReviewTeamRequest")
    record TeamRequest(List<UUID> testers, UUID reviewer, UUID approver, Long version) {}

    @Schema(name = "ReviewTeamMember")
    record MemberResponse(UUID id, String name) {
        static MemberResponse of(AssessmentTeam.Member m) {
            return m == null ? null : new MemberResponse(m.id(), m.name());
        }
    }

    /** {@code version}: the assessment's version (also the {@code ETag}), named by a change of the team. */
    @Schema(name = "ReviewTeam")
    record TeamResponse(List<MemberResponse> testers, MemberResponse reviewer, MemberResponse approver, long version)
            implements Versioned {
        static TeamResponse of(AssessmentTeam t, long version) {
            return new TeamResponse(
                    t.testers().stream().map(MemberResponse::of).toList(),
                    MemberResponse.of(t.reviewer()),
                    MemberResponse.of(t.approver()),
                    version);
        }
    }

    /** {@code version}: the assessment's version this decision replaces, if no {@code If-Match} names it. */
    @Schema(name = "ReviewCommentRequest")
    record CommentRequest(String comment, Long version) {}

    /** {@code version}: the assessment's version (a resolve or a submission), if no {@code If-Match} names it. */
    @Schema(name = "ReviewVersionRequest")
    record VersionRequest(Long version) {}

    @Schema(name = "ReviewItemComment")
    record ItemCommentRequest(UUID itemId, String comment) {}

    @Schema(name = "ReviewSendBackRequest")
    record SendBackRequest(String comment, List<ItemCommentRequest> items, Long version) {}

    @Schema(name = "ReviewApproveReportRequest")
    record ApproveReportRequest(String comment, Boolean confirm, Long version) {}

    @Schema(name = "ReviewStep")
    record StepResponse(
            UUID id,
            Reviews.StepKind kind,
            String kindText,
            UUID actorId,
            String actorName,
            String comment,
            int commentCount,
            Instant at) {
        static StepResponse of(Reviews.Step s) {
            return new StepResponse(
                    s.id(),
                    s.kind(),
                    Msg.of(s.kind()).text(),
                    s.actorId(),
                    s.actorName(),
                    s.comment(),
                    s.commentCount(),
                    s.at());
        }
    }

    /** {@code version}: the assessment's (a comment keeps none of its own), which resolving it names. */
    @Schema(name = "ReviewComment")
    record CommentResponse(
            UUID id,
            UUID itemId,
            String authorName,
            String body,
            Instant createdAt,
            boolean open,
            Instant resolvedAt,
            String resolvedByName,
            long version)
            implements Versioned {
        static CommentResponse of(Reviews.Comment c, long version) {
            return new CommentResponse(
                    c.id(),
                    c.itemId(),
                    c.authorName(),
                    c.body(),
                    c.createdAt(),
                    c.open(),
                    c.resolvedAt(),
                    c.resolvedByName(),
                    version);
        }
    }

    /** Its {@code ETag}: the assessment's version, which a change of the team or a review decision names. */
    @Schema(name = "ReviewState")
    record ReviewResponse(
            AssessmentResponse assessment,
            TeamResponse team,
            List<StepResponse> history,
            List<CommentResponse> comments)
            implements Versioned {
        @Override
        public long version() {
            return assessment.version();
        }
    }

    @Schema(name = "ReviewMissingItem")
    record MissingResponse(
            UUID itemId,
            int number,
            String requirementId,
            org.yunjian.assessment.ItemSide side,
            String controlPoint,
            List<SubmissionCheck.Gap> gaps,
            List<String> gapTexts,
            String link) {
        static MissingResponse of(Reviews.MissingItem m) {
            return new MissingResponse(
                    m.itemId(),
                    m.number(),
                    m.requirementId(),
                    m.side(),
                    m.controlPoint(),
                    m.gaps(),
                    m.gaps().stream().map(g -> Msg.of(g).text()).toList(),
                    "/assessment-items/" + m.itemId());
        }
    }

    @GetMapping("/api/assessments/{id}/review")
    @PreAuthorize(WHO)
    @Operation(summary = "The team, the review history and the reviewer's comments")
    ReviewResponse review(@PathVariable UUID id) {
        var a = service.access(id).assessment();
        return new ReviewResponse(
                AssessmentResponse.of(a),
                TeamResponse.of(reviews.team(a), a.version()),
                reviews.history(id).stream().map(StepResponse::of).toList(),
                reviews.comments(id).stream()
                        .map(c -> CommentResponse.of(c, a.version()))
                        .toList());
    }

    @PutMapping("/api/assessments/{id}/team")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Name the testers, the reviewer and the approver (testers and the approver; one role each); If-Match names the assessment's version (409 when stale, 428 without)")
    TeamResponse team(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody TeamRequest body) {
        var a = reviews.setTeam(
                id,
                ExpectedVersion.of(ifMatch, body == null ? null : body.version()),
                new Reviews.TeamInput(
                        body == null || body.testers() == null ? List.of() : body.testers(),
                        body == null ? null : body.reviewer(),
                        body == null ? null : body.approver()));
        return TeamResponse.of(reviews.team(a), a.version());
    }

    @GetMapping("/api/assessments/{id}/review/missing")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "The items that keep the assessment from going to review, with what they lack, in order; one page with the total. Filters: gap (VERDICT, RISK_LEVEL, RISK_REASON, EVIDENCE, NOT_APPLICABLE_REASON, OPEN_COMMENT), q (number, requirement id or control point contains, any case); page from 1, size 1-200 (default 50). A bad value is a 400 naming the parameter")
    org.yunjian.shared.paging.Paged<MissingResponse> missing(
            @PathVariable UUID id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String gap,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        var query =
                org.yunjian.shared.paging.ListFilters.Query.of(q, "gap", gap, SubmissionCheck.Gap.class, page, size);
        return reviews.missing(id, query.text(), query.choice(), query.page()).map(MissingResponse::of);
    }

    @PostMapping("/api/assessments/{id}/review/submit")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Submit for review (testers); 409 submission-incomplete lists every item not ready; If-Match (or version) names the assessment's version (409 when stale, 428 without)")
    AssessmentResponse submit(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) VersionRequest body) {
        return AssessmentResponse.of(
                reviews.submit(id, ExpectedVersion.of(ifMatch, body == null ? null : body.version())));
    }

    @PostMapping("/api/assessments/{id}/review/send-back")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Send back to the testers with comments on items (the reviewer only); If-Match (or version) names the assessment's version (409 when stale, 428 without)")
    AssessmentResponse sendBack(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody SendBackRequest body) {
        Map<UUID, String> perItem = new LinkedHashMap<>();
        if (body != null && body.items() != null) {
            for (ItemCommentRequest c : body.items()) {
                if (c == null || c.itemId() == null) {
                    throw new ValidationException("items", "assessment.error.required");
                }
                perItem.put(c.itemId(), c.comment());
            }
        }
        return AssessmentResponse.of(reviews.sendBack(
                id,
                ExpectedVersion.of(ifMatch, body == null ? null : body.version()),
                perItem,
                body == null ? null : body.comment()));
    }

    @PostMapping("/api/assessments/{id}/review/approve")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Approve the review (the reviewer only); the report then awaits the approver; If-Match (or version) names the assessment's version (409 when stale, 428 without)")
    AssessmentResponse approveReview(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) CommentRequest body) {
        return AssessmentResponse.of(
                reviews.approveReview(id, versionOf(ifMatch, body), body == null ? null : body.comment()));
    }

    @PostMapping("/api/assessments/{id}/review/approve-report")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Approve the report (the approver only, confirm=true): the assessment is completed; If-Match (or version) names the assessment's version (409 when stale, 428 without)")
    AssessmentResponse approveReport(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) ApproveReportRequest body) {
        reviews.requireApprover(id);
        if (body == null || !Boolean.TRUE.equals(body.confirm())) {
            throw new ValidationException("confirm", "assessment.confirm.missing");
        }
        return AssessmentResponse.of(
                reviews.approveReport(id, ExpectedVersion.of(ifMatch, body.version()), body.comment()));
    }

    @PostMapping("/api/assessments/{id}/review/return")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Return the report to review with a comment (the approver only); If-Match (or version) names the assessment's version (409 when stale, 428 without)")
    AssessmentResponse returnReport(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) CommentRequest body) {
        return AssessmentResponse.of(
                reviews.returnReport(id, versionOf(ifMatch, body), body == null ? null : body.comment()));
    }

    private static ExpectedVersion versionOf(String ifMatch, CommentRequest body) {
        return ExpectedVersion.of(ifMatch, body == null ? null : body.version());
    }

    @PostMapping("/api/review-comments/{id}/resolve")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Mark a review comment resolved (testers); If-Match (or version) names the assessment's version, the review state's (409 when stale, 428 without)")
    CommentResponse resolve(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) VersionRequest body) {
        Reviews.Comment c = reviews.resolve(id, ExpectedVersion.of(ifMatch, body == null ? null : body.version()));
        return CommentResponse.of(c, reviews.version(c.assessmentId()));
    }
}
