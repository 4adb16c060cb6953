package org.yunjian.security.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reserves each login attempt (password and TOTP steps) in {@link AddressThrottle} before it is checked, and
 * refuses it when the address is blocked — also by the attempts in progress: 429 with {@code Retry-After}, as a
 * problem for API clients and as the error page for browsers. The reservation is settled when the request ends.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    /** The login steps as Spring routes them (decoded, path parameters removed), like the form login's own matcher. */
    private static final RequestMatcher LOGIN_STEPS = new OrRequestMatcher(Stream.of("/login", "/login/totp",
            "/api/login/totp").map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, p)).toList());

    private final AddressThrottle throttle;
    private final MessageSource messages;

    LoginThrottleFilter(AddressThrottle throttle, MessageSource messages) {
        this.throttle = throttle;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!LOGIN_STEPS.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> wait = throttle.reserve(request.getRemoteAddr());
        if (wait.isEmpty()) {
            try {
                chain.doFilter(request, response);
            } finally {
                throttle.settle();
            }
            return;
        }
        long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
        String message = messages.getMessage("security.throttle.detail", new Object[] {seconds},
                "too many failed logins from this address; try again in " + seconds + " s",
                LocaleContextHolder.getLocale());
        response.setHeader("Retry-After", Long.toString(seconds));
        if (Problems.wantsJson(request) || Problems.isApi(request)) {
            Problems.write(response, 429, "too-many-attempts", "security.throttle.detail", seconds);
        } else {
            request.setAttribute("yunjian.throttle.message", message);
            response.sendError(429, message);
        }
    }
}
