package org.yunjian.responsibility;

import java.util.Set;

import org.yunjian.catalog.CloudRole;
import org.yunjian.party.GuideRoles;
import org.yunjian.party.PartyRole;

/** The catalog's roles as party roles, by the one mapping of {@link GuideRoles}. */
public final class CatalogRoles {

    private CatalogRoles() {
    }

    public static PartyRole of(CloudRole role) {
        return GuideRoles.of(role);
    }

    public static Set<PartyRole> of(Set<CloudRole> roles) {
        return GuideRoles.of(roles);
    }

    static boolean isPartner(PartyRole role) {
        return role.name().startsWith("PARTNER_");
    }
}
