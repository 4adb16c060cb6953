package org.yunjian.security.internal.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yunjian.security.internal.SecurityProperties;

/**
 * Accounts whose sessions begun before a given instant are no longer valid (disabled, deleted, role
 * changed, password reset by an administrator). Stored in the database ({@code session_revocation}), so a
 * revocation made on one application node ends the account's sessions on every node, and it commits or
 * rolls back with the change that caused it.
 *
 * <p>Every authenticated request asks {@link #isRevoked}; each node keeps the answer per account for
 * {@code yunjian.security.revocation-cache} (default 5 s, at most {@value #MAX_ACCOUNTS} accounts), so a
 * revocation made on another node ends a session there within that delay; on the node that made it, at once
 * (its entry is dropped when the revocation commits).
 */
@Component
public class SessionRevocations {

    static final int MAX_ACCOUNTS = 10_000;

    private final SessionRevocationRepository rows;
    private final Duration keep;
    private final Cache<UUID, Optional<Instant>> cache;

    public SessionRevocations(
            JdbcClient jdbc,
            SecurityProperties properties,
            @Value("${yunjian.security.revocation-cache:5s}") Duration cacheFor) {
        this.rows = new SessionRevocationRepository(jdbc);
        // no session lives longer than the absolute limit, so older revocations can be forgotten
        this.keep = properties.absoluteSessionLimit();
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(cacheFor)
                .maximumSize(MAX_ACCOUNTS)
                .build();
    }

    public void revoke(UUID userId, Instant at) {
        rows.forgetOlderThan(at.minus(keep));
        if (rows.moveTo(userId, at) == 0) {
            rows.insertUnlessPresent(userId, at);
        }
        cache.invalidate(userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a request between the statement and the commit may have cached the old answer
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(userId);
                }
            });
        }
    }

    public boolean isRevoked(UUID userId, Instant sessionStart) {
        return cache.get(userId, rows::revokedAt)
                .map(at -> !sessionStart.isAfter(at))
                .orElse(false);
    }

    /** Accounts whose answer this node holds now. */
    long cachedAccounts() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
