package org.yunjian.assessment.api;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.yunjian.assessment.internal.EvidenceException;
import org.yunjian.assessment.internal.Workbooks;
import org.yunjian.shared.Texts;

/** RFC 9457 problems for the assessment module's own failures: rejected workbooks and evidence faults (conflicts: ProblemAdvice). */
@RestControllerAdvice(basePackageClasses = AssessmentProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AssessmentProblems {

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
