package org.yunjian.workbench.internal;

import static org.yunjian.shared.Jdbc.instant;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.AssessorKind;
import org.yunjian.assessment.ItemLabels;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.assessment.ScoreResult.Conclusion;
import org.yunjian.assessment.ScoringPolicies;
import org.yunjian.assessment.ScoringPolicy;
import org.yunjian.assessment.ScoringPolicy.ScoredItem;
import org.yunjian.assessment.Verdict;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.party.SystemSummary;
import org.yunjian.risk.RiskEntry;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationDirectory;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/**
 * Dashboards per system and across systems (docs/modules/assessment.md, "Dashboards"). Across systems everything
 * is counted, scored and paged in SQL ({@link OverviewQueries}, the policies' rules compiled by {@link ScoreQueries}), so
 * a request reads one page of systems whatever their number; one system's dashboard scores its completed
 * assessments with the {@link ScoringPolicy} in one pass over the items, so the numbers are the ones the
 * assessment page shows. A caller sees only systems {@link Parties} lets it see and,
 * on them, only assessments it has a relation to ({@link Access}).
 */
@Service
@Transactional(readOnly = true)
public class Dashboards {

    /** Remediation statuses that count as open (DONE and VERIFIED are closed; see {@link RiskEntry#open}). */
    static final List<String> OPEN_TASK =
            RiskEntry.OPEN_STATUSES.stream().map(RemediationStatus::name).toList();

    private final JdbcClient jdbc;
    private final Parties parties;
    private final ScoringPolicies policies;
    private final Clock clock;
    private final OrganizationDirectory directory;
    private final ItemLabels labels;

    Dashboards(
            JdbcClient jdbc,
            Parties parties,
            ScoringPolicies policies,
            Clock clock,
            OrganizationDirectory directory,
            ItemLabels labels) {
        this.labels = labels;
        this.jdbc = jdbc;
        this.parties = parties;
        this.directory = directory;
        this.policies = policies;
        this.clock = clock;
    }

    // --- results

    /** Filters of the across-systems dashboard; {@code null} or blank = no filter. */
    public record Filter(String q, String conclusion, Integer level, boolean overdueOnly) {

        /** {@code NONE} selects systems without a completed assessment. */
        public static final String NO_CONCLUSION = "NONE";

        /** The filter from request parameters; an unknown conclusion or level, or an overlong query, is a 400. */
        public static Filter of(String q, String conclusion, Integer level, boolean overdueOnly) {
            FieldErrors errors = new FieldErrors();
            String c = conclusion == null || conclusion.isBlank() ? null : conclusion.strip();
            if (c != null
                    && !c.equals(NO_CONCLUSION)
                    && Arrays.stream(Conclusion.values())
                            .noneMatch(v -> v.name().equals(c))) {
                errors.add("conclusion", "dashboard.error.conclusion");
            }
            if (level != null && (level < 1 || level > 4)) {
                errors.add("level", "dashboard.error.level");
            }
            if (q != null && q.length() > 200) {
                errors.add("q", AssessmentService.TOO_LONG, 200);
            }
            errors.throwIfAny();
            return new Filter(q == null || q.isBlank() ? null : q.strip(), c, level, overdueOnly);
        }

        public static Filter none() {
            return new Filter(null, null, null, false);
        }
    }

    /**
     * One system in the across-systems view. The result fields are those of its latest completed assessment
     * and {@code null} when it has none; remediation counts cover all its assessments not archived.
     */
    public record SystemRow(
            UUID systemId,
            String systemName,
            int protectionLevel,
            UUID latestAssessmentId,
            String latestAssessmentName,
            Instant completedAt,
            Double complianceRate,
            Conclusion conclusion,
            int highRisk,
            int mediumRisk,
            int openRemediations,
            int overdueRemediations) {}

    /**
     * One control point across the latest completed assessments of the systems shown: how many systems
     * assess it, in how many it has a finding, item counts and the rate over all of them.
     */
    public record ControlPointRow(
            String layer,
            String controlPoint,
            int systems,
            int systemsWithFindings,
            int compliant,
            int partiallyCompliant,
            int nonCompliant,
            int notApplicable,
            double rate) {}

