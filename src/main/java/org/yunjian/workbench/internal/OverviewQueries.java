package org.yunjian.workbench.internal;

import static org.yunjian.shared.Jdbc.instant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.ConclusionBand;
import org.yunjian.assessment.ItemLabels;
import org.yunjian.assessment.ReportTemplate;
import org.yunjian.assessment.ScoreQueries;
import org.yunjian.assessment.ScoreResult.Conclusion;
import org.yunjian.assessment.ScoringPolicies;
import org.yunjian.party.Parties;
import org.yunjian.party.SystemQuery;
import org.yunjian.risk.RiskEntry;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.paging.PageQueries;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.workbench.internal.Dashboards.ControlPointRow;
import org.yunjian.workbench.internal.Dashboards.Filter;
import org.yunjian.workbench.internal.Dashboards.Policy;
import org.yunjian.workbench.internal.Dashboards.SystemRow;
import org.yunjian.workbench.internal.Dashboards.Totals;

/**
 * The across-systems dashboard in two SQL statements whatever the number of systems (issue 15): the totals grouped by
 * conclusion and template with the control points, and one page of systems. Both start from the same common table
 * expressions: the systems the caller sees ({@link Parties#visibleSystemSummariesSql}) and per system, among the
 * assessments the caller has a relation to ({@link Access#visibleSql}), the latest completed one, its item sums
 * (stored when it was completed, the stored item sums: one row per system, not its items) and its conclusion
 * ({@link ScoreQueries}), and the open and overdue remediation tasks. Java touches only the rows of the page and the
 * control points of the catalog.
 */
final class OverviewQueries {

    /** The computed filters over a CTE alias: none, no conclusion, a conclusion, overdue tasks. */
    private static final String WHERE_ALL = """
            \sWHERE 1 = 1""";

    private static final String NO_CONCLUSION = """
            \sAND %s.conclusion IS NULL""";
    private static final String CONCLUSION = """
            \sAND %s.conclusion = :conclusion""";
    private static final String OVERDUE = """
            \sAND %s.overdue_tasks > 0""";
    /** The common table expressions, the computed filters, the page: one page cut after filtering. */
    private static final String PAGE_AFTER_FILTER = """
            %sSELECT rc.* FROM rc%s ORDER BY rc.name, rc.id %s""";
    /** The visible systems, the page: one page of systems by name, cut first (inside {@code vs}). */
    private static final String SYSTEMS_PAGE = """
            %s ORDER BY s.name, s.id %s""";

    private static final String PAGE_OF_SYSTEMS = """
            %sSELECT rc.* FROM rc ORDER BY rc.name, rc.id""";
    private static final String PARENTHESES = """
            (%s)""";
    private static final String STATUSES = """
            ('%s', '%s')""";
    /**
     * Visible systems; the open-task condition twice; the archived status; access over {@code vs}; the completed
     * statuses; access over {@code vt}; the rate; the conclusion. {@code OFFSET 0}: PostgreSQL computes each system's
     * latest assessment once, not again wherever it is joined; {@code ia}: the item sums stored when the assessment
     * was completed (the stored item sums), one row per system; a completed assessment with nothing recorded
     * has no conclusion ({@code ScoreResult.notYetAssessed}).
     */
    private static final String WITH = """
            WITH vs AS (%s), \
            vt AS (SELECT vs.id, vs.name, vs.protection_level, vs.customer_id, vs.provider_id, \
            SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS open_tasks, \
            SUM(CASE WHEN %s AND r.due_date < :today THEN 1 ELSE 0 END) AS overdue_tasks FROM vs \
            LEFT JOIN assessment a ON a.system_id = vs.id AND a.status <> '%s' AND %s \
            LEFT JOIN assessment_remediation r ON r.assessment_id = a.id \
            LEFT JOIN assessment_risk k ON k.remediation_id = r.id \
            GROUP BY vs.id, vs.name, vs.protection_level, vs.customer_id, vs.provider_id), \
            vl AS (SELECT vt.id, vt.name, vt.protection_level, vt.open_tasks, vt.overdue_tasks, \
            (SELECT a.id FROM assessment a WHERE a.system_id = vt.id AND a.status IN %s AND %s \
            ORDER BY a.completed_at DESC NULLS LAST, a.created_at DESC, a.id DESC \
            FETCH FIRST 1 ROWS ONLY) AS latest_id FROM vt OFFSET 0 ROWS), \
            rw AS (SELECT vl.id, vl.name, vl.protection_level, vl.latest_id, l.name AS latest_name, \
            l.completed_at, l.report_template, vl.open_tasks, vl.overdue_tasks, COALESCE(ia.doubled_score, 0) AS t, \
            COALESCE(ia.scored, 0) AS s, COALESCE(ia.recorded, 0) AS recorded, COALESCE(ia.high, 0) AS high, \
            COALESCE(ia.medium, 0) AS medium FROM vl LEFT JOIN assessment l ON l.id = vl.latest_id \
            LEFT JOIN assessment_item_sums ia ON ia.assessment_id = vl.latest_id), \
            rh AS (SELECT rw.*, %s AS rate_h FROM rw), \
            rc AS (SELECT rh.*, CASE WHEN rh.latest_id IS NULL OR rh.recorded = 0 THEN NULL ELSE \
            %s END AS conclusion FROM rh)\s""";
    /**
     * Kind G: its eight sums and the computed filters over {@code rc}; kind C: its eight sums, then the shown systems'
     * CTE three times and the computed filters over it.
     */
    private static final String TOTALS_AND_CONTROL_POINTS = """
            SELECT '%s' AS kind, rc.conclusion AS k1, rc.report_template AS k2, %s AS n1, %s AS n2, %s AS n3, \
            %s AS n4, %s AS n5, %s AS n6, %s AS n7, %s AS n8 FROM rc%s \
            GROUP BY rc.conclusion, rc.report_template UNION ALL \
            SELECT 'C', i.control_point, MIN(i.first_item), %s, %s, %s, %s, %s, %s, %s, %s \
            FROM %s LEFT JOIN assessment_control_point_sums i \
            ON i.assessment_id = %s.latest_id%s AND %s.latest_id IS NOT NULL AND i.assessment_id IS NOT NULL \
            GROUP BY i.control_point""";

