package org.yunjian.security.internal.token;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.yunjian.security.ApiTokenScope;

/**
 * An API token as its owner and administrators see it: never its value or hash.
 *
 * @param revokedBy display name of who revoked it (the owner or an administrator), if revoked
 */
@Schema(name = "ApiTokenView")
public record ApiTokenView(
        UUID id,
        String name,
        ApiTokenScope scope,
        ApiToken.Status status,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt,
        String revokedBy) {}