    public record Totals(
            int systems,
            int assessed,
            Map<Conclusion, Integer> byConclusion,
            int highRisk,
            int openRemediations,
            int overdueRemediations,
            Double meanComplianceRate) {}

    /** The across-systems dashboard; control points ordered by where systems fail most. */
    /**
     * {@code policies}: the scoring policies of the assessments shown (each scored under its report template's policy),
     * or the default policy when none is shown.
     */
    public record Overview(
            LocalDate today,
            List<Policy> policies,
            Filter filter,
            Totals totals,
            Paged<SystemRow> systems,
            List<ControlPointRow> controlPoints,
            int controlPointsTotal) {}

    /**
     * The control points the overview lists: the {@value} where systems fail most. The response stays the same size
     * whatever the number of systems and standards; {@code controlPointsTotal} says how many there are in all.
     */
    public static final int CONTROL_POINTS_SHOWN = 20;

    /**
     * Where systems fail most: most systems with a finding, then most 不符合 items, then the lowest rate; ties by
     * layer and control point, so the top {@value #CONTROL_POINTS_SHOWN} do not depend on the order rows come in.
     */
    static final Comparator<ControlPointRow> WHERE_SYSTEMS_FAIL_MOST = Comparator.comparingInt(
                    ControlPointRow::systemsWithFindings)
            .reversed()
            .thenComparing(
                    Comparator.comparingInt(ControlPointRow::nonCompliant).reversed())
            .thenComparingDouble(ControlPointRow::rate)
            .thenComparing(ControlPointRow::layer)
            .thenComparing(ControlPointRow::controlPoint);

    /** A scoring policy by id and version. */
    public record Policy(String id, String version) {}

    /** One completed assessment in a system's trend, oldest first; {@code conclusion} null when nothing was recorded. */
    public record TrendPoint(
            UUID assessmentId,
            String name,
            AssessorKind assessorKind,
            Instant completedAt,
            double complianceRate,
            Conclusion conclusion,
            int highRisk,
            int mediumRisk) {}

    /** An open remediation task as the system dashboard lists it. */
    public record OpenTask(
            UUID id,
            UUID itemId,
            UUID assessmentId,
            String assessmentName,
            String requirementId,
            ItemSide side,
            String controlPoint,
            UUID responsibleOrgId,
            String responsibleOrgName,
            LocalDate dueDate,
            RemediationStatus status,
            boolean overdue) {}

    /** The latest completed assessment of a system with its full score. */
    public record Latest(UUID assessmentId, String name, Instant completedAt, ScoreResult score) {}

    /** One system's dashboard. */
    public record SystemDashboard(
            UUID systemId,
            String systemName,
            int protectionLevel,
            LocalDate today,
            Latest latest,
            List<TrendPoint> trend,
            int assessmentsInProgress,
            int openRemediations,
            int overdueRemediations,
            List<OpenTask> openTasks) {}

    // --- queries

