package org.yunjian.party.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.party.PersonEmail;
import org.yunjian.shared.Jdbc;

/**
 * A person's e-mail address: {@code party_email_address} (one confirmed address per person) and
 * {@code party_email_address_pending} (one address per person waiting for confirmation, its link's hash).
 */
final class EmailAddressRepository {

    private final JdbcClient jdbc;

    EmailAddressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> address(UUID userId) {
        return jdbc.sql("""
                SELECT email FROM party_email_address WHERE user_id = ?""").param(userId).query(String.class).optional();
    }

    /** Removes the person's address; 0 when there was none. */
    int deleteAddress(UUID userId) {
        return jdbc.sql("""
                DELETE FROM party_email_address WHERE user_id = ?""").param(userId).update();
    }

    void insertAddress(UUID userId, String email, Instant setAt) {
        jdbc.sql("""
                INSERT INTO party_email_address (user_id, email, set_at) VALUES (?,?,?)""").params(userId, email, utc(setAt)).update();
    }

    /** The person's confirmed and waiting addresses. */
    PersonEmail state(UUID userId) {
        String confirmed = address(userId).orElse(null);
        return jdbc.sql("""
                SELECT email, requested_at, expires_at FROM party_email_address_pending WHERE user_id = ?""")
                .param(userId)
                .query((rs, n) -> new PersonEmail(
                        confirmed,
                        rs.getString("email"),
                        Jdbc.instant(rs, "requested_at"),
                        Jdbc.instant(rs, "expires_at")))
                .optional()
                .orElse(new PersonEmail(confirmed, null, null, null));
    }

    /** Removes the person's waiting address; 0 when there was none. */
    int deletePending(UUID userId) {
        return jdbc.sql("""
                DELETE FROM party_email_address_pending WHERE user_id = ?""").param(userId).update();
    }

    void insertPending(UUID userId, String email, String tokenHash, Instant requestedAt, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO party_email_address_pending (user_id, email, token_hash, requested_at, expires_at)
                VALUES (?,?,?,?,?)""")
                .params(userId, email, tokenHash, utc(requestedAt), utc(expiresAt))
                .update();
    }

    /** A waiting address found by its link's hash. */
    record Pending(UUID userId, String email, String tokenHash, Instant expiresAt) {}

    /** The waiting addresses whose link hashes to {@code tokenHash} (at most one). */
    List<Pending> pendingWithHash(String tokenHash) {
        return jdbc.sql("""
                SELECT user_id, email, token_hash, expires_at FROM party_email_address_pending
                WHERE token_hash = ?""")
                .param(tokenHash)
                .query((rs, n) -> new Pending(
                        rs.getObject("user_id", UUID.class),
                        rs.getString("email"),
                        rs.getString("token_hash"),
                        Jdbc.instant(rs, "expires_at")))
                .list();
    }

    /**
     * Takes the person's waiting address with this link hash if the link still works at {@code now}: one conditional
     * delete, so two tabs confirming at once confirm once. Returns whether it was taken.
     */
    boolean takePending(UUID userId, String tokenHash, Instant now) {
        return jdbc.sql("""
                DELETE FROM party_email_address_pending WHERE user_id = ? AND token_hash = ? AND expires_at > ?""").params(userId, tokenHash, utc(now)).update() == 1;
    }

    /** Every confirmed address: person → e-mail. */
    List<Map.Entry<UUID, String>> addresses() {
        return jdbc.sql("""
                SELECT user_id, email FROM party_email_address""")
                .query((rs, n) -> Map.entry(rs.getObject("user_id", UUID.class), rs.getString("email")))
                .list();
    }
}
