package org.yunjian.monitoring.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;

/**
 * Who may do what with a system's monitors: whoever sees the system sees them (others get 404); the customer and a
 * system administrator set them up; the customer alone approves a baseline (the content it publishes); the
 * organisations responsible for the website's security — the customer, the provider and the security service agents
 * — run them, acknowledge and close their alerts and are told of them. The customer issues the monthly report.
 */
@Component
class MonitorAccess {

    /** The organisations an alert reaches and who may handle it (T/CCIA 004: customer, provider, security agents). */
    static final Set<PartyRole> RESPONSIBLE = EnumSet.of(
            PartyRole.CUSTOMER,
            PartyRole.PROVIDER,
            PartyRole.AGENT_SECURITY_SERVICE,
            PartyRole.PARTNER_SECURITY_SERVICE);

    private final Parties parties;

    MonitorAccess(Parties parties) {
        this.parties = parties;
    }

    /** The system if the caller sees it, else 404. */
    CloudSystem see(UUID systemId) {
        return parties.requireSystem(systemId);
    }

    /**
     * The system if the caller may set up its monitors — the customer, its security service agents (the guide lets the
     * customer monitor "采用专业安全服务", 8.4.1.3 b), 8.4.1.4 a); issue 59), a system administrator — 403 if only seen.
     */
    CloudSystem manage(UUID systemId) {
        CloudSystem s = see(systemId);
        if (!mayManage(systemId)) {
            throw new ForbiddenException(Msg.of("monitoring.error.manage"));
        }
        return s;
    }

    /** Whether the caller may set up the system's monitors. */
    boolean mayManage(UUID systemId) {
        if (parties.canManage(systemId)) {
            return true;
        }
        CurrentUser u = CurrentUser.require();
        return u.role() == Role.USER
                && u.organizationId() != null
                && parties.rolesOf(u.organizationId(), systemId).stream()
                        .anyMatch(org.yunjian.monitoring.AlertAddressees.SECURITY_AGENTS::contains);
    }

    /** The system if a user of its customer calls, 403 otherwise: a baseline is the customer's own content. */
    CloudSystem approve(UUID systemId) {
        CloudSystem s = see(systemId);
        if (!mayApprove(systemId)) {
            throw new ForbiddenException(Msg.of("monitoring.error.approve"));
        }
        return s;
    }

    boolean mayApprove(UUID systemId) {
        CurrentUser u = CurrentUser.require();
        return u.role() == Role.USER
                && u.organizationId() != null
                && parties.rolesOf(u.organizationId(), systemId).contains(PartyRole.CUSTOMER);
    }

    /**
     * The system if a user of its customer who may set up its monitors calls, 403 otherwise: the monthly 安全运行报告
     * is the customer's account to its regulator, issued as a record.
     */
    CloudSystem issue(UUID systemId) {
        CloudSystem s = see(systemId);
        if (!mayIssue(systemId)) {
            throw new ForbiddenException(Msg.of("monitoring.error.issue"));
        }
        return s;
    }

    boolean mayIssue(UUID systemId) {
        return mayApprove(systemId) && mayManage(systemId);
    }

    /** The system if the caller's organisation is responsible for it (or a system administrator), 403 otherwise. */
    CloudSystem handle(UUID systemId) {
        CloudSystem s = see(systemId);
        if (!mayHandle(systemId)) {
            throw new ForbiddenException(Msg.of("monitoring.error.handle"));
        }
        return s;
    }

    boolean mayHandle(UUID systemId) {
        CurrentUser u = CurrentUser.require();
        if (u.is(Role.SYSTEM_ADMIN)) {
            return true;
        }
        return u.organizationId() != null
                && parties.rolesOf(u.organizationId(), systemId).stream().anyMatch(RESPONSIBLE::contains);
    }
}
