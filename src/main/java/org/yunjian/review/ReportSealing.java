package org.yunjian.review;

import java.util.UUID;

/**
 * Seals the approved report as the assessment's record once the report's approval has committed; the report module
 * ({@code report}) implements it.
 */
public interface ReportSealing {

    void freezeAfterCommit(UUID assessmentId);
}
