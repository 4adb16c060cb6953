package org.yunjian.monitoring;

import java.time.Instant;
import java.util.UUID;
import org.yunjian.shared.Msg;

/**
 * An alert a monitor raised: of one check {@code kind} and {@code subject} (the same finding found again while the
 * alert is not closed only moves {@code lastSeenAt}); {@code message} says what was found in the reader's language and
 * {@code detail} shows it (a diff, the text around a match). Acknowledged, then closed with a note by an organisation
 * responsible for the system; an availability alert closes itself when the page answers again. A tampering or
 * availability alert may open one supervision incident (T/CCIA 004-2024 Annex B), whose id it keeps.
 */
public record Alert(
        UUID id,
        UUID monitorId,
        UUID systemId,
        CheckKind kind,
        String subject,
        Msg message,
        String detail,
        AlertStatus status,
        Instant openedAt,
        Instant lastSeenAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String closedBy,
        Instant closedAt,
        String closeNote,
        UUID incidentId,
        int version) {

    /** The longest note a person may give when closing. */
    public static final int NOTE_MAX = 2000;

    /** Whether the alert may be acknowledged now. */
    public boolean mayAcknowledge() {
        return status == AlertStatus.OPEN;
    }

    /** Whether the alert may be closed now (open or acknowledged). */
    public boolean mayClose() {
        return !status.closed();
    }

    /**
     * Whether the alert may open a supervision incident: of a kind that does ({@link CheckKind#opensIncident}), and
     * none opened yet. Also once closed: an outage that recovered on its own is still an incident.
     */
    public boolean mayOpenIncident() {
        return kind.opensIncident() && incidentId == null;
    }

    /** Whether an incident was opened from the alert. */
    public boolean hasIncident() {
        return incidentId != null;
    }
}
