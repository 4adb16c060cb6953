package org.yunjian.obligations.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.obligations.CompletionSource;
import org.yunjian.obligations.Obligation;
import org.yunjian.obligations.ObligationKind;
import org.yunjian.obligations.ObligationStatus;
import org.yunjian.obligations.Schedule;
import org.yunjian.shared.paging.PageQueries;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.VersionedRow;
import org.yunjian.shared.version.Versions;

/** Hand-written, portable SQL for obligations, their completions and organisations' own intervals. */
@Repository
public class ObligationRepository {

    /** {@link LegacyDrillIds}'s rows: the per-category drill obligations of legacy ids beginning d1…d6. */
    static final String LEGACY_DRILL_IDS = """
            INSERT INTO lifecycle_obligation (id, system_id, kind, responsible_org, start_date, interval_months, \
            due_date, created_by, created_at, version) \
            SELECT CAST(k.prefix || SUBSTRING(CAST(o.id AS VARCHAR(36)) FROM 3) AS UUID), o.system_id, k.kind, \
            o.responsible_org, o.due_date, LEAST(o.interval_months, 24), o.due_date, 'upgrade V202612030100', \
            CURRENT_TIMESTAMP, 0 \
            FROM lifecycle_obligation o \
            JOIN cloud_system s ON s.id = o.system_id \
            CROSS JOIN (VALUES ('e1', 'DRILL_MALWARE'), ('e2', 'DRILL_NETWORK_ATTACK'), \
            ('e3', 'DRILL_INFORMATION_DESTRUCTION'), ('e4', 'DRILL_INFORMATION_CONTENT'), \
            ('e5', 'DRILL_EQUIPMENT_FAILURE'), ('e6', 'DRILL_DISASTER')) AS k (prefix, kind) \
            WHERE o.kind = 'EMERGENCY_DRILL' AND s.industry = 'GOVERNMENT_WEBSITE' \
            AND SUBSTRING(CAST(o.id AS VARCHAR(36)) FROM 1 FOR 2) IN ('d1', 'd2', 'd3', 'd4', 'd5', 'd6') \
            AND NOT EXISTS (SELECT 1 FROM lifecycle_obligation x WHERE x.system_id = o.system_id AND x.kind = k.kind)""";

    private static final RowMapper<Obligation> OBLIGATION = (rs, n) -> new Obligation(
            rs.getObject("id", UUID.class),
            rs.getObject("system_id", UUID.class),
            ObligationKind.valueOf(rs.getString("kind")),
            rs.getObject("responsible_org", UUID.class),
            rs.getObject("start_date", LocalDate.class),
            rs.getInt("interval_months"),
            rs.getObject("last_done", LocalDate.class),
            rs.getString("last_done_by"),
            instant(rs, "last_done_at"),
            rs.getLong("version"),
            rs.getObject("valid_until", LocalDate.class) == null
                    ? null
                    : new Obligation.Validity(rs.getObject("valid_until", LocalDate.class), rs.getInt("lead_days")),
            Schedule.valueOf(rs.getString("schedule")),
            rs.getObject("requested_by", LocalDate.class));

    /** An organisation's interval for a kind: one setting, written whole (0 = never set; no months = default). */
    private static final VersionedRow INTERVAL =
            new VersionedRow("lifecycle_obligation_interval", "set_at", "organization_id", "kind");

    /**
     * Only the obligations in force: a row superseded by an upgrade (a government website's single drill obligation of
     * before 8.5 b)'s per-category drills, V202612030100) stays with its completions as history, but is no obligation.
     */
    private static final String CURRENT = """
            \sAND superseded_at IS NULL""";

    /** Earliest due first, then those with nothing due (done once for all, no request open), on every database. */
    private static final String ORDER_DUE_FIRST = """
            CASE WHEN due_date IS NULL THEN 1 ELSE 0 END, due_date, system_id, kind, id""";

    private final JdbcClient jdbc;

    ObligationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Obligation o, String createdBy, Instant at) {
        jdbc.sql("""
                        INSERT INTO lifecycle_obligation (id, system_id, kind, responsible_org, start_date, interval_months,
                        last_done, last_done_by, last_done_at, due_date, created_by, created_at, valid_until, lead_days,
                        schedule, requested_by)
                        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        o.id(),
                        o.systemId(),
                        o.kind().name(),
                        o.responsibleOrg(),
                        o.startDate(),
                        o.intervalMonths(),
                        o.lastDone(),
                        o.lastDoneBy(),
                        utc(o.lastDoneAt()),
                        o.nextDue(),
                        createdBy,
                        utc(at),
                        o.validity() == null ? null : o.validity().until(),
                        o.validity() == null ? null : o.validity().leadDays(),
                        o.schedule().name(),
                        o.requestedBy())
                .update();
    }

    /**
     * Stores the obligation's interval, last completion and the next due date they give, over version
     * {@code expected} (the one the caller read; {@code null}: as stored now, for changes the platform makes itself —
     * a drill or an assessment recorded, an organisation's interval applied); else a stale-version conflict.
     */
    void update(Obligation o, Long expected, Instant at) {
        List<Object> params = new java.util.ArrayList<>(java.util.Arrays.asList(
                o.intervalMonths(),
                o.lastDone(),
                o.lastDoneBy(),
                utc(o.lastDoneAt()),
                o.nextDue(),
                o.validity() == null ? null : o.validity().until(),
                o.validity() == null ? null : o.validity().leadDays(),
                o.schedule().name(),
                o.requestedBy(),
                utc(at),
                o.id()));
        if (expected != null) {
            params.add(expected);
        }
        int rows = jdbc.sql("""
                        UPDATE lifecycle_obligation SET interval_months = ?, last_done = ?, last_done_by = ?,
                        last_done_at = ?, due_date = ?, valid_until = ?, lead_days = ?, schedule = ?, requested_by = ?,
                        version = version + 1,
                        updated_at = ? WHERE id = ?%s""".formatted(expected == null ? "" : """
                                \sAND version = ?"""))
                .params(params)
                .update();
        Versions.requireUpdated(rows, jdbc, "lifecycle_obligation", "updated_at", o.id());
    }

    void completion(UUID obligation, LocalDate on, CompletionSource source, String by, UUID org, Instant at) {
        jdbc.sql("""
                        INSERT INTO lifecycle_obligation_completion (id, obligation_id, done_on, source, recorded_by,
                        recorded_org, recorded_at) VALUES (?,?,?,?,?,?,?)""")
                .params(UUID.randomUUID(), obligation, on, source.name(), by, org, utc(at))
                .update();
    }

    /** A system's obligations, in the order of their kinds. */
    /** The systems whose obligations have been generated: those with a current obligation. */
    List<UUID> generatedSystems() {
        return jdbc.sql("""
                SELECT DISTINCT system_id FROM lifecycle_obligation WHERE 1 = 1%s""".formatted(CURRENT)).query(UUID.class).list();
    }

    List<Obligation> bySystem(UUID systemId) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_obligation WHERE system_id = ?%s""".formatted(CURRENT)).param(systemId).query(OBLIGATION).list().stream()
                .sorted(java.util.Comparator.comparing(Obligation::kind))
                .toList();
    }

    /**
     * The system's obligation of {@code kind} — for a kind one organisation performs; a kind every agent performs
     * ({@link ObligationKind#perPerformer()}) has one row per agent: {@link #findAll}.
     */
    Optional<Obligation> find(UUID systemId, ObligationKind kind) {
        return findAll(systemId, kind).stream().findFirst();
    }

    /** The system's obligations of {@code kind}, one per organisation performing it (ordered by it). */
    List<Obligation> findAll(UUID systemId, ObligationKind kind) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_obligation WHERE system_id = ? AND kind = ?%s ORDER BY responsible_org""".formatted(CURRENT))
                .params(systemId, kind.name())
                .query(OBLIGATION)
                .list();
    }

    /**
     * The obligations of the given systems due on or before {@code to} (and on or after {@code from} unless null),
     * earliest first: one indexed query.
     */
    List<Obligation> due(Collection<UUID> systems, LocalDate from, LocalDate to) {
        if (systems.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT * FROM lifecycle_obligation WHERE system_id IN (:systems) AND due_date <= :to%s%s
                        ORDER BY due_date, system_id, kind""".formatted(CURRENT, from == null ? "" : """
                                \sAND due_date >= :from"""))
                .param("systems", systems)
                .param("to", Date.valueOf(to))
                .param("from", from == null ? null : Date.valueOf(from))
                .query(OBLIGATION)
                .list();
    }

    /** Every obligation of every system due on or before {@code to}, earliest first (the daily work refresh). */
    List<Obligation> dueBy(LocalDate to) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_obligation WHERE due_date <= ?%s ORDER BY due_date, system_id, kind""".formatted(CURRENT))
                .param(Date.valueOf(to))
                .query(OBLIGATION)
                .list();
    }

    /** The obligations of the given systems, whatever their due date, earliest first. */
    List<Obligation> all(Collection<UUID> systems) {
        if (systems.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM lifecycle_obligation WHERE system_id IN (:systems)%s ORDER BY kind""".formatted(CURRENT))
                .param("systems", systems)
                .query(OBLIGATION)
                .list();
    }

    /**
     * Which obligations a list shows (ADR 009), all in SQL: those of the systems in {@code whole} (the caller sees
     * their whole plan) and those of the systems in {@code partial} that {@code org} performs; due from {@code from}
     * (unless null) to {@code to} (unless null); in {@code status} on {@code today} (unless null); and, when
     * {@code text} is set, of a kind in {@code textKinds} or a system in {@code textSystems} (the names a person
     * reads, matched in Java: labels and system names are not in this table).
     */
    record Filter(
            Collection<UUID> whole,
            Collection<UUID> partial,
            UUID org,
            LocalDate from,
            LocalDate to,
            ObligationStatus status,
            LocalDate today,
            String text,
            Collection<ObligationKind> textKinds,
            Collection<UUID> textSystems) {}

    /** One page of the obligations the filter shows, earliest due first: the count and the rows, same WHERE. */
    Paged<Obligation> page(Filter f, PageRequest page) {
        return PageQueries.query(
                jdbc, "*", "lifecycle_obligation", where(f), ORDER_DUE_FIRST, page, statement -> statement
                        .query(OBLIGATION)
                        .list());
    }

    private static PageQueries.Where where(Filter f) {
        PageQueries.Where where = new PageQueries.Where();
        where.and("""
                superseded_at IS NULL""");
        anyOf(
                where,
                Map.of("""
                system_id IN (:whole)""", f.whole(), """
                system_id IN (:partial) AND responsible_org = :org""", f.org() == null ? List.of() : f.partial()),
                Map.of("whole", f.whole(), "partial", f.partial(), "org", f.org() == null ? "" : f.org()));
        if (f.from() != null) {
            where.and("due_date >= :from", "from", Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            where.and("due_date <= :to", "to", Date.valueOf(f.to()));
        }
        if (f.status() != null) {
            Date today = Date.valueOf(f.today());
            Date soon = Date.valueOf(f.today().plusDays(Obligation.DUE_SOON_DAYS));
            switch (f.status()) {
                case OVERDUE -> where.and("due_date < :today", "today", today);
                case DUE_SOON -> where.and("""
                        due_date >= :today AND due_date <= :soon""", "today", today).param("soon", soon);
                case UPCOMING -> where.and("due_date > :soon", "soon", soon);
                case DONE -> where.and("""
                        due_date IS NULL AND schedule = 'ONCE_WITHIN'""");
                case NOT_REQUESTED -> where.and("""
                        due_date IS NULL AND schedule = 'ON_REQUEST'""");
            }
        }
        if (f.text() != null) {
            anyOf(
                    where,
                    Map.of("""
                    kind IN (:textKinds)""", f.textKinds(), """
                    system_id IN (:textSystems)""", f.textSystems()),
                    Map.of(
                            "textKinds",
                            f.textKinds().stream().map(Enum::name).toList(),
                            "textSystems",
                            f.textSystems()));
        }
        return where;
    }

    /**
     * The conditions whose collection is not empty, joined by {@code OR}, with their parameters; none at all: the
     * list matches nothing.
     */
    private static void anyOf(PageQueries.Where where, Map<String, Collection<?>> conditions, Map<String, ?> params) {
        List<String> any = conditions.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        if (any.isEmpty()) {
            where.in("id", "none", List.of());
            return;
        }
        where.and(any.size() == 1 ? any.get(0) : "((" + String.join("""
                ) OR (""", any) + "))");
        params.forEach(where::param);
    }

    /**
     * The system's superseded obligations (history only, {@link #CURRENT}): each with its completions' days, latest
     * first.
     */
    List<Superseded> superseded(UUID systemId) {
        return jdbc.sql("""
                        SELECT id, kind, superseded_at FROM lifecycle_obligation WHERE system_id = ?
                        AND superseded_at IS NOT NULL ORDER BY kind""")
                .param(systemId)
                .query((rs, n) -> new Superseded(
                        rs.getObject("id", UUID.class),
                        ObligationKind.valueOf(rs.getString("kind")),
                        instant(rs, "superseded_at"),
                        jdbc.sql("""
                                SELECT done_on FROM lifecycle_obligation_completion WHERE obligation_id = ?
                                ORDER BY done_on DESC""")
                                .param(rs.getObject("id", UUID.class))
                                .query(LocalDate.class)
                                .list()))
                .list();
    }

    /** An obligation kept as history after an upgrade superseded it, with the days it was done on. */
    public record Superseded(UUID id, ObligationKind kind, Instant supersededAt, List<LocalDate> doneOn) {}

    // --- organisations' own intervals

    Map<ObligationKind, Integer> intervals(UUID org) {
        Map<ObligationKind, Integer> out = new HashMap<>();
        if (org == null) {
            return out;
        }
        jdbc.sql("""
                        SELECT kind, months FROM lifecycle_obligation_interval WHERE organization_id = ?
                        AND months IS NOT NULL""")
                .param(org)
                .query((rs, n) -> out.put(ObligationKind.valueOf(rs.getString("kind")), rs.getInt("months")))
                .list();
        return out;
    }

    /** The stored versions of an organisation's interval settings (a kind never set is at version 0). */
    Map<ObligationKind, Long> intervalVersions(UUID org) {
        Map<ObligationKind, Long> out = new HashMap<>();
        if (org != null) {
            jdbc.sql("""
                    SELECT kind, version FROM lifecycle_obligation_interval WHERE organization_id = ?""")
                    .param(org)
                    .query((rs, n) -> out.put(ObligationKind.valueOf(rs.getString("kind")), rs.getLong("version")))
                    .list();
        }
        return out;
    }

    /** Sets the organisation's interval for a kind (null: the default) over version {@code expected} of it. */
    void setInterval(UUID org, ObligationKind kind, Integer months, String by, Instant at, long expected) {
        INTERVAL.save(
                jdbc,
                List.of("months", "set_by", "set_at"),
                new Object[] {months, by, utc(at)},
                new Object[] {org, kind.name()},
                expected);
    }
}
