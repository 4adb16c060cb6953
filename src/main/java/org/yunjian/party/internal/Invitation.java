package org.yunjian.party.internal;

import java.time.Instant;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;

/**
 * An invitation by e-mail to join the platform: into an existing organisation ({@code organizationId}) or one created
 * on acceptance ({@code newOrgName}, credit code, region), onto the inviting customer's system and engagement with a
 * role there ({@code systemId}, {@code engagementId}, {@code role}; all absent when an organisation administrator
 * invites its own staff). Its link works once, until {@code expiresAt}, unless revoked; the link's secret is never
 * kept, only its SHA-256.
 */
public record Invitation(
        UUID id,
        String email,
        String displayName,
        UUID organizationId,
        String newOrgName,
        String newOrgCredit,
        String newOrgRegion,
        PartyRole role,
        UUID systemId,
        UUID engagementId,
        UUID invitingOrgId,
        String invitedBy,
        boolean orgAdmin,
        Instant createdAt,
        Instant expiresAt,
        Instant acceptedAt,
        String acceptedUsername,
        Instant revokedAt,
        String revokedBy) {

    /** Where an invitation stands. */
    public enum Status {
        PENDING,
        ACCEPTED,
        REVOKED,
        EXPIRED
    }

    public Status status(Instant now) {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt.isAfter(now) ? Status.PENDING : Status.EXPIRED;
    }

    /** Whether accepting creates the organisation: then its first member, the invitee, becomes its administrator. */
    public boolean createsOrganization() {
        return organizationId == null;
    }

    /** Whether the invitee becomes an organisation administrator: asked for, or the first of a new organisation. */
    public boolean makesOrgAdmin() {
        return orgAdmin || createsOrganization();
    }

    /** An organisation administrator's invitation of its own staff (no system, no role). */
    public boolean staffOnly() {
        return systemId == null;
    }
}
