package org.yunjian.party.internal;

import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;

/**
 * The caller as the party rules see it: a system administrator, or a business user of one
 * organisation. Anyone else (security and audit administrators, no one) is refused outright.
 */
record Caller(CurrentUser user) {

    static Caller require() {
        CurrentUser u = CurrentUser.require();
        if (!(u.is(Role.SYSTEM_ADMIN) || (u.is(Role.USER) && u.organizationId() != null))) {
            throw new AccessDeniedException("party.denied.partyUsers");
        }
        return new Caller(u);
    }

    boolean admin() {
        return user.is(Role.SYSTEM_ADMIN);
    }

    /** The business user's organisation; {@code null} for an administrator. */
    UUID org() {
        return admin() ? null : user.organizationId();
    }

    boolean belongsTo(UUID organizationId) {
        return !admin() && user.belongsTo(organizationId);
    }
}
