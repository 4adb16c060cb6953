package org.yunjian.responsibility.api;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.yunjian.catalog.Catalog;
import org.yunjian.responsibility.internal.MatrixAccess;
import org.yunjian.responsibility.internal.SignOffRefused;

/**
 * RFC 9457 problems for this API's own refusals: a change the caller's side may not make (403, naming why — the
 * generic 403 sentence would not) and a refused sign-off (409, with the violations when the rules are broken).
 */
@RestControllerAdvice(basePackageClasses = ResponsibilityProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ResponsibilityProblems {

    private final Catalog catalog;

    ResponsibilityProblems(Catalog catalog) {
        this.catalog = catalog;
    }

    @ExceptionHandler(MatrixAccess.EditRefused.class)
    ProblemDetail refused(MatrixAccess.EditRefused e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        p.setType(URI.create("urn:yunjian:problem:forbidden"));
        return p;
    }

    @ExceptionHandler(SignOffRefused.class)
    ProblemDetail signOff(SignOffRefused e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setType(URI.create("urn:yunjian:problem:" + e.code()));
        Dtos.violations(e.violations(), catalog).forEach(p::setProperty);
        return p;
    }
}
