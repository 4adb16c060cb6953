package org.yunjian.responsibility.rest;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.yunjian.catalog.Catalog;
import org.yunjian.responsibility.internal.HandOnRefused;
import org.yunjian.responsibility.internal.exchange.MatrixWorkbookImport;
import org.yunjian.responsibility.internal.SignOffRefused;
import org.yunjian.shared.Texts;

/**
 * RFC 9457 problems for this API's own refusals: a refused sign-off (409, with the violations when the rules are
 * broken) and a hand-on beyond the delegation limit (409, with the violation). A change the caller's side may not make is a {@link org.yunjian.shared.ForbiddenException}, answered by
 * the shared problem advice.
 */
@RestControllerAdvice(basePackageClasses = ResponsibilityProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ResponsibilityProblems {

    private final Catalog catalog;

    ResponsibilityProblems(Catalog catalog) {
        this.catalog = catalog;
    }

    @ExceptionHandler(SignOffRefused.class)
    ProblemDetail signOff(SignOffRefused e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setType(URI.create("urn:yunjian:problem:" + e.code()));
        Dtos.violations(e.violations(), catalog).forEach(p::setProperty);
        return p;
    }

    @ExceptionHandler(HandOnRefused.class)
    ProblemDetail handOn(HandOnRefused e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setType(URI.create("urn:yunjian:problem:responsibility-delegation-too-deep"));
        Dtos.violations(e.violations(), catalog).forEach(p::setProperty);
        return p;
    }

    /** A refused workbook: 400 with every problem located by sheet, row and column. */
    @ExceptionHandler(MatrixWorkbookImport.WorkbookRejected.class)
    ProblemDetail workbook(MatrixWorkbookImport.WorkbookRejected e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                Texts.get("responsibility.workbook.rejected", e.problems().size()));
        p.setType(URI.create("urn:yunjian:problem:responsibility-workbook-rejected"));
        p.setProperty("problems", e.problems());
        return p;
    }
}
