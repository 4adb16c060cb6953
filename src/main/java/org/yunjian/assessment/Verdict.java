package org.yunjian.assessment;

/** 测评结论 of one test item. */
public enum Verdict {
    COMPLIANT("符合", "Compliant"),
    PARTIALLY_COMPLIANT("部分符合", "Partially compliant"),
    NON_COMPLIANT("不符合", "Non-compliant"),
    NOT_APPLICABLE("不适用", "Not applicable");

    private final String zh;
    private final String en;

    Verdict(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** 不符合 and 部分符合 are findings: they carry a risk level and open a remediation task. */
    public boolean isFinding() {
        return this == PARTIALLY_COMPLIANT || this == NON_COMPLIANT;
    }
}
