package org.yunjian.security.internal.login;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/**
 * The password step of login. Every failure looks the same to the client (one message, and the
 * password is always hashed, also for unknown users, so timing does not tell them apart); the audit
 * record says why. Administrators come out of this step holding only {@code MFA_PENDING}; their failure
 * counters stay as they are until the TOTP step completes the login. A password is checked only after
 * {@link LoginAttempts#reservePasswordCheck} reserved the check.
 */
@Component
public class AccountAuthenticationProvider implements AuthenticationProvider {

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final LoginAttempts attempts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AddressThrottle throttle;
    private final String dummyHash;
    /** Accounts a directory manages have no usable local password (security.internal.directory). */
    private final java.util.function.Predicate<UUID> directoryManaged;

    public AccountAuthenticationProvider(
            AccountRepository accounts,
            PasswordEncoder encoder,
            LoginAttempts attempts,
            Clock clock,
            ApplicationEventPublisher events,
            AddressThrottle throttle) {
        this(accounts, encoder, attempts, clock, events, throttle, id -> false);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public AccountAuthenticationProvider(
            AccountRepository accounts,
            PasswordEncoder encoder,
            LoginAttempts attempts,
            Clock clock,
            ApplicationEventPublisher events,
            AddressThrottle throttle,
            org.yunjian.security.internal.directory.DirectoryAccounts directoryAccounts) {
        this(accounts, encoder, attempts, clock, events, throttle, directoryAccounts::isManaged);
    }

    private AccountAuthenticationProvider(
            AccountRepository accounts,
            PasswordEncoder encoder,
            LoginAttempts attempts,
            Clock clock,
            ApplicationEventPublisher events,
            AddressThrottle throttle,
            java.util.function.Predicate<UUID> directoryManaged) {
        this.directoryManaged = directoryManaged;
        this.throttle = throttle;
        this.accounts = accounts;
        this.encoder = encoder;
        this.attempts = attempts;
        this.clock = clock;
        this.events = events;
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username =
                authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        Optional<Account> found = username.isEmpty() ? Optional.empty() : accounts.findByUsername(username);
        if (found.isEmpty()) {
            encoder.matches(password, dummyHash);
            throw fail(authentication, username, null, Msg.of("security.audit.login.unknownUser"));
        }
        Account a = found.get();
        Instant now = clock.instant();
        if (!a.enabled()) {
            encoder.matches(password, dummyHash);
            throw fail(authentication, username, a.id(), Msg.of("security.audit.login.disabled"));
        }
        if (a.awaitingApproval()) {
            encoder.matches(password, dummyHash);
            throw fail(authentication, username, a.id(), Msg.of("security.audit.login.awaitingApproval"));
        }
        if (directoryManaged.test(a.id())) {
            // its organisation's directory signs it in (/login/directory); here it has no password
            encoder.matches(password, dummyHash);
            throw fail(authentication, username, a.id(), Msg.of("directory.audit.localLoginRefused"));
        }
        if (!attempts.reservePasswordCheck(a, now)) {
            // locked, or the last permitted checks are in progress: the password is not checked at all
            encoder.matches(password, dummyHash);
            throw fail(
                    authentication,
                    username,
                    a.id(),
                    a.lockedAt(now)
                            ? Msg.of("security.audit.login.lockedUntil", a.lockedUntil())
                            : Msg.of("security.audit.login.lockedLimit"));
        }
        if (!encoder.matches(password, a.passwordHash())) {
            boolean locked = attempts.passwordWrong(a, now);
            throw fail(
                    authentication,
                    username,
                    a.id(),
                    Msg.of(locked ? "security.audit.login.wrongPasswordLocked" : "security.audit.login.wrongPassword"));
        }
        attempts.passwordCorrect(a);
        if (!a.requiresTotp()) {
            attempts.loginCompleted(a);
        }
        // the session keeps no password hash
        AccountPrincipal principal = new AccountPrincipal(a.toCurrentUser(), null, true, false, true);
        if (a.requiresTotp()) {
            principal = principal.pendingMfa();
        }
        events.publishEvent(AuditableEvent.success(
                        "user.login",
                        "user",
                        a.id(),
                        Msg.of(
                                a.requiresTotp()
                                        ? "security.audit.login.passwordTotpPending"
                                        : "security.audit.login.passwordVerified"))
                .withActor(username));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private BadCredentialsException fail(Authentication authentication, String username, UUID id, Msg why) {
        events.publishEvent(
                AuditableEvent.failure("user.login", "user", id, why).withActor(username));
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            throttle.failed(details.getRemoteAddress());
        }
        return new BadCredentialsException("Bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
