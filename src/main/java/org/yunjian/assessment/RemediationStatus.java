package org.yunjian.assessment;

/** Progress of a remediation task: VERIFIED only after a re-test found the item compliant (or the assessor confirmed it). */
public enum RemediationStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    VERIFIED
}
