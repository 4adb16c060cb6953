package org.yunjian.party;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;

/** An organisation as stored: a snapshot, changed only through the party module's services. */
public record Organization(
        UUID id,
        String name,
        CreditCode creditCode,
        String region,
        Set<PartyRole> roles,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Organization {
        roles = Set.copyOf(roles);
    }

    /** An organisation not yet stored (version 0). */
    public Organization(
            UUID id,
            String name,
            CreditCode creditCode,
            String region,
            Set<PartyRole> roles,
            Instant createdAt,
            Instant updatedAt) {
        this(id, name, creditCode, region, roles, createdAt, updatedAt, 0);
    }

    public boolean hasRole(PartyRole role) {
        return roles.contains(role);
    }
}
