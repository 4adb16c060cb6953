package org.yunjian.party;

/**
 * The roles an organisation takes towards cloud services: the customer and provider of GB/T 31167,
 * the agents (website developers, system integrators, security service providers), assessors, and the
 * partners of T/CCIA 004-2024.
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

    /** Agents act for the customer on a system (GB/T 31167 §4). */
    public boolean isAgent() {
        return name().startsWith("AGENT_");
    }
}