    private static CurrentUser caller() {
        return CurrentUser.requireBusinessOrAdmin("dashboards");
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** An assessment as the dashboards need it. */
    record Header(
            UUID id,
            String name,
            UUID systemId,
            UUID assessorOrgId,
            AssessorKind kind,
            AssessmentStatus status,
            Instant createdAt,
            Instant completedAt,
            org.yunjian.assessment.ReportTemplate template) {

        boolean completed() {
            return status == AssessmentStatus.COMPLETED || status == AssessmentStatus.ARCHIVED;
        }
    }

    /** The assessments of the systems that the caller has a relation to (one query). */
    private List<Header> visibleAssessments(Map<UUID, SystemSummary> systems, CurrentUser u) {
        if (systems.isEmpty()) {
            return List.of();
        }
        // past a few hundred systems one scan of the assessments beats binding every id (they are filtered below)
        boolean many = systems.size() > 500;
        List<Header> all = jdbc.sql("""
                        SELECT id, name, system_id, assessor_org_id, assessor_kind, status, created_at, \
                        completed_at, report_template FROM assessment%s""".formatted(many ? "" : """
                        \sWHERE system_id IN (:ids)"""))
                .params(many ? Map.of() : Map.of("ids", systems.keySet()))
                .query((rs, n) -> new Header(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getObject("system_id", UUID.class),
                        rs.getObject("assessor_org_id", UUID.class),
                        AssessorKind.valueOf(rs.getString("assessor_kind")),
                        AssessmentStatus.valueOf(rs.getString("status")),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("completed_at", OffsetDateTime.class)),
                        org.yunjian.assessment.ReportTemplate.valueOf(rs.getString("report_template"))))
                .list();
        // visibility needs only the organisations, not the assigned assessors: an empty list is enough here
        return all.stream()
                .filter(h -> systems.containsKey(h.systemId())
                        && !Access.relations(
                                        new AssessmentInfo(
                                                h.id(),
                                                h.name(),
                                                h.systemId(),
                                                h.assessorOrgId(),
                                                h.kind(),
                                                h.status(),
                                                List.of(),
                                                List.of(),
                                                h.createdAt(),
                                                h.createdAt(),
                                                h.completedAt(),
                                                null),
                                        systems.get(h.systemId()).customerId(),
                                        systems.get(h.systemId()).providerId(),
                                        u)
                                .isEmpty())
                .toList();
    }

