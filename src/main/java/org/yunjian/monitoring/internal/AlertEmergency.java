package org.yunjian.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.monitoring.Alert;
import org.yunjian.monitoring.EmergencyPlans;
import org.yunjian.monitoring.EmergencyRecord;
import org.yunjian.monitoring.EmergencyStep;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.TextRules;

/**
 * The emergency handling of a tampering or harmful-content alert (政府网站云计算服务安全指南 7.3.7 b) 1), 8.5 d)): the
 * steps the guide lists ({@link EmergencyStep}), each recorded once by someone who handles the alert — when it was done
 * and to whom or how, the emergency plan started named from the system's plans — and audited. Recorded steps are never
 * changed; a step not done stays open on the alert's page, and the serious-case steps are marked as such.
 */
@Service
@Transactional
public class AlertEmergency {

    static final int NOTE_MAX = 2000;

    private final AlertRepository alerts;
    private final EmergencyRepository steps;
    private final MonitorAccess access;
    private final ObjectProvider<EmergencyPlans> plans;
    private final TextRules text;
    private final ApplicationEventPublisher events;
    private final MonitorWork work;
    private final Clock clock;

    AlertEmergency(
            AlertRepository alerts,
            EmergencyRepository steps,
            MonitorAccess access,
            ObjectProvider<EmergencyPlans> plans,
            TextRules text,
            ApplicationEventPublisher events,
            MonitorWork work,
            Clock clock) {
        this.work = work;
        this.alerts = alerts;
        this.steps = steps;
        this.access = access;
        this.plans = plans;
        this.text = text;
        this.events = events;
        this.clock = clock;
    }

    /** What to record a step with: the time it was done (ISO, with an offset or in the users' zone), a note, a plan. */
    public record StepInput(String step, String doneAt, String note, String plan) {}

    /**
     * An alert's emergency handling: whether its kind has one, the steps recorded, the steps still open (in the
     * guide's order), the system's plans to name, and whether the caller may record.
     */
    public record Handling(
            boolean applies,
            List<EmergencyRecord> done,
            List<EmergencyStep> open,
            List<EmergencyPlans.Plan> plans,
            boolean mayRecord) {}

    @Transactional(readOnly = true)
    public Handling of(UUID alertId) {
        Alert a = alerts.find(alertId).orElseThrow(() -> new NotFoundException(AlertService.OBJECT, alertId));
        access.see(a.systemId());
        return handling(a);
    }

    private Handling handling(Alert a) {
        if (!a.kind().emergency()) {
            return new Handling(false, List.of(), List.of(), List.of(), false);
        }
        List<EmergencyRecord> done = steps.of(a.id());
        List<EmergencyStep> open = Arrays.stream(EmergencyStep.values())
                .filter(s -> done.stream().noneMatch(r -> r.step() == s))
                .toList();
        return new Handling(true, done, open, plansOf(a.systemId()), access.mayHandle(a.systemId()));
    }

    /** Records one step done; 400 naming each bad field, 409 for a kind without emergency steps or a step recorded. */
    public EmergencyRecord record(UUID alertId, StepInput in) {
        Alert a = alerts.find(alertId).orElseThrow(() -> new NotFoundException(AlertService.OBJECT, alertId));
        access.handle(a.systemId());
        if (!a.kind().emergency()) {
            throw new ConflictException("alert-no-emergency", "monitoring.emergency.error.kind");
        }
        FieldErrors errors = new FieldErrors();
        EmergencyStep step = step(errors, in.step());
        Instant doneAt = doneAt(errors, in.doneAt(), a);
        String note =
                in.note() == null || in.note().isBlank() ? null : in.note().strip();
        if (note != null) {
            text.check(errors, "note", note, NOTE_MAX, Text.Kind.LINES, "monitoring.error.tooLong");
        }
        EmergencyPlans.Plan plan = plan(errors, step, in.plan(), a.systemId());
        if (step != null && !step.namesPlan() && note == null) {
            // to whom it was reported, how the site was stopped: the record says it, not only that it happened
            errors.add("note", "monitoring.emergency.error.noteRequired");
        }
        errors.throwIfAny();
        EmergencyRecord r = new EmergencyRecord(
                UUID.randomUUID(),
                a.id(),
                step,
                doneAt,
                note,
                plan == null ? null : plan.id(),
                plan == null ? null : plan.scenario(),
                CurrentUser.require().username(),
                clock.instant());
        try { // the table's unique key refuses a step recorded already
            steps.insert(r);
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("emergency-step-recorded", "monitoring.emergency.error.recorded");
        }
        events.publishEvent(AuditableEvent.success(
                "monitor.alert.emergency",
                AlertService.OBJECT,
                a.id(),
                Msg.of(
                        "monitoring.audit.emergency",
                        Msg.of("enum.EmergencyStep." + step.name()),
                        Msg.of("enum.CheckKind." + a.kind().name()),
                        a.subject())));
        if (step == EmergencyStep.REPORTED_TO_PROVIDER) {
            work.reportedNotice(a, note, r.recordedAt());
        }
        return r;
    }

    private static EmergencyStep step(FieldErrors errors, String value) {
        if (value == null || value.isBlank()) {
            errors.add("step", "monitoring.emergency.error.step");
            return null;
        }
        try {
            return EmergencyStep.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add("step", "monitoring.emergency.error.step");
            return null;
        }
    }

    private Instant doneAt(FieldErrors errors, String value, Alert a) {
        if (value == null || value.isBlank()) {
            return clock.instant().truncatedTo(ChronoUnit.SECONDS);
        }
        Optional<Instant> entered = Formats.enteredTime(value);
        if (entered.isEmpty()) {
            errors.add("doneAt", "monitoring.emergency.error.doneAtFormat");
            return null;
        }
        Instant t = entered.get();
        // entered to the minute: any time in the current minute is not in the future, nor before the alert's minute
        if (t.isAfter(clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES))) {
            errors.add("doneAt", "monitoring.emergency.error.doneAtFuture");
            return null;
        }
        if (t.isBefore(a.openedAt().truncatedTo(ChronoUnit.MINUTES))) {
            errors.add("doneAt", "monitoring.emergency.error.doneAtBeforeAlert");
            return null;
        }
        return t;
    }

    private EmergencyPlans.Plan plan(FieldErrors errors, EmergencyStep step, String value, UUID systemId) {
        if (step == null || !step.namesPlan()) {
            return null;
        }
        if (value == null || value.isBlank()) {
            errors.add("plan", "monitoring.emergency.error.plan");
            return null;
        }
        Optional<EmergencyPlans.Plan> found = plansOf(systemId).stream()
                .filter(p -> p.id().toString().equalsIgnoreCase(value.strip()))
                .findFirst();
        if (found.isEmpty()) {
            errors.add("plan", "monitoring.emergency.error.plan");
            return null;
        }
        return found.get();
    }

    private List<EmergencyPlans.Plan> plansOf(UUID systemId) {
        EmergencyPlans p = plans.getIfAvailable();
        return p == null ? List.of() : p.of(systemId);
    }
}
