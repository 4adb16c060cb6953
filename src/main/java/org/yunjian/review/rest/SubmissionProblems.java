package org.yunjian.review.rest;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.yunjian.review.Reviews;

/**
 * The REST problem of a refused submission, for the assessment modules' REST controllers (named by package). It
 * must be consulted before the web module's {@code ProblemAdvice}, which has the same order and answers every
 * {@code ConflictException} without the list of missing items: advices of equal order are asked in the order they
 * were found, and {@code org.yunjian.review} is scanned before {@code org.yunjian.web} (as
 * {@code org.yunjian.assessment} was, where this handler lived in {@code AssessmentProblems}).
 */
@RestControllerAdvice(basePackages = {"org.yunjian.workbench.rest", "org.yunjian.evidence.rest",
        "org.yunjian.risk.rest", "org.yunjian.report.rest"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class SubmissionProblems {

    /** A refused submission: 409 with every item not ready ({@code missing}: number, item, control point, gaps, link). */
    @ExceptionHandler(Reviews.SubmissionRefused.class)
    ProblemDetail submission(Reviews.SubmissionRefused e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setType(URI.create("urn:yunjian:problem:" + e.code()));
        p.setProperty("missing", e.missing().stream().map(m -> new MissingItemResponse(m.itemId(), m.number(),
                m.requirementId(), m.side(), m.controlPoint(), m.gaps(),
                m.gaps().stream().map(g -> org.yunjian.shared.Msg.of(g).text()).toList(),
                "/assessment-items/" + m.itemId())).toList());
        return p;
    }

    /** One item a submission lacks: {@code gaps} as codes, {@code gapTexts} in the caller's language. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "SubmissionMissingItem")
    record MissingItemResponse(java.util.UUID itemId, int number, String requirementId,
                               org.yunjian.assessment.ItemSide side, String controlPoint,
                               java.util.List<org.yunjian.assessment.SubmissionCheck.Gap> gaps,
                               java.util.List<String> gapTexts, String link) {
    }
}
