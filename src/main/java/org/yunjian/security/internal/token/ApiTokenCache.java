package org.yunjian.security.internal.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.internal.session.SessionRevocations;

/**
 * Accepted API tokens, so that a pipeline's requests do not each read the token and its owner (issue 33): kept per
 * node for {@code yunjian.security.api-token-cache} (default 5 s, at most {@value #MAX_TOKENS} tokens), keyed by
 * the token's SHA-256 digest — the stored hash, never the value. Only accepted tokens are kept; a refused one is
 * looked up and audited every time. How soon a change reaches a kept token:
 * <ul>
 *   <li>expiry: exactly on time (the expiry instant is checked on every request);</li>
 *   <li>revocation on this node: at once (evicted when revoked and again when the revocation commits); on another
 *       node or straight in the database: within the cache period;</li>
 *   <li>the owner disabled, deleted, given another role or organisation, or their password reset: through the
 *       session revocations ({@link SessionRevocations}), at once on this node, within their 5 s on another.</li>
 * </ul>
 */
@Component
class ApiTokenCache {

    static final int MAX_TOKENS = 10_000;

    /** A token accepted at {@code checkedAt} with its owner as then; {@code useNoted}: its last-used time written. */
    record Entry(ApiToken token, AccountPrincipal owner, Instant checkedAt, AtomicReference<Instant> useNoted) {}

    private final Cache<String, Entry> cache;
    private final SessionRevocations revocations;
    private final Duration keep;

    ApiTokenCache(SessionRevocations revocations, @Value("${yunjian.security.api-token-cache:5s}") Duration keep) {
        this.revocations = revocations;
        this.keep = keep;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(keep)
                .maximumSize(MAX_TOKENS)
                .build();
    }

    /** The token kept under {@code digest} if it is still valid at {@code now}; an invalid one is dropped. */
    Optional<Entry> valid(String digest, Instant now) {
        Entry e = cache.getIfPresent(digest);
        if (e == null) {
            return Optional.empty();
        }
        // a revocation up to one period before the token was read counts too: one still uncommitted while the owner
        // was read (so the old account was kept) is not missed
        if (!now.isBefore(e.token().expiresAt())
                || revocations.isRevoked(e.token().userId(), e.checkedAt().minus(keep))) {
            cache.invalidate(digest);
            return Optional.empty();
        }
        return Optional.of(e);
    }

    void keep(Entry e) {
        cache.put(e.token().secretHash(), e);
    }

    /** Drops a revoked token now and once more when the revocation's transaction ends. */
    void evict(UUID tokenId) {
        cache.asMap().values().removeIf(e -> e.token().id().equals(tokenId));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a request between the statement and the commit may have kept the token again
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.asMap().values().removeIf(e -> e.token().id().equals(tokenId));
                }
            });
        }
    }

    /** Tokens this node keeps now. */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