    private static final String COUNT = """
            COUNT(*)""";
    private static final String SUM = """
            SUM(%s)""";
    private static final String BIG = """
            CAST(%s AS BIGINT)""";

    private final JdbcClient jdbc;
    private final ScoringPolicies policies;
    private final ItemLabels labels;

    OverviewQueries(JdbcClient jdbc, ScoringPolicies policies, ItemLabels labels) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.labels = labels;
    }

    /** What the two statements answer; {@code rows} is empty when the caller sees no system. */
    record Result(Totals totals, List<Policy> policies, Paged<SystemRow> rows, List<ControlPointRow> controlPoints) {}

    Result run(CurrentUser u, Parties parties, Filter f, LocalDate today, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        Optional<String> systems =
                parties.visibleSystemSummariesSql(new SystemQuery(f.q(), null, f.level(), null), params);
        if (systems.isEmpty()) {
            return new Result(totals(List.of()), List.of(), Paged.of(List.of(), page, 0), List.of());
        }
        params.put("today", today);
        params.put("open", Dashboards.OPEN_TASK);
        if (f.conclusion() != null && !f.conclusion().equals(Filter.NO_CONCLUSION)) {
            params.put("conclusion", f.conclusion());
        }
        String all = with(systems.get(), u, params);
        List<Group> groups = new ArrayList<>();
        Map<List<String>, Raw> byLabel = new LinkedHashMap<>();
        // one statement for both: PostgreSQL computes the common table expressions once for the two branches
        jdbc.sql(all + totalsAndControlPoints(f)).params(params).query(rs -> {
            if (GROUP.equals(rs.getString("kind"))) {
                String c = rs.getString("k1");
                String template = rs.getString("k2");
                groups.add(new Group(
                        c == null ? null : Conclusion.valueOf(c),
                        template == null ? null : ReportTemplate.valueOf(template),
                        rs.getInt("n1"),
                        rs.getInt("n2"),
                        rs.getInt("n3"),
                        rs.getInt("n4"),
                        rs.getLong("n5")));
            } else {
                controlPoint(rs, byLabel);
            }
        });
        Totals totals = totals(groups);
        List<Policy> used = groups.stream()
                .filter(g -> g.template() != null)
                .map(g -> policies.forTemplate(g.template()))
                .map(p -> new Policy(p.id(), p.version()))
                .distinct()
                .sorted(Comparator.comparing(Policy::id))
                .toList();
        List<SystemRow> rows = totals.systems() == 0 || page.offset() >= totals.systems()
                ? List.of()
                : page(systems.get(), u, f, page, params);
        return new Result(totals, used, Paged.of(rows, page, totals.systems()), controlPoints(byLabel));
    }

    /** The filters on what is computed, over CTE {@code alias} ({@code rc}, or {@code vl} without a conclusion). */
    private static String where(Filter f, String alias) {
        String conclusion = f.conclusion() == null
                ? ""
                : (f.conclusion().equals(Filter.NO_CONCLUSION) ? NO_CONCLUSION : CONCLUSION).formatted(alias);
        return String.join("", WHERE_ALL, conclusion, f.overdueOnly() ? OVERDUE.formatted(alias) : "");
    }

    /**
     * One page of rows. Without a filter on what is computed (conclusion, overdue tasks) the page of systems is cut
     * first, by name, and only its systems are scored; otherwise all are scored and the page cut after filtering.
     */
    private List<SystemRow> page(
            String systems, CurrentUser u, Filter f, PageRequest page, Map<String, Object> params) {
        boolean computedFilter = f.conclusion() != null || f.overdueOnly();
        PageQueries.bind(page, params);
        String sql = computedFilter
                ? PAGE_AFTER_FILTER.formatted(with(systems, u, params), where(f, "rc"), PageQueries.LIMIT_OFFSET)
                : PAGE_OF_SYSTEMS.formatted(with(SYSTEMS_PAGE.formatted(systems, PageQueries.LIMIT_OFFSET), u, params));
        return jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> {
                    String c = rs.getString("conclusion");
                    return new SystemRow(
                            rs.getObject("id", UUID.class),
                            rs.getString("name"),
                            rs.getInt("protection_level"),
                            rs.getObject("latest_id", UUID.class),
                            rs.getString("latest_name"),
                            instant(rs.getObject("completed_at", OffsetDateTime.class)),
                            c == null ? null : ConclusionBand.rate(rs.getLong("t") * 0.5, rs.getInt("s")),
                            c == null ? null : Conclusion.valueOf(c),
                            rs.getInt("high"),
                            rs.getInt("medium"),
                            rs.getInt("open_tasks"),
                            rs.getInt("overdue_tasks"));
                })
                .list();
    }

    /** One group of systems by conclusion and template with its sums. */
    private record Group(
            Conclusion conclusion,
            ReportTemplate template,
            int systems,
            int high,
            int open,
            int overdue,
            long rateHundredths) {}

    private static Totals totals(List<Group> groups) {
        Map<Conclusion, Integer> byConclusion = new EnumMap<>(Conclusion.class);
        for (Conclusion c : Conclusion.values()) {
            byConclusion.put(c, 0);
        }
        int assessed = 0;
        long rateSum = 0;
        for (Group g : groups) {
            if (g.conclusion() != null) {
                byConclusion.merge(g.conclusion(), g.systems(), Integer::sum);
                assessed += g.systems();
                rateSum += g.rateHundredths();
            }
        }
        // the mean of the systems' rates, rounded half up to two decimals from the exact sum
        Double mean = assessed == 0 ? null : Math.round((double) rateSum / assessed) / 100.0;
        return new Totals(
                groups.stream().mapToInt(Group::systems).sum(),
                assessed,
                byConclusion,
                groups.stream().mapToInt(Group::high).sum(),
                groups.stream().mapToInt(Group::open).sum(),
                groups.stream().mapToInt(Group::overdue).sum(),
                mean);
    }

    /**
     * The common table expressions, each child table aggregated once with {@code GROUP BY} and joined by key, each
     * step reading the one before it as its first table, so that nothing is evaluated again per row of another
     * (correlated task counts made the previous version scan every remediation task once per system, and H2, which
     * joins by nested loops only, evaluates a derived table again for each outer row). {@code vt}: the systems with
     * their open and overdue remediation tasks of assessments not archived that the caller has a relation to;
     * {@code vl}: with the latest completed such assessment ({@link Dashboards} {@code BY_COMPLETION}, an indexed
     * lookup per system); {@code rw}: with that assessment's stored item sums (the stored item sums); {@code rh}: its rate; {@code rc}: its
     * conclusion ({@link ScoreQueries}). docs/performance.md has the plans.
     */
    private String with(String systems, CurrentUser u, Map<String, Object> params) {
        return WITH.formatted(
                systems,
                PARENTHESES.formatted(RiskEntry.OPEN_SQL),
                PARENTHESES.formatted(RiskEntry.OPEN_SQL),
                AssessmentStatus.ARCHIVED.name(),
                Access.visibleSql(u, "a", "vs", params),
                STATUSES.formatted(AssessmentStatus.COMPLETED.name(), AssessmentStatus.ARCHIVED.name()),
                Access.visibleSql(u, "a", "vt", params),
                ScoreQueries.rateHundredths("rw.t", "rw.s"),
                ScoreQueries.conclusion(policies, "rh.report_template", "rh.rate_h", "rh.high", "rh.medium"));
    }

    private static final String GROUP = "G";

    /**
     * The totals grouped by conclusion and template ({@code kind} G: conclusion, template, systems, high-risk
     * findings, open and overdue tasks, sum of rates) and the control points of the shown systems' latest assessments
     * (C: control point, its first item, systems, failing, the four verdict counts, twice the score, scored items) —
     * the control point sums stored per assessment (the stored item sums), grouped by control point as the scores group
     * items ({@code ScoreResult.byControlPoint}). The systems come first and the sums are looked up by index with
     * LEFT JOIN (an IN subquery or an inner join let H2 compute them again for every row); scored ({@code rc}) only to
     * filter by conclusion.
     */
    private static String totalsAndControlPoints(Filter f) {
        String from = f.conclusion() == null ? "vl" : "rc";
        return TOTALS_AND_CONTROL_POINTS.formatted(
                GROUP,
                big(COUNT),
                sum("rc.high"),
                sum("rc.open_tasks"),
                sum("rc.overdue_tasks"),
                sum("rc.rate_h"),
                big("NULL"),
                big("NULL"),
                big("NULL"),
                where(f, "rc"),
                big(COUNT),
                sum("i.failing"),
                sum("i.compliant"),
                sum("i.partial"),
                sum("i.non_compliant"),
                sum("i.not_applicable"),
                sum("i.doubled_score"),
                sum("i.scored"),
                from,
                from,
                where(f, from),
                from);
    }

    /** An expression as a BIGINT. */
    private static String big(String expression) {
        return BIG.formatted(expression);
    }

    private static String sum(String column) {
        return big(SUM.formatted(column));
    }

    /** A control point's sums over the shown systems, before its label is known. */
    private record Raw(
            String layer, String controlPoint, int systems, int failing, int c, int p, int nc, int na, long t, int s) {}

    /** Adds one C row, merged with others of the same label (the same control point in another requirement). */
    private void controlPoint(java.sql.ResultSet rs, Map<List<String>, Raw> byLabel) throws java.sql.SQLException {
        String first = rs.getString("k2");
        int end = AssessmentReads.POSITION_WIDTH + AssessmentReads.REQUIREMENT_WIDTH;
        String req = first.substring(AssessmentReads.POSITION_WIDTH, end).strip();
        Raw r = new Raw(
                labels.layer(req, first.substring(end)),
                labels.controlPoint(req, rs.getString("k1")),
                rs.getInt("n1"),
                rs.getInt("n2"),
                rs.getInt("n3"),
                rs.getInt("n4"),
                rs.getInt("n5"),
                rs.getInt("n6"),
                rs.getLong("n7"),
                rs.getInt("n8"));
        byLabel.merge(
                List.of(r.layer(), r.controlPoint()),
                r,
                (a, b) -> new Raw(
                        a.layer(),
                        a.controlPoint(),
                        a.systems() + b.systems(),
                        a.failing() + b.failing(),
                        a.c() + b.c(),
                        a.p() + b.p(),
                        a.nc() + b.nc(),
                        a.na() + b.na(),
                        a.t() + b.t(),
                        a.s() + b.s()));
    }

    /** The control points, where systems fail most first. */
    private static List<ControlPointRow> controlPoints(Map<List<String>, Raw> byLabel) {
        List<ControlPointRow> rows = new ArrayList<>();
        for (Raw r : byLabel.values()) {
            rows.add(new ControlPointRow(
                    r.layer(),
                    r.controlPoint(),
                    r.systems(),
                    r.failing(),
                    r.c(),
                    r.p(),
                    r.nc(),
                    r.na(),
                    ConclusionBand.rate(r.t() * 0.5, r.s())));
        }
        rows.sort(Dashboards.WHERE_SYSTEMS_FAIL_MOST);
        return rows;
    }
}
