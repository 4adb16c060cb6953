package org.yunjian.responsibility.internal.liability;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.responsibility.SystemIncidents;

/** {@link SystemIncidents} over {@link IncidentService#list}: the same rules as the incident pages. */
@Component
class IncidentListing implements SystemIncidents {

    private final IncidentService incidents;

    IncidentListing(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public List<RecordedIncident> of(UUID systemId) {
        return incidents.list(systemId).stream()
                .map(r -> new RecordedIncident(
                        r.id(),
                        r.incident(),
                        IncidentDocx.number(r.incident()),
                        r.occurredAt(),
                        r.title(),
                        r.reference()))
                .toList();
    }
}
