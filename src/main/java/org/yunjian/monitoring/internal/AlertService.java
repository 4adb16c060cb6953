package org.yunjian.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.monitoring.Alert;
import org.yunjian.monitoring.AlertStatus;
import org.yunjian.monitoring.CheckCoverage;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.Monitor;
import org.yunjian.monitoring.Probe;
import org.yunjian.monitoring.WatchSettings;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.party.CloudSystem;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldValues;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.TextRules;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The monitors' alerts: raised from a probe's findings (a finding of a kind and subject that already has an alert not
 * closed only moves its last sighting), acknowledged and closed with a note by the organisations responsible
 * ({@link MonitorAccess#handle}); what the next check finds fine closes itself ({@link #recovered(Monitor, List,
 * Instant)}), with a 恢复 notice. Every change
 * tells the responsible organisations through 我的待办 ({@link MonitorWork}); a person's acts are audited.
 */
@Service
@Transactional
public class AlertService {

    static final String OBJECT = "monitor-alert";
    /** The availability alert's subject: one per monitor. */
    static final String PAGE = Alert.PAGE;

    private final AlertRepository alerts;
    private final MonitorRepository monitors;
    private final MonitorAccess access;
    private final MonitorWork work;
    private final TextRules text;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertService(
            AlertRepository alerts,
            MonitorRepository monitors,
            MonitorAccess access,
            MonitorWork work,
            TextRules text,
            ApplicationEventPublisher events,
            Clock clock) {
        this.alerts = alerts;
        this.monitors = monitors;
        this.access = access;
        this.work = work;
        this.text = text;
        this.events = events;
        this.clock = clock;
    }

    /** An alert with its monitor, its system and whether the caller may handle it. */
    public record View(Alert alert, Monitor monitor, CloudSystem system, boolean mayHandle) {}

    /** The monitor's alerts, newest first (only those not closed when {@code open}); 404 if not seen. */
    @Transactional(readOnly = true)
    public List<Alert> ofMonitor(UUID monitorId, boolean open) {
        Monitor m = monitors.find(monitorId).orElseThrow(() -> new NotFoundException(MonitorService.OBJECT, monitorId));
        access.see(m.systemId());
        return alerts.ofMonitor(monitorId, open, 500);
    }

    /** The system's alerts not closed, newest first; 404 if not seen. */
    @Transactional(readOnly = true)
    public List<Alert> openOfSystem(UUID systemId) {
        access.see(systemId);
        return alerts.openOfSystem(systemId);
    }

    @Transactional(readOnly = true)
    public View one(UUID id) {
        Alert a = alerts.find(id).orElseThrow(() -> new NotFoundException(OBJECT, id));
        CloudSystem s = access.see(a.systemId());
        Monitor m = monitors.find(a.monitorId()).orElseThrow(() -> new NotFoundException(OBJECT, id));
        return new View(a, m, s, access.mayHandle(s.id()));
    }

    /** Acknowledges an open alert: someone responsible has seen it and is on it. */
    public Alert acknowledge(UUID id, ExpectedVersion version) {
        Alert a = alerts.find(id).orElseThrow(() -> new NotFoundException(OBJECT, id));
        access.handle(a.systemId());
        if (!a.mayAcknowledge()) {
            throw new ConflictException("alert-not-open", "monitoring.error.notOpen");
        }
        alerts.acknowledge(id, CurrentUser.require().username(), clock.instant(), version.value());
        Alert done = alerts.find(id).orElseThrow();
        work.publish(done);
        events.publishEvent(AuditableEvent.success(
                "monitor.alert.acknowledge",
                OBJECT,
                id,
                Msg.of(
                        "monitoring.audit.acknowledge",
                        Msg.of("enum.CheckKind." + a.kind().name()),
                        a.subject())));
        return done;
    }

    /** Closes an alert that is not closed with the note that says how it was handled (required). */
    public Alert close(UUID id, String note, ExpectedVersion version) {
        Alert a = alerts.find(id).orElseThrow(() -> new NotFoundException(OBJECT, id));
        access.handle(a.systemId());
        FieldErrors errors = new FieldErrors();
        if (FieldValues.blank(note)) {
            errors.add("note", "monitoring.error.required");
        } else {
            text.check(errors, "note", note.strip(), Alert.NOTE_MAX, Text.Kind.LINES, "monitoring.error.tooLong");
        }
        errors.throwIfAny();
        if (!a.mayClose()) {
            throw new ConflictException("alert-closed", "monitoring.error.closed");
        }
        alerts.close(id, CurrentUser.require().username(), clock.instant(), note.strip(), version.value());
        Alert done = alerts.find(id).orElseThrow();
        work.publish(done);
        events.publishEvent(AuditableEvent.success(
                "monitor.alert.close",
                OBJECT,
                id,
                Msg.of(
                        "monitoring.audit.close",
                        Msg.of("enum.CheckKind." + a.kind().name()),
                        a.subject())));
        return done;
    }

