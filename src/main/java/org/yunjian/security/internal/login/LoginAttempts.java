package org.yunjian.security.internal.login;

import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.security.internal.SecurityProperties;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/**
 * Two failure counters per account, one for passwords and one for TOTP codes, each locking the account
 * for the configured duration once it reaches the limit. A correct password never clears the TOTP
 * counter (else "password, four wrong codes, repeat" could guess codes for ever); only a complete login
 * — the password for a business user, password and code for an administrator — clears both. The
 * password counter is reserved before the password is checked, in one atomic statement, so concurrent
 * logins cannot check more passwords than the limit.
 */
@Component
public class LoginAttempts {

    private final AccountRepository accounts;
    private final SecurityProperties.Lockout config;
    private final ApplicationEventPublisher events;

    public LoginAttempts(AccountRepository accounts, SecurityProperties properties, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.config = properties.lockout();
        this.events = events;
    }

    /** Whether this login may check a password now; {@code false} if locked or the limit is taken. */
    boolean reservePasswordCheck(Account a, Instant now) {
        return accounts.reservePasswordAttempt(a.id(), config.maxFailures(), now);
    }

    /** The reserved check found the right password: the reservation is given back. */
    public void passwordCorrect(Account a) {
        accounts.releasePasswordAttempt(a.id());
    }

    /** The reserved check found a wrong password (it stays counted); returns {@code true} if this locked the account. */
    public boolean passwordWrong(Account a, Instant now) {
        return lockIfExhausted(a, now, "password");
    }

    /** Counts a wrong TOTP code; returns {@code true} if the account is locked now. */
    public boolean totpWrong(Account a, Instant now) {
        if (!accounts.recordTotpFailure(a.id(), config.maxFailures(), now)) {
            return true;
        }
        return lockIfExhausted(a, now, "TOTP");
    }

    /** A complete login: both counters cleared. */
    public void loginCompleted(Account a) {
        accounts.resetFailures(a.id());
    }

    private boolean lockIfExhausted(Account a, Instant now, String factor) {
        Instant until = now.plus(config.duration());
        if (accounts.lockIfExhausted(a.id(), config.maxFailures(), until)) {
            events.publishEvent(AuditableEvent.failure(
                            "user.lockout",
                            "user",
                            a.id(),
                            Msg.of("security.audit.lockout." + factor, config.maxFailures(), until))
                    .withActor(a.username()));
            return true;
        }
        return false;
    }
}
