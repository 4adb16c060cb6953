package org.yunjian.report;

import java.time.Instant;
import java.util.UUID;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/**
 * The approved reports the current user may find by their number (global search): the revisions of the records of
 * the assessments the user may see, by the assessment module's own visibility rules — the customer, provider and
 * assessors of an assessment find its report; another organisation never does.
 */
public interface ReportSearch {

    /**
     * One page of the revisions whose report number contains {@code q} (any case), newest approval first, with the
     * total: visibility, match and paging in SQL.
     */
    Paged<Found> byNumber(String q, PageRequest page);

    /** A revision found: its number, the assessment it reports on (with its system's name), when it was approved. */
    record Found(
            UUID assessmentId,
            String reportNumber,
            int revision,
            String assessmentName,
            String systemName,
            Instant approvedAt) {}
}
