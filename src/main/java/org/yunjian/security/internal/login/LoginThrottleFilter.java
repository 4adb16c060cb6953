package org.yunjian.security.internal.login;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.internal.Problems;

/**
 * Reserves each login attempt (password and TOTP steps) in {@link AddressThrottle} before it is checked — counted for
 * the account name tried at the request's address, and for the address — and refuses it when one of its counts is
 * blocked, also by the attempts in progress: 429 with {@code Retry-After}, as a problem for API clients and as the
 * error page for browsers, naming what blocked it. The reservation is settled when the request ends. The account
 * name is the form's {@code username} for the password step and the pending login's for the TOTP step.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    /** The login steps as Spring routes them (decoded, path parameters removed), like the form login's own matcher. */
    private static final RequestMatcher LOGIN_STEPS = new OrRequestMatcher(Stream.of(
                    "/login", "/login/totp", "/api/login/totp", "/login/directory/ldap")
            .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, p))
            .toList());

    private static final RequestMatcher PASSWORD_STEP = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login"),
            // the password of an organisation's LDAP directory (security.internal.directory)
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login/directory/ldap"));

    private final AddressThrottle throttle;
    private final MessageSource messages;

    public LoginThrottleFilter(AddressThrottle throttle, MessageSource messages) {
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
        Optional<AddressThrottle.Refusal> refusal = throttle.reserve(request.getRemoteAddr(), account(request));
        if (refusal.isEmpty()) {
            try {
                chain.doFilter(request, response);
            } finally {
                throttle.settle();
            }
            return;
        }
        Duration wait = refusal.get().retryAfter();
        String detail = refusal.get().count().detail;
        long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
        String message = messages.getMessage(
                detail,
                new Object[] {seconds},
                "too many failed logins; try again in " + seconds + " s",
                LocaleContextHolder.getLocale());
        response.setHeader("Retry-After", Long.toString(seconds));
        if (Problems.wantsJson(request) || Problems.isApi(request)) {
            Problems.write(response, 429, "too-many-attempts", detail, seconds);
        } else {
            request.setAttribute("yunjian.throttle.message", message);
            response.sendError(429, message);
        }
    }

    /** The account name this attempt tries: the form's for the password step, the pending login's for the code. */
    private static String account(HttpServletRequest request) {
        if (PASSWORD_STEP.matches(request)) {
            String username = request.getParameter("username");
            return username == null ? "" : username;
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AccountPrincipal p ? p.getUsername() : "";
    }
}
