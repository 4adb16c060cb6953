package org.yunjian.security;

import java.time.Instant;
import java.util.UUID;

/**
 * A user account as administrators and the account holder see it (never the password hash or TOTP secret).
 *
 * @param organizationName name of the organisation of a business user, {@code null} for administrators
 * @param locked           locked after too many failed logins (until an administrator unlocks it or time passes)
 * @param passwordExpiresAt when the password must be changed, {@code null} if it never expires (demo accounts)
 * @param awaitingApproval  a new administrator account that cannot log in before a second administrator approves it
 * @param pendingRequest    the id of the administrator request waiting for approval about this account, if any
 */
public record UserView(
        UUID id,
        String username,
        String displayName,
        Role role,
        UUID organizationId,
        String organizationName,
        boolean enabled,
        boolean locked,
        Instant lockedUntil,
        boolean mustChangePassword,
        boolean demo,
        boolean totpEnrolled,
        Instant passwordChangedAt,
        Instant passwordExpiresAt,
        Instant createdAt,
        boolean awaitingApproval,
        UUID pendingRequest,
        long version)
        implements org.yunjian.shared.version.Versioned {}
