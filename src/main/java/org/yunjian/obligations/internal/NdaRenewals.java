package org.yunjian.obligations.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yunjian.obligations.Obligation;
import org.yunjian.obligations.ObligationKind;
import org.yunjian.obligations.ObligationPolicy;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.procurement.ClauseReview;
import org.yunjian.procurement.NdaValidities;
import org.yunjian.procurement.NdaValidityRecorded;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;

/**
 * JR/T 6.3.4 / 6.4.4 "保密协议应有明确的有效周期。": the NDA renewal obligation follows the NDA's validity as the contract
 * review records it ({@link NdaValidities#ndaValidity}) — due {@link ObligationPolicy#ndaLeadDays()} days
 * before the NDA's last day (a configurable default), overdue after that, and run out (已过期) after the last day
 * ({@link Obligation.Validity}). When the review records new dates (the NDA renewed), the obligation moves with them,
 * in the same transaction; the change is audited and the obligation's 我的待办 entry follows.
 */
@Component
class NdaRenewals {

    private final NdaValidities contracts;
    private final ObligationRepository repo;
    private final ObligationPolicy policy;
    private final Parties parties;
    private final ApplicationEventPublisher events;
    private final ObligationWork work;
    private final java.time.Clock clock;

    NdaRenewals(
            NdaValidities contracts,
            ObligationRepository repo,
            ObligationPolicy policy,
            Parties parties,
            ApplicationEventPublisher events,
            ObligationWork work,
            java.time.Clock clock) {
        this.contracts = contracts;
        this.repo = repo;
        this.policy = policy;
        this.parties = parties;
        this.events = events;
        this.work = work;
        this.clock = clock;
    }

    /** The validity an obligation of {@code kind} on {@code system} follows now, if any (the NDA's, recorded). */
    Optional<Obligation.Validity> validity(ObligationKind kind, CloudSystem system) {
        if (kind != ObligationKind.NDA_RENEWAL) {
            return Optional.empty();
        }
        LocalDate until =
                contracts.ndaValidity(system).map(ClauseReview::validUntil).orElse(null);
        return policy.validity(kind, until);
    }

    /** The review recorded the NDA's dates: the system's renewal obligation takes them, if it has one. */
    @EventListener
    void on(NdaValidityRecorded recorded) {
        Optional<Obligation> o = repo.find(recorded.systemId(), ObligationKind.NDA_RENEWAL);
        Optional<CloudSystem> system = parties.findSystem(recorded.systemId());
        if (o.isEmpty() || system.isEmpty()) {
            return;
        }
        Obligation next = o.get()
                .withValidity(validity(ObligationKind.NDA_RENEWAL, system.get()).orElse(null));
        if (next.equals(o.get())) {
            return;
        }
        repo.update(next, null, clock.instant());
        events.publishEvent(AuditableEvent.success(
                "lifecycle.obligation.validity",
                ObligationService.OBJECT,
                next.id(),
                next.validity() == null
                        ? Msg.of(
                                "lifecycle.cal.audit.validityNone",
                                Msg.of(next.kind()),
                                system.get().name())
                        : Msg.of(
                                "lifecycle.cal.audit.validity",
                                Msg.of(next.kind()),
                                system.get().name(),
                                Formats.date(next.validity().until()),
                                Formats.date(next.nextDue()))));
        work.publishObligation(next);
    }
}
