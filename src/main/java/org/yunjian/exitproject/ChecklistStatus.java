package org.yunjian.exitproject;

/** State of one GB/T 31167 9.1 checklist item. A certificate needs every item DONE or NOT_APPLICABLE. */
public enum ChecklistStatus {
    OPEN,
    DONE,
    NOT_APPLICABLE;

    public boolean settled() {
        return this != OPEN;
    }
}
