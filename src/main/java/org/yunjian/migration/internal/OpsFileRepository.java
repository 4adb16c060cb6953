package org.yunjian.migration.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.vault.Vault;

/**
 * The sealed files of acceptance tests and provider reports: the {@link Vault} checks, hashes and encrypts
 * them; this keeps their metadata, by the object they belong to. Files are never changed once stored.
 */
@Repository
public class OpsFileRepository {

    /** What a file belongs to. */
    public enum Owner {
        ACCEPTANCE,
        REPORT
    }

    private static final RowMapper<Vault.Sealed> SEALED = (rs, n) -> new Vault.Sealed(
            rs.getObject("id", UUID.class),
            rs.getString("display_name"),
            rs.getString("content_type"),
            rs.getLong("size_bytes"),
            rs.getString("sm3"),
            rs.getString("blob_name"),
            rs.getString("wrapped_key"));

    private final JdbcClient jdbc;
    private final Vault vault;
    private final Clock clock;

    OpsFileRepository(JdbcClient jdbc, Vault vault, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
    }

    /** An upload as a file to seal, as the person sent it. */
    public record Upload(String name, byte[] content) {}

    /** Checks and seals each upload; a refused one throws a field error for {@code field} and nothing is kept. */
    public List<Vault.Sealed> seal(String field, List<Upload> uploads) {
        return uploads.stream()
                .map(u -> vault.seal(field, u.name(), u.content()))
                .toList();
    }

    void store(UUID systemId, Owner kind, UUID ownerId, Vault.Sealed s, String by) {
        jdbc.sql("""
                        INSERT INTO lifecycle_ops_file (id, system_id, owner_kind, owner_id, display_name, content_type,
                        size_bytes, sm3, blob_name, wrapped_key, uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        s.id(),
                        systemId,
                        kind.name(),
                        ownerId,
                        s.displayName(),
                        s.contentType(),
                        s.size(),
                        s.sm3(),
                        s.blob(),
                        s.wrappedKey(),
                        by,
                        utc(clock.instant()))
                .update();
    }

    List<Vault.Sealed> of(UUID systemId, Owner kind, UUID ownerId) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_ops_file WHERE system_id = ? AND owner_kind = ? AND owner_id = ?
                ORDER BY uploaded_at, display_name""")
                .params(systemId, kind.name(), ownerId)
                .query(SEALED)
                .list();
    }

    /** A file of the system with what it belongs to. */
    record Found(Owner kind, UUID ownerId, Vault.Sealed sealed) {}

    Optional<Found> find(UUID systemId, UUID fileId) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_ops_file WHERE system_id = ? AND id = ?""")
                .params(systemId, fileId)
                .query((rs, n) -> new Found(
                        Owner.valueOf(rs.getString("owner_kind")),
                        rs.getObject("owner_id", UUID.class),
                        SEALED.mapRow(rs, n)))
                .optional();
    }

    byte[] open(Vault.Sealed s) {
        return vault.open(s);
    }
}
