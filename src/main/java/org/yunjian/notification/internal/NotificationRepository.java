package org.yunjian.notification.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rows of {@code notification}: one per person and task, read or unread, gathered into a digest or not. */
final class NotificationRepository {

    /** The unread ones only: a fragment of {@link #PAGE} and {@link #COUNT}. */
    private static final String UNREAD_ONLY = """
            AND read_at IS NULL""";

    private static final String COUNT = """
            SELECT COUNT(*) FROM notification WHERE user_id = ? %s""";
    private static final String PAGE = """
            SELECT id, kind, args, href, created_at, read_at FROM notification WHERE user_id = ? %s
            ORDER BY CASE WHEN read_at IS NULL THEN 0 ELSE 1 END, created_at DESC, id LIMIT ? OFFSET ?""";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count(UUID user, boolean unreadOnly) {
        return jdbc.sql(COUNT.formatted(unreadOnly ? UNREAD_ONLY : ""))
                .param(user)
                .query(Long.class)
                .single();
    }

    <T> List<T> page(UUID user, boolean unreadOnly, int size, long offset, RowMapper<T> rows) {
        return jdbc.sql(PAGE.formatted(unreadOnly ? UNREAD_ONLY : ""))
                .params(user, size, offset)
                .query(rows)
                .list();
    }

    Optional<String> href(UUID id, UUID user) {
        return jdbc.sql("""
                SELECT href FROM notification WHERE id = ? AND user_id = ?""").params(id, user).query(String.class).optional();
    }

    void markRead(UUID id, Instant at) {
        jdbc.sql("""
                UPDATE notification SET read_at = ? WHERE id = ? AND read_at IS NULL""").params(utc(at), id).update();
    }

    int markAllRead(UUID user, Instant at) {
        return jdbc.sql("""
                UPDATE notification SET read_at = ? WHERE user_id = ? AND read_at IS NULL""").params(utc(at), user).update();
    }

    /** A closed task's unread notifications count as read. */
    void markTaskRead(UUID taskId, Instant at) {
        jdbc.sql("""
                UPDATE notification SET read_at = ? WHERE task_id = ?
                AND read_at IS NULL""").params(utc(at), taskId).update();
    }

    /** Records a task's notification for one person unless it has one; 1 when recorded. */
    int insertUnlessPresent(
            UUID userId, UUID taskId, String scope, String kind, String args, String href, Instant createdAt) {
        return jdbc.sql("""
                INSERT INTO notification (id, user_id, task_id, scope, kind, args, href,
                created_at) SELECT ?,?,?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM notification
                WHERE task_id = ? AND user_id = ?)""")
                .params(UUID.randomUUID(), userId, taskId, scope, kind, args, href, utc(createdAt), taskId, userId)
                .update();
    }

    /** The notifications gathered into one digest, oldest first. */
    <T> List<T> ofDigest(UUID digestId, RowMapper<T> rows) {
        return jdbc.sql("""
                SELECT kind, args, href FROM notification WHERE digest_id = ? ORDER BY created_at, id""").param(digestId).query(rows).list();
    }

    /** The people who chose a digest and have unread notifications in none yet. */
    List<UUID> awaitingDigest() {
        return jdbc.sql("""
                SELECT DISTINCT n.user_id FROM notification n JOIN notification_setting s
                ON s.user_id = n.user_id WHERE s.email_mode = 'DIGEST' AND n.digest_id IS NULL
                AND n.read_at IS NULL""").query(UUID.class).list();
    }

    void gatherIntoDigest(UUID user, UUID digestId) {
        jdbc.sql("""
                UPDATE notification SET digest_id = ? WHERE user_id = ? AND digest_id IS NULL AND read_at IS NULL""").params(digestId, user).update();
    }
}
