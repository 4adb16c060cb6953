package org.yunjian.obligations.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.obligations.Obligation;
import org.yunjian.obligations.ObligationKind;
import org.yunjian.obligations.ObligationPolicy;
import org.yunjian.party.CloudSystem;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/**
 * Generating a system's obligations: the kinds its protection level, industry and deployment model call for
 * ({@link ObligationPolicy#kindsFor}), one row per performing organisation where every agent performs the kind
 * (政府网站指南 8.2.3 c)), each first due on its start date with its interval, schedule and validity. What a
 * system lacks is computed here, for the customer's generation ({@link ObligationService#generate}) and for the
 * completion of systems generated before a kind or performer was added ({@link ObligationBackfill}) alike; each row
 * created is audited and its work published.
 */
@Service
@Transactional
class ObligationGeneration {

    private final ObligationRepository repo;
    private final Catalog catalog;
    private final ObligationPolicy policy;
    private final ApplicationEventPublisher events;
    private final ObligationWork work;
    private final NdaRenewals ndas;
    private final Clock clock;

    ObligationGeneration(
            ObligationRepository repo,
            Catalog catalog,
            ObligationPolicy policy,
            ApplicationEventPublisher events,
            ObligationWork work,
            NdaRenewals ndas,
            Clock clock) {
        this.repo = repo;
        this.catalog = catalog;
        this.policy = policy;
        this.events = events;
        this.work = work;
        this.ndas = ndas;
        this.clock = clock;
    }

    /** The kinds {@code system} calls for of which some performer has no row among {@code present}. */
    List<ObligationKind> missing(CloudSystem system, List<Obligation> present) {
        return policy.kindsFor(system, catalog).stream()
                .filter(k -> !lacking(k, system, present).isEmpty())
                .toList();
    }

    /**
     * Creates the rows {@code system} lacks of the kinds in {@code only} (null: every kind it calls for), first due on
     * {@code start}, recorded as created by {@code createdBy}; none where every performer has its row, so running it
     * again creates nothing. Returns the new ones.
     */
    List<Obligation> createLacking(CloudSystem system, Set<ObligationKind> only, LocalDate start, String createdBy) {
        Map<ObligationKind, Integer> own = repo.intervals(system.customerId());
        List<Obligation> present = repo.bySystem(system.id());
        List<Obligation> created = new ArrayList<>();
        Instant now = clock.instant();
        for (ObligationKind k : policy.kindsFor(system, catalog)) {
            if (only != null && !only.contains(k)) {
                continue;
            }
            for (UUID performer : lacking(k, system, present)) {
                created.add(create(system, k, performer, start, own, createdBy, now));
            }
        }
        return created;
    }

    /**
     * The organisations performing {@code kind} on {@code system} that have no obligation of it among
     * {@code present}: for a kind every agent performs, each agent without its own (政府网站指南 8.2.3 c)); for the
     * others, the performer unless the system has the kind at all.
     */
    static List<UUID> lacking(ObligationKind kind, CloudSystem system, List<Obligation> present) {
        List<UUID> performers = kind.performers(system);
        if (!kind.perPerformer()) {
            return present.stream().anyMatch(o -> o.kind() == kind) || performers.isEmpty()
                    ? List.of()
                    : List.of(performers.get(0));
        }
        return performers.stream()
                .filter(org -> present.stream()
                        .noneMatch(o -> o.kind() == kind && o.responsibleOrg().equals(org)))
                .toList();
    }

    private Obligation create(
            CloudSystem s,
            ObligationKind k,
            UUID performer,
            LocalDate start,
            Map<ObligationKind, Integer> own,
            String createdBy,
            Instant now) {
        Obligation o = new Obligation(
                        UUID.randomUUID(),
                        s.id(),
                        k,
                        performer,
                        start,
                        policy.months(k, s, own.get(k)),
                        null,
                        null,
                        null)
                .withValidity(ndas.validity(k, s).orElse(null))
                .withSchedule(policy.schedule(k, s, catalog));
        repo.insert(o, createdBy, now);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.obligation.create",
                ObligationService.OBJECT,
                o.id(),
                Msg.of(
                        "lifecycle.cal.audit.create",
                        Msg.of(k),
                        s.name(),
                        ObligationService.due(o),
                        o.intervalMonths())));
        work.publishObligation(o);
        return o;
    }
}
