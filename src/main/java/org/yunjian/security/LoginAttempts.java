package org.yunjian.security;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunjian.shared.AuditableEvent;

/**
 * Counts consecutive failed authentications (password or TOTP) and locks the account for the
 * configured duration once the limit is reached.
 */
@Component
class LoginAttempts {

    private final AccountRepository accounts;
    private final SecurityProperties.Lockout config;
    private final ApplicationEventPublisher events;

    LoginAttempts(AccountRepository accounts, SecurityProperties properties, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.config = properties.lockout();
        this.events = events;
    }

    /** Records a failure; returns {@code true} if this failure locked the account. */
    boolean failed(Account a, Instant now) {
        int failures = accounts.recordFailure(a.id());
        if (failures >= config.maxFailures()) {
            Instant until = now.plus(config.duration());
            accounts.lockUntil(a.id(), until);
            events.publishEvent(AuditableEvent.failure("user.lockout", "user", a.id(),
                    failures + " consecutive failed attempts; locked until " + until).withActor(a.username()));
            return true;
        }
        return false;
    }

    void succeeded(Account a) {
        if (a.failedAttempts() != 0 || a.lockedUntil() != null) {
            accounts.resetFailures(a.id());
        }
    }
}
