package org.yunjian.obligations.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.lifecycle.WorkLookup;
import org.yunjian.obligations.Obligation;
import org.yunjian.obligations.ObligationStatus;
import org.yunjian.party.CloudSystem;
import org.yunjian.shared.Formats;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkSource;
import org.yunjian.shared.work.WorkTask;

/**
 * What waits on the obligations, for 我的待办 and the notifications: published after every change of an obligation
 * (inside its transaction), for every one when the inbox rebuilds, and once a day ({@link ObligationWorkScheduler}:
 * the passing of a date opens a task) — {@link #obligation}: an obligation due soon or overdue, for the responsible
 * organisation.
 */
@Component
class ObligationWork implements WorkSource {

    static final String OBLIGATION = "lifecycle-obligation:";

    private final ObligationRepository obligations;
    private final WorkLookup lookup;
    private final ApplicationEventPublisher events;

    ObligationWork(ObligationRepository obligations, WorkLookup lookup, ApplicationEventPublisher events) {
        this.obligations = obligations;
        this.lookup = lookup;
        this.events = events;
    }

    LocalDate today() {
        return lookup.today();
    }

    /** Publishes what waits on the system's obligation of that id, as stored now. */
    void publishObligation(Obligation o) {
        lookup.system(o.systemId()).ifPresent(s -> events.publishEvent(obligation(s, o, today())));
    }

    @Override
    @Transactional
    public void publishAll() {
        publishObligationsDue();
    }

    /**
     * Publishes every obligation due within {@link Obligation#DUE_SOON_DAYS} days or overdue today: those whose
     * task a day's passing opens (due soon, overdue) or replaces (due soon → overdue). The others wait on nothing.
     */
    @Transactional
    public int publishObligationsDue() {
        LocalDate today = today();
        List<Obligation> due = obligations.dueBy(today.plusDays(Obligation.DUE_SOON_DAYS));
        due.forEach(o -> lookup.system(o.systemId()).ifPresent(s -> events.publishEvent(obligation(s, o, today))));
        return due.size();
    }

    /** What waits on one obligation on {@code today}: due soon or overdue, for the responsible organisation. */
    WorkSnapshot obligation(CloudSystem s, Obligation o, LocalDate today) {
        ObligationStatus status = o.status(today);
        if (status != ObligationStatus.DUE_SOON && status != ObligationStatus.OVERDUE) { // later, done or not asked
            return WorkSnapshot.nothingWaiting(OBLIGATION + o.id());
        }
        boolean overdue = status == ObligationStatus.OVERDUE;
        LocalDate due = o.nextDue();
        return new WorkSnapshot(
                OBLIGATION + o.id(),
                List.of(new WorkTask(
                                (overdue ? "overdue:" : "due:") + due,
                                overdue ? "work.lifecycle.obligation.overdue" : "work.lifecycle.obligation.dueSoon",
                                List.of("msg:enum.ObligationKind." + o.kind().name(), s.name(), Formats.date(due)),
                                "/systems/" + s.id() + "/lifecycle/obligations",
                                WorkAddressee.organization(o.responsibleOrg(), s.id()),
                                due)
                        .in(
                                overdue
                                        ? WorkTask.Group.of("obligations-overdue:" + s.id())
                                        : WorkTask.Group.daily("obligations-due:" + s.id()))));
    }
}
