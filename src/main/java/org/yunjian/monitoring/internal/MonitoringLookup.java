package org.yunjian.monitoring.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.monitoring.Monitor;
import org.yunjian.monitoring.MonitoringSearch;
import org.yunjian.party.Parties;
import org.yunjian.party.SystemQuery;
import org.yunjian.party.SystemSummary;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/** {@link MonitoringSearch} over the systems the caller sees ({@link MonitorAccess#see}: the party's own rule). */
@Component
class MonitoringLookup implements MonitoringSearch {

    private final Parties parties;
    private final MonitorRepository monitors;
    private final AlertRepository alerts;

    MonitoringLookup(Parties parties, MonitorRepository monitors, AlertRepository alerts) {
        this.parties = parties;
        this.monitors = monitors;
        this.alerts = alerts;
    }

    @Override
    @Transactional(readOnly = true)
    public Paged<Monitor> monitors(String q, PageRequest page) {
        Scope scope = scope(q);
        return scope.none() ? Paged.of(List.of(), page, 0) : monitors.matching(scope.systems(), q, page);
    }

    @Override
    @Transactional(readOnly = true)
    public Paged<FoundAlert> alerts(String q, PageRequest page) {
        Scope scope = scope(q);
        return scope.none() ? Paged.of(List.of(), page, 0) : alerts.matching(scope.systems(), q, page);
    }

    /** Whose monitors the caller may find: {@code none}, or those of {@code systems} (every system: {@code null}). */
    private record Scope(boolean none, List<UUID> systems) {}

    /**
     * Every system for a system administrator, the visible ones for a business user; none for anyone else (a security
     * or audit administrator) or an empty search.
     */
    private Scope scope(String q) {
        Optional<CurrentUser> u = CurrentUser.current();
        if (q == null || q.isBlank() || u.isEmpty()) {
            return new Scope(true, List.of());
        }
        if (u.get().is(Role.SYSTEM_ADMIN)) {
            return new Scope(false, null);
        }
        if (!u.get().is(Role.USER) || u.get().organizationId() == null) {
            return new Scope(true, List.of());
        }
        return new Scope(
                false,
                parties.visibleSystemSummaries(SystemQuery.none()).stream()
                        .map(SystemSummary::id)
                        .toList());
    }
}
