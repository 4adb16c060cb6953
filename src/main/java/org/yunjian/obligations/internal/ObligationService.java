package org.yunjian.obligations.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.lifecycle.PlanAccesses;
import org.yunjian.obligations.CompletionSource;
import org.yunjian.obligations.Obligation;
import org.yunjian.obligations.ObligationKind;
import org.yunjian.obligations.ObligationPolicy;
import org.yunjian.obligations.ObligationStatus;
import org.yunjian.party.CloudSystem;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The obligations of one cloud system: generated from its protection level and industry ({@link ObligationGeneration}),
 * completed by the organisation responsible or the customer (a drill record or a completed assessment:
 * {@link ObligationCompletions}), asked for (a duty due on request), read as its customer and performers see them
 * ({@link ObligationRows}). The lists across every system the caller sees are {@link ObligationQueries}'. The rules are {@link Obligation}'s and {@link ObligationPolicy}'s; access is
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
public class ObligationService {

    static final String OBJECT = "lifecycle-obligation";

    private final ObligationRepository repo;
    private final PlanAccesses accesses;
    private final ApplicationEventPublisher events;
    private final ObligationWork work;
    private final ObligationGeneration generation;
    private final ObligationRows rows;
    private final ObligationCompletions completions;
    private final Clock clock;

    ObligationService(
            ObligationRepository repo,
            PlanAccesses accesses,
            ApplicationEventPublisher events,
            ObligationWork work,
            ObligationGeneration generation,
            ObligationRows rows,
            ObligationCompletions completions,
            Clock clock) {
        this.repo = repo;
        this.accesses = accesses;
        this.events = events;
        this.work = work;
        this.generation = generation;
        this.rows = rows;
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
        return rows.sources(kind, system);
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
        return new SystemObligations(
                access, rows.rows(seen, Map.of(systemId, access.system()), access, today()), missing);
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
                        ObligationRows.kindsNamed(text),
                        List.of()),
                page);
        return new SystemPage(
                access,
                rows.paged(found, Map.of(systemId, access.system()), access, today()),
                all.missing(),
                all.overdue());
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
        return rows.rows(List.of(pick(access, k, kind, performer)), Map.of(systemId, access.system()), access, today())
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
        return rows.rows(created, Map.of(systemId, s), access, today());
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
        return rows.rows(List.of(stored), Map.of(systemId, access.system()), access, today())
                .get(0);
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
        return rows.rows(
                        List.of(pick(access, k, kind, o.responsibleOrg())),
                        Map.of(systemId, access.system()),
                        access,
                        today())
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

    // --- helpers

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

    static LocalDate parse(FieldErrors errors, String value, String field) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "lifecycle.cal.error.date", org.yunjian.shared.Text.safe(value));
            return null;
        }
    }
}
