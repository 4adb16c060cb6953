package org.yunjian.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.yunjian.documents.FontUnavailableException;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.PreconditionRequiredException;
import org.yunjian.shared.version.StaleVersionException;
import org.yunjian.shared.Texts;

/**
 * RFC 9457 problems for every REST error, from one place. Pages get their own handling. First in order: a
 * {@code @RestController} is also a {@code @Controller}, so without it the page advice would answer REST calls
 * with HTML. The modules' own problem advices (their {@code rest} packages, at {@code HIGHEST_PRECEDENCE} and
 * {@code + 1}) come before it by order, not by the accident of which package the scan finds first; the lock
 * contention advice ({@code + 10}) after it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ProblemAdvice {

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalid(ValidationException e) {
        return withErrors(e.errors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
        return withErrors(errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                Texts.get("web.problem.unreadable", rootMessage(e)));
        p.setType(URI.create("urn:yunjian:problem:unreadable"));
        return p;
    }

    @ExceptionHandler(TypeMismatchException.class)
    ProblemDetail mismatch(TypeMismatchException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                Texts.get("web.problem.invalidParameter", e.getPropertyName()));
        p.setType(URI.create("urn:yunjian:problem:invalid-parameter"));
        return p;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                Texts.get("web.problem.missingParameter", e.getParameterName()));
        p.setType(URI.create("urn:yunjian:problem:invalid-parameter"));
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setType(URI.create("urn:yunjian:problem:not-found"));
        return p;
    }

    @ExceptionHandler(StaleVersionException.class)
    ProblemDetail stale(StaleVersionException e) {
        return e.problem();
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ProblemDetail versionMissing(PreconditionRequiredException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, e.getMessage());
        p.setType(URI.create("urn:yunjian:problem:precondition-required"));
        p.setTitle(Texts.get("locking.required.title"));
        return p;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setType(URI.create("urn:yunjian:problem:" + e.code()));
        return p;
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        p.setType(URI.create("urn:yunjian:problem:forbidden"));
        return p;
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail denied(RuntimeException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                ErrorPages.sentence(403));
        p.setType(URI.create("urn:yunjian:problem:forbidden"));
        return p;
    }

    @ExceptionHandler(FontUnavailableException.class)
    ProblemDetail noFont(FontUnavailableException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        p.setType(URI.create("urn:yunjian:problem:font-unavailable"));
        return p;
    }

    static ProblemDetail withErrors(Map<String, String> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                Texts.get("web.problem.validation", String.join(", ", errors.keySet())));
        p.setType(URI.create("urn:yunjian:problem:validation"));
        p.setProperty("errors", errors);
        return p;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
