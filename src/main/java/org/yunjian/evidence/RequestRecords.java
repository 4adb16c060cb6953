package org.yunjian.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Read models of evidence requests and evidence links, as stored. */
public final class RequestRecords {

    private RequestRecords() {}

    /**
     * One line of an evidence request: the document asked for, the items it supports, the party it goes to and how
     * that party was chosen, and where the answer stands ({@code evidenceId}: the latest file submitted).
     * {@code version}: the line's version, which its answer, decision and re-addressing each name and move on.
     */
    public record RequestLine(
            UUID id,
            UUID requestId,
            UUID assessmentId,
            int position,
            String title,
            String description,
            LocalDate dueDate,
            UUID addresseeOrgId,
            EvidenceRouting.Basis routing,
            EvidenceRequestStatus status,
            UUID evidenceId,
            String comment,
            String answeredByName,
            Instant answeredAt,
            String decidedByName,
            Instant decidedAt,
            Instant updatedAt,
            List<UUID> itemIds,
            String sentByName,
            Instant sentAt,
            long version) {
        public RequestLine {
            itemIds = List.copyOf(itemIds);
        }

        public boolean overdue(LocalDate today) {
            return status.overdue(dueDate, today);
        }
    }

    /** Evidence supporting an item, with who linked it and when. */
    public record EvidenceLink(
            UUID evidenceId, UUID itemId, UUID assessmentId, String linkedByName, Instant linkedAt) {}
}
