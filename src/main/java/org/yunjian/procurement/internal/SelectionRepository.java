package org.yunjian.procurement.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.catalog.RequirementId;
import org.yunjian.procurement.Judgement;
import org.yunjian.procurement.ProviderSelection;
import org.yunjian.procurement.ProviderSelection.Candidate;
import org.yunjian.procurement.ProviderSelection.CandidateJudgement;
import org.yunjian.shared.version.VersionedRow;
import org.yunjian.vault.Vault;

/** Portable SQL for a system's provider selection: candidates, judgements, sealed evidence and the decision. */
@Repository
class SelectionRepository {

    private static final RowMapper<Candidate> CANDIDATE = (rs, n) -> new Candidate(
            rs.getObject("id", UUID.class),
            rs.getObject("organisation_id", UUID.class),
            rs.getString("name"),
            rs.getInt("position"),
            rs.getString("added_by"),
            instant(rs, "added_at"));

    private static final RowMapper<SelectionEvidence> EVIDENCE = (rs, n) -> new SelectionEvidence(
            rs.getObject("candidate_id", UUID.class),
            RequirementId.of(rs.getString("criterion")),
            new Vault.Sealed(
                    rs.getObject("id", UUID.class),
                    rs.getString("display_name"),
                    rs.getString("content_type"),
                    rs.getLong("size_bytes"),
                    rs.getString("sm3"),
                    rs.getString("blob_name"),
                    rs.getString("wrapped_key")),
            rs.getString("uploaded_by"),
            instant(rs, "uploaded_at"));

    /** A system's selection as one versioned record (no row: version 0, nothing changed yet). */
    private static final VersionedRow SELECTION = new VersionedRow("lifecycle_selection", "updated_at", "system_id");

    private final JdbcClient jdbc;

    SelectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ProviderSelection load(UUID systemId) {
        List<Candidate> candidates =
                jdbc.sql("""
                SELECT * FROM lifecycle_selection_candidate WHERE system_id = ?
                ORDER BY position""").param(systemId).query(CANDIDATE).list();
        Map<UUID, Map<RequirementId, CandidateJudgement>> judgements = new HashMap<>();
        jdbc.sql("""
                        SELECT j.* FROM lifecycle_selection_judgement j JOIN lifecycle_selection_candidate c
                        ON c.id = j.candidate_id WHERE c.system_id = ?""")
                .param(systemId)
                .query((rs, n) -> new CandidateJudgement(
                        rs.getObject("candidate_id", UUID.class),
                        RequirementId.of(rs.getString("criterion")),
                        Judgement.valueOf(rs.getString("judgement")),
                        rs.getString("note"),
                        rs.getString("judged_by"),
                        instant(rs, "judged_at")))
                .list()
                .forEach(j -> judgements
                        .computeIfAbsent(j.candidate(), k -> new HashMap<>())
                        .put(j.criterion(), j));
        Optional<ProviderSelection.Decision> decision = jdbc.sql("""
                        SELECT * FROM lifecycle_selection_decision
                        WHERE system_id = ?""")
                .param(systemId)
                .query((rs, n) -> new ProviderSelection.Decision(
                        rs.getObject("candidate_id", UUID.class),
                        rs.getString("reasons"),
                        rs.getString("decided_by"),
                        instant(rs, "decided_at")))
                .optional();
        return new ProviderSelection(candidates, judgements, decision.orElse(null));
    }

    /** The selection's stored version (0: never changed). */
    long version(UUID systemId) {
        return jdbc.sql("""
                SELECT version FROM lifecycle_selection WHERE system_id = ?""").param(systemId).query(Long.class).optional().orElse(0L);
    }

    /**
     * Counts a change of the selection over version {@code expected} (the one the caller read); else a
     * stale-version conflict naming when it was changed, and the caller's transaction stores nothing.
     */
    void changed(UUID systemId, long expected, String by, java.time.Instant at) {
        SELECTION.save(
                jdbc,
                List.of("updated_by", "updated_at"),
                new Object[] {by, utc(at)},
                new Object[] {systemId},
                expected);
    }

    void addCandidate(UUID systemId, Candidate c) {
        jdbc.sql("""
                        INSERT INTO lifecycle_selection_candidate (id, system_id, organisation_id, name, position, added_by,
                        added_at) VALUES (?,?,?,?,?,?,?)""")
                .params(c.id(), systemId, c.organisation(), c.name(), c.position(), c.addedBy(), utc(c.addedAt()))
                .update();
    }

    void removeCandidate(UUID candidate) {
        jdbc.sql("""
                DELETE FROM lifecycle_selection_candidate WHERE id = ?""").param(candidate).update();
    }

    void saveJudgement(CandidateJudgement j) {
        int n = jdbc.sql("""
                        UPDATE lifecycle_selection_judgement SET judgement = ?, note = ?, judged_by = ?,
                        judged_at = ? WHERE candidate_id = ? AND criterion = ?""")
                .params(
                        j.judgement().name(),
                        j.note(),
                        j.judgedBy(),
                        utc(j.judgedAt()),
                        j.candidate(),
                        j.criterion().value())
                .update();
        if (n == 0) {
            jdbc.sql("""
                            INSERT INTO lifecycle_selection_judgement (candidate_id, criterion, judgement, note, judged_by,
                            judged_at) VALUES (?,?,?,?,?,?)""")
                    .params(
                            j.candidate(),
                            j.criterion().value(),
                            j.judgement().name(),
                            j.note(),
                            j.judgedBy(),
                            utc(j.judgedAt()))
                    .update();
        }
    }

    void saveDecision(UUID systemId, ProviderSelection.Decision d) {
        jdbc.sql("""
                DELETE FROM lifecycle_selection_decision WHERE system_id = ?""").param(systemId).update();
        jdbc.sql("""
                        INSERT INTO lifecycle_selection_decision (system_id, candidate_id, reasons, decided_by, decided_at)
                        VALUES (?,?,?,?,?)""")
                .params(systemId, d.candidate(), d.reasons(), d.decidedBy(), utc(d.decidedAt()))
                .update();
    }

    void addEvidence(SelectionEvidence e) {
        Vault.Sealed s = e.sealed();
        jdbc.sql("""
                        INSERT INTO lifecycle_selection_evidence (id, candidate_id, criterion, display_name, content_type,
                        size_bytes, sm3, blob_name, wrapped_key, uploaded_by, uploaded_at)
                        VALUES (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        s.id(),
                        e.candidate(),
                        e.criterion().value(),
                        s.displayName(),
                        s.contentType(),
                        s.size(),
                        s.sm3(),
                        s.blob(),
                        s.wrappedKey(),
                        e.uploadedBy(),
                        utc(e.uploadedAt()))
                .update();
    }

    /** The evidence of a system's candidates, oldest first. */
    List<SelectionEvidence> evidence(UUID systemId) {
        return jdbc.sql("""
                SELECT e.* FROM lifecycle_selection_evidence e JOIN lifecycle_selection_candidate c
                ON c.id = e.candidate_id WHERE c.system_id = ? ORDER BY e.uploaded_at, e.id""").param(systemId).query(EVIDENCE).list();
    }

    /** Whether a candidate has evidence (it cannot be removed then: evidence is kept). */
    boolean hasEvidence(UUID candidate) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM lifecycle_selection_evidence WHERE candidate_id = ?""").param(candidate).query(Long.class).single() > 0;
    }
}
