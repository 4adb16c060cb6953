package org.yunjian.assessment;

import java.util.UUID;

/**
 * Told by every service of the assessment modules after a change of an assessment on which someone may have to act;
 * the workbench's work queue ({@code workbench}) implements it and publishes what now waits, before the change's
 * transaction commits.
 */
public interface AssessmentChanges {

    /** Records that the assessment changed (its waiting work is published before the current transaction commits). */
    void changed(UUID assessmentId);
}
