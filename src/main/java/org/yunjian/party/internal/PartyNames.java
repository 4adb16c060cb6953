package org.yunjian.party.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Engagement;

/**
 * Names of the organisations that are parties to systems and engagements the caller already sees
 * (callers pass only objects they obtained through the visibility-checking services).
 */
@Component
public class PartyNames {

    private final OrganizationRepository organizations;
    private final SystemRepository systems;

    PartyNames(OrganizationRepository organizations, SystemRepository systems) {
        this.organizations = organizations;
        this.systems = systems;
    }

    public Map<UUID, String> ofSystems(Collection<CloudSystem> list) {
        Set<UUID> ids = new HashSet<>();
        for (CloudSystem s : list) {
            ids.add(s.customerId());
            if (s.providerId() != null) {
                ids.add(s.providerId());
            }
            s.agents().forEach(a -> ids.add(a.organizationId()));
        }
        return names(ids);
    }

    public Map<UUID, String> ofEngagements(Collection<Engagement> list) {
        Set<UUID> ids = new HashSet<>();
        list.forEach(e -> e.participants().forEach(p -> ids.add(p.organizationId())));
        return names(ids);
    }

    /** System names for engagements the caller sees (their systems are visible to it too). */
    public Map<UUID, String> systemNames(Collection<Engagement> list) {
        Set<UUID> ids = new HashSet<>();
        list.forEach(e -> ids.add(e.systemId()));
        Map<UUID, String> out = new HashMap<>();
        systems.findAllById(ids).forEach(s -> out.put(s.id(), s.name()));
        return out;
    }

    private Map<UUID, String> names(Set<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        organizations.findAllById(ids).forEach(o -> out.put(o.id(), o.name()));
        return out;
    }
}
