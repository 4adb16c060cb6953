package org.yunjian.exitproject.api;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.yunjian.shared.ConflictException;

/**
 * RFC 9457 problems for exit-project state conflicts (409, type {@code urn:yunjian:problem:exit-…}): ahead of the
 * page advice, which would otherwise answer this API's conflicts with the HTML error page.
 */
@RestControllerAdvice(basePackageClasses = ExitProjectProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExitProjectProblems {

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setType(URI.create("urn:yunjian:problem:" + e.code()));
        return p;
    }
}
