package org.yunjian.evidence.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.evidence.RequestRecords.EvidenceLink;

/** Evidence ↔ item links (also into later assessments) and evidence validity dates. */
@Repository
public class EvidenceLinkRepository {

    private static final String ASSESSMENTS_OF = """
                    SELECT DISTINCT assessment_id FROM assessment_evidence_link WHERE evidence_id = ?""";

    private final JdbcClient jdbc;

    EvidenceLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID evidenceId, UUID itemId, UUID assessmentId, UUID by, String byName, Instant at) {
        jdbc.sql("""
                        INSERT INTO assessment_evidence_link (evidence_id, item_id, assessment_id, linked_by, linked_by_name,
                        linked_at) VALUES (?,?,?,?,?,?)""")
                .params(evidenceId, itemId, assessmentId, by, byName, utc(at))
                .update();
    }

    int delete(UUID evidenceId, UUID itemId) {
        return jdbc.sql("""
                DELETE FROM assessment_evidence_link WHERE evidence_id = ? AND item_id = ?""").params(evidenceId, itemId).update();
    }

    List<EvidenceLink> linksOf(UUID evidenceId) {
        return jdbc.sql("""
                        SELECT l.* FROM assessment_evidence_link l JOIN assessment_item i ON i.id = l.item_id
                        WHERE l.evidence_id = ? ORDER BY l.linked_at, i.position""").param(evidenceId).query(LINK).list();
    }

    /** The assessments the evidence belongs to: the one it was uploaded in first, then those it was carried into. */
    public List<UUID> assessmentsOf(UUID evidenceId, UUID home) {
        LinkedHashSet<UUID> out = new LinkedHashSet<>();
        out.add(home);
        out.addAll(jdbc.sql(ASSESSMENTS_OF).param(evidenceId).query(UUID.class).list());
        return new ArrayList<>(out);
    }

    Optional<LocalDate> validUntil(UUID evidenceId) {
        return jdbc.sql("""
                SELECT valid_until FROM assessment_evidence WHERE id = ?""")
                .param(evidenceId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("valid_until", LocalDate.class)))
                .optional()
                .flatMap(o -> o);
    }

    public void setValidUntil(UUID evidenceId, LocalDate date) {
        jdbc.sql("""
                UPDATE assessment_evidence SET valid_until = ? WHERE id = ?""").params(date, evidenceId).update();
    }

    /** Ids of the evidence of earlier assessments of the system (created before {@code than}), newest first. */
    List<UUID> evidenceOfEarlierAssessments(UUID systemId, UUID than) {
        return jdbc.sql("""
                        SELECT e.id FROM assessment_evidence e JOIN assessment a ON a.id = e.assessment_id
                        JOIN assessment t ON t.id = ? WHERE a.system_id = ? AND a.id <> t.id
                        AND a.created_at <= t.created_at ORDER BY e.created_at DESC, e.id""").params(than, systemId).query(UUID.class).list();
    }

    private static final RowMapper<EvidenceLink> LINK = (rs, n) -> new EvidenceLink(
            rs.getObject("evidence_id", UUID.class),
            rs.getObject("item_id", UUID.class),
            rs.getObject("assessment_id", UUID.class),
            rs.getString("linked_by_name"),
            instant(rs, "linked_at"));
}