    /**
     * A probe's findings on the monitor: each opens an alert unless one of its kind and subject is not yet closed
     * (then it is seen again). Returns the alerts opened.
     */
    List<Alert> raise(Monitor m, UUID probeId, List<Finding> findings, Instant at) {
        // every check's detail (a diff, a matched passage, a link) is shown and sent to three organisations: masked by
        // the detector that raises the privacy alerts, whichever check found it (issue 58)
        List<Alert> opened = new java.util.ArrayList<>();
        java.util.Map<List<Object>, Alert> notClosed = new java.util.HashMap<>();
        alerts.notClosed(m.id()).forEach(a -> notClosed.put(List.of(a.kind(), a.subject()), a));
        for (Finding f : findings) {
            Alert existing = notClosed.get(List.of(f.kind(), f.subject()));
            if (existing != null) {
                alerts.seen(existing.id(), at, masked(f.detail()));
                continue;
            }
            Alert a = new Alert(
                    UUID.randomUUID(),
                    m.id(),
                    m.systemId(),
                    f.kind(),
                    f.subject(),
                    f.message(),
                    masked(f.detail()),
                    AlertStatus.OPEN,
                    at,
                    at,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0);
            alerts.insert(a, probeId);
            work.publish(a);
            work.openedNotice(a, m);
            notClosed.put(List.of(a.kind(), a.subject()), a);
            opened.add(a);
        }
        return opened;
    }

    /**
     * After a probe of a monitor that watches its response time: as many probes in a row as its failures before an
     * alert, all answered slower than its threshold, raise 响应缓慢 ({@link WatchSettings#slow}); an answer in time
     * closes it on recovery. Returns the alerts opened.
     */
    List<Alert> latency(Monitor m, UUID probeId, Instant at) {
        WatchSettings w = m.watch();
        if (w.slowAboveMillis() == null) {
            return List.of();
        }
        List<Probe> recent = monitors.probes(m.id(), m.failuresBeforeAlert());
        if (w.fast(recent)) {
            recovered(m, List.of(CheckCoverage.subjects(CheckKind.LATENCY, List.of(PAGE), List.of())), at);
            return List.of();
        }
        return w.slow(recent, m.failuresBeforeAlert())
                ? raise(m, probeId, List.of(w.slowFinding(recent, m.failuresBeforeAlert())), at)
                : List.of();
    }

    /** The page answers again: its availability alert, if any, closes itself ({@link #recovered(Monitor, List, Instant)}). */
    void recovered(Monitor m, Instant at) {
        recovered(m, List.of(CheckCoverage.subjects(CheckKind.AVAILABILITY, List.of(PAGE), List.of())), at);
    }

    /**
     * What the checks judged: every alert of the monitor not closed that {@link Alert#recoveredIn recovered} closes
     * itself (closed by the platform, with a note saying so), its tasks close and the organisations told of it get
     * the recovery notice. Returns the alerts closed.
     */
    List<Alert> recovered(Monitor m, List<CheckCoverage> checked, Instant at) {
        List<Alert> closed = new java.util.ArrayList<>();
        for (Alert a : alerts.notClosed(m.id())) {
            if (checked.stream().noneMatch(a::recoveredIn)) {
                continue;
            }
            alerts.close(a.id(), null, at, a.recoveryNote().encode(), null);
            alerts.find(a.id()).ifPresent(done -> {
                work.publish(done);
                work.recoveryNotice(done, m);
                closed.add(done);
            });
        }
        return closed;
    }

    private static final org.yunjian.monitoring.probe.PrivacyScanner PERSONAL_NUMBERS =
            new org.yunjian.monitoring.probe.PrivacyScanner();

    /** The text with every personal number masked ({@code 110105********1234}); null stays null. */
    static String masked(String detail) {
        return detail == null ? null : PERSONAL_NUMBERS.masked(detail);
    }
}
