package org.yunjian.lifecycle;

/** The state of a follow-up task from a drill. */
public enum DrillTaskStatus {
    OPEN, DONE
}
