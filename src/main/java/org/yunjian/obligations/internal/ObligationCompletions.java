package org.yunjian.obligations.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yunjian.assessment.AssessmentCompleted;
import org.yunjian.catalog.Catalog;
import org.yunjian.monitoring.DomainIpChecked;
import org.yunjian.obligations.CompletionSource;
import org.yunjian.obligations.DrillHeld;
import org.yunjian.obligations.Obligation;
import org.yunjian.obligations.ObligationKind;
import org.yunjian.obligations.ObligationPolicy;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;

/**
 * How a completion of an obligation is recorded — by a person ({@link ObligationService#complete}), a drill held or an
 * assessment completed (the events other parts publish, listened to here): the completion stored with its source,
 * the obligation's next due date moved as {@link Obligation#completed} decides, audited, and its 我的待办 entry
 * refreshed. Which obligations an event completes is {@link ObligationPolicy}'s rule; a monitor's domain and IP check
 * completes that duty.
 */
@Component
class ObligationCompletions {

    private final ObligationRepository repo;
    private final Parties parties;
    private final Catalog catalog;
    private final ObligationPolicy policy;
    private final ApplicationEventPublisher events;
    private final ObligationWork work;
    private final Clock clock;

    ObligationCompletions(
            ObligationRepository repo,
            Parties parties,
            Catalog catalog,
            ObligationPolicy policy,
            ApplicationEventPublisher events,
            ObligationWork work,
            Clock clock) {
        this.repo = repo;
        this.parties = parties;
        this.catalog = catalog;
        this.policy = policy;
        this.events = events;
        this.work = work;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.zone()));
    }

    /**
     * Records that {@code o} was done on {@code on} ({@code source}), over version {@code expected} (null: as stored
     * now, for the platform's own changes).
     */
    Obligation record(Obligation o, LocalDate on, CompletionSource source, CloudSystem system, Long expected) {
        Optional<CurrentUser> u = CurrentUser.current();
        String by = u.map(CurrentUser::username).orElse("system");
        Instant now = clock.instant();
        Obligation done = o.completed(on, today(), by, now);
        repo.completion(
                o.id(), on, source, by, u.map(CurrentUser::organizationId).orElse(null), now);
        repo.update(done, expected, now);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.obligation.complete",
                ObligationService.OBJECT,
                o.id(),
                Msg.of(
                        "lifecycle.cal.audit.complete",
                        Msg.of(o.kind()),
                        system.name(),
                        Formats.date(on),
                        Msg.of(source),
                        ObligationService.due(done))));
        work.publishObligation(done);
        return done;
    }

    /**
     * A drill was held: the obligations {@link ObligationPolicy#completedBy} names count from it — the general drill
     * where the guide asks for one, and the obligation of its category only (政府网站指南 8.5 b) "每两年至少开展各典型类别
     * 安全事件的应急演练一次": a drill of one category does not satisfy another's). Recorded after the drill's own
     * transaction commits, in a transaction of its own, so that nothing here can undo the drill record.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(DrillHeld drill) {
        parties.findSystem(drill.systemId()).ifPresent(s -> policy.completedBy(drill.category(), s, catalog)
                .forEach(k -> completeFromEvent(drill.systemId(), k, drill.heldOn(), CompletionSource.DRILL)));
    }

    /**
     * An assessment of the system was completed: the obligations {@link ObligationPolicy#completedBy(AssessmentCompleted)}
     * names count from its completion day — the 等保 assessment only when it was a 等级测评 (under 等保, by a 测评机构:
     * {@link AssessmentCompleted#isGradedMlpsAssessment()}); a self-assessment or another standard's completes
     * nothing. Like drills, recorded after the assessment's transaction commits.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AssessmentCompleted completed) {
        ObligationPolicy.completedBy(completed)
                .forEach(k -> completeFromEvent(
                        completed.systemId(),
                        k,
                        completed.at().atZone(Formats.zone()).toLocalDate(),
                        CompletionSource.ASSESSMENT));
    }

    /**
     * A monitor checked the domain's records against the approved addresses (政府网站指南 8.4.1.2 b)): the periodic
     * domain and IP compliance check counts as done that day — once a day, however often the monitors check.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(DomainIpChecked checked) {
        LocalDate on = checked.at().atZone(Formats.zone()).toLocalDate();
        Optional<Obligation> o = repo.find(checked.systemId(), ObligationKind.DOMAIN_IP_CHECK);
        if (o.isPresent() && !on.equals(o.get().lastDone())) {
            completeFromEvent(checked.systemId(), ObligationKind.DOMAIN_IP_CHECK, on, CompletionSource.MONITORING);
        }
    }

    private void completeFromEvent(UUID systemId, ObligationKind kind, LocalDate on, CompletionSource source) {
        Optional<Obligation> o = repo.find(systemId, kind);
        if (o.isEmpty() || on == null || on.isAfter(today())) {
            return;
        }
        // the event may come from the platform's own work (a monitor's check), with no caller
        parties.systemForPlatformWork(systemId).ifPresent(system -> record(o.get(), on, source, system, null));
    }
}
