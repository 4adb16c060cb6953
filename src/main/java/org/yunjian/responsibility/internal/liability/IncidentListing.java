package org.yunjian.responsibility.internal.liability;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.Catalog;
import org.yunjian.responsibility.RuleQuote;
import org.yunjian.responsibility.SystemIncidents;
import org.yunjian.responsibility.internal.liability.IncidentRepository.IncidentRecord;

/** {@link SystemIncidents} over {@link IncidentService}: the same rules as the incident pages. */
@Component
class IncidentListing implements SystemIncidents {

    private final IncidentService incidents;
    private final Catalog catalog;

    IncidentListing(IncidentService incidents, Catalog catalog) {
        this.incidents = incidents;
        this.catalog = catalog;
    }

    @Override
    public List<RecordedIncident> of(UUID systemId) {
        return incidents.list(systemId).stream().map(IncidentListing::recorded).toList();
    }

    @Override
    public Optional<RecordedIncident> find(UUID systemId, UUID incidentId) {
        return incidents.find(systemId, incidentId).map(IncidentListing::recorded);
    }

    @Override
    public boolean mayRecord(UUID systemId) {
        return incidents.access(systemId).mayRecord();
    }

    @Override
    public List<AnnexBIncident> annexB() {
        return incidents.search(null, null).stream()
                .map(i -> new AnnexBIncident(
                        i.id().value(),
                        i.number(),
                        RuleQuote.of(i.id(), catalog).text()))
                .toList();
    }

    @Override
    public RecordedIncident record(UUID systemId, NewIncident in) {
        return recorded(incidents.record(
                systemId,
                new IncidentService.RecordInput(
                        in.incident(), in.occurredAt(), in.title(), in.description(), in.reference())));
    }

    private static RecordedIncident recorded(IncidentRecord r) {
        return new RecordedIncident(
                r.id(), r.incident(), IncidentDocx.number(r.incident()), r.occurredAt(), r.title(), r.reference());
    }
}
