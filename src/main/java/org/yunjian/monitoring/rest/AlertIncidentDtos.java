package org.yunjian.monitoring.rest;

import java.time.Instant;
import java.util.UUID;
import org.yunjian.monitoring.internal.AlertIncidents;
import org.yunjian.monitoring.rest.MonitorDtos.AlertResponse;
import org.yunjian.responsibility.SystemIncidents.NewIncident;

/** The bodies of {@code POST /api/monitoring/alerts/{id}/incident}. */
final class AlertIncidentDtos {

    private AlertIncidentDtos() {}

    /**
     * The incident to record: {@code incident} (an Annex B incident, e.g. TCCIA004-B-14) is required; the other
     * fields, when left out, are taken from the alert.
     */
    record AlertIncidentRequest(
            String incident, String occurredAt, String title, String description, String reference) {

        NewIncident input() {
            return new NewIncident(incident, occurredAt, title, description, reference);
        }
    }

    /** The incident recorded ({@code link}: its page with the Annex B analysis) and the alert that keeps it. */
    record AlertIncidentResponse(
            UUID incidentId,
            String incident,
            String number,
            String title,
            Instant occurredAt,
            String link,
            AlertResponse alert) {

        static AlertIncidentResponse of(AlertIncidents.Opened o) {
            return new AlertIncidentResponse(
                    o.incident().id(),
                    o.incident().incident(),
                    o.incident().number(),
                    o.incident().title(),
                    o.incident().occurredAt(),
                    o.page(),
                    AlertResponse.of(o.alert()));
        }
    }
}
