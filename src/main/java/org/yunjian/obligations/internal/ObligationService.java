package org.yunjian.obligations.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
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
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.PartyRole;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.lifecycle.PlanAccesses;
import org.yunjian.obligations.CompletionSource;
import org.yunjian.obligations.Obligation;
import org.yunjian.obligations.ObligationKind;
import org.yunjian.obligations.ObligationPolicy;
import org.yunjian.obligations.ObligationStatus;
import org.yunjian.obligations.OverdueCount;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Organization;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.PeopleNames;
import org.yunjian.security.Role;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The obligations of cloud systems: generated for a system from its protection level and industry, completed by the
 * organisation responsible or the customer (a drill record or a completed assessment: {@link ObligationCompletions}),
 * read per system and across the systems the caller sees. The rules are {@link Obligation}'s and {@link ObligationPolicy}'s; access is
 * {@link PlanAccess}'s (the customer runs the calendar; whoever sees the whole plan sees every obligation, other
 * organisations those they perform). Every change is audited.
 *
 * <p>Optimistic locking: the versioned record is one obligation — one row per system and kind, as a person sees it
 * on the obligations page. A completion names the version read ({@code If-Match}, the body's or the form's
 * {@code version}) and a stale one is refused with 409, so two people recording the same drill do not both move the
 * due date unseen. Changes the platform makes itself (a drill or an assessment recorded, an organisation's interval
 * applied) count a version too but name none. Organisations' own intervals are {@link ObligationIntervals}'.
 */
@Service
@Transactional
public class ObligationService implements OverdueCount {

    static final String OBJECT = "lifecycle-obligation";

    private final ObligationRepository repo;
    private final PlanAccesses accesses;
    private final Parties parties;
    private final Catalog catalog;
    private final ObligationPolicy policy;
    private final PeopleNames people;
    private final ApplicationEventPublisher events;
    private final ObligationWork work;
    private final ObligationGeneration generation;
    private final ObligationCompletions completions;
    private final Clock clock;

    ObligationService(
            ObligationRepository repo,
            PlanAccesses accesses,
            Parties parties,
            Catalog catalog,
            ObligationPolicy policy,
            PeopleNames people,
            ApplicationEventPublisher events,
            ObligationWork work,
            ObligationGeneration generation,
            ObligationCompletions completions,
            Clock clock) {
        this.repo = repo;
        this.accesses = accesses;
        this.parties = parties;
        this.catalog = catalog;
        this.policy = policy;
        this.people = people;
        this.events = events;
        this.work = work;
        this.generation = generation;
        this.completions = completions;
        this.clock = clock;
    }

    /**
     * An obligation as a person sees it.
     *
     * @param responsible    the responsible organisation's name
     * @param lastDoneByName who recorded the last completion (display name), or null
     * @param mayComplete    whether the caller may record a completion
     * @param sources        the requirements it comes from for this system, each quoted from the catalog
     * @param intervalDefault whether its interval is a configurable default (the standard states none)
     * @param expired        whether the agreement it renews has run out (已过期: the NDA's last day is past)
     */
    public record Row(
            Obligation obligation,
            CloudSystem system,
            String responsible,
            LocalDate due,
            org.yunjian.obligations.ObligationStatus status,
            long daysOverdue,
            String lastDoneByName,
            boolean mayComplete,
            List<Source> sources,
            boolean intervalDefault,
            boolean expired) {

        /**
         * What names it among the system's obligations (pages' element ids): its kind, and for a kind every agent
         * performs ({@link ObligationKind#perPerformer()}, 政府网站指南 8.2.3 c)) the agent's organisation too.
         */
        public String key() {
            return obligation.kind().perPerformer()
                    ? obligation.kind().name() + "-" + obligation.responsibleOrg()
                    : obligation.kind().name();
        }
    }

    /** A requirement an obligation comes from: its id, its clause as the standard numbers it, its verbatim text. */
    public record Source(String id, Msg clause, String text) {}

