package org.yunjian.monitoring.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.monitoring.Monitor;
import org.yunjian.party.CloudSystem;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.TextRules;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * Setting up a system's monitors: added, changed, paused and deleted by the customer or a system administrator
 * ({@link MonitorAccess}), read by whoever sees the system. Every change is audited; a change names the version it
 * replaces ({@code If-Match} or the form's), so two people do not overwrite each other unseen. Probes and baselines are
 * {@link ProbeService}'s, alerts {@link AlertService}'s; a monitor without a baseline waits on its customer
 * ({@link BaselineWork}).
 */
@Service
@Transactional
public class MonitorService {

    static final String OBJECT = "monitor";

    private final MonitorRepository repo;
    private final MonitorAccess access;
    private final AddressPolicy addresses;
    private final TextRules text;
    private final BaselineWork work;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MonitorService(
            MonitorRepository repo,
            MonitorAccess access,
            AddressPolicy addresses,
            TextRules text,
            BaselineWork work,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repo = repo;
        this.access = access;
        this.addresses = addresses;
        this.text = text;
        this.work = work;
        this.events = events;
        this.clock = clock;
    }

    /** A monitor with what the caller may do with it. */
    public record View(Monitor monitor, CloudSystem system, boolean mayManage, boolean mayApprove, boolean mayHandle) {}

    /** The system's monitors by name; 404 if the caller does not see the system. */
    @Transactional(readOnly = true)
    public List<Monitor> ofSystem(UUID systemId) {
        access.see(systemId);
        return repo.ofSystem(systemId);
    }

    /** Whether the caller may set up the system's monitors (the customer, its security agents, an administrator). */
    @Transactional(readOnly = true)
    public boolean mayManage(UUID systemId) {
        return access.mayManage(systemId);
    }

    /** One monitor; 404 if it does not exist or the caller does not see its system. */
    @Transactional(readOnly = true)
    public View one(UUID id) {
        Monitor m = repo.find(id).orElseThrow(() -> new NotFoundException(OBJECT, id));
        CloudSystem s = access.see(m.systemId());
        return new View(m, s, access.mayManage(s.id()), access.mayApprove(s.id()), access.mayHandle(s.id()));
    }

    /** The problems of {@code settings}, empty when {@link #create} or {@link #update} would accept them. */
    public FieldErrors problems(Monitor.Settings settings) {
        FieldErrors errors =
                settings.validate((e, f, v, max, k) -> text.check(e, f, v, max, k, "monitoring.error.tooLong"));
        if (errors.isEmpty()) {
            addresses.problem(settings.parsedUrl()).ifPresent(p -> errors.add("url", p));
            settings.dynamicRegionList().stream()
                    .filter(css -> !org.yunjian.monitoring.probe.PageSnapshot.isValidSelector(css))
                    .findFirst()
                    .ifPresent(css -> errors.add("dynamicRegions", "monitoring.error.selector", css));
        }
        return errors;
    }

    /** Adds a monitor to the system, first probed at once; 400 naming every problem of the settings. */
    public Monitor create(UUID systemId, Monitor.Settings settings) {
        CloudSystem s = access.manage(systemId);
        problems(settings).throwIfAny();
        Monitor m = Monitor.create(s.id(), settings, CurrentUser.require().username(), clock.instant());
        repo.insert(m);
        events.publishEvent(AuditableEvent.success(
                "monitor.create",
                OBJECT,
                m.id(),
                Msg.of("monitoring.audit.create", m.name(), m.url().toString(), s.name())));
        work.publish(m.id());
        return m;
    }

    /** Changes the settings if the monitor is still at the version named; 400, 409 (stale) or 428 (none named). */
    public Monitor update(UUID id, Monitor.Settings settings, ExpectedVersion version) {
        Monitor m = repo.find(id).orElseThrow(() -> new NotFoundException(OBJECT, id));
        access.manage(m.systemId());
        problems(settings).throwIfAny();
        long expected = version.value();
        Monitor changed = m.withSettings(settings, clock.instant());
        repo.update(changed, expected);
        events.publishEvent(AuditableEvent.success(
                "monitor.update",
                OBJECT,
                m.id(),
                Msg.of("monitoring.audit.update", changed.name(), changed.url().toString())));
        return changed;
    }

    /** Pauses or resumes the monitor (a resumed one is probed at once). */
    public Monitor pause(UUID id, boolean paused, ExpectedVersion version) {
        Monitor m = repo.find(id).orElseThrow(() -> new NotFoundException(OBJECT, id));
        access.manage(m.systemId());
        long expected = version.value();
        Monitor changed = m.withPaused(paused, clock.instant());
        repo.update(changed, expected);
        events.publishEvent(AuditableEvent.success(
                paused ? "monitor.pause" : "monitor.resume",
                OBJECT,
                m.id(),
                Msg.of(paused ? "monitoring.audit.pause" : "monitoring.audit.resume", m.name())));
        return changed;
    }

    /** Deletes the monitor with its probes, baselines and alerts (the audit log keeps that it existed). */
    public void delete(UUID id, ExpectedVersion version) {
        Monitor m = repo.find(id).orElseThrow(() -> new NotFoundException(OBJECT, id));
        access.manage(m.systemId());
        long expected = version.value();
        if (expected != m.version()) {
            throw new org.yunjian.shared.version.StaleVersionException(m.version(), m.updatedAt());
        }
        repo.delete(id);
        work.publish(id);
        events.publishEvent(AuditableEvent.success(
                "monitor.delete",
                OBJECT,
                m.id(),
                Msg.of("monitoring.audit.delete", m.name(), m.url().toString())));
    }
}
