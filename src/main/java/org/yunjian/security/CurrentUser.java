package org.yunjian.security;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller as other modules see it.
 *
 * @param userId         account id
 * @param username       login name
 * @param organizationId organisation of a business user; {@code null} for administrators
 * @param role           the account's single role (administrator roles are mutually exclusive)
 */
public record CurrentUser(UUID userId, String username, UUID organizationId, Role role)
        implements java.io.Serializable {

    /** The caller of the current thread, if one is fully authenticated (password and, when required, TOTP). */
    public static Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        if (auth.getPrincipal() instanceof AccountPrincipal principal && principal.fullyAuthenticated()) {
            return Optional.of(principal.user());
        }
        return Optional.empty();
    }

    /** The caller, or an {@link org.springframework.security.access.AccessDeniedException} if none. */
    public static CurrentUser require() {
        return current()
                .orElseThrow(
                        () -> new org.springframework.security.access.AccessDeniedException("authentication required"));
    }

    /**
     * The caller if it is a system administrator or a business user of an organisation — who works with systems,
     * assessments and exit projects — else an {@link org.springframework.security.access.AccessDeniedException}
     * naming {@code what} ("exit projects are for …").
     */
    public static CurrentUser requireBusinessOrAdmin(String what) {
        CurrentUser u = require();
        if (!(u.is(Role.SYSTEM_ADMIN) || (u.is(Role.USER) && u.organizationId() != null))) {
            throw new org.springframework.security.access.AccessDeniedException("security.error.businessOrAdmin");
        }
        return u;
    }

    public boolean is(Role r) {
        return role == r;
    }

    public boolean belongsTo(UUID orgId) {
        return organizationId != null && organizationId.equals(orgId);
    }
}
