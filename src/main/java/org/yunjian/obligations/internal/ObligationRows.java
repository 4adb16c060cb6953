package org.yunjian.obligations.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.obligations.Obligation;
import org.yunjian.obligations.ObligationKind;
import org.yunjian.obligations.ObligationPolicy;
import org.yunjian.obligations.internal.ObligationService.Row;
import org.yunjian.obligations.internal.ObligationService.Source;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Organization;
import org.yunjian.party.Parties;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.Msg;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.Paged;

/**
 * Obligations as a person reads them ({@link Row}), for one system's lists ({@link ObligationService}) and the lists
 * across systems ({@link ObligationQueries}) alike: names, sources quoted from the catalog, the platform-default mark.
 * What is due when and in which status is {@link Obligation}'s to say.
 */
@Component
class ObligationRows {

    private final ObligationRepository repo;
    private final Parties parties;
    private final Catalog catalog;
    private final ObligationPolicy policy;
    private final PeopleNames people;

    ObligationRows(
            ObligationRepository repo, Parties parties, Catalog catalog, ObligationPolicy policy, PeopleNames people) {
        this.repo = repo;
        this.parties = parties;
        this.catalog = catalog;
        this.policy = policy;
        this.people = people;
    }

    /**
     * The requirements {@code kind} comes from on {@code system}: those of its industry that apply to its deployment
     * model (as {@link ObligationPolicy#kindsFor} decides), each with its clause and verbatim text.
     */
    List<Source> sources(ObligationKind kind, CloudSystem system) {
        return system == null
                ? List.of()
                : policy.sources(kind, system, catalog).stream()
                        .map(r -> new Source(r.id().value(), ClauseLabel.of(r), r.text()))
                        .toList();
    }

    /**
     * Obligations as a person sees them on {@code today}, earliest due first: the responsible organisation's name, who
     * last recorded one, whether the caller ({@code access}; null: lists across systems) may record a completion, the
     * requirements each comes from, whether it runs on the platform's default interval.
     */
    List<Row> rows(List<Obligation> obligations, Map<UUID, CloudSystem> systems, PlanAccess access, LocalDate today) {
        Map<UUID, String> orgs = new HashMap<>();
        Map<UUID, Map<ObligationKind, Integer>> own = new HashMap<>();
        Map<String, String> names = people.displayNames(obligations.stream()
                .map(Obligation::lastDoneBy)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
        return obligations.stream()
                .map(o -> new Row(
                        o,
                        systems.get(o.systemId()),
                        orgs.computeIfAbsent(o.responsibleOrg(), id -> parties.findOrganization(id)
                                .map(Organization::name)
                                .orElse("—")),
                        o.nextDue(),
                        o.status(today),
                        o.daysOverdue(today),
                        o.lastDoneBy() == null ? null : names.getOrDefault(o.lastDoneBy(), o.lastDoneBy()),
                        access != null && (access.isCustomer() || access.is(o.responsibleOrg())),
                        sources(o.kind(), systems.get(o.systemId())),
                        platformDefault(o, systems.get(o.systemId()), own),
                        o.expired(today)))
                .sorted(Comparator.comparing(Row::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /**
     * Whether {@code o} runs on the platform's default interval: its kind's guide states none for the system
     * ({@link ObligationKind#intervalStated}) and the customer has set no interval of its own for the kind — the pages
     * and the feed label it so (the customer can change it).
     */
    private boolean platformDefault(Obligation o, CloudSystem system, Map<UUID, Map<ObligationKind, Integer>> own) {
        if (system == null
                || o.kind().intervalStated(system.industry())
                || o.schedule() == org.yunjian.obligations.Schedule.ON_REQUEST) { // due when asked: no interval at all
            return false;
        }
        Integer set = own.computeIfAbsent(system.customerId(), repo::intervals).get(o.kind());
        return set == null || set != o.intervalMonths();
    }

    /** A page of obligations as the caller sees them. */
    Paged<Row> paged(Paged<Obligation> found, Map<UUID, CloudSystem> systems, PlanAccess access, LocalDate today) {
        return new Paged<>(
                rows(found.items(), systems, access, today), found.page(), found.size(), found.total(), found.pages());
    }

    /** The kinds whose name, as the caller reads it, contains {@code text}. */
    static List<ObligationKind> kindsNamed(String text) {
        return text == null
                ? List.of()
                : java.util.Arrays.stream(ObligationKind.values())
                        .filter(k -> ListFilters.contains(text, Msg.of(k).text(), k.name()))
                        .toList();
    }
}
