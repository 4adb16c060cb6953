package org.yunjian.party;

/** Cloud service model. */
public enum ServiceModel implements Labelled {
    IAAS("基础设施即服务（IaaS）", "Infrastructure as a service (IaaS)"),
    PAAS("平台即服务（PaaS）", "Platform as a service (PaaS)"),
    SAAS("软件即服务（SaaS）", "Software as a service (SaaS)");

    private final String zh;
    private final String en;

    ServiceModel(String zh, String en) {
        this.zh = zh;
        this.en = en;
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
