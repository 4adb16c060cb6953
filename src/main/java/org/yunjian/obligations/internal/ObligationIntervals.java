package org.yunjian.obligations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.obligations.Obligation;
import org.yunjian.obligations.ObligationKind;
import org.yunjian.obligations.ObligationPolicy;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * An organisation's own intervals per kind of obligation (within the standards' maxima), applied to the obligations
 * of the systems it is the customer of. Audited.
 *
 * <p>Optimistic locking: the versioned record is one setting — one organisation's interval for one kind, what the
 * interval form changes. A setting never made is at version 0 and its first save makes version 1; going back to the
 * default keeps the setting (without months) so its version keeps counting and an old form stays stale.
 */
@Service
@Transactional
public class ObligationIntervals {

    private final ObligationRepository repo;
    private final Parties parties;
    private final Catalog catalog;
    private final ObligationPolicy policy;
    private final ApplicationEventPublisher events;
    private final ObligationWork work;
    private final Clock clock;

    ObligationIntervals(
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

    /** One kind's interval for the caller's organisation: its own, or null for the default; and its version. */
    public record IntervalSetting(ObligationKind kind, Integer months, long version) {}

    /** The caller's organisation's own intervals, every kind (null where it keeps the default). */
    @Transactional(readOnly = true)
    public List<IntervalSetting> intervals() {
        CurrentUser u = CurrentUser.requireBusinessOrAdmin("lifecycle obligations");
        Map<ObligationKind, Integer> own = repo.intervals(u.organizationId());
        Map<ObligationKind, Long> versions = repo.intervalVersions(u.organizationId());
        return java.util.Arrays.stream(ObligationKind.values())
                .map(k -> new IntervalSetting(k, own.get(k), versions.getOrDefault(k, 0L)))
                .toList();
    }

    /** The caller's organisation's setting for one kind; 400 for an unknown kind. */
    @Transactional(readOnly = true)
    public IntervalSetting interval(String kind) {
        FieldErrors errors = new FieldErrors();
        ObligationKind k = ObligationService.kind(errors, kind);
        errors.throwIfAny();
        return intervals().stream().filter(i -> i.kind() == k).findFirst().orElseThrow();
    }

    /**
     * Sets the caller's organisation's own interval for {@code kind} (null or blank: back to the default) over the
     * version of the setting the caller read, and applies it to the obligations of the systems it is the customer
     * of. Refused with the reason when it is longer than the maximum on any of them (the standard's, where it
     * states one).
     */
    public IntervalSetting setInterval(String kind, String months, ExpectedVersion version) {
        CurrentUser u = CurrentUser.requireBusinessOrAdmin("lifecycle obligations");
        if (u.organizationId() == null) {
            throw new PlanAccess.Refused(Msg.of("lifecycle.cal.denied.intervalOrg"));
        }
        FieldErrors errors = new FieldErrors();
        ObligationKind k = ObligationService.kind(errors, kind);
        Integer value = null;
        if (months != null && !months.isBlank()) {
            try {
                value = Integer.valueOf(months.strip());
            } catch (NumberFormatException e) {
                errors.add("months", "lifecycle.cal.error.months");
            }
        }
        errors.throwIfAny();
        List<CloudSystem> own = parties.visibleSystems().stream()
                .filter(s -> u.organizationId().equals(s.customerId()))
                .toList();
        if (value != null) {
            if (value < ObligationPolicy.MIN_MONTHS || value > ObligationPolicy.MAX_MONTHS) {
                throw new FieldErrors.ValidationException(
                        "months",
                        "lifecycle.cal.error.intervalRange",
                        ObligationPolicy.MIN_MONTHS,
                        ObligationPolicy.MAX_MONTHS);
            }
            for (CloudSystem s : own) {
                Optional<Msg> refusal = policy.refusal(k, s, value);
                if (refusal.isPresent() && policy.kindsFor(s, catalog).contains(k)) {
                    throw new FieldErrors.ValidationException(
                            Map.of("months", Msg.of("lifecycle.cal.error.intervalOn", s.name(), refusal.get())));
                }
            }
        }
        long expected = version.value();
        Instant now = clock.instant();
        repo.setInterval(u.organizationId(), k, value, u.username(), now, expected);
        Map<UUID, CloudSystem> byId = own.stream().collect(Collectors.toMap(CloudSystem::id, Function.identity()));
        for (Obligation o : repo.all(byId.keySet())) {
            if (o.kind() == k) {
                int m = policy.months(k, byId.get(o.systemId()), value);
                if (m != o.intervalMonths()) {
                    repo.update(o.withInterval(m), null, now);
                    work.publishObligation(o.withInterval(m)); // a new due date: due soon, overdue, or not yet
                }
            }
        }
        events.publishEvent(AuditableEvent.success(
                "lifecycle.obligation.interval",
                "organization",
                u.organizationId(),
                value == null
                        ? Msg.of("lifecycle.cal.audit.intervalDefault", Msg.of(k))
                        : Msg.of("lifecycle.cal.audit.interval", Msg.of(k), value)));
        return new IntervalSetting(k, value, expected + 1);
    }
}
