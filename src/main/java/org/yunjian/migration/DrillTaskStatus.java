package org.yunjian.migration;

/** The state of a follow-up task from a drill. */
public enum DrillTaskStatus {
    OPEN,
    DONE
}
