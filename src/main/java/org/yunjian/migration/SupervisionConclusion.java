package org.yunjian.migration;

/** The customer's conclusion on a reviewed provider report. */
public enum SupervisionConclusion {
    ACCEPTED,
    ACCEPTED_WITH_ISSUES,
    REJECTED
}
