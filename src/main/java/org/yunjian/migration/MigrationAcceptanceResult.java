package org.yunjian.migration;

/** The result of one security compliance acceptance test (安全合规验收). */
public enum MigrationAcceptanceResult {
    PASSED,
    FAILED
}
