package org.yunjian.responsibility;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The incidents recorded against a system (T/CCIA 004-2024 Annex B, with their liability analysis), for other
 * modules that show them alongside their own records — the lifecycle's operation-phase supervision. Reads with the
 * caller's rights: the parties of the system see what the incident pages show them; anyone else gets
 * {@link org.yunjian.shared.NotFoundException}.
 */
public interface SystemIncidents {

    /** The incidents of the system the caller may see, the latest occurrence first. */
    List<RecordedIncident> of(UUID systemId);

    /**
     * One recorded incident; its analysis is on the incident page, {@code /systems/{system}/incidents/{id}}.
     *
     * @param incident  the Annex B incident (catalog id, e.g. TCCIA004-B-9)
     * @param number    its number in table B.1 ({@code 9})
     * @param reference the recorder's own reference, or null
     */
    record RecordedIncident(
            UUID id, String incident, String number, Instant occurredAt, String title, String reference) {}
}
