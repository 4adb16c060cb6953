package org.yunjian.party.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.yunjian.security.OrganizationAdministration;

/**
 * Who holds the grant to see everything their organisation takes part in (issue 57): its 组织管理员, always, and
 * the members an administrator gave it ({@code visibility_grant}). Everyone else sees what they are assigned to.
 */
@Component
class VisibilityGrants {

    private static final String CACHE = VisibilityGrants.class.getName() + "/";

    private final AssignmentRepository store;
    private final OrganizationAdministration orgAdmins;

    VisibilityGrants(AssignmentRepository store, OrganizationAdministration orgAdmins) {
        this.store = store;
        this.orgAdmins = orgAdmins;
    }

    /**
     * Whether {@code person} holds {@code org}'s grant: read once per web request (a page asks the rule for every
     * system, engagement and party it shows), again after a grant or an administrator flag changed in it.
     */
    boolean holds(UUID person, UUID org) {
        if (person == null || org == null) {
            return false;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String key = CACHE + person + "/" + org;
        if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Boolean known) {
            return known;
        }
        boolean holds = orgAdmins.isOrgAdmin(person) || store.granted(person, org);
        if (request != null) {
            request.setAttribute(key, holds, RequestAttributes.SCOPE_REQUEST);
        }
        return holds;
    }

    /** Forgets what this request read: a grant or an organisation's administrators changed. */
    void changed() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            for (String name : request.getAttributeNames(RequestAttributes.SCOPE_REQUEST)) {
                if (name.startsWith(CACHE)) {
                    request.removeAttribute(name, RequestAttributes.SCOPE_REQUEST);
                }
            }
        }
    }

    @org.springframework.context.event.EventListener
    void on(org.yunjian.security.OrganizationAdministratorsChanged changed) {
        changed();
    }
}
