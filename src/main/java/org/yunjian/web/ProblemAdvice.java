package org.yunjian.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.ProblemException;
import org.yunjian.shared.Texts;

/**
 * RFC 9457 problems for every REST error, from one place: the web's own (field errors, unreadable bodies, bad
 * parameters, denied access) and every module's refusal, which is a {@link ProblemException} carrying its status,
 * type, title and properties; no module declares an advice of its own (OneProblemAdviceTests). Pages get their own
 * handling. Before the page advice: a {@code @RestController} is also a {@code @Controller}, so without the order the
 * page advice would answer REST calls with HTML; the lock contention advice ({@code + 10}) comes after it.
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
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, Texts.get("web.problem.unreadable", rootMessage(e)));
        p.setType(URI.create("urn:yunjian:problem:unreadable"));
        return p;
    }

    @ExceptionHandler(TypeMismatchException.class)
    ProblemDetail mismatch(TypeMismatchException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, Texts.get("web.problem.invalidParameter", e.getPropertyName()));
        p.setType(URI.create("urn:yunjian:problem:invalid-parameter"));
        return p;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, Texts.get("web.problem.missingParameter", e.getParameterName()));
        p.setType(URI.create("urn:yunjian:problem:invalid-parameter"));
        return p;
    }

    /**
     * Every refusal of the modules' own (not found, conflict, stale version, forbidden change, refused file, failed
     * backup, …): status, type, title, detail and properties as the exception carries them.
     */
    @ExceptionHandler(ProblemException.class)
    ProblemDetail refused(ProblemException e, jakarta.servlet.http.HttpServletRequest request) {
        ProblemDetail p = e.problem();
        if (e instanceof org.yunjian.shared.version.StaleVersionException
                && request.getHeader(org.springframework.http.HttpHeaders.IF_MATCH) != null) {
            // RFC 9110 13.1.1: the version the request named in If-Match is not the stored one — its precondition
            // failed (412); a version named in the body of an older client stays a conflict (409)
            p.setStatus(HttpStatus.PRECONDITION_FAILED);
            p.setType(URI.create(PRECONDITION_FAILED));
        }
        return p;
    }

    /** The problem type of a stale {@code If-Match}. */
    static final String PRECONDITION_FAILED = "urn:yunjian:problem:precondition-failed";

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail denied(RuntimeException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ErrorPages.sentence(403));
        p.setType(URI.create("urn:yunjian:problem:forbidden"));
        return p;
    }

    static ProblemDetail withErrors(Map<String, String> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, Texts.get("web.problem.validation", String.join(", ", errors.keySet())));
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
