package org.yunjian.workbench.rest;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.yunjian.evidence.EvidenceException;
import org.yunjian.workbench.internal.Workbooks;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.version.StaleVersionException;
import org.yunjian.shared.Texts;

/**
 * RFC 9457 problems for the assessment modules' own failures: state conflicts (409), rejected workbooks and evidence
 * faults — for the REST controllers of the workbench, evidence, risk and report modules (named by package, so that
 * no module depends on another for it). After {@code review.rest.SubmissionProblems} (a refused submission is a
 * conflict with the missing items listed, which the plain conflict handler here would answer without them), before
 * {@code web.ProblemAdvice}.
 */
@RestControllerAdvice(basePackages = {"org.yunjian.workbench.rest", "org.yunjian.evidence.rest",
        "org.yunjian.risk.rest", "org.yunjian.report.rest"})
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
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
