package org.yunjian.party;

/**
 * The roles an organisation takes towards cloud services: the customer and provider of GB/T 31167,
 * the agents (website developers, system integrators, security service providers), assessors, and the
 * partners of T/CCIA 004-2024.
 */
public enum PartyRole implements Labelled {
    CUSTOMER("云服务客户", "Cloud service customer"),
    PROVIDER("云服务商", "Cloud service provider"),
    AGENT_WEBSITE_DEVELOPER("网站开发者", "Website developer"),
    AGENT_SYSTEM_INTEGRATOR("系统集成商", "System integrator"),
    AGENT_SECURITY_SERVICE("安全服务商", "Security service provider"),
    THIRD_PARTY_ASSESSOR("第三方评估机构/等级测评机构", "Third-party assessor / MLPS testing body"),
    PARTNER_SOFTWARE("软件合作伙伴", "Software partner"),
    PARTNER_HARDWARE("硬件合作伙伴", "Hardware partner"),
    PARTNER_OM_SERVICE("运维服务合作伙伴", "Operations and maintenance partner"),
    PARTNER_SECURITY_SERVICE("安全服务合作伙伴", "Security service partner");

    private final String zh;
    private final String en;

    PartyRole(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** Agents act for the customer on a system (GB/T 31167 §4). */
    public boolean isAgent() {
        return name().startsWith("AGENT_");
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String en() {
        return en;
    }
}
