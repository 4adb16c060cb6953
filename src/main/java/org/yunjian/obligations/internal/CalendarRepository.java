package org.yunjian.obligations.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.obligations.ReminderAddress;
import org.yunjian.shared.Jdbc;

/**
 * The obligations calendar's rows: {@code lifecycle_reminder_address} (one confirmed e-mail address per person),
 * {@code lifecycle_reminder_address_pending} (one address per person waiting for confirmation, its link's hash),
 * {@code lifecycle_reminder_sent} (one row per obligation, due date and address a reminder went to) and
 * {@code lifecycle_calendar_feed} (one feed token, hashed, per person).
 */
public final class CalendarRepository {

    private final JdbcClient jdbc;

    public CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> address(UUID userId) {
        return jdbc.sql("""
                SELECT email FROM lifecycle_reminder_address WHERE user_id = ?""").param(userId).query(String.class).optional();
    }

    /** Removes the person's address; 0 when there was none. */
    int deleteAddress(UUID userId) {
        return jdbc.sql("""
                DELETE FROM lifecycle_reminder_address WHERE user_id = ?""").param(userId).update();
    }

    void insertAddress(UUID userId, String email, Instant setAt) {
        jdbc.sql("""
                INSERT INTO lifecycle_reminder_address (user_id, email, set_at) VALUES (?,?,?)""").params(userId, email, utc(setAt)).update();
    }

    /** The person's confirmed and waiting addresses. */
    ReminderAddress state(UUID userId) {
        String confirmed = address(userId).orElse(null);
        return jdbc.sql("""
                SELECT email, requested_at, expires_at FROM lifecycle_reminder_address_pending WHERE user_id = ?""")
                .param(userId)
                .query((rs, n) -> new ReminderAddress(
                        confirmed,
                        rs.getString("email"),
                        Jdbc.instant(rs, "requested_at"),
                        Jdbc.instant(rs, "expires_at")))
                .optional()
                .orElse(new ReminderAddress(confirmed, null, null, null));
    }

    /** Removes the person's waiting address; 0 when there was none. */
    int deletePending(UUID userId) {
        return jdbc.sql("""
                DELETE FROM lifecycle_reminder_address_pending WHERE user_id = ?""").param(userId).update();
    }

    void insertPending(UUID userId, String email, String tokenHash, Instant requestedAt, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO lifecycle_reminder_address_pending (user_id, email, token_hash, requested_at, expires_at)
                VALUES (?,?,?,?,?)""")
                .params(userId, email, tokenHash, utc(requestedAt), utc(expiresAt))
                .update();
    }

    /** A waiting address found by its link's hash. */
    record Pending(UUID userId, String email, String tokenHash, Instant expiresAt) {}

    /** The waiting addresses whose link hashes to {@code tokenHash} (at most one). */
    List<Pending> pendingWithHash(String tokenHash) {
        return jdbc.sql("""
                SELECT user_id, email, token_hash, expires_at FROM lifecycle_reminder_address_pending
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
                DELETE FROM lifecycle_reminder_address_pending WHERE user_id = ? AND token_hash = ? AND expires_at > ?""").params(userId, tokenHash, utc(now)).update() == 1;
    }

    /** Every confirmed address: person → e-mail. */
    List<Map.Entry<UUID, String>> addresses() {
        return jdbc.sql("""
                SELECT user_id, email FROM lifecycle_reminder_address""")
                .query((rs, n) -> Map.entry(rs.getObject("user_id", UUID.class), rs.getString("email")))
                .list();
    }

    boolean sent(UUID obligationId, LocalDate due, String recipient) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM lifecycle_reminder_sent WHERE obligation_id = ?
                AND due_date = ? AND recipient = ?""")
                        .params(obligationId, due, recipient)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void recordSent(UUID obligationId, LocalDate due, String recipient, UUID userId, Instant at) {
        jdbc.sql("""
                INSERT INTO lifecycle_reminder_sent (obligation_id, due_date, recipient, user_id, sent_at)
                VALUES (?,?,?,?,?)""").params(obligationId, due, recipient, userId, utc(at)).update();
    }

    /** When the person's feed token was created, if they have one. */
    Optional<Instant> feedCreated(UUID userId) {
        return jdbc.sql("""
                SELECT created_at FROM lifecycle_calendar_feed WHERE user_id = ?""")
                .param(userId)
                .query((rs, n) -> Jdbc.instant(rs, "created_at"))
                .optional();
    }

    /** Removes the person's feed token; 0 when there was none. */
    int deleteFeed(UUID userId) {
        return jdbc.sql("""
                DELETE FROM lifecycle_calendar_feed WHERE user_id = ?""").param(userId).update();
    }

    void insertFeed(UUID userId, String tokenHash, Instant createdAt) {
        jdbc.sql("""
                INSERT INTO lifecycle_calendar_feed (user_id, token_hash, created_at) VALUES (?,?,?)""").params(userId, tokenHash, utc(createdAt)).update();
    }

    /** The feeds whose token hashes to {@code tokenHash}: person → stored hash. */
    List<Map.Entry<UUID, String>> feedsWithHash(String tokenHash) {
        return jdbc.sql("""
                SELECT user_id, token_hash FROM lifecycle_calendar_feed WHERE token_hash = ?""")
                .param(tokenHash)
                .query((rs, n) -> Map.entry(rs.getObject("user_id", UUID.class), rs.getString("token_hash")))
                .list();
    }
}
