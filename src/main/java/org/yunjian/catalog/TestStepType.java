package org.yunjian.catalog;

/** The 等保 test methods (测评方法). */
public enum TestStepType {
    INTERVIEW("访谈", "Interview"),
    EXAMINE("核查", "Examine"),
    TEST("测试", "Test");

    private final String zh;
    private final String en;

    TestStepType(String zh, String en) {
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
