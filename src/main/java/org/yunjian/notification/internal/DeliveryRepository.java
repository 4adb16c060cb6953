package org.yunjian.notification.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rows of {@code notification_delivery}: written before a try, claimed, then recorded sent or failed. */
final class DeliveryRepository {

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id,
            String channel,
            UUID user,
            UUID webhook,
            UUID organization,
            UUID taskId,
            String kind,
            String args,
            String href,
            String groupKey,
            String status,
            Instant now) {
        jdbc.sql("""
                INSERT INTO notification_delivery (id, channel, user_id, webhook_id, organization_id, task_id, kind,
                args, href, group_key, status, attempts, next_attempt_at, created_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,0,?,?)""")
                .params(
                        id,
                        channel,
                        user,
                        webhook,
                        organization,
                        taskId,
                        kind,
                        args,
                        href,
                        groupKey,
                        status,
                        utc(now),
                        utc(now))
                .update();
    }

    /** A prepared mail's row: to whom, what it says, whose organisation lists it. */
    void insertMail(
            UUID id, String recipient, String subject, String body, UUID organization, String status, Instant now) {
        jdbc.sql("""
                INSERT INTO notification_delivery (id, channel, organization_id, recipient, subject, body, status,
                attempts, next_attempt_at, created_at)
                VALUES (?,'MAIL',?,?,?,?,?,0,?,?)""")
                .params(id, organization, recipient, subject, body, status, utc(now), utc(now))
                .update();
    }

    /** Whether the robot was sent a message of the group since {@code since}. */
    boolean robotHeardOfGroup(UUID webhook, String groupKey, Instant since) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notification_delivery WHERE webhook_id = ? AND group_key = ? AND created_at > ?""")
                        .params(webhook, groupKey, utc(since))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** At most 200 rows in {@code status} due at {@code now}, the longest waiting first. */
    List<UUID> due(String status, Instant now) {
        return jdbc.sql("""
                SELECT id FROM notification_delivery WHERE status = ? AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id LIMIT 200""").params(status, utc(now)).query(UUID.class).list();
    }

    <T> Optional<T> find(UUID id, RowMapper<T> rows) {
        return jdbc.sql("""
                SELECT * FROM notification_delivery WHERE id = ?""").param(id).query(rows).optional();
    }

    /**
     * Counts one more try and leaves the row alone until {@code until}; 1 when this caller claimed it. Only a row
     * still due at {@code now}: a run that read the row just after another claimed it (the count already one up)
     * must not claim it a second time and send it twice.
     */
    int claim(UUID id, String status, int attempts, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE notification_delivery SET attempts = attempts + 1, next_attempt_at = ?
                WHERE id = ? AND status = ? AND attempts = ? AND next_attempt_at <= ?""").params(utc(until), id, status, attempts, utc(now)).update();
    }

    void sent(UUID id, String status, Instant at) {
        jdbc.sql("""
                UPDATE notification_delivery SET status = ?, finished_at = ?, last_error = NULL, body = NULL
                WHERE id = ?""").params(status, utc(at), id).update();
    }

    void finish(UUID id, String status, Instant at, String lastError) {
        jdbc.sql("""
                UPDATE notification_delivery SET status = ?, finished_at = ?, last_error = ?, body = NULL
                WHERE id = ?""").params(status, utc(at), lastError, id).update();
    }

    void retryAt(UUID id, Instant at, String lastError) {
        jdbc.sql("""
                UPDATE notification_delivery SET next_attempt_at = ?, last_error = ? WHERE id = ?""").params(utc(at), lastError, id).update();
    }
}
