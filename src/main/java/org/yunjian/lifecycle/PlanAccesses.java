package org.yunjian.lifecycle;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.NotFoundException;

/** The caller's {@link PlanAccess} to a system; 404 if the caller may not see the system. */
@Component
public class PlanAccesses {

    private final Parties parties;

    PlanAccesses(Parties parties) {
        this.parties = parties;
    }

    @Transactional(readOnly = true)
    public PlanAccess of(UUID systemId) {
        CurrentUser u = CurrentUser.requireBusinessOrAdmin("lifecycle plans");
        CloudSystem s = parties.findSystem(systemId).orElseThrow(() -> new NotFoundException("system", systemId));
        UUID org = u.organizationId();
        var roles = org == null ? java.util.Set.<PartyRole>of() : parties.rolesOf(org, s.id());
        return new PlanAccess(s, u, roles.contains(PartyRole.THIRD_PARTY_ASSESSOR), roles);
    }
}
