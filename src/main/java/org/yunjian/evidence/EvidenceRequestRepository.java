package org.yunjian.evidence;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.evidence.RequestRecords.RequestLine;
import org.yunjian.shared.paging.PageQueries;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/** Evidence requests (资料清单), their lines and the items each line supports. */
@Repository
public class EvidenceRequestRepository {

    private static final String SELECT = """
            SELECT l.*, r.sent_by_name, r.sent_at FROM assessment_evidence_request_line l
            JOIN assessment_evidence_request r ON r.id = l.request_id\s""";

    private final JdbcClient jdbc;

    EvidenceRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertRequest(UUID id, UUID assessmentId, UUID by, String byName, Instant at) {
        jdbc.sql("""
                INSERT INTO assessment_evidence_request (id, assessment_id, sent_by, sent_by_name, sent_at)
                VALUES (?,?,?,?,?)""").params(id, assessmentId, by, byName, utc(at)).update();
    }

    public void insertLine(RequestLine l) {
        jdbc.sql("""
                        INSERT INTO assessment_evidence_request_line (id, request_id, assessment_id, position, title,
                        description, due_date, addressee_org_id, routing, status, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        l.id(),
                        l.requestId(),
                        l.assessmentId(),
                        l.position(),
                        l.title(),
                        l.description(),
                        l.dueDate(),
                        l.addresseeOrgId(),
                        l.routing().name(),
                        l.status().name(),
                        utc(l.updatedAt()))
                .update();
        for (UUID item : l.itemIds()) {
            jdbc.sql("""
                    INSERT INTO assessment_evidence_request_item (line_id, item_id) VALUES (?,?)""").params(l.id(), item).update();
        }
    }

    public Optional<RequestLine> line(UUID id) {
        return withItems(jdbc.sql("""
                %sWHERE l.id = ?""".formatted(SELECT))
                        .param(id)
                        .query(this::map)
                        .list())
                .stream()
                .findFirst();
    }

    public List<RequestLine> linesOfAssessment(UUID assessmentId) {
        return withItems(jdbc.sql("""
                %sWHERE l.assessment_id = ? ORDER BY r.sent_at, l.position""".formatted(SELECT))
                .param(assessmentId)
                .query(this::map)
                .list());
    }

    /**
     * The assessments with lines addressed to the organisation or sent by it as their assessors: the bounded set
     * whose visibility the caller's lists are checked against (in Java, the {@link Access} rules).
     */
    public List<UUID> assessmentsWithLinesOf(UUID organisation) {
        return jdbc.sql("""
                        SELECT DISTINCT l.assessment_id FROM assessment_evidence_request_line l
                        JOIN assessment a ON a.id = l.assessment_id WHERE l.addressee_org_id = ? OR a.assessor_org_id = ?""")
                .params(organisation, organisation)
                .query(UUID.class)
                .list();
    }

    /**
     * One page of the lines addressed to the organisation in the given assessments, earliest due first, with their
     * total; {@code q} (title contains) and {@code status} filter when not null.
     */
    public Paged<RequestLine> addressedAt(
            UUID organisation,
            Collection<UUID> assessmentIds,
            String q,
            EvidenceRequestStatus status,
            PageRequest page) {
        return linePage(
                new PageQueries.Where()
                        .and("l.addressee_org_id = :org", "org", organisation)
                        .in("l.assessment_id", "ids", assessmentIds)
                        .contains("q", q, "l.title")
                        .equal("l.status", "status", status),
                "l.due_date, r.sent_at, l.position, l.id",
                page);
    }

    /**
     * One page of the lines with a file waiting for review in the given assessments that the organisation
     * assesses whose title contains {@code q} (when not null), earliest due first, with their total.
     */
    public Paged<RequestLine> submittedAt(
            UUID organisation, Collection<UUID> assessmentIds, String q, PageRequest page) {
        return linePage(
                new PageQueries.Where()
                        .and("a.assessor_org_id = :org", "org", organisation)
                        .and("l.status = 'SUBMITTED'")
                        .in("l.assessment_id", "ids", assessmentIds)
                        .contains("q", q, "l.title"),
                "l.due_date, l.answered_at, l.position, l.id",
                page);
    }

    /**
     * One page of the lines whose title contains {@code q}: every line of the assessments in {@code assessing}, and
     * those of {@code visible} addressed to the organisation; earliest due first, with their total.
     */
    public Paged<RequestLine> findable(
            UUID organisation, Collection<UUID> visible, Collection<UUID> assessing, String q, PageRequest page) {
        if (visible.isEmpty()) {
            return Paged.of(List.of(), page, 0);
        }
        PageQueries.Where where = new PageQueries.Where().contains("q", q, "l.title");
        if (assessing.isEmpty()) {
            where.and(ADDRESSED, "org", organisation).param("visible", visible);
        } else {
            where.and(ADDRESSED_OR_ASSESSING, "org", organisation)
                    .param("visible", visible)
                    .param("assessing", assessing);
        }
        return linePage(where, "l.due_date, r.sent_at, l.position, l.id", page);
    }

    private static final String ADDRESSED = """
            l.addressee_org_id = :org AND l.assessment_id IN (:visible)""";

    private static final String ADDRESSED_OR_ASSESSING = """
            (l.assessment_id IN (:assessing) OR (l.addressee_org_id = :org AND l.assessment_id IN (:visible)))""";

    private Paged<RequestLine> linePage(PageQueries.Where where, String orderBy, PageRequest page) {
        return PageQueries.query(
                jdbc,
                "l.*, r.sent_by_name, r.sent_at",
                """
                        assessment_evidence_request_line l
                        JOIN assessment_evidence_request r ON r.id = l.request_id
                        JOIN assessment a ON a.id = l.assessment_id""",
                where,
                orderBy,
                page,
                statement -> withItems(statement.query(this::map).list()));
    }

    public void answer(UUID lineId, UUID evidenceId, String byName, Instant at, EvidenceRequestStatus status) {
        jdbc.sql("""
                        UPDATE assessment_evidence_request_line SET status = ?, evidence_id = ?, answered_by_name = ?,
                        answered_at = ?, updated_at = ? WHERE id = ?""")
                .params(status.name(), evidenceId, byName, utc(at), utc(at), lineId)
                .update();
    }

    public void decide(UUID lineId, EvidenceRequestStatus status, String comment, String byName, Instant at) {
        jdbc.sql("""
                        UPDATE assessment_evidence_request_line SET status = ?, comment = ?, decided_by_name = ?,
                        decided_at = ?, updated_at = ? WHERE id = ?""")
                .params(status.name(), comment, byName, utc(at), utc(at), lineId)
                .update();
    }

    public void readdress(UUID lineId, UUID organisation, EvidenceRouting.Basis routing, Instant at) {
        jdbc.sql("""
                        UPDATE assessment_evidence_request_line SET addressee_org_id = ?, routing = ?, updated_at = ?
                        WHERE id = ?""").params(organisation, routing.name(), utc(at), lineId).update();
    }

    /**
     * Moves the line on from the version the caller read (its answer, decision or re-addressing follows in the same
     * transaction); a stale version is a {@link org.yunjian.shared.version.StaleVersionException}. The row stays locked
     * against a concurrent change until the transaction ends.
     */
    public void claim(UUID lineId, long expected, Instant at) {
        int n = jdbc.sql("""
                UPDATE assessment_evidence_request_line SET updated_at = ?, version = version + 1
                WHERE id = ? AND version = ?""").params(utc(at), lineId, expected).update();
        org.yunjian.shared.version.Versions.requireUpdated(
                n, jdbc, "assessment_evidence_request_line", "updated_at", lineId);
    }

    private List<RequestLine> withItems(List<RequestLine> lines) {
        if (lines.isEmpty()) {
            return lines;
        }
        Map<UUID, List<UUID>> items = new HashMap<>();
        Collection<UUID> ids = lines.stream().map(RequestLine::id).toList();
        jdbc.sql("""
                        SELECT ri.line_id, ri.item_id FROM assessment_evidence_request_item ri
                        JOIN assessment_item i ON i.id = ri.item_id WHERE ri.line_id IN (%s) ORDER BY i.position""".formatted(org.yunjian.shared.Jdbc.marks(ids.size())))
                .params(ids.toArray())
                .query((rs, n) -> Map.entry(rs.getObject("line_id", UUID.class), rs.getObject("item_id", UUID.class)))
                .list()
                .forEach(e -> items.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>())
                        .add(e.getValue()));
        return lines.stream()
                .map(l -> new RequestLine(
                        l.id(),
                        l.requestId(),
                        l.assessmentId(),
                        l.position(),
                        l.title(),
                        l.description(),
                        l.dueDate(),
                        l.addresseeOrgId(),
                        l.routing(),
                        l.status(),
                        l.evidenceId(),
                        l.comment(),
                        l.answeredByName(),
                        l.answeredAt(),
                        l.decidedByName(),
                        l.decidedAt(),
                        l.updatedAt(),
                        items.getOrDefault(l.id(), List.of()),
                        l.sentByName(),
                        l.sentAt(),
                        l.version()))
                .toList();
    }

    private RequestLine map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new RequestLine(
                rs.getObject("id", UUID.class),
                rs.getObject("request_id", UUID.class),
                rs.getObject("assessment_id", UUID.class),
                rs.getInt("position"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getObject("due_date", LocalDate.class),
                rs.getObject("addressee_org_id", UUID.class),
                EvidenceRouting.Basis.valueOf(rs.getString("routing")),
                EvidenceRequestStatus.valueOf(rs.getString("status")),
                rs.getObject("evidence_id", UUID.class),
                rs.getString("comment"),
                rs.getString("answered_by_name"),
                instant(rs, "answered_at"),
                rs.getString("decided_by_name"),
                instant(rs, "decided_at"),
                instant(rs, "updated_at"),
                List.of(),
                rs.getString("sent_by_name"),
                instant(rs, "sent_at"),
                rs.getLong("version"));
    }
}
