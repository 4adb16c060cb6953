package org.yunjian.assessment;

/** Risk of a finding, set by the assessor with a reason. */
public enum RiskLevel {
    HIGH,
    MEDIUM,
    LOW
}
