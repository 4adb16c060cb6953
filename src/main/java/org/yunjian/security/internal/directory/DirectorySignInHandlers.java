package org.yunjian.security.internal.directory;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.internal.login.AddressThrottle;
import org.yunjian.security.internal.session.SessionKeys;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/**
 * The end of a directory sign-in. On success the session holds the local account ({@link AccountPrincipal}, as after
 * a local login; for OIDC in place of the provider's user), its absolute clock starts, and there is no password to
 * change (the directory owns it). On failure the directory sign-in page says why ({@code ?refused=<reason>}); a wrong
 * directory password counts against the source address like a wrong local one.
 */
final class DirectorySignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final SecurityContextRepository contexts;
    private final DirectoryMembership membership;
    private final AddressThrottle throttle;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SavedRequestAwareAuthenticationSuccessHandler saved =
            new SavedRequestAwareAuthenticationSuccessHandler();

    DirectorySignInHandlers(
            SecurityContextRepository contexts,
            DirectoryMembership membership,
            AddressThrottle throttle,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.contexts = contexts;
        this.membership = membership;
        this.throttle = throttle;
        this.clock = clock;
        saved.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        AccountPrincipal principal = authentication.getPrincipal() instanceof DirectoryOidcUser user
                ? user.account()
                : (AccountPrincipal) authentication.getPrincipal();
        Authentication local =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(local);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        HttpSession session = request.getSession();
        session.setAttribute(SessionKeys.STARTED, clock.instant());
        session.removeAttribute(SessionKeys.PASSWORD_CHANGE);
        session.removeAttribute(SessionKeys.TOTP_ENROLMENT);
        membership.forget(principal.user().userId());
        saved.onAuthenticationSuccess(request, response, local);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        DirectoryAccounts.Refusal reason;
        if (exception instanceof DirectoryAccounts.Refused refused) {
            reason = refused.reason();
        } else {
            // declined there (the person cancelled), its answer did not verify, or it could not be reached
            reason = exception instanceof OAuth2AuthenticationException
                    ? DirectoryAccounts.Refusal.PROVIDER_REFUSED
                    : DirectoryAccounts.Refusal.UNREACHABLE;
            String code = exception instanceof OAuth2AuthenticationException o
                    ? o.getError().getErrorCode()
                    : exception.getClass().getSimpleName();
            events.publishEvent(
                    AuditableEvent.failure("user.login", "user", null, Msg.of("directory.audit.providerFailed", code))
                            .withActor(""));
        }
        if (reason == DirectoryAccounts.Refusal.BAD_CREDENTIALS) {
            throttle.failed(request.getRemoteAddr());
        }
        response.sendRedirect(request.getContextPath() + "/login/directory?refused=" + reason.name());
    }
}
