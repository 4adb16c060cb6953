package org.yunjian.exitproject.api;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.yunjian.exitproject.ExitProjectConflictException;

/** RFC 9457 problems for exit-project state conflicts (409 with a stable type). */
@RestControllerAdvice(basePackageClasses = ExitProjectProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExitProjectProblems {

    @ExceptionHandler(ExitProjectConflictException.class)
    ProblemDetail conflict(ExitProjectConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setType(URI.create("urn:yunjian:problem:exit-" + e.code()));
        return p;
    }
}
