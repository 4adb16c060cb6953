package org.yunjian.catalog;

/** Which side an 等保 cloud-extension item is assessed on. */
public enum AssessedSide {
    CLOUD_PLATFORM("云计算平台", "Cloud platform"),
    CUSTOMER_SYSTEM("云服务客户系统", "Customer system"),
    BOTH("云计算平台和云服务客户系统", "Both");

    private final String zh;
    private final String en;

    AssessedSide(String zh, String en) {
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
