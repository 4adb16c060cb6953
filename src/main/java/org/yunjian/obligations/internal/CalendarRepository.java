package org.yunjian.obligations.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.shared.Jdbc;

/**
 * The obligations calendar's rows (a person's e-mail address is the person's: {@code party_email_address}, kept by
 * {@link org.yunjian.party.EmailAddresses}): {@code lifecycle_reminder_sent} (one row per obligation, due date and address a reminder went to) and
 * {@code lifecycle_calendar_feed} (one feed token, hashed, per person).
 */
public final class CalendarRepository {

    private final JdbcClient jdbc;

    public CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
