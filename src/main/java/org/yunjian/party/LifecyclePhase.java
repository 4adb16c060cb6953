package org.yunjian.party;

import org.yunjian.shared.Labelled;

/** Phase of the cloud service lifecycle an engagement is in (GB/T 31167). */
public enum LifecyclePhase implements Labelled {
    PLANNING,
    MIGRATION,
    OPERATION,
    EXIT;
}
