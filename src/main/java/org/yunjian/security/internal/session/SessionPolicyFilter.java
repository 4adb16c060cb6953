package org.yunjian.security.internal.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.internal.Problems;
import org.yunjian.security.internal.SecurityConfig;
import org.yunjian.security.internal.SecurityProperties;
import org.yunjian.security.internal.directory.DirectoryMembership;
import org.yunjian.security.internal.token.ApiTokenAuthentication;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/**
 * Session rules that apply on every request of a logged-in account: the absolute session limit
 * (the idle timeout is the container's), revocation after an administrator changed the account,
 * and the obligation to change an expired or administrator-set password before anything else.
 */
public class SessionPolicyFilter extends OncePerRequestFilter {

    private static final Set<String> PASSWORD_CHANGE_PATHS =
            Set.of("/account/password", "/api/account/password", "/logout", "/api/csrf", "/error", "/favicon.ico");

    private final SecurityProperties properties;
    private final SessionRevocations revocations;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /** Whether a directory still counts the account its organisation's (security.internal.directory); null: no check. */
    private final DirectoryMembership membership;

    public SessionPolicyFilter(
            SecurityProperties properties,
            SessionRevocations revocations,
            Clock clock,
            ApplicationEventPublisher events) {
        this(properties, revocations, clock, events, null);
    }

    public SessionPolicyFilter(
            SecurityProperties properties,
            SessionRevocations revocations,
            Clock clock,
            ApplicationEventPublisher events,
            DirectoryMembership membership) {
        this.membership = membership;
        this.properties = properties;
        this.revocations = revocations;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Static files are public and carry no data: they are left alone, so a page's stylesheet and scripts do not load
     * (with sessions in the database: read and write back) the session — measured at about 5 ms of CPU per file
     * with two nodes (docs/performance.md). The rules apply on the page's own request.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return SecurityConfig.isStatic(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        // a request with an API token carries no session rules: ApiTokenFilter decided it, whatever cookie it sent
        if (session != null
                && auth != null
                && !(auth instanceof ApiTokenAuthentication)
                && auth.getPrincipal() instanceof AccountPrincipal principal) {
            Instant now = clock.instant();
            Instant started = (Instant) session.getAttribute(SessionKeys.STARTED);
            if (started == null) {
                started = now;
                session.setAttribute(SessionKeys.STARTED, started);
            }
            if (now.isAfter(started.plus(properties.absoluteSessionLimit()))) {
                end(
                        request,
                        response,
                        session,
                        principal,
                        Msg.of(
                                "security.audit.session.limit",
                                properties.absoluteSessionLimit().toMinutes()));
                return;
            }
            if (revocations.isRevoked(principal.user().userId(), started)) {
                end(request, response, session, principal, Msg.of("security.audit.session.accountChanged"));
                return;
            }
            if (membership != null && principal.fullyAuthenticated()) {
                DirectoryMembership.Answer answer =
                        membership.check(principal.user().userId());
                if (answer == DirectoryMembership.Answer.REMOVED || answer == DirectoryMembership.Answer.UNCONFIRMED) {
                    end(request, response, session, principal, Msg.of("directory.audit.session." + answer.name()));
                    return;
                }
            }
            Object reason = session.getAttribute(SessionKeys.PASSWORD_CHANGE);
            if (reason != null && principal.fullyAuthenticated() && !allowedDuringPasswordChange(request)) {
                if (Problems.isApi(request)) {
                    Problems.write(
                            response,
                            HttpServletResponse.SC_FORBIDDEN,
                            "password-expired",
                            "expired".equals(reason)
                                    ? "security.problem.passwordExpired"
                                    : "security.problem.passwordChange");
                } else {
                    response.sendRedirect(request.getContextPath() + "/account/password");
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean allowedDuringPasswordChange(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return PASSWORD_CHANGE_PATHS.contains(path) || SecurityConfig.isStatic(path);
    }

    private void end(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            AccountPrincipal principal,
            Msg why)
            throws IOException {
        session.invalidate();
        SecurityContextHolder.clearContext();
        events.publishEvent(
                AuditableEvent.success("session.end", "user", principal.user().userId(), why)
                        .withActor(principal.getUsername()));
        if (Problems.isApi(request)) {
            Problems.write(
                    response, HttpServletResponse.SC_UNAUTHORIZED, "session-ended", "security.problem.sessionEnded");
        } else {
            response.sendRedirect(request.getContextPath() + "/login?expired");
        }
    }
}
