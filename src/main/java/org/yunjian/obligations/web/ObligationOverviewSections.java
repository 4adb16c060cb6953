package org.yunjian.obligations.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.web.context.WebApplicationContext;
import org.yunjian.lifecycle.OverviewSection;
import org.yunjian.obligations.ObligationStatus;
import org.yunjian.obligations.internal.ObligationService;
import org.yunjian.party.CloudSystem;

/**
 * The obligations' sections of the overview: overdue obligations by responsible organisation, obligations due in
 * the next 90 days, and counts per system — all from one query of the obligations the caller sees, made once per
 * request.
 */
@Configuration(proxyBeanMethods = false)
class ObligationOverviewSections {

    static final int AHEAD_DAYS = 90;

    /** The obligations the caller sees up to 90 days ahead, read once per request for the three sections. */
    record Due(List<ObligationService.Row> rows) {}

    /** A system's counts. */
    record SystemCounts(CloudSystem system, long overdue, long dueSoon, long upcoming) {}

    @Bean
    @Scope(value = WebApplicationContext.SCOPE_REQUEST, proxyMode = ScopedProxyMode.NO)
    Due obligationOverviewDue(org.yunjian.obligations.internal.ObligationQueries service) {
        LocalDate today = service.today();
        return new Due(service.visibleDue(null, today.plusDays(AHEAD_DAYS)));
    }

    @Bean
    OverviewSection overdueByOrganisation(org.springframework.beans.factory.ObjectProvider<Due> due) {
        return new OverviewSection() {
            public int order() {
                return 10;
            }

            public Content content() {
                Map<String, List<ObligationService.Row>> groups = new LinkedHashMap<>();
                due.getObject().rows().stream()
                        .filter(r -> r.status() == ObligationStatus.OVERDUE)
                        .sorted(Comparator.comparing(ObligationService.Row::responsible)
                                .thenComparing(ObligationService.Row::due))
                        .forEach(r -> groups.computeIfAbsent(r.responsible(), k -> new ArrayList<>())
                                .add(r));
                return new Content(
                        "overview-overdue",
                        "lifecycle.cal.overview.overdue",
                        "obligations/calendar-overview :: overdue",
                        Map.of("groups", groups));
            }
        };
    }

    @Bean
    OverviewSection upcomingObligations(org.springframework.beans.factory.ObjectProvider<Due> due) {
        return new OverviewSection() {
            public int order() {
                return 20;
            }

            public Content content() {
                return new Content(
                        "overview-upcoming",
                        "lifecycle.cal.overview.upcoming",
                        "obligations/calendar-overview :: upcoming",
                        Map.of(
                                "rows",
                                due.getObject().rows().stream()
                                        .filter(r -> r.status() != ObligationStatus.OVERDUE)
                                        .toList(),
                                "days",
                                AHEAD_DAYS));
            }
        };
    }

    @Bean
    OverviewSection obligationsPerSystem(org.springframework.beans.factory.ObjectProvider<Due> due) {
        return new OverviewSection() {
            public int order() {
                return 30;
            }

            public Content content() {
                Map<UUID, List<ObligationService.Row>> bySystem = due.getObject().rows().stream()
                        .collect(Collectors.groupingBy(r -> r.system().id()));
                List<SystemCounts> counts = bySystem.values().stream()
                        .map(rows -> new SystemCounts(
                                rows.get(0).system(), count(rows, ObligationStatus.OVERDUE),
                                count(rows, ObligationStatus.DUE_SOON), count(rows, ObligationStatus.UPCOMING)))
                        .sorted(Comparator.comparingLong(SystemCounts::overdue)
                                .reversed()
                                .thenComparing(c -> c.system().name()))
                        .toList();
                return new Content(
                        "overview-systems",
                        "lifecycle.cal.overview.systems",
                        "obligations/calendar-overview :: systems",
                        Map.of("counts", counts, "days", AHEAD_DAYS));
            }
        };
    }

    private static long count(List<ObligationService.Row> rows, ObligationStatus status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }
}
