package org.yunjian.catalog;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.yunjian.shared.Labelled;

/**
 * The roles an organisation takes towards cloud services, and the roles a requirement binds: the customer and
 * provider of GB/T 31167 (JR/T 委托方 / 受托方 are the same parties), the agents (website developers, system
 * integrators, security service providers), assessors, and the partners of T/CCIA 004-2024. The one role vocabulary:
 * parties hold these roles and the catalog's requirements, incidents and allocation rules name them.
 */
public enum PartyRole implements Labelled {
    CUSTOMER,
    PROVIDER,
    AGENT_WEBSITE_DEVELOPER,
    AGENT_SYSTEM_INTEGRATOR,
    AGENT_SECURITY_SERVICE,
    THIRD_PARTY_ASSESSOR,
    PARTNER_SOFTWARE,
    PARTNER_HARDWARE,
    PARTNER_OM_SERVICE,
    PARTNER_SECURITY_SERVICE;

    /**
     * {@code roles} as a set of its own in declaration order (a requirement's, incident's or determination's roles are
     * an immutable set without order).
     */
    public static Set<PartyRole> ordered(Collection<PartyRole> roles) {
        Set<PartyRole> out = EnumSet.noneOf(PartyRole.class);
        out.addAll(roles);
        return out;
    }

    /** Agents act for the customer on a system (GB/T 31167 §4). */
    public boolean isAgent() {
        return name().startsWith("AGENT_");
    }

    /** Partners act for the provider (T/CCIA 004-2024 3.5 云服务合作者). */
    public boolean isPartner() {
        return name().startsWith("PARTNER_");
    }
}
