package org.yunjian.responsibility;

import java.util.EnumSet;
import java.util.Set;

import org.yunjian.catalog.CloudRole;
import org.yunjian.party.PartyRole;

/** The catalog's roles are the party roles by name (both list the T/CCIA customer, provider and partners). */
final class CatalogRoles {

    private CatalogRoles() {
    }

    static PartyRole of(CloudRole role) {
        return PartyRole.valueOf(role.name());
    }

    static Set<PartyRole> of(Set<CloudRole> roles) {
        Set<PartyRole> out = EnumSet.noneOf(PartyRole.class);
        roles.forEach(r -> out.add(of(r)));
        return out;
    }

    static boolean isPartner(PartyRole role) {
        return role.name().startsWith("PARTNER_");
    }
}
