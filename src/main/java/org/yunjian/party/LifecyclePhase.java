package org.yunjian.party;

/** Phase of the cloud service lifecycle an engagement is in (GB/T 31167). */
public enum LifecyclePhase implements Labelled {
    PLANNING("规划准备", "Planning and preparation"),
    MIGRATION("部署迁移", "Deployment and migration"),
    OPERATION("运行管理", "Operation and management"),
    EXIT("退出服务", "Exit");

    private final String zh;
    private final String en;

    LifecyclePhase(String zh, String en) {
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
