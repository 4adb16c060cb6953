package org.yunjian.responsibility;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The incidents recorded against a system (T/CCIA 004-2024 Annex B, with their liability analysis), for other
 * modules that show them alongside their own records — the lifecycle's operation-phase supervision — or record one
 * from their own (a monitoring alert). Reads and records with the caller's rights, by the incident pages' rules: the
 * parties of the system see what the incident pages show them; anyone else gets
 * {@link org.yunjian.shared.NotFoundException}; only the customer and the provider record.
 */
public interface SystemIncidents {

    /** The incidents of the system the caller may see, the latest occurrence first. */
    List<RecordedIncident> of(UUID systemId);

    /** One incident of the system if the caller may see it; empty otherwise (404 only for a system not seen). */
    Optional<RecordedIncident> find(UUID systemId, UUID incidentId);

    /** Whether the caller may record incidents against the system (its customer or provider); 404 if not seen. */
    boolean mayRecord(UUID systemId);

    /** The typical incidents of table B.1, in table order, in the reader's language. */
    List<AnnexBIncident> annexB();

    /**
     * Records an incident against the system with its Annex B analysis as it stands now, as the incident form does:
     * {@link org.yunjian.shared.FieldErrors.ValidationException} naming the fields of {@link NewIncident} (400),
     * {@link org.yunjian.shared.ForbiddenException} unless the caller may record (403), 404 for a system not seen.
     * Audited by the responsibility module. Joins the caller's transaction: a later refusal undoes it.
     */
    RecordedIncident record(UUID systemId, NewIncident incident);

    /** The incident's page, which shows its Annex B analysis. */
    static String page(UUID systemId, UUID incidentId) {
        return "/systems/" + systemId + "/incidents/" + incidentId;
    }

    /** The incident's REST resource. */
    static String resource(UUID systemId, UUID incidentId) {
        return "/api/systems/" + systemId + "/incidents/" + incidentId;
    }

    /**
     * What to record, as a person enters it on the incident form.
     *
     * @param incident    the Annex B incident (catalog id, e.g. TCCIA004-B-14)
     * @param occurredAt  ISO date-time, with an offset or in the users' zone ({@code 2026-12-01T09:30})
     * @param reference   the recorder's own reference, or null
     */
    record NewIncident(String incident, String occurredAt, String title, String description, String reference) {}

    /**
     * One typical incident of table B.1.
     *
     * @param id     catalog id ({@code TCCIA004-B-14})
     * @param number its number in the table ({@code 14})
     * @param text   the incident in the reader's language
     */
    record AnnexBIncident(String id, String number, String text) {}

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
