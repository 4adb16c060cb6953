package org.yunjian.lifecycle;

import java.util.Set;
import java.util.UUID;
import org.yunjian.party.CloudSystem;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;

/**
 * What the caller may do with a system's lifecycle plan and its documents. Everyone who may see the system (its
 * customer, provider, agents, the organisations of its engagements, system administrators) reaches it; the customer,
 * the provider, the system's assessors and administrators see all of it, every other organisation the duties
 * assigned to it. The customer runs the plan: creates it, assigns duties, accepts or waives them, closes phases,
 * keeps the documents; the organisation a duty is assigned to works on it and completes it.
 *
 * @param assessor whether the caller's organisation is a third-party assessor (等级测评机构) of the system
 * @param roles    the roles the caller's organisation plays for the system (empty for an administrator)
 */
public record PlanAccess(
        CloudSystem system, CurrentUser user, boolean assessor, Set<org.yunjian.catalog.PartyRole> roles) {

    public PlanAccess {
        roles = Set.copyOf(roles);
    }

    public boolean isCustomer() {
        return user.organizationId() != null && user.belongsTo(system.customerId());
    }

    public boolean isProvider() {
        return user.organizationId() != null && system.providerId() != null && user.belongsTo(system.providerId());
    }

    public boolean isAdmin() {
        return user.is(Role.SYSTEM_ADMIN);
    }

    /** Whether the caller sees the whole plan and every document; others see the duties assigned to them. */
    public boolean seesWholePlan() {
        return isCustomer() || isProvider() || isAdmin() || assessor;
    }

    /** Whether the caller's organisation is {@code organisation}. */
    public boolean is(UUID organisation) {
        return organisation != null && user.organizationId() != null && user.belongsTo(organisation);
    }

    /** The customer runs the plan and keeps its documents; anyone else is refused with the reason. */
    public void requireCustomer() {
        if (!isCustomer()) {
            throw new Refused(Msg.of("lifecycle.denied.customerOnly"));
        }
    }

    /** A refused change, with the reason for the person: a 403 problem naming it. */
    public static final class Refused extends ForbiddenException {
        public Refused(Msg text) {
            super(text);
        }
    }
}
