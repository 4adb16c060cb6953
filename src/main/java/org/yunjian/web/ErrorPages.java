package org.yunjian.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.yunjian.shared.Texts;

/**
 * Every error that reaches the container's error page ({@code sendError}, an unknown URL, a refused method, a bad
 * parameter of a page, a 403 from the filter chain): a page in the user's language with a way back for a browser,
 * an RFC 9457 problem for {@code /api/**}. Replaces Spring Boot's Whitelabel page and its JSON error body.
 */
@Controller
class ErrorPages implements ErrorController {

    /** Statuses with a sentence of their own ({@code web.error.status.<code>}); others read as the generic text. */
    static final Set<Integer> EXPLAINED = Set.of(400, 401, 403, 404, 405, 406, 409, 410, 413, 414, 415, 429, 500, 503);
    /**
     * A filter that already has the sentence for its refusal puts it here (e.g. the body limit, the throttle): a
     * String, or a message rendered here in the page's language ({@link BadRequests}).
     */
    static final String DETAIL = ErrorPages.class.getName() + ".detail";
    /** The login throttle's sentence for its refusal (security's {@code LoginThrottleFilter}), shown on the 429 page. */
    static final String THROTTLE_MESSAGE = "yunjian.throttle.message";

    @RequestMapping("/error")
    @PreAuthorize("permitAll()")
    Object error(HttpServletRequest request) {
        int status = status(request);
        Object given = request.getAttribute(DETAIL);
        String detail = given instanceof String d
                ? d
                : given instanceof MessageSourceResolvable m ? Texts.render(m) : null; // in the page's language
        if (isApi(request)) {
            return problem(status, detail == null ? sentence(status) : detail);
        }
        ModelAndView page = new ModelAndView(status == 429 && detail == null ? "error/429" : "web/error");
        page.setStatus(HttpStatus.valueOf(status));
        page.addObject("messageKey", key(status));
        page.addObject("status", status);
        if (detail != null) {
            page.addObject("detail", detail);
        } else if (status == 429 && request.getAttribute(THROTTLE_MESSAGE) instanceof String throttled) {
            page.addObject("throttleMessage", throttled); // which login count refused it, and for how long
        }
        return page;
    }

    static ResponseEntity<ProblemDetail> problem(int status, String detail) {
        HttpStatus s = HttpStatus.valueOf(status);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(s, detail);
        p.setType(URI.create("urn:yunjian:problem:" + slug(s)));
        return ResponseEntity.status(s)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    /** The user's sentence for a status, in the current language. */
    static String sentence(int status) {
        return Texts.get(key(status));
    }

    static String key(int status) {
        return EXPLAINED.contains(status)
                ? "web.error.status." + status
                : status >= 500 ? "web.error.generic" : "web.error.status.400";
    }

    private static final Map<HttpStatus, String> SLUGS = Map.of(
            HttpStatus.NOT_FOUND,
            "not-found",
            HttpStatus.FORBIDDEN,
            "forbidden",
            HttpStatus.UNAUTHORIZED,
            "unauthorized",
            HttpStatus.METHOD_NOT_ALLOWED,
            "method-not-allowed",
            HttpStatus.BAD_REQUEST,
            "bad-request",
            HttpStatus.CONFLICT,
            "conflict",
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal");

    private static String slug(HttpStatus s) {
        return SLUGS.getOrDefault(s, "status-" + s.value());
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer i && HttpStatus.resolve(i) != null && i >= 400) {
            return i;
        }
        return 404; // /error asked for directly: there is nothing here
    }

    /** Whether the request that failed (not {@code /error} itself) was a REST call. */
    static boolean isApi(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        return uri.substring(Math.min(request.getContextPath().length(), uri.length()))
                .startsWith("/api/");
    }
}
