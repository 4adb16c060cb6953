package org.yunjian.party;

/** Highest class of data the system processes (数据安全法 data classification). */
public enum DataClassification implements Labelled {
    GENERAL("一般数据", "General data"),
    IMPORTANT("重要数据", "Important data"),
    CORE("核心数据", "Core data");

    private final String zh;
    private final String en;

    DataClassification(String zh, String en) {
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
