package org.yunjian.migration;

/** The state of one step of a migration plan. */
public enum MigrationStepStatus {
    PLANNED,
    IN_PROGRESS,
    DONE,
    ROLLED_BACK
}
