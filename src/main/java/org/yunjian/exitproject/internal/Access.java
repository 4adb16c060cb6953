package org.yunjian.exitproject.internal;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.yunjian.exitproject.internal.Records.ProjectInfo;
import org.yunjian.party.CloudSystem;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;

/**
 * Who may do what in one exit project (docs/modules/exitproject.md, "Duties"). Everyone who may see the system
 * ({@code party.Parties}) reads the project; the customer plans, reviews, approves and authorises; the provider
 * hands over and records the deletion, media sanitisation and device disposal; the customer's agents may record
 * verification runs and add inventory items; provider, customer and agents record object-storage deletion checks. A system administrator reads and may issue the certificate.
 */
public record Access(ProjectInfo project, CloudSystem system, CurrentUser user, Set<Relation> relations) {

    public enum Relation {
        ADMIN,
        CUSTOMER,
        PROVIDER,
        AGENT,
        OBSERVER
    }

    public static Set<Relation> relations(CloudSystem s, CurrentUser u) {
        Set<Relation> r = EnumSet.of(Relation.OBSERVER);
        if (u.is(Role.SYSTEM_ADMIN)) {
            r.add(Relation.ADMIN);
            return r;
        }
        if (u.organizationId() == null) {
            return r;
        }
        if (u.belongsTo(s.customerId())) {
            r.add(Relation.CUSTOMER);
        }
        if (u.belongsTo(s.providerId())) {
            r.add(Relation.PROVIDER);
        }
        if (s.agents().stream().anyMatch(a -> u.belongsTo(a.organizationId()))) {
            r.add(Relation.AGENT);
        }
        return r;
    }

    public boolean isCustomer() {
        return relations.contains(Relation.CUSTOMER);
    }

    public boolean isProvider() {
        return relations.contains(Relation.PROVIDER);
    }

    /** Plans, keeps the checklist, reviews and approves the inventory, authorises deletion. */
    public void requireCustomer(String what) {
        if (!isCustomer()) {
            throw new AccessDeniedException("exitproject.denied.customer: " + what);
        }
    }

    /** Hands over, records the deletion plan and record, media sanitisation and device disposal. */
    public void requireProvider(String what) {
        if (!isProvider()) {
            throw new AccessDeniedException("exitproject.denied.provider: " + what);
        }
    }

    /** Adds to the hand-over inventory: the provider, the customer and its agents. */
    public boolean mayAddToInventory() {
        return isProvider() || isCustomer() || relations.contains(Relation.AGENT);
    }

    /** Records verification runs: the customer and its agents. */
    public boolean mayVerify() {
        return isCustomer() || relations.contains(Relation.AGENT);
    }

    /** Records object-storage deletion checks: the provider, the customer and its agents. */
    public boolean mayCheckStorage() {
        return isProvider() || isCustomer() || relations.contains(Relation.AGENT);
    }

    /** Issues the deletion certificate: the customer or the platform (a system administrator). */
    public boolean mayIssue() {
        return isCustomer() || relations.contains(Relation.ADMIN);
    }

    public void require(boolean allowed, String what) {
        if (!allowed) {
            throw new AccessDeniedException("exitproject.denied.duty: " + what);
        }
    }
}