    /**
     * The requirements {@code kind} comes from on {@code system}: those of its industry that apply to its deployment
     * model (as {@link ObligationPolicy#kindsFor} decides), each with its clause and verbatim text.
     */
    public List<Source> sources(ObligationKind kind, CloudSystem system) {
        return system == null
                ? List.of()
                : policy.sources(kind, system, catalog).stream()
                        .map(r -> new Source(r.id().value(), ClauseLabel.of(r), r.text()))
                        .toList();
    }

    /** A system's obligations, with the caller's access. */
    public record SystemObligations(PlanAccess access, List<Row> rows, List<ObligationKind> missing) {
        public long overdue() {
            return rows.stream()
                    .filter(r -> r.status() == org.yunjian.obligations.ObligationStatus.OVERDUE)
                    .count();
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.zone()));
    }

    // --- one system

    @Transactional(readOnly = true)
    public SystemObligations ofSystem(UUID systemId) {
        PlanAccess access = accesses.of(systemId);
        List<Obligation> all = repo.bySystem(systemId);
        List<ObligationKind> missing = generation.missing(access.system(), all);
        List<Obligation> seen = all.stream()
                .filter(o -> access.seesWholePlan() || access.is(o.responsibleOrg()))
                .toList();
        return new SystemObligations(access, rows(seen, Map.of(systemId, access.system()), access), missing);
    }

    /**
     * A page of a system's obligations the caller sees (ADR 009), with what the page around it needs: the kinds
     * still to generate and how many of all it sees are overdue, whatever the filter.
     */
    public record SystemPage(PlanAccess access, Paged<Row> rows, List<ObligationKind> missing, long overdue) {}

    /**
     * One page of the system's obligations the caller sees whose kind's name contains {@code text} (null: any), in
     * {@code status} today (null: any), earliest due first — counted and cut in SQL.
     */
    @Transactional(readOnly = true)
    public SystemPage ofSystem(UUID systemId, String text, ObligationStatus status, PageRequest page) {
        SystemObligations all = ofSystem(systemId);
        PlanAccess access = all.access();
        boolean whole = access.seesWholePlan();
        UUID org = access.user().organizationId();
        Paged<Obligation> found = repo.page(
                new ObligationRepository.Filter(
                        whole ? List.of(systemId) : List.of(),
                        whole ? List.of() : List.of(systemId),
                        org,
                        null,
                        null,
                        status,
                        today(),
                        text,
                        kindsNamed(text),
                        List.of()),
                page);
        return new SystemPage(
                access, paged(found, Map.of(systemId, access.system()), access), all.missing(), all.overdue());
    }

    /**
     * The system's obligations an upgrade superseded, kept as history with the days they were done on (a government
     * website's single drill obligation of before 8.5 b)'s per-category drills): for whole-plan readers; else none.
     */
    @Transactional(readOnly = true)
    public List<ObligationRepository.Superseded> superseded(UUID systemId) {
        return accesses.of(systemId).seesWholePlan() ? repo.superseded(systemId) : List.of();
    }

    /** One obligation of a system that the caller sees (404 otherwise), with its version. */
    @Transactional(readOnly = true)
    public Row one(UUID systemId, String kind) {
        return one(systemId, kind, null);
    }

    /**
     * One obligation of a system that the caller sees, of the organisation {@code responsible} (null: the only one,
     * else the caller's organisation's); 404 when there is none, 400 naming {@code responsible} when several have one.
     */
    @Transactional(readOnly = true)
    public Row one(UUID systemId, String kind, String responsible) {
        PlanAccess access = accesses.of(systemId);
        FieldErrors errors = new FieldErrors();
        UUID performer = responsible(errors, responsible);
        errors.throwIfAny();
        ObligationKind k;
        try {
            k = ObligationKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(OBJECT, kind);
        }
        return rows(List.of(pick(access, k, kind, performer)), Map.of(systemId, access.system()), access)
                .get(0);
    }

    /**
     * Creates the obligations the system lacks, from its protection level, industry and deployment model, first
     * due on {@code startDate} (ISO date; today if blank); the customer only. Returns the new ones.
     */
    public List<Row> generate(UUID systemId, String startDate) {
        PlanAccess access = accesses.of(systemId);
        access.requireCustomer();
        LocalDate start = startDate == null || startDate.isBlank() ? today() : date(startDate, "startDate");
        CloudSystem s = access.system();
        List<Obligation> created =
                generation.createLacking(s, null, start, access.user().username());
        return rows(created, Map.of(systemId, s), access);
    }

    /**
     * Records that the obligation of {@code kind} was done on {@code doneOn} (ISO date, not in the future): users of
     * the responsible organisation, or of the customer; over the version of the obligation the caller read.
     */
    public Row complete(UUID systemId, String kind, String doneOn, ExpectedVersion version) {
        return complete(systemId, kind, null, doneOn, version);
    }

    /**
     * As {@link #complete(UUID, String, String, ExpectedVersion)}, of the obligation {@code responsible} (an
     * organisation id) performs: needed only where several organisations each have one of the kind (every agent's
     * service report, 政府网站指南 8.2.3 c)) and the caller performs none of them.
     */
    public Row complete(UUID systemId, String kind, String responsible, String doneOn, ExpectedVersion version) {
        PlanAccess access = accesses.of(systemId);
        FieldErrors errors = new FieldErrors();
        ObligationKind k = kind(errors, kind);
        UUID performer = responsible(errors, responsible);
        LocalDate on = null;
        if (doneOn == null || doneOn.isBlank()) {
            errors.add("doneOn", "lifecycle.cal.error.required");
        } else {
            on = parse(errors, doneOn, "doneOn");
            if (on != null && on.isAfter(today())) {
                errors.add("doneOn", "lifecycle.cal.error.future");
            }
        }
        errors.throwIfAny();
        Obligation o = pick(access, k, kind, performer);
        if (!(access.isCustomer() || access.is(o.responsibleOrg()))) {
            throw new PlanAccess.Refused(Msg.of("lifecycle.cal.denied.complete"));
        }
        if (o.validity() != null) { // its due date is the NDA's: a renewal is recorded as the NDA's new dates
            throw new FieldErrors.ValidationException("doneOn", "lifecycle.cal.error.followsValidity");
        }
        completions.record(o, on, CompletionSource.MANUAL, access.system(), version.value());
        Obligation stored = pick(access, k, kind, o.responsibleOrg()); // with its new version
        return rows(List.of(stored), Map.of(systemId, access.system()), access).get(0);
    }

    /**
     * The customer asks for the duty of {@code kind} — one due on request (JR/T 7.3 "受托方应依照委托方要求，向委托方提供…
     * 必要证据", {@link org.yunjian.obligations.Schedule#ON_REQUEST}) — by {@code requestedBy} (ISO date, today or later):
     * it falls due that day until its performer records the delivery. The customer only, over the version read; a
     * request for a duty of another schedule is a 400 naming {@code kind}.
     */
    public Row request(UUID systemId, String kind, String requestedBy, ExpectedVersion version) {
        PlanAccess access = accesses.of(systemId);
        FieldErrors errors = new FieldErrors();
        ObligationKind k = kind(errors, kind);
        LocalDate by = null;
        if (requestedBy == null || requestedBy.isBlank()) {
            errors.add("requestedBy", "lifecycle.cal.error.required");
        } else {
            by = parse(errors, requestedBy, "requestedBy");
            if (by != null && by.isBefore(today())) {
                errors.add("requestedBy", "lifecycle.cal.error.requestPast");
            }
        }
        errors.throwIfAny();
        Obligation o = pick(access, k, kind, null);
        access.requireCustomer();
        if (o.schedule() != org.yunjian.obligations.Schedule.ON_REQUEST) {
            throw new FieldErrors.ValidationException("kind", "lifecycle.cal.error.notOnRequest", Msg.of(k));
        }
        Obligation asked = o.requested(by, today());
        Instant now = clock.instant();
        repo.update(asked, version.value(), now);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.obligation.request",
                OBJECT,
                o.id(),
                Msg.of("lifecycle.cal.audit.request", Msg.of(k), access.system().name(), Formats.date(by))));
        work.publishObligation(asked);
        return rows(List.of(pick(access, k, kind, o.responsibleOrg())), Map.of(systemId, access.system()), access)
                .get(0);
    }

    /**
     * The system's obligation of {@code kind} the caller sees that {@code performer} performs (null: the only one,
     * else the caller's organisation's); 404 when there is none, 400 naming {@code responsible} when several
     * organisations each have one and none is named.
     */
    private Obligation pick(PlanAccess access, ObligationKind k, String kind, UUID performer) {
        List<Obligation> seen = repo.findAll(access.system().id(), k).stream()
                .filter(x -> access.seesWholePlan() || access.is(x.responsibleOrg()))
                .toList();
        if (performer != null) {
            return seen.stream()
                    .filter(x -> x.responsibleOrg().equals(performer))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException(OBJECT, kind));
        }
        if (seen.size() == 1) {
            return seen.get(0);
        }
        return seen.stream()
                .filter(x -> access.is(x.responsibleOrg()))
                .findFirst()
                .orElseThrow(() -> seen.isEmpty()
                        ? new NotFoundException(OBJECT, kind)
                        : new FieldErrors.ValidationException(
                                "responsible", "lifecycle.cal.error.responsibleRequired", Msg.of(k)));
    }

    /** An organisation named as {@code responsible} (its id), as REST and the pages read it: 400 naming it if not one. */
    public UUID responsibleOrganisation(String responsible) {
        FieldErrors errors = new FieldErrors();
        UUID org = responsible(errors, responsible);
        errors.throwIfAny();
        return org;
    }

    private static UUID responsible(FieldErrors errors, String responsible) {
        if (responsible == null || responsible.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(responsible.strip());
        } catch (IllegalArgumentException e) {
            errors.add("responsible", "lifecycle.cal.error.responsible", org.yunjian.shared.Text.safe(responsible));
            return null;
        }
    }

    // --- across systems

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
        LocalDate f = from == null || from.isBlank() ? null : parse(errors, from, "from");
        LocalDate t = to == null || to.isBlank() ? today().plusDays(90) : parse(errors, to, "to");
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
        return paged(
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
                                kindsNamed(text),
                                named),
                        page),
                systems,
                null);
    }

    /** The kinds whose name, as the caller reads it, contains {@code text}. */
    private static List<ObligationKind> kindsNamed(String text) {
        return text == null
                ? List.of()
                : java.util.Arrays.stream(ObligationKind.values())
                        .filter(k -> ListFilters.contains(text, Msg.of(k).text(), k.name()))
                        .toList();
    }

    private Paged<Row> paged(Paged<Obligation> found, Map<UUID, CloudSystem> systems, PlanAccess access) {
        return new Paged<>(
                rows(found.items(), systems, access), found.page(), found.size(), found.total(), found.pages());
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
        return rows(seen, systems, null);
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

    // --- helpers

    private List<Row> rows(List<Obligation> obligations, Map<UUID, CloudSystem> systems, PlanAccess access) {
        LocalDate today = today();
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

    /** The next due date as the audit log writes it: the date, or 无 / none when nothing is due. */
    static Object due(Obligation o) {
        return o.nextDue() == null ? Msg.of("lifecycle.cal.noDue") : Formats.date(o.nextDue());
    }

    static ObligationKind kind(FieldErrors errors, String kind) {
        if (kind == null || kind.isBlank()) {
            errors.add("kind", "lifecycle.cal.error.required");
            return null;
        }
        try {
            return ObligationKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            errors.add("kind", "lifecycle.cal.error.kind", org.yunjian.shared.Text.safe(kind));
            return null;
        }
    }

    private static LocalDate date(String value, String field) {
        FieldErrors errors = new FieldErrors();
        LocalDate d = parse(errors, value, field);
        errors.throwIfAny();
        return d;
    }

    private static LocalDate parse(FieldErrors errors, String value, String field) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "lifecycle.cal.error.date", org.yunjian.shared.Text.safe(value));
            return null;
        }
    }
}
