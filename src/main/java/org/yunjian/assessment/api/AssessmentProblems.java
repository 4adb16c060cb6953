package org.yunjian.assessment.api;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.yunjian.assessment.internal.EvidenceException;
import org.yunjian.assessment.internal.Reviews;
import org.yunjian.assessment.internal.Workbooks;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.version.StaleVersionException;
import org.yunjian.shared.Texts;

/** RFC 9457 problems for the assessment module's own failures: state conflicts (409), rejected workbooks and evidence faults. */
@RestControllerAdvice(basePackageClasses = AssessmentProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AssessmentProblems {

    /** The one conflict exception, as 409 with its stable code (ahead of the page advice, which also matches here). */
    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setType(URI.create("urn:yunjian:problem:" + e.code()));
        return p;
    }

    /** A stale update (optimistic locking): the one 409 problem of every module, with the stored version. */
    @ExceptionHandler(StaleVersionException.class)
    ProblemDetail stale(StaleVersionException e) {
        return e.problem();
    }

    /** A refused submission: 409 with every item not ready ({@code missing}: number, item, control point, gaps, link). */
    @ExceptionHandler(Reviews.SubmissionRefused.class)
    ProblemDetail submission(Reviews.SubmissionRefused e) {
        ProblemDetail p = conflict(e);
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

    @ExceptionHandler(Workbooks.WorkbookRejected.class)
    ProblemDetail workbook(Workbooks.WorkbookRejected e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, Texts.get("workbook.rejected"));
        p.setType(URI.create("urn:yunjian:problem:workbook-rejected"));
        p.setProperty("problems", e.problems());
        return p;
    }

    @ExceptionHandler(EvidenceException.class)
    ProblemDetail evidence(EvidenceException e) {
        HttpStatus status = e.kind() == EvidenceException.Kind.KEY_DESTROYED ? HttpStatus.GONE
                : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        p.setType(URI.create("urn:yunjian:problem:evidence-" + e.kind().name().toLowerCase().replace('_', '-')));
        return p;
    }
}
