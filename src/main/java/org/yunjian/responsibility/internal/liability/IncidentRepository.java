package org.yunjian.responsibility.internal.liability;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.shared.paging.PageQueries;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/** Hand-written, portable SQL for recorded incidents. A record is inserted once and never updated. */
@Repository
public class IncidentRepository {

    /**
     * An incident recorded against a system, with its analysis as it stood when recorded.
     *
     * @param incident  the Annex B incident (catalog id)
     * @param reference the recorder's own reference (ticket, report number), or null
     */
    public record IncidentRecord(
            UUID id,
            UUID systemId,
            String incident,
            Instant occurredAt,
            String title,
            String description,
            String reference,
            LiabilityAnalysis analysis,
            String recordedBy,
            UUID recordedOrg,
            Instant recordedAt) {}

    private static final RowMapper<IncidentRecord> RECORD = (rs, n) -> new IncidentRecord(
            rs.getObject("id", UUID.class),
            rs.getObject("system_id", UUID.class),
            rs.getString("incident_code"),
            instant(rs, "occurred_at"),
            rs.getString("title"),
            rs.getString("description"),
            rs.getString("reference"),
            LiabilityAnalysis.read(rs.getString("analysis")),
            rs.getString("recorded_by"),
            rs.getObject("recorded_org", UUID.class),
            instant(rs, "recorded_at"));

    private static final String ORDER = """
            occurred_at DESC, recorded_at DESC, id""";

    private final JdbcClient jdbc;

    IncidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(IncidentRecord r) {
        jdbc.sql("""
                        INSERT INTO responsibility_incident (id, system_id, incident_code, occurred_at, title, description,
                        reference, matrix_version, schema_version, analysis, recorded_by, recorded_org, recorded_at)
                        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        r.id(),
                        r.systemId(),
                        r.incident(),
                        utc(r.occurredAt()),
                        r.title(),
                        r.description(),
                        r.reference(),
                        r.analysis().matrixVersion(),
                        LiabilityAnalysis.SCHEMA,
                        r.analysis().json(),
                        r.recordedBy(),
                        r.recordedOrg(),
                        utc(r.recordedAt()))
                .update();
    }

    /**
     * One page of a system's incidents whose title, reference or incident number contains {@code text} (null =
     * any), the latest occurrence first, with their total (ADR 009).
     */
    Paged<IncidentRecord> page(UUID systemId, String text, PageRequest page) {
        return PageQueries.query(
                jdbc, "*", "responsibility_incident", where(systemId, text), ORDER, page, statement -> statement
                        .query(RECORD)
                        .list());
    }

    /** All of a system's incidents matching {@code text}, for a caller who sees only some of them. */
    List<IncidentRecord> matching(UUID systemId, String text) {
        PageQueries.Where where = where(systemId, text);
        return jdbc.sql("""
                SELECT * FROM responsibility_incident%s ORDER BY %s""".formatted(where.sql(), ORDER))
                .params(where.params())
                .query(RECORD)
                .list();
    }

    private static PageQueries.Where where(UUID systemId, String text) {
        return new PageQueries.Where()
                .and("system_id = :system", "system", systemId)
                .contains("q", text, "title", "reference", "incident_code");
    }

    /** A system's incidents, the latest occurrence first. */
    List<IncidentRecord> bySystem(UUID systemId) {
        return jdbc.sql("""
                SELECT * FROM responsibility_incident WHERE system_id = ? ORDER BY occurred_at DESC,
                recorded_at DESC""").param(systemId).query(RECORD).list();
    }

    Optional<IncidentRecord> find(UUID systemId, UUID id) {
        return jdbc.sql("""
                SELECT * FROM responsibility_incident WHERE system_id = ? AND id = ?""").params(systemId, id).query(RECORD).optional();
    }
}
