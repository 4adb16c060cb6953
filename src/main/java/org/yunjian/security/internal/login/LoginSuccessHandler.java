package org.yunjian.security.internal.login;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.security.internal.Problems;
import org.yunjian.security.internal.password.PasswordPolicy;
import org.yunjian.security.internal.session.SessionKeys;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/**
 * After the password step: starts the absolute session clock, notes whether the password must be
 * changed, and sends administrators to the TOTP step.
 */
public class LoginSuccessHandler implements AuthenticationSuccessHandler {

    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SavedRequestAwareAuthenticationSuccessHandler saved =
            new SavedRequestAwareAuthenticationSuccessHandler();

    public LoginSuccessHandler(
            AccountRepository accounts, PasswordPolicy policy, Clock clock, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.policy = policy;
        this.clock = clock;
        this.events = events;
        saved.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
        Instant now = clock.instant();
        HttpSession session = request.getSession();
        session.setAttribute(SessionKeys.STARTED, now);
        session.removeAttribute(SessionKeys.PASSWORD_CHANGE);
        session.removeAttribute(SessionKeys.TOTP_ENROLMENT);
        String reason = accounts.findById(principal.user().userId())
                .map(a -> policy.changeRequiredReason(a, now))
                .orElse(null);
        if (reason != null) {
            session.setAttribute(SessionKeys.PASSWORD_CHANGE, reason);
            if ("expired".equals(reason)) {
                events.publishEvent(AuditableEvent.success(
                                "user.password.expired",
                                "user",
                                principal.user().userId(),
                                Msg.of("security.audit.password.expired"))
                        .withActor(principal.getUsername()));
            }
        }
        if (Problems.wantsJson(request)) {
            String next = !principal.fullyAuthenticated() ? "/login/totp" : reason != null ? "/account/password" : "/";
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/json");
            response.getWriter()
                    .write("{\"username\":\"" + Problems.escape(principal.getUsername())
                            + "\",\"next\":\"" + next + "\",\"totpRequired\":" + !principal.fullyAuthenticated()
                            + ",\"passwordChangeRequired\":" + (reason != null) + "}");
        } else if (!principal.fullyAuthenticated()) {
            response.sendRedirect(request.getContextPath() + "/login/totp");
        } else if (reason != null) {
            response.sendRedirect(request.getContextPath() + "/account/password");
        } else {
            saved.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
