package org.yunjian.security.internal.token;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yunjian.security.internal.Problems;
import org.yunjian.security.internal.SecurityConfig;
import org.yunjian.security.internal.directory.DirectoryMembership;
import org.yunjian.security.internal.login.AddressThrottle;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/**
 * {@code Authorization: Bearer yj_…} on {@code /api/**}: authenticates the request as the token's owner for this
 * request only (no session, no CSRF token needed — a browser never sends this header by itself). Pages are not
 * reachable with a token (401). Which paths are API paths and which are {@link org.yunjian.security.InteractiveOnly}
 * is decided on the path Spring routes (the same path patterns as the handler mappings), never on the raw URI. A
 * refused token is 401 with the reason, audited; a read-only token on a write, or any token on an interactive account
 * step, is 403, audited. Repeated refusals from one address are throttled like
 * failed logins. The header's value is never logged or echoed.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final AddressThrottle throttle;
    private final ApplicationEventPublisher events;
    /** Steps that need the owner at a browser with password and second factor: a leaked token cannot extend itself. */
    private final RequestMatcher interactiveOnly;
    /** Whether a directory still counts the owner its organisation's (security.internal.directory); null: no check. */
    private final DirectoryMembership membership;

    public ApiTokenFilter(
            ApiTokens tokens,
            AddressThrottle throttle,
            ApplicationEventPublisher events,
            RequestMatcher interactiveOnly) {
        this(tokens, throttle, events, interactiveOnly, null);
    }

    public ApiTokenFilter(
            ApiTokens tokens,
            AddressThrottle throttle,
            ApplicationEventPublisher events,
            RequestMatcher interactiveOnly,
            DirectoryMembership membership) {
        this.membership = membership;
        this.tokens = tokens;
        this.throttle = throttle;
        this.events = events;
        this.interactiveOnly = interactiveOnly;
    }

    /** Whether the request presents a bearer token (CSRF does not apply to it). */
    public static boolean presentsToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    /** The monitoring credential on {@code /actuator/…} is {@link MonitoringTokenFilter}'s, not an API token. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SecurityConfig.ACTUATOR_PATHS.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!presentsToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!SecurityConfig.API_PATHS.matches(request)) {
            refuse(response, "apitoken-api-only", "apitoken.problem.apiOnly");
            return;
        }
        Optional<Duration> wait = throttle.retryAfter(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setHeader(
                    "Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            Problems.write(response, 429, "apitoken-throttled", "apitoken.problem.throttled");
            return;
        }
        String value =
                request.getHeader("Authorization").substring(BEARER.length()).strip();
        ApiTokens.Outcome outcome = tokens.authenticate(value);
        if (outcome instanceof ApiTokens.Refused refused) {
            throttle.failed(request.getRemoteAddr());
            refuse(
                    response,
                    "apitoken-"
                            + refused.reason()
                                    .name()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace('_', '-'),
                    "apitoken.problem." + refused.reason().name());
            return;
        }
        ApiTokens.Accepted accepted = (ApiTokens.Accepted) outcome;
        if (membership != null) {
            DirectoryMembership.Answer answer = membership.check(
                    accepted.authentication().getPrincipal().user().userId());
            if (answer != DirectoryMembership.Answer.LOCAL && answer != DirectoryMembership.Answer.MEMBER) {
                // removed there (the account is now disabled), or the directory cannot confirm the owner now
                events.publishEvent(AuditableEvent.failure(
                                "apitoken.refused",
                                "apitoken",
                                accepted.authentication().tokenId(),
                                Msg.of("directory.audit.tokenRefused." + answer.name(), accepted.tokenName()))
                        .withActor(accepted.authentication().getPrincipal().getUsername()));
                if (answer == DirectoryMembership.Answer.REMOVED) {
                    throttle.failed(request.getRemoteAddr()); // like a revoked token; an outage is no one's fault
                }
                refuse(
                        response,
                        "apitoken-directory-" + answer.name().toLowerCase(java.util.Locale.ROOT),
                        "directory.problem.token." + answer.name());
                return;
            }
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(accepted.authentication());
        SecurityContextHolder.setContext(context);
        try {
            String call = request.getMethod() + " " + path(request);
            if (interactiveOnly.matches(request)) {
                deny(
                        response,
                        call,
                        "apitoken-interactive-only",
                        "apitoken.problem.interactiveOnly",
                        Msg.of("apitoken.audit.interactiveOnly", accepted.tokenName(), call));
                return;
            }
            if (!accepted.authentication().scope().permits(request.getMethod())) {
                deny(
                        response,
                        call,
                        "apitoken-read-only",
                        "apitoken.problem.readOnly",
                        Msg.of("apitoken.audit.readOnly", accepted.tokenName(), call));
                return;
            }
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void deny(HttpServletResponse response, String call, String type, String detailKey, Msg audit)
            throws IOException {
        events.publishEvent(AuditableEvent.denied("access.denied", "request", call, audit));
        Problems.write(response, HttpServletResponse.SC_FORBIDDEN, type, detailKey);
    }

    private static void refuse(HttpServletResponse response, String type, String detailKey) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, type, detailKey);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
