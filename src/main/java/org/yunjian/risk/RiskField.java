package org.yunjian.risk;

/**
 * What a change of a risk register entry changed ({@link RiskChange}). The values of {@link #STATUS},
 * {@link #TREATMENT} are enum constants, those of {@link #DUE_DATE}, {@link #ACCEPTANCE_EXPIRY},
 * {@link #ACCEPTANCE_APPROVAL}, {@link #MILESTONE_TARGET} and {@link #MILESTONE_DONE} ISO dates; the others texts
 * or names.
 */
public enum RiskField {
    /** Set by the assessors with the verdict: taken from the verdict history, not stored as a change. */
    RISK_LEVEL,
    DESCRIPTION,
    STATEMENT,
    TREATMENT,
    OWNER,
    TRANSFER,
    DUE_DATE,
    ACCEPTANCE_REASON,
    ACCEPTANCE_EXPIRY,
    ACCEPTANCE_APPROVAL,
    STATUS,
    NOTE,
    MILESTONE,
    MILESTONE_TARGET,
    MILESTONE_DONE;

    /** Whether the customer reports remediation through it (整改情况): status and note. */
    public boolean reportsRemediation() {
        return this == STATUS || this == NOTE;
    }
}
