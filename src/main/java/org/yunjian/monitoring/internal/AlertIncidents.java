package org.yunjian.monitoring.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.monitoring.Alert;
import org.yunjian.monitoring.Monitor;
import org.yunjian.responsibility.SystemIncidents;
import org.yunjian.responsibility.SystemIncidents.AnnexBIncident;
import org.yunjian.responsibility.SystemIncidents.NewIncident;
import org.yunjian.responsibility.SystemIncidents.RecordedIncident;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;

/**
 * A tampering or availability alert opens a supervision incident (issue 38; T/CCIA 004-2024 Annex B) in the
 * responsibility module, through its public {@link SystemIncidents}: the person chooses the incident of table B.1 —
 * those {@link org.yunjian.monitoring.CheckKind#likelyIncidents likely} for the alert's kind offered first — and the
 * title, description, occurrence time and reference come prefilled from the alert. Whoever may both handle the alert
 * ({@link MonitorAccess#handle}) and record incidents on the system (its customer or provider) may; one incident per
 * alert (409 for a second). The record and the alert's link are one transaction; the act is audited and the alert's
 * tasks in 我的待办 say an incident was opened.
 */
@Service
@Transactional
public class AlertIncidents {

    private final AlertRepository alerts;
    private final MonitorRepository monitors;
    private final MonitorAccess access;
    private final MonitorWork work;
    private final SystemIncidents incidents;
    private final ApplicationEventPublisher events;

    AlertIncidents(
            AlertRepository alerts,
            MonitorRepository monitors,
            MonitorAccess access,
            MonitorWork work,
            SystemIncidents incidents,
            ApplicationEventPublisher events) {
        this.alerts = alerts;
        this.monitors = monitors;
        this.access = access;
        this.work = work;
        this.incidents = incidents;
        this.events = events;
    }

    /**
     * The form opening an incident from an alert: the incidents of table B.1 likely for its kind (in that order) and
     * the others, and the draft prefilled from the alert; {@code mayOpen} whether the caller may open one now.
     */
    public record Form(
            Alert alert,
            Monitor monitor,
            boolean mayOpen,
            List<AnnexBIncident> likely,
            List<AnnexBIncident> others,
            NewIncident draft) {}

    /** An incident opened from an alert, and the alert as it is now. */
    public record Opened(Alert alert, RecordedIncident incident) {

        /** The incident's page, with its Annex B analysis. */
        public String page() {
            return SystemIncidents.page(alert.systemId(), incident.id());
        }

        public String resource() {
            return SystemIncidents.resource(alert.systemId(), incident.id());
        }
    }

    @Transactional(readOnly = true)
    public Form form(UUID alertId) {
        Alert a = alert(alertId);
        access.see(a.systemId());
        Monitor m = monitor(a);
        boolean may = mayOpen(a);
        List<String> likelyIds = a.kind().likelyIncidents();
        List<AnnexBIncident> all = incidents.annexB();
        List<AnnexBIncident> likely = likelyIds.stream()
                .flatMap(id -> all.stream().filter(i -> i.id().equals(id)))
                .toList();
        List<AnnexBIncident> others =
                all.stream().filter(i -> !likelyIds.contains(i.id())).toList();
        return new Form(a, m, may, likely, others, a.incidentDraft(m, null));
    }

    /** Whether the caller may open an incident from the alert now (the alert's page offers it). */
    @Transactional(readOnly = true)
    public boolean mayOpen(Alert a) {
        return a.mayOpenIncident() && access.mayHandle(a.systemId()) && incidents.mayRecord(a.systemId());
    }

    /** The incident opened from the alert, if any and the caller may see it (the alert's page links to it). */
    @Transactional(readOnly = true)
    public Optional<RecordedIncident> incidentOf(Alert a) {
        return a.hasIncident() ? incidents.find(a.systemId(), a.incidentId()) : Optional.empty();
    }

    /**
     * Opens the alert's incident. A field left out ({@code null}) is taken from the draft, except the incident of
     * table B.1, which the person chooses; a field given blank is refused as the incident form refuses it.
     */
    public Opened open(UUID alertId, NewIncident given) {
        Alert a = alert(alertId);
        access.handle(a.systemId());
        if (!incidents.mayRecord(a.systemId())) {
            throw new ForbiddenException(Msg.of("monitoring.error.incidentRecord"));
        }
        if (!a.kind().opensIncident()) {
            throw new ConflictException("alert-kind-no-incident", "monitoring.error.incidentKind", Msg.of(a.kind()));
        }
        if (a.hasIncident()) {
            throw new ConflictException("alert-has-incident", "monitoring.error.incidentOpened");
        }
        RecordedIncident r = incidents.record(a.systemId(), a.incidentDraft(monitor(a), given));
        if (!alerts.linkIncident(a.id(), r.id())) {
            // another request opened one in between: this record is undone with the transaction
            throw new ConflictException("alert-has-incident", "monitoring.error.incidentOpened");
        }
        Alert done = alert(alertId);
        work.publish(done);
        events.publishEvent(AuditableEvent.success(
                "monitor.alert.incident",
                AlertService.OBJECT,
                a.id(),
                Msg.of("monitoring.audit.incident", Msg.of(a.kind()), a.subject(), r.number(), r.title())));
        return new Opened(done, r);
    }

    private Alert alert(UUID id) {
        return alerts.find(id).orElseThrow(() -> new NotFoundException(AlertService.OBJECT, id));
    }

    private Monitor monitor(Alert a) {
        return monitors.find(a.monitorId()).orElseThrow(() -> new NotFoundException(AlertService.OBJECT, a.id()));
    }
}
