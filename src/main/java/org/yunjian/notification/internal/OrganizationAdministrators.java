package org.yunjian.notification.internal;

import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationDirectory;
import org.yunjian.security.Role;
import org.yunjian.shared.NotFoundException;

/**
 * Who administers an organisation's notifications (its robots, and the failed deliveries): the one place that decides
 * it. Until the 组织管理员 (organisation administrator, issue 35) exists: the platform's system and security
 * administrators, and the organisation's own 组织管理员 (organisation administrators); the organisation's other users
 * are refused (403).
 */
@Component
public class OrganizationAdministrators {

    private final ObjectProvider<OrganizationDirectory> organizations;
    private final org.yunjian.security.OrganizationAdministration orgAdmins;

    OrganizationAdministrators(
            ObjectProvider<OrganizationDirectory> organizations,
            org.yunjian.security.OrganizationAdministration orgAdmins) {
        this.organizations = organizations;
        this.orgAdmins = orgAdmins;
    }

    /** Whether {@code u} administers the notifications of {@code organizationId}. */
    public boolean mayAdminister(CurrentUser u, UUID organizationId) {
        return u.is(Role.SYSTEM_ADMIN)
                || u.is(Role.SECURITY_ADMIN)
                || u.is(Role.USER) && u.belongsTo(organizationId) && orgAdmins.isOrgAdmin(u.userId());
    }

    /**
     * The caller if it administers the organisation; a business user of another organisation learns nothing of it
     * (404), the audit administrator is refused (403), an unknown organisation is 404.
     */
    public CurrentUser require(UUID organizationId) {
        CurrentUser u = CurrentUser.require();
        if (!mayAdminister(u, organizationId)) {
            if (u.is(Role.USER) && !u.belongsTo(organizationId)) {
                throw new NotFoundException("organization", organizationId);
            }
            throw new AccessDeniedException("notification.error.notAdministrator");
        }
        OrganizationDirectory directory = organizations.getIfAvailable();
        if (directory == null || directory.find(organizationId).isEmpty()) {
            throw new NotFoundException("organization", organizationId);
        }
        return u;
    }

    /** The organisation's name (for pages), after {@link #require}. */
    public String name(UUID organizationId) {
        OrganizationDirectory directory = organizations.getIfAvailable();
        return directory == null
                ? ""
                : directory
                        .find(organizationId)
                        .map(OrganizationDirectory.OrganizationRef::name)
                        .orElse("");
    }
}
