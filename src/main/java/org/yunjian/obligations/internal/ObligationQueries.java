package org.yunjian.obligations.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.PartyRole;
import org.yunjian.obligations.Obligation;
import org.yunjian.obligations.ObligationStatus;
import org.yunjian.obligations.OverdueCount;
import org.yunjian.obligations.internal.ObligationService.Row;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/**
 * The obligations across every system the caller sees: the calendar, the overview, the feeds and reminders, the start
 * page's overdue count. Whole-plan readers of a system ({@link org.yunjian.lifecycle.PlanAccess#seesWholePlan()}: its
 * customer, provider, assessors, administrators) see all of its obligations, other organisations those they perform.
 * One system's obligations and their changes are {@link ObligationService}'s.
 */
@Service
@Transactional(readOnly = true)
public class ObligationQueries implements OverdueCount {

    private final ObligationRepository repo;
    private final Parties parties;
    private final ObligationRows rows;
    private final Clock clock;

    ObligationQueries(ObligationRepository repo, Parties parties, ObligationRows rows, Clock clock) {
        this.repo = repo;
        this.parties = parties;
        this.rows = rows;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.zone()));
    }

    /**
     * The obligations of every system the caller sees that it may see, due from {@code from} to {@code to} (ISO
     * dates; from blank = no lower bound, to blank = 90 days ahead), or only the overdue ones.
     */
    @Transactional(readOnly = true)
    public List<Row> across(String from, String to, boolean overdueOnly) {
        LocalDate[] window = window(from, to, overdueOnly);
        return visibleDue(window[0], window[1]);
    }

    /** The due dates {@code from} (null: no lower bound) to {@code to} of the lists across systems. */
    private LocalDate[] window(String from, String to, boolean overdueOnly) {
        FieldErrors errors = new FieldErrors();
        LocalDate f = from == null || from.isBlank() ? null : ObligationService.parse(errors, from, "from");
        LocalDate t = to == null || to.isBlank() ? today().plusDays(90) : ObligationService.parse(errors, to, "to");
        errors.throwIfAny();
        if (f != null && t.isBefore(f)) {
            throw new FieldErrors.ValidationException("to", "lifecycle.cal.error.range");
        }
        if (overdueOnly) {
            t = today().minusDays(1);
        }
        return new LocalDate[] {f, t};
    }

    /**
     * One page of the obligations of every system the caller sees that it may see, due from {@code from} to
     * {@code to} as in {@link #across(String, String, boolean)}, in {@code status} today (null: any), whose kind's or
     * system's name contains {@code text} (null: any), earliest due first — counted and cut in SQL.
     */
    @Transactional(readOnly = true)
    public Paged<Row> across(
            String from, String to, boolean overdueOnly, String text, ObligationStatus status, PageRequest page) {
        LocalDate[] window = window(from, to, overdueOnly);
        CurrentUser u = CurrentUser.requireBusinessOrAdmin("lifecycle obligations");
        Map<UUID, CloudSystem> systems = parties.visibleSystems().stream()
                .collect(Collectors.toMap(CloudSystem::id, Function.identity(), (a, b) -> a));
        Map<Boolean, List<UUID>> byWhole = systems.values().stream()
                .collect(Collectors.partitioningBy(
                        s -> seesWhole(u, s), Collectors.mapping(CloudSystem::id, Collectors.toList())));
        List<UUID> named = text == null
                ? List.of()
                : systems.values().stream()
                        .filter(s -> ListFilters.contains(text, s.name()))
                        .map(CloudSystem::id)
                        .toList();
        return rows.paged(
                repo.page(
                        new ObligationRepository.Filter(
                                byWhole.get(true),
                                byWhole.get(false),
                                u.organizationId(),
                                window[0],
                                window[1],
                                status,
                                today(),
                                text,
                                ObligationRows.kindsNamed(text),
                                named),
                        page),
                systems,
                null,
                today());
    }

    /** The obligations the caller sees due on or before {@code to} (from {@code from} unless null), earliest first. */
    @Transactional(readOnly = true)
    public List<Row> visibleDue(LocalDate from, LocalDate to) {
        CurrentUser u = CurrentUser.requireBusinessOrAdmin("lifecycle obligations");
        Map<UUID, CloudSystem> systems = parties.visibleSystems().stream()
                .collect(Collectors.toMap(CloudSystem::id, Function.identity(), (a, b) -> a));
        List<Obligation> due = repo.due(systems.keySet(), from, to);
        Map<UUID, Boolean> whole = new HashMap<>();
        List<Obligation> seen = due.stream()
                .filter(o -> u.belongsTo(o.responsibleOrg())
                        || whole.computeIfAbsent(o.systemId(), id -> seesWhole(u, systems.get(id))))
                .toList();
        return rows.rows(seen, systems, null, today());
    }

    @Override
    @Transactional(readOnly = true)
    public int overdueForCurrentUser() {
        Optional<CurrentUser> u = CurrentUser.current();
        if (u.isEmpty()
                || !(u.get().is(Role.SYSTEM_ADMIN)
                        || (u.get().is(Role.USER) && u.get().organizationId() != null))) {
            return 0;
        }
        return (int) across(null, null, true, null, null, new PageRequest(1, 1)).total();
    }

    /** The same rule as {@link PlanAccess#seesWholePlan()}, without asking for the roles unless needed. */
    private boolean seesWhole(CurrentUser u, CloudSystem s) {
        if (u.is(Role.SYSTEM_ADMIN) || u.belongsTo(s.customerId()) || u.belongsTo(s.providerId())) {
            return true;
        }
        return u.organizationId() != null
                && parties.rolesOf(u.organizationId(), s.id()).contains(PartyRole.THIRD_PARTY_ASSESSOR);
    }
}
