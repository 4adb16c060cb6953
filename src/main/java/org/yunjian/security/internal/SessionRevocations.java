package org.yunjian.security.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Accounts whose sessions begun before a given instant are no longer valid (disabled, deleted, role
 * changed, password reset by an administrator). Held in memory: sessions are in memory too.
 */
@Component
public class SessionRevocations {

    private final Map<UUID, Instant> revoked = new ConcurrentHashMap<>();
    private final java.time.Duration keep;

    SessionRevocations(SecurityProperties properties) {
        // no session lives longer than the absolute limit, so older revocations can be forgotten
        this.keep = properties.absoluteSessionLimit();
    }

    public void revoke(UUID userId, Instant at) {
        revoked.values().removeIf(t -> t.isBefore(at.minus(keep)));
        revoked.merge(userId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    boolean isRevoked(UUID userId, Instant sessionStart) {
        Instant at = revoked.get(userId);
        return at != null && !sessionStart.isAfter(at);
    }
}
