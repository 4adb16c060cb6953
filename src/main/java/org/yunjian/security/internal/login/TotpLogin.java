package org.yunjian.security.internal.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.Totp;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.security.internal.session.SessionKeys;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/**
 * The second login step for administrators: a TOTP code, and on first use the enrolment of a secret.
 * On success the session's {@code MFA_PENDING} authentication is replaced by the completed principal.
 */
@Service
public class TotpLogin {

    /** A secret offered for enrolment, shown once. */
    public record Enrolment(String secret, String uri) {}

    /** {@code CODE_USED}: a right code, but already used in its 30-second window (each code logs in once). */
    public enum Result {
        SUCCESS,
        INVALID,
        CODE_USED,
        LOCKED
    }

    /** How a code was taken, and — when it was already used — how long until the authenticator shows a new one. */
    public record Verification(Result result, long secondsToWait) {}

    private final AccountRepository accounts;
    private final LoginAttempts attempts;
    private final SecurityContextRepository contexts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AddressThrottle throttle;

    TotpLogin(
            AccountRepository accounts,
            LoginAttempts attempts,
            SecurityContextRepository contexts,
            Clock clock,
            ApplicationEventPublisher events,
            AddressThrottle throttle) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.attempts = attempts;
        this.contexts = contexts;
        this.clock = clock;
        this.events = events;
    }

    /** The enrolment to show if the pending account has no TOTP secret yet; the same one until confirmed. */
    public Optional<Enrolment> enrolment(HttpSession session) {
        AccountPrincipal p = pending().orElseThrow();
        Account a = accounts.findById(p.user().userId()).orElseThrow();
        if (a.totpSecret() != null) {
            return Optional.empty();
        }
        String secret = (String) session.getAttribute(SessionKeys.TOTP_ENROLMENT);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(SessionKeys.TOTP_ENROLMENT, secret);
        }
        return Optional.of(new Enrolment(secret, Totp.uri("Yunjian", a.username(), secret)));
    }

    /** Whether the pending login must change its password next (to choose where to go after success). */
    public boolean passwordChangeRequired(HttpServletRequest request) {
        HttpSession s = request.getSession(false);
        return s != null && s.getAttribute(SessionKeys.PASSWORD_CHANGE) != null;
    }

    public Verification verify(String code, HttpServletRequest request, HttpServletResponse response) {
        AccountPrincipal p = pending()
                .orElseThrow(() ->
                        new org.springframework.security.access.AccessDeniedException("security.error.noPendingLogin"));
        HttpSession session = request.getSession();
        Account a = accounts.findById(p.user().userId()).orElse(null);
        Instant now = clock.instant();
        if (a == null || !a.enabled() || a.lockedAt(now)) {
            return end(request, p, Msg.of("security.audit.totp.disabledOrLocked"));
        }
        if (TotpSecrets.UNREADABLE.equals(a.totpSecret())) {
            return end(request, p, Msg.of("security.audit.totp.unreadable"));
        }
        boolean enrolling = a.totpSecret() == null;
        String secret = enrolling ? (String) session.getAttribute(SessionKeys.TOTP_ENROLMENT) : a.totpSecret();
        OptionalLong step = secret == null ? OptionalLong.empty() : Totp.matchingStep(secret, code, now);
        if (step.isEmpty() || !accounts.useTotpStep(a.id(), step.getAsLong())) {
            Msg why = Msg.of(step.isEmpty() ? "security.audit.totp.wrongCode" : "security.audit.totp.codeUsed");
            events.publishEvent(AuditableEvent.failure(enrolling ? "user.totp.enrol" : "user.totp", "user", a.id(), why)
                    .withActor(a.username()));
            throttle.failed(request.getRemoteAddr());
            if (attempts.totpWrong(a, now)) {
                return end(request, p, Msg.of("security.audit.totp.locked"));
            }
            return step.isEmpty()
                    ? new Verification(Result.INVALID, 0)
                    : new Verification(Result.CODE_USED, secondsUntilStepAfter(step.getAsLong(), now));
        }
        attempts.loginCompleted(a);
        if (enrolling) {
            accounts.setTotpSecret(a.id(), secret);
            session.removeAttribute(SessionKeys.TOTP_ENROLMENT);
            events.publishEvent(
                    AuditableEvent.success("user.totp.enrol", "user", a.id(), Msg.of("security.audit.totp.enrolled"))
                            .withActor(a.username()));
        }
        request.changeSessionId();
        AccountPrincipal done = p.completed();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(done, null, done.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        events.publishEvent(
                AuditableEvent.success("user.totp", "user", a.id(), Msg.of("security.audit.totp.loginComplete"))
                        .withActor(a.username()));
        return new Verification(Result.SUCCESS, 0);
    }

    /**
     * Seconds until the authenticator shows a code of a later step than {@code used} (a code is accepted once, and
     * only a later step's code after it): the end of the used step or of the current one, whichever is later.
     */
    static long secondsUntilStepAfter(long used, Instant now) {
        long current = Math.floorDiv(now.getEpochSecond(), Totp.STEP_SECONDS);
        return Math.max(1, (Math.max(used, current) + 1) * Totp.STEP_SECONDS - now.getEpochSecond());
    }

    private Verification end(HttpServletRequest request, AccountPrincipal p, Msg why) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        events.publishEvent(AuditableEvent.failure("user.totp", "user", p.user().userId(), why)
                .withActor(p.getUsername()));
        return new Verification(Result.LOCKED, 0);
    }

    private static Optional<AccountPrincipal> pending() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AccountPrincipal p && !p.fullyAuthenticated()
                ? Optional.of(p)
                : Optional.empty();
    }
}
