package org.yunjian.evidence.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.shared.version.Versions;

/**
 * The writes of the evidence files' rows ({@code assessment_evidence}, its key {@code assessment_evidence_key} and
 * its first link): the evidence module is their one writer.
 */
@Repository
public class EvidenceFileRepository {

    private final JdbcClient jdbc;

    EvidenceFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertEvidence(EvidenceInfo e, String wrappedKey, int keyVersion) {
        jdbc.sql("""
                        INSERT INTO assessment_evidence (id, item_id, assessment_id, display_name, content_type, size_bytes,
                        sm3, blob_name, uploaded_by, uploaded_by_name, owner_org_id, shared_with_provider, created_at)
                        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        e.id(),
                        e.itemId(),
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
                        utc(e.createdAt()))
                .update();
        jdbc.sql("""
                INSERT INTO assessment_evidence_key (evidence_id, wrapped_key, key_version) VALUES (?,?,?)""").params(e.id(), wrappedKey, keyVersion).update();
        // the item it was uploaded for is its first link (EvidenceLinks adds more)
        jdbc.sql("""
                        INSERT INTO assessment_evidence_link (evidence_id, item_id, assessment_id, linked_by, linked_by_name,
                        linked_at) VALUES (?,?,?,?,?,?)""")
                .params(e.id(), e.itemId(), e.assessmentId(), e.uploadedBy(), e.uploadedByName(), utc(e.createdAt()))
                .update();
    }

    public Optional<String> wrappedKey(UUID evidenceId) {
        return jdbc.sql("""
                SELECT wrapped_key FROM assessment_evidence_key WHERE evidence_id = ?""").param(evidenceId).query(String.class).optional();
    }

    public void setShared(UUID evidenceId, boolean shared) {
        jdbc.sql("""
                UPDATE assessment_evidence SET shared_with_provider = ? WHERE id = ?""").params(shared, evidenceId).update();
    }

    /**
     * Moves the evidence's metadata (validity, sharing, links) on from the version the caller read: one version per
     * evidence record; a stale one is a {@link org.yunjian.shared.version.StaleVersionException}.
     */
    public void claimEvidence(UUID evidenceId, long expected, Instant now) {
        int n = jdbc.sql("""
                UPDATE assessment_evidence SET updated_at = ?, version = version + 1
                WHERE id = ? AND version = ?""").params(utc(now), evidenceId, expected).update();
        Versions.requireUpdated(n, jdbc, "assessment_evidence", "updated_at", evidenceId);
    }

    /** Deletes the key row (the cryptographic erasure) and then the metadata. */
    public void deleteEvidence(UUID evidenceId) {
        jdbc.sql("""
                DELETE FROM assessment_evidence_key WHERE evidence_id = ?""").param(evidenceId).update();
        jdbc.sql("""
                DELETE FROM assessment_evidence WHERE id = ?""").param(evidenceId).update();
    }

    /** One evidence file (its upload row). */
    public Optional<EvidenceInfo> evidence(UUID id) {
        return jdbc.sql("""
                SELECT * FROM assessment_evidence WHERE id = ?""").param(id).query(EVIDENCE).optional();
    }

    private static final RowMapper<EvidenceInfo> EVIDENCE = (rs, n) -> EvidenceInfo.of(rs);
}
