package org.yunjian.exitproject;

/** What happens to a device of a private cloud that is shut down (JR/T 8.2.2): migrated, reused or discarded. */
public enum DisposalAction {
    MIGRATE,
    REUSE,
    DISCARD
}
