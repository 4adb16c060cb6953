package org.yunjian.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * Database lock contention is not a server fault: a lock that could not be had in time (H2 lock timeout,
 * PostgreSQL {@code lock_timeout}) is answered 503 with {@code Retry-After}; a deadlock, serialisation or
 * optimistic-locking failure 409 (reload and retry). REST callers get an RFC 9457 problem, pages the error
 * page, both worded from the message bundles. Ordered before the general advice so a catch-all there
 * cannot turn these into 500s.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class LockContentionAdvice {

    /** Seconds a client should wait before retrying after a lock timeout. */
    static final int RETRY_AFTER_SECONDS = 2;

    private final MessageSource messages;

    LockContentionAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({CannotAcquireLockException.class, QueryTimeoutException.class})
    Object busy(HandlerMethod handler, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        return answer(handler, HttpStatus.SERVICE_UNAVAILABLE, "busy", "web.error.busy");
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    Object conflict(HandlerMethod handler) {
        return answer(handler, HttpStatus.CONFLICT, "concurrent-change", "web.error.concurrent");
    }

    private Object answer(HandlerMethod handler, HttpStatus status, String type, String key) {
        String text = messages.getMessage(key, null, LocaleContextHolder.getLocale());
        boolean rest =
                handler != null && AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class);
        if (rest) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(status, text);
            p.setType(URI.create("urn:yunjian:problem:" + type));
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(p);
        }
        ModelAndView page = new ModelAndView("web/error");
        page.setStatus(status);
        page.addObject("messageKey", key);
        return page;
    }
}
