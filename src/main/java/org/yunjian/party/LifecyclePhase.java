package org.yunjian.party;

/** Phase of the cloud service lifecycle an engagement is in (GB/T 31167). */
public enum LifecyclePhase implements Labelled {
    PLANNING,
    MIGRATION,
    OPERATION,
    EXIT;
}
