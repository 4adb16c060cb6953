package org.yunjian.security.internal;

import java.time.Instant;
import java.util.UUID;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;

/** A local user account as stored. Never leaves the security module; callers see {@link CurrentUser}. */
public record Account(
        UUID id,
        String username,
        String displayName,
        Role role,
        UUID organizationId,
        String passwordHash,
        Instant passwordChangedAt,
        boolean mustChangePassword,
        int failedAttempts,
        Instant lockedUntil,
        String totpSecret,
        boolean enabled,
        boolean demo,
        Instant createdAt,
        boolean awaitingApproval,
        long version) {

    /** An account as built before it is stored, or by code that does not check versions (version 0). */
    public Account(
            UUID id,
            String username,
            String displayName,
            Role role,
            UUID organizationId,
            String passwordHash,
            Instant passwordChangedAt,
            boolean mustChangePassword,
            int failedAttempts,
            Instant lockedUntil,
            String totpSecret,
            boolean enabled,
            boolean demo,
            Instant createdAt,
            boolean awaitingApproval) {
        this(
                id,
                username,
                displayName,
                role,
                organizationId,
                passwordHash,
                passwordChangedAt,
                mustChangePassword,
                failedAttempts,
                lockedUntil,
                totpSecret,
                enabled,
                demo,
                createdAt,
                awaitingApproval,
                0);
    }

    /** An account that needs no second administrator's approval. */
    public Account(
            UUID id,
            String username,
            String displayName,
            Role role,
            UUID organizationId,
            String passwordHash,
            Instant passwordChangedAt,
            boolean mustChangePassword,
            int failedAttempts,
            Instant lockedUntil,
            String totpSecret,
            boolean enabled,
            boolean demo,
            Instant createdAt) {
        this(
                id,
                username,
                displayName,
                role,
                organizationId,
                passwordHash,
                passwordChangedAt,
                mustChangePassword,
                failedAttempts,
                lockedUntil,
                totpSecret,
                enabled,
                demo,
                createdAt,
                false);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean requiresTotp() {
        return role.isAdministrator();
    }

    public CurrentUser toCurrentUser() {
        return new CurrentUser(id, username, organizationId, role);
    }

    public Account withPassword(String hash, Instant at, boolean mustChange) {
        return new Account(
                id,
                username,
                displayName,
                role,
                organizationId,
                hash,
                at,
                mustChange,
                0,
                null,
                totpSecret,
                enabled,
                demo,
                createdAt,
                awaitingApproval);
    }

    Account withTotpSecret(String secret) {
        return new Account(
                id,
                username,
                displayName,
                role,
                organizationId,
                passwordHash,
                passwordChangedAt,
                mustChangePassword,
                failedAttempts,
                lockedUntil,
                secret,
                enabled,
                demo,
                createdAt,
                awaitingApproval);
    }

    /** The same account, enabled or disabled (a directory's removal and return, issue 57). */
    public Account withEnabled(boolean on) {
        return new Account(
                id,
                username,
                displayName,
                role,
                organizationId,
                passwordHash,
                passwordChangedAt,
                mustChangePassword,
                failedAttempts,
                lockedUntil,
                totpSecret,
                on,
                demo,
                createdAt,
                awaitingApproval);
    }
}
