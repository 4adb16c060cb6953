package org.yunjian.assessment.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentRole;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.AssessorKind;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.assessment.Records.Interview;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.Records.VerdictEntry;
import org.yunjian.assessment.ReportTemplate;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.shared.paging.PageQueries;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.Versions;

/** Hand-written, portable SQL for every assessment table. */
@Repository
public class AssessmentRepository {

    private final JdbcClient jdbc;

    AssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String v) {
        return v == null ? null : Enum.valueOf(type, v);
    }

    // --- assessments

    public void insert(AssessmentInfo a, UUID createdBy) {
        jdbc.sql("""
                        INSERT INTO assessment (id, name, system_id, assessor_org_id, assessor_kind, status, created_by,
                        created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(
                        a.id(),
                        a.name(),
                        a.systemId(),
                        a.assessorOrgId(),
                        a.assessorKind().name(),
                        a.status().name(),
                        createdBy,
                        utc(a.createdAt()),
                        utc(a.updatedAt()))
                .update();
        insertMembers(a.id(), a.assessors(), AssessmentRole.TESTER);
        insertMembers(a.id(), a.reviewers(), AssessmentRole.REVIEWER);
        insertMembers(a.id(), a.approvers(), AssessmentRole.APPROVER);
        a.scope().forEach(s -> jdbc.sql("""
                INSERT INTO assessment_scope (assessment_id, selection) VALUES (?,?)""").params(a.id(), s).update());
    }

    public void updateReportSetup(UUID assessment, ReportTemplate template, LocalDate contractDate) {
        jdbc.sql("""
                UPDATE assessment SET report_template = ?, contract_date = ? WHERE id = ?""").params(template.name(), contractDate, assessment).update();
    }

    /** Replaces the team: testers, reviewers and approvers (one row per person). */
    public void replaceMembers(UUID assessment, List<UUID> testers, List<UUID> reviewers, List<UUID> approvers) {
        jdbc.sql("""
                DELETE FROM assessment_assessor WHERE assessment_id = ?""").param(assessment).update();
        insertMembers(assessment, testers, AssessmentRole.TESTER);
        insertMembers(assessment, reviewers, AssessmentRole.REVIEWER);
        insertMembers(assessment, approvers, AssessmentRole.APPROVER);
    }

    public void insertMembers(UUID assessment, List<UUID> users, AssessmentRole role) {
        users.forEach(u -> jdbc.sql("""
                INSERT INTO assessment_assessor (assessment_id, user_id, role) VALUES (?,?,?)""").params(assessment, u, role.name()).update());
    }

    /** Compare-and-set on the status, so two concurrent transitions cannot both succeed. */
    public boolean updateStatus(UUID id, AssessmentStatus from, AssessmentStatus to, Instant now, Instant completedAt) {
        return jdbc.sql("""
                        UPDATE assessment SET status = ?, updated_at = ?, completed_at = ?, version = version + 1
                        WHERE id = ? AND status = ?""")
                        .params(to.name(), utc(now), utc(completedAt), id, from.name())
                        .update()
                == 1;
    }

    /**
     * Moves the assessment's version on if it is still {@code expected} (else a stale-version conflict): the team,
     * the report template and the review decisions are changes of the assessment record and name its version.
     * Call it inside the change's transaction, after the access and input checks.
     */
    public void claimVersion(UUID id, long expected, Instant now) {
        int n = jdbc.sql("""
                UPDATE assessment SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?""").params(utc(now), id, expected).update();
        Versions.requireUpdated(n, jdbc, "assessment", "updated_at", id);
    }

    /**
     * Refuses (stale-version conflict) unless the assessment is still at {@code expected}: a review decision checks
     * it under the row lock before it moves the status, whose update moves the version on.
     */
    public void requireVersion(UUID id, long expected) {
        int n = jdbc.sql("""
                SELECT COUNT(*) FROM assessment WHERE id = ? AND version = ?""").params(id, expected).query(Integer.class).single();
        Versions.requireUpdated(n, jdbc, "assessment", "updated_at", id);
    }

    /** Locks the assessment row for the rest of the transaction (serialises writes against transitions). */
    public Optional<AssessmentStatus> lockStatus(UUID id) {
        return jdbc.sql("""
                SELECT status FROM assessment WHERE id = ? FOR UPDATE""").param(id).query(String.class).optional().map(AssessmentStatus::valueOf);
    }

    public Optional<AssessmentInfo> find(UUID id) {
        return withMembers(jdbc.sql("""
                SELECT * FROM assessment WHERE id = ?""").param(id).query(ROW).list()).stream().findFirst();
    }

    public List<AssessmentInfo> findAll() {
        return withMembers(jdbc.sql("""
                SELECT * FROM assessment ORDER BY created_at DESC""").query(ROW).list());
    }

    /**
     * One page of assessments, newest first, with the total, filtered and paged in SQL. {@code systemIds}: the
     * systems to look at ({@code null} = all, for a system administrator); {@code org}: the caller's organisation,
     * which must assess the assessment or be customer or provider of its system ({@code ownSystems}) — the rule of
     * {@link Access#relations} — or {@code null} for a system administrator. {@code q}: name contains (any case).
     */
    public Paged<AssessmentInfo> page(
            Collection<UUID> systemIds,
            UUID org,
            Collection<UUID> ownSystems,
            String q,
            AssessmentStatus status,
            PageRequest page) {
        PageQueries.Where where = new PageQueries.Where().in("system_id", "ids", systemIds);
        if (org != null) {
            where.and(ownSystems.isEmpty() ? "assessor_org_id = :org" : """
                            (assessor_org_id = :org OR system_id IN (:own))""", "org", org);
            if (!ownSystems.isEmpty()) {
                where.param("own", ownSystems);
            }
        }
        where.contains("name", q, "name").equal("status", "status", status);
        return PageQueries.query(
                jdbc,
                "*",
                "assessment",
                where,
                """
                created_at DESC, id""",
                page,
                s -> withMembers(s.query(ROW).list()));
    }

    public List<AssessmentInfo> findBySystems(Collection<UUID> systemIds) {
        if (systemIds.isEmpty()) {
            return List.of();
        }
        return withMembers(jdbc.sql("""
                SELECT * FROM assessment WHERE system_id IN (:ids) ORDER BY created_at DESC""").param("ids", systemIds).query(ROW).list());
    }

    /** An assessment row before its assessors and scope are attached. */
    private record Row(
            UUID id,
            String name,
            UUID systemId,
            UUID assessorOrgId,
            AssessorKind kind,
            AssessmentStatus status,
            Instant createdAt,
            Instant updatedAt,
            Instant completedAt,
            String reportNumber,
            long version) {}

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(
            rs.getObject("id", UUID.class),
            rs.getString("name"),
            rs.getObject("system_id", UUID.class),
            rs.getObject("assessor_org_id", UUID.class),
            AssessorKind.valueOf(rs.getString("assessor_kind")),
            AssessmentStatus.valueOf(rs.getString("status")),
            instant(rs, "created_at"),
            instant(rs, "updated_at"),
            instant(rs, "completed_at"),
            rs.getString("report_number"),
            rs.getLong("version"));

    /** Assessors and scope of all rows in one query per table (no query per assessment). */
    private List<AssessmentInfo> withMembers(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<UUID> ids = rows.stream().map(Row::id).collect(Collectors.toSet());
        Map<String, Map<UUID, List<UUID>>> team = new HashMap<>();
        jdbc.sql("""
                        SELECT assessment_id, user_id, role FROM assessment_assessor WHERE assessment_id IN (:ids)
                        ORDER BY assessment_id, user_id""")
                .param("ids", ids)
                .query((rs, n) -> team.computeIfAbsent(rs.getString(3), k -> new HashMap<>())
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        Map<UUID, List<UUID>> assessors = team.getOrDefault("TESTER", Map.of());
        Map<UUID, List<UUID>> reviewers = team.getOrDefault("REVIEWER", Map.of());
        Map<UUID, List<UUID>> approvers = team.getOrDefault("APPROVER", Map.of());
        Map<UUID, List<String>> scope = new HashMap<>();
        jdbc.sql("""
                        SELECT assessment_id, selection FROM assessment_scope WHERE assessment_id IN (:ids)
                        ORDER BY assessment_id, selection""")
                .param("ids", ids)
                .query((rs, n) -> scope.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return rows.stream()
                .map(r -> new AssessmentInfo(
                        r.id(),
                        r.name(),
                        r.systemId(),
                        r.assessorOrgId(),
                        r.kind(),
                        r.status(),
                        assessors.getOrDefault(r.id(), List.of()),
                        reviewers.getOrDefault(r.id(), List.of()),
                        approvers.getOrDefault(r.id(), List.of()),
                        scope.getOrDefault(r.id(), List.of()),
                        r.createdAt(),
                        r.updatedAt(),
                        r.completedAt(),
                        r.reportNumber(),
                        r.version()))
                .toList();
    }

    /** Marks {@code assessmentId} as the follow-up (复测) of {@code originAssessmentId}. */
    public void markFollowUp(UUID assessmentId, UUID originAssessmentId) {
        jdbc.sql("""
                UPDATE assessment SET follow_up_of = ? WHERE id = ?""").params(originAssessmentId, assessmentId).update();
    }

    // --- items

    public void insertItem(TestItem i) {
        jdbc.sql("""
                        INSERT INTO assessment_item (id, assessment_id, position, requirement_id, side, layer, control_point,
                        updated_at) VALUES (?,?,?,?,?,?,?,?)""")
                .params(
                        i.id(),
                        i.assessmentId(),
                        i.position(),
                        i.requirementId(),
                        i.side().name(),
                        i.layer(),
                        i.controlPoint(),
                        utc(i.updatedAt()))
                .update();
    }

    public List<TestItem> items(UUID assessmentId) {
        return jdbc.sql("""
                SELECT * FROM assessment_item WHERE assessment_id = ? ORDER BY position""").param(assessmentId).query(ITEM).list();
    }

    public Optional<TestItem> item(UUID id) {
        return jdbc.sql("""
                SELECT * FROM assessment_item WHERE id = ?""").param(id).query(ITEM).optional();
    }

    /** Stores the verdict if the item is still at version {@code expected}; else a stale-version conflict. */
    public void updateVerdict(
            UUID id, Verdict v, String reason, RiskLevel risk, String riskReason, Instant now, long expected) {
        int n = jdbc.sql("""
                        UPDATE assessment_item SET verdict = ?, verdict_reason = ?, risk_level = ?, risk_reason = ?,
                        updated_at = ?, version = version + 1 WHERE id = ? AND version = ?""")
                .params(
                        v == null ? null : v.name(),
                        reason,
                        risk == null ? null : risk.name(),
                        riskReason,
                        utc(now),
                        id,
                        expected)
                .update();
        Versions.requireUpdated(n, jdbc, "assessment_item", "updated_at", id);
    }

    /** The no-evidence reason (无证据说明), the finding and the recommendation go with the verdict they explain. */
    public void updateFindingTexts(UUID id, String noEvidenceReason, String finding, String recommendation) {
        jdbc.sql("""
                UPDATE assessment_item SET no_evidence_reason = ?, finding = ?, recommendation = ? WHERE id = ?""").params(noEvidenceReason, finding, recommendation, id).update();
    }

    /**
     * Only the finding's texts changed (the verdict stays as recorded): stored if the item is still at version
     * {@code expected}, without a new history entry; else a stale-version conflict.
     */
    public void updateFindingTexts(
            UUID id, String noEvidenceReason, String finding, String recommendation, Instant now, long expected) {
        int n = jdbc.sql("""
                        UPDATE assessment_item SET no_evidence_reason = ?, finding = ?, recommendation = ?,
                        updated_at = ?, version = version + 1 WHERE id = ? AND version = ?""")
                .params(noEvidenceReason, finding, recommendation, utc(now), id, expected)
                .update();
        Versions.requireUpdated(n, jdbc, "assessment_item", "updated_at", id);
    }

    /** Stores the observations if the item is still at version {@code expected}; else a stale-version conflict. */
    public void updateObservations(UUID id, String observations, Instant now, long expected) {
        int n = jdbc.sql("""
                        UPDATE assessment_item SET observations = ?, updated_at = ?, version = version + 1
                        WHERE id = ? AND version = ?""").params(observations, utc(now), id, expected).update();
        Versions.requireUpdated(n, jdbc, "assessment_item", "updated_at", id);
    }

    public static final RowMapper<TestItem> ITEM = (rs, n) -> new TestItem(
            rs.getObject("id", UUID.class),
            rs.getObject("assessment_id", UUID.class),
            rs.getInt("position"),
            rs.getString("requirement_id"),
            ItemSide.valueOf(rs.getString("side")),
            rs.getString("layer"),
            rs.getString("control_point"),
            enumOf(Verdict.class, rs.getString("verdict")),
            rs.getString("verdict_reason"),
            rs.getString("observations"),
            enumOf(RiskLevel.class, rs.getString("risk_level")),
            rs.getString("risk_reason"),
            instant(rs, "updated_at"),
            rs.getString("no_evidence_reason"),
            rs.getString("finding"),
            rs.getString("recommendation"),
            rs.getLong("version"));

    // --- verdict history and interviews

    public void insertVerdict(VerdictEntry v) {
        jdbc.sql("""
                        INSERT INTO assessment_verdict_history (id, item_id, verdict, verdict_reason, risk_level, retest,
                        recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?)""")
                .params(
                        v.id(),
                        v.itemId(),
                        v.verdict().name(),
                        v.reason(),
                        v.riskLevel() == null ? null : v.riskLevel().name(),
                        v.retest(),
                        v.recordedBy(),
                        utc(v.recordedAt()))
                .update();
    }

    public List<VerdictEntry> history(UUID itemId) {
        return jdbc.sql("""
                SELECT * FROM assessment_verdict_history WHERE item_id = ? ORDER BY recorded_at, id""").param(itemId).query(HISTORY).list();
    }

    private static final RowMapper<VerdictEntry> HISTORY = (rs, n) -> new VerdictEntry(
            rs.getObject("id", UUID.class),
            rs.getObject("item_id", UUID.class),
            Verdict.valueOf(rs.getString("verdict")),
            rs.getString("verdict_reason"),
            enumOf(RiskLevel.class, rs.getString("risk_level")),
            rs.getBoolean("retest"),
            rs.getString("recorded_by"),
            instant(rs, "recorded_at"));

    /** Every verdict recorded on any item of the assessment, by item, oldest first — one query for a report. */
    public Map<UUID, List<VerdictEntry>> historyOfAssessment(UUID assessmentId) {
        Map<UUID, List<VerdictEntry>> out = new HashMap<>();
        jdbc.sql("""
                        SELECT h.* FROM assessment_verdict_history h JOIN assessment_item i ON i.id = h.item_id
                        WHERE i.assessment_id = ? ORDER BY h.recorded_at, h.id""").param(assessmentId).query(HISTORY).list().forEach(v -> out.computeIfAbsent(
                        v.itemId(), k -> new ArrayList<>())
                .add(v));
        return out;
    }

    public void insertInterview(Interview i) {
        jdbc.sql("""
                        INSERT INTO assessment_interview (id, item_id, interviewee, role, held_at, notes, recorded_by,
                        recorded_at) VALUES (?,?,?,?,?,?,?,?)""")
                .params(
                        i.id(),
                        i.itemId(),
                        i.interviewee(),
                        i.role(),
                        utc(i.heldAt()),
                        i.notes(),
                        i.recordedBy(),
                        utc(i.recordedAt()))
                .update();
    }

    /** Every interview on any item of the assessment, by item, in the order held — one query for a report. */
    public Map<UUID, List<Interview>> interviewsOfAssessment(UUID assessmentId) {
        return jdbc.sql("""
                        SELECT v.* FROM assessment_interview v JOIN assessment_item i ON i.id = v.item_id
                        WHERE i.assessment_id = ? ORDER BY v.held_at, v.id""").param(assessmentId).query(INTERVIEW).list().stream()
                .collect(java.util.stream.Collectors.groupingBy(Interview::itemId));
    }

    public List<Interview> interviews(UUID itemId) {
        return jdbc.sql("""
                SELECT * FROM assessment_interview WHERE item_id = ? ORDER BY held_at, id""").param(itemId).query(INTERVIEW).list();
    }

    private static final RowMapper<Interview> INTERVIEW = (rs, n) -> new Interview(
            rs.getObject("id", UUID.class),
            rs.getObject("item_id", UUID.class),
            rs.getString("interviewee"),
            rs.getString("role"),
            instant(rs, "held_at"),
            rs.getString("notes"),
            rs.getString("recorded_by"),
            instant(rs, "recorded_at"));

    // --- evidence

    /**
     * The evidence linked to the item (uploaded for it, linked to it later, or carried into its assessment); each
     * row's {@code itemId} is this item.
     */
    public List<EvidenceInfo> evidenceOfItem(UUID itemId) {
        return jdbc.sql("""
                        SELECT e.*, l.item_id AS link_item_id FROM assessment_evidence_link l
                        JOIN assessment_evidence e ON e.id = l.evidence_id WHERE l.item_id = ? ORDER BY e.created_at, e.id""").param(itemId).query(LINKED_EVIDENCE).list();
    }

    /** One row per link into the assessment: {@code itemId} is the linked item, so one file may appear per item. */
    public List<EvidenceInfo> evidenceOfAssessment(UUID assessmentId) {
        return jdbc.sql("""
                        SELECT e.*, l.item_id AS link_item_id FROM assessment_evidence_link l
                        JOIN assessment_evidence e ON e.id = l.evidence_id WHERE l.assessment_id = ?
                        ORDER BY e.created_at, e.id""").param(assessmentId).query(LINKED_EVIDENCE).list();
    }

    private static final RowMapper<EvidenceInfo> EVIDENCE = (rs, n) -> EvidenceInfo.of(rs);

    private static final RowMapper<EvidenceInfo> LINKED_EVIDENCE = (rs, n) -> {
        EvidenceInfo e = EVIDENCE.mapRow(rs, n);
        return new EvidenceInfo(
                e.id(),
                rs.getObject("link_item_id", UUID.class),
                e.assessmentId(),
                e.displayName(),
                e.contentType(),
                e.size(),
                e.sm3(),
                e.blobName(),
                e.uploadedBy(),
                e.uploadedByName(),
                e.ownerOrgId(),
                e.sharedWithProvider(),
                e.createdAt(),
                e.version());
    };

    // --- remediation

    public List<Remediation> remediations(UUID assessmentId) {
        return jdbc.sql("""
                        SELECT r.* FROM assessment_remediation r JOIN assessment_item i ON i.id = r.item_id
                        WHERE r.assessment_id = ? ORDER BY i.position, r.created_at""").param(assessmentId).query(REMEDIATION).list();
    }

    public List<Remediation> remediationsOfItem(UUID itemId) {
        return jdbc.sql("""
                SELECT * FROM assessment_remediation WHERE item_id = ? ORDER BY created_at""").param(itemId).query(REMEDIATION).list();
    }

    private static final RowMapper<Remediation> REMEDIATION = (rs, n) -> Remediation.of(rs);
}
