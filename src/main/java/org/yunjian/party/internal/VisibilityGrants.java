package org.yunjian.party.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.security.OrganizationAdministration;

/**
 * Who holds the grant to see everything their organisation takes part in (issue 57): its 组织管理员, always, and
 * the members an administrator gave it ({@code visibility_grant}). Everyone else sees what they are assigned to.
 */
@Component
class VisibilityGrants {

    private final AssignmentRepository store;
    private final OrganizationAdministration orgAdmins;

    VisibilityGrants(AssignmentRepository store, OrganizationAdministration orgAdmins) {
        this.store = store;
        this.orgAdmins = orgAdmins;
    }

    boolean holds(UUID person, UUID org) {
        return person != null && org != null && (orgAdmins.isOrgAdmin(person) || store.granted(person, org));
    }
}
