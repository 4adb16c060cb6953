package org.yunjian.catalog;

/** A party role a requirement binds. JR/T 委托方 / 受托方 map to CUSTOMER / PROVIDER. */
public enum CloudRole {
    CUSTOMER("云服务客户", "Cloud service customer"),
    PROVIDER("云服务商", "Cloud service provider"),
    AGENT_WEBSITE_DEVELOPER("网站开发商", "Agent: website developer"),
    AGENT_SYSTEM_INTEGRATOR("系统集成商", "Agent: system integrator"),
    AGENT_SECURITY_SERVICE("安全服务商", "Agent: security service provider"),
    THIRD_PARTY_ASSESSOR("第三方评估机构", "Third-party assessor"),
    PARTNER_SOFTWARE("软件提供者", "Partner: software provider"),
    PARTNER_HARDWARE("硬件提供者", "Partner: hardware provider"),
    PARTNER_OM_SERVICE("运维服务提供者", "Partner: O&M service provider"),
    PARTNER_SECURITY_SERVICE("安全服务提供者", "Partner: security service provider");

    private final String zh;
    private final String en;

    CloudRole(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
