package org.yunjian.notification.internal;

import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationDirectory;
import org.yunjian.security.Role;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;

/**
 * Who administers an organisation's notifications — its robots and its delivery records (the texts of its tasks, to
 * whom, through which robot): the one place that decides it. They are the organisation's business, so they belong to
 * its own 组织管理员 (organisation administrators) alone. The platform's administrators run accounts, not business
 * (三权分立, issue 56): they are refused with the reason (403, audited) and see {@link DeliveryHealthQueries} instead; the
 * organisation's other users are refused (403) and another organisation's users learn nothing of it (404).
 */
@Component
public class OrganizationAdministrators {

    /** The audit action of a refused look at an organisation's robots or deliveries. */
    static final String ACCESS = "notification.organization.access";

    private final ObjectProvider<OrganizationDirectory> organizations;
    private final org.yunjian.security.OrganizationAdministration orgAdmins;
    private final ApplicationEventPublisher events;

    OrganizationAdministrators(
            ObjectProvider<OrganizationDirectory> organizations,
            org.yunjian.security.OrganizationAdministration orgAdmins,
            ApplicationEventPublisher events) {
        this.organizations = organizations;
        this.orgAdmins = orgAdmins;
        this.events = events;
    }

    /** Whether {@code u} administers the notifications of {@code organizationId}: its own 组织管理员 only. */
    public boolean mayAdminister(CurrentUser u, UUID organizationId) {
        return u.is(Role.USER) && u.belongsTo(organizationId) && orgAdmins.isOrgAdmin(u.userId());
    }

    /**
     * The caller if it administers the organisation; a business user of another organisation learns nothing of it
     * (404), a platform administrator and the organisation's other users are refused with the reason (403; the
     * administrator's attempt audited), an unknown organisation is 404.
     */
    public CurrentUser require(UUID organizationId) {
        CurrentUser u = CurrentUser.require();
        if (!mayAdminister(u, organizationId)) {
            if (u.role().isAdministrator()) {
                events.publishEvent(AuditableEvent.denied(
                        ACCESS,
                        "organization",
                        organizationId,
                        Msg.of("notification.audit.platformAdministratorRefused", name(organizationId))));
                throw new ForbiddenException(Msg.of("notification.error.platformAdministrator"));
            }
            if (!u.belongsTo(organizationId)) {
                throw new NotFoundException("organization", organizationId);
            }
            throw new ForbiddenException(Msg.of("notification.error.notAdministrator"));
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
