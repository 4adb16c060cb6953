package org.yunjian.catalog;

/** Cloud deployment model a requirement is restricted to; JR/T 行业云 is COMMUNITY. */
public enum DeploymentModel {
    PRIVATE("私有云", "Private cloud"),
    COMMUNITY("行业云", "Community cloud"),
    PUBLIC("公共云", "Public cloud");

    private final String zh;
    private final String en;

    DeploymentModel(String zh, String en) {
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
