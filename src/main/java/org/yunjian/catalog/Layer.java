package org.yunjian.catalog;

/** Responsibility layer, where the standard gives one (T/CCIA 004-2024 §6–§9). */
public enum Layer {
    MANAGEMENT("管理层", "Management"),
    INFRASTRUCTURE("基础设施层", "Infrastructure"),
    PLATFORM("平台层", "Platform"),
    SERVICE("服务层", "Service");

    private final String zh;
    private final String en;

    Layer(String zh, String en) {
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
