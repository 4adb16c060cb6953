package org.yunjian.migration;

/** The risk the requester assesses for a change. */
public enum SupervisionChangeRisk {
    LOW,
    MEDIUM,
    HIGH
}
