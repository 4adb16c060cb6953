package org.yunjian.responsibility.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Engagement;
import org.yunjian.party.Parties;
import org.yunjian.responsibility.Participant;
import org.yunjian.security.OrganizationDirectory;

/**
 * Who takes part in a system's first matrix, read from the party module: its customer and provider, its agents, and
 * the organisations of its engagements with the T/CCIA roles they play there (customer, provider, partners);
 * assessors take no part.
 */
@Component
class SystemParticipants {

    private final Parties parties;
    private final OrganizationDirectory directory;

    SystemParticipants(Parties parties, OrganizationDirectory directory) {
        this.parties = parties;
        this.directory = directory;
    }

    List<Participant> of(CloudSystem s) {
        Map<UUID, Set<PartyRole>> roles = new LinkedHashMap<>();
        add(roles, s.customerId(), PartyRole.CUSTOMER);
        add(roles, s.providerId(), PartyRole.PROVIDER);
        s.agents().forEach(a -> add(roles, a.organizationId(), a.role()));
        for (Engagement e : parties.visibleEngagements(s.id())) {
            e.participants().forEach(p -> add(roles, p.organizationId(), p.role()));
        }
        List<Participant> out = new ArrayList<>();
        roles.forEach((org, held) -> out.add(new Participant(
                org,
                directory
                        .find(org)
                        .map(OrganizationDirectory.OrganizationRef::name)
                        .orElse(org.toString()),
                held)));
        return out;
    }

    private static void add(Map<UUID, Set<PartyRole>> roles, UUID org, PartyRole role) {
        if (org == null || role == PartyRole.THIRD_PARTY_ASSESSOR) {
            return;
        }
        Set<PartyRole> held = roles.computeIfAbsent(org, k -> EnumSet.noneOf(PartyRole.class));
        if (!role.isAgent()) {
            held.add(role);
        }
    }
}