    /** The items of the given assessments as the scoring policy sees them, per assessment in item order. */
    private Map<UUID, List<ScoredItem>> items(Collection<UUID> assessmentIds) {
        Map<UUID, List<ScoredItem>> out = new HashMap<>();
        if (assessmentIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT assessment_id, requirement_id, side, layer, control_point, verdict, risk_level
                        FROM assessment_item WHERE assessment_id IN (:ids) ORDER BY assessment_id, position""").param("ids", assessmentIds).query(rs -> {
            String verdict = rs.getString("verdict");
            String risk = rs.getString("risk_level");
            String req = rs.getString("requirement_id");
            out.computeIfAbsent(rs.getObject("assessment_id", UUID.class), k -> new ArrayList<>())
                    .add(new ScoredItem(
                            req + "/" + rs.getString("side"),
                            labels.layer(req, rs.getString("layer")),
                            labels.controlPoint(req, rs.getString("control_point")),
                            verdict == null ? null : Verdict.valueOf(verdict),
                            risk == null ? null : RiskLevel.valueOf(risk)));
        });
        return out;
    }

    private static List<UUID> notArchived(List<Header> headers) {
        return headers.stream()
                .filter(h -> h.status() != AssessmentStatus.ARCHIVED)
                .map(Header::id)
                .toList();
    }

    private static final Comparator<Header> BY_COMPLETION = Comparator.comparing(
                    Header::completedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Header::createdAt)
            .thenComparing(Header::id);

    /** The across-systems dashboard for the caller, filtered: aggregated in SQL, one page of systems read. */
    public Overview overview(Filter filter, PageRequest page) {
        CurrentUser u = caller();
        Filter f = filter == null ? Filter.none() : filter;
        LocalDate today = today();
        OverviewQueries.Result r = new OverviewQueries(jdbc, policies, labels).run(u, parties, f, today, page);
        ScoringPolicy fallback = policies.forTemplate(org.yunjian.assessment.ReportTemplate.T2025);
        List<ControlPointRow> cps = r.controlPoints();
        return new Overview(
                today,
                r.policies().isEmpty() ? List.of(new Policy(fallback.id(), fallback.version())) : r.policies(),
                f,
                r.totals(),
                r.rows(),
                cps.subList(0, Math.min(cps.size(), CONTROL_POINTS_SHOWN)),
                cps.size());
    }

    /** One system's dashboard, or 404 if the caller may not see the system. */
    public SystemDashboard system(UUID systemId) {
        CurrentUser u = caller();
        CloudSystem s = parties.requireSystem(systemId);
        LocalDate today = today();
        List<Header> headers = visibleAssessments(
                Map.of(
                        s.id(),
                        new SystemSummary(s.id(), s.name(), s.protectionLevel(), s.customerId(), s.providerId())),
                u);
        List<Header> completed =
                headers.stream().filter(Header::completed).sorted(BY_COMPLETION).toList();
        Map<UUID, List<ScoredItem>> items =
                items(completed.stream().map(Header::id).toList());
        List<TrendPoint> trend = new ArrayList<>();
        Latest latest = null;
        for (Header h : completed) {
            ScoreResult score = policies.forTemplate(h.template()).score(items.getOrDefault(h.id(), List.of()));
            trend.add(new TrendPoint(
                    h.id(),
                    h.name(),
                    h.kind(),
                    h.completedAt(),
                    score.complianceRate(),
                    score.notYetAssessed() ? null : score.conclusion(),
                    score.highRisk().size(),
                    score.mediumRisk()));
            latest = new Latest(h.id(), h.name(), h.completedAt(), score);
        }
        List<OpenTask> open = openTasks(headers, today);
        int inProgress = (int) headers.stream().filter(h -> h.status().isOpen()).count();
        return new SystemDashboard(
                s.id(),
                s.name(),
                s.protectionLevel(),
                today,
                latest,
                trend,
                inProgress,
                open.size(),
                (int) open.stream().filter(OpenTask::overdue).count(),
                open);
    }

    private List<OpenTask> openTasks(List<Header> headers, LocalDate today) {
        List<UUID> ids = notArchived(headers);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> names = headers.stream().collect(Collectors.toMap(Header::id, Header::name));
        record Row(
                UUID id,
                UUID itemId,
                UUID assessmentId,
                String requirementId,
                ItemSide side,
                String controlPoint,
                UUID responsible,
                LocalDate due,
                RemediationStatus status) {}
        List<Row> rows = jdbc.sql("""
                SELECT r.id, r.item_id, r.assessment_id, i.requirement_id, i.side, i.control_point, \
                r.responsible_org_id, r.due_date, r.status FROM assessment_remediation r \
                JOIN assessment_item i ON i.id = r.item_id \
                LEFT JOIN assessment_risk k ON k.remediation_id = r.id \
                WHERE %s AND r.assessment_id IN (:ids) \
                ORDER BY CASE WHEN r.due_date IS NULL THEN 1 ELSE 0 END, r.due_date, i.position, r.id""".formatted(RiskEntry.OPEN_SQL))
                .param("open", OPEN_TASK)
                .param("today", today)
                .param("ids", ids)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("item_id", UUID.class),
                        rs.getObject("assessment_id", UUID.class),
                        rs.getString("requirement_id"),
                        ItemSide.valueOf(rs.getString("side")),
                        labels.controlPoint(rs.getString("requirement_id"), rs.getString("control_point")),
                        rs.getObject("responsible_org_id", UUID.class),
                        rs.getObject("due_date", LocalDate.class),
                        RemediationStatus.valueOf(rs.getString("status"))))
                .list();
        // the responsible organisation takes part in the system, so the caller may know its name; the directory
        // looks it up by key (Parties.findOrganization would recompute the caller's whole visibility each time)
        Map<UUID, String> orgNames = new HashMap<>();
        rows.stream()
                .map(Row::responsible)
                .distinct()
                .forEach(id -> orgNames.put(
                        id,
                        directory
                                .find(id)
                                .map(OrganizationDirectory.OrganizationRef::name)
                                .orElse("—")));
        return rows.stream()
                .map(r -> new OpenTask(
                        r.id(),
                        r.itemId(),
                        r.assessmentId(),
                        names.get(r.assessmentId()),
                        r.requirementId(),
                        r.side(),
                        r.controlPoint(),
                        r.responsible(),
                        orgNames.get(r.responsible()),
                        r.due(),
                        r.status(),
                        r.due() != null && r.due().isBefore(today)))
                .toList();
    }
}
