package org.yunjian.evidence;

import org.yunjian.evidence.RequestRecords.RequestLine;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/**
 * The evidence requests the current user may find by title (global search), by the evidence pages' own rule: the
 * assessing organisation sees every line of its assessments, any other party only the lines addressed to its own
 * organisation — and only in assessments it still sees.
 */
public interface EvidenceRequestSearch {

    /** One page of the lines whose title contains {@code q} (any case), earliest due first, with the total. */
    Paged<RequestLine> byTitle(String q, PageRequest page);
}
