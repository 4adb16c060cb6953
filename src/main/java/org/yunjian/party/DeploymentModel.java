package org.yunjian.party;

/** Cloud deployment model (GB/T 32400). */
public enum DeploymentModel implements Labelled {
    PRIVATE("私有云", "Private cloud"),
    COMMUNITY("社区云", "Community cloud"),
    PUBLIC("公有云", "Public cloud"),
    HYBRID("混合云", "Hybrid cloud");

    private final String zh;
    private final String en;

    DeploymentModel(String zh, String en) {
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
