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
            SELECT id, kind, args, href, group_count, created_at, read_at FROM notification WHERE user_id = ? %s
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
                UPDATE notification SET read_at = COALESCE(read_at, ?), closed_unread = FALSE WHERE id = ?""").params(utc(at), id).update();
    }

    int markAllRead(UUID user, Instant at) {
        return jdbc.sql("""
                UPDATE notification SET read_at = ? WHERE user_id = ? AND read_at IS NULL""").params(utc(at), user).update();
    }

    /** A closed task's unread notifications count as read (closed before they were read). */
    void markTaskRead(UUID taskId, Instant at) {
        jdbc.sql("""
                UPDATE notification SET read_at = ?, closed_unread = TRUE WHERE task_id = ?
                AND read_at IS NULL""").params(utc(at), taskId).update();
    }

    /**
     * The person's notification with the same text and link since {@code since} that still waits or whose task
     * closed before it was read, if any.
     */
    Optional<UUID> sameNews(UUID userId, String kind, String args, String href, Instant since) {
        return jdbc.sql("""
                SELECT id FROM notification WHERE user_id = ? AND kind = ? AND args = ? AND href = ?
                AND created_at > ? AND (read_at IS NULL OR closed_unread = TRUE) ORDER BY created_at DESC, id LIMIT 1""")
                .params(userId, kind, args, href, utc(since))
                .query(UUID.class)
                .optional();
    }

    /** The notification now stands for {@code taskId}, unread. */
    void repoint(UUID id, UUID taskId, String scope) {
        jdbc.sql("""
                UPDATE notification SET task_id = ?, scope = ?, read_at = NULL, closed_unread = FALSE WHERE id = ?""").params(taskId, scope, id).update();
    }

    /** A notification of a group whose task closed before its reader read it. */
    record Closed(UUID id, Instant createdAt) {}

    Optional<Closed> closedUnread(UUID userId, String groupKey) {
        return jdbc.sql("""
                SELECT id, created_at FROM notification WHERE user_id = ? AND group_key = ? AND closed_unread = TRUE
                ORDER BY created_at DESC, id LIMIT 1""")
                .params(userId, groupKey)
                .query((rs, n) ->
                        new Closed(rs.getObject("id", UUID.class), org.yunjian.shared.Jdbc.instant(rs, "created_at")))
                .optional();
    }

    /**
     * The group's next task takes over a notification whose task closed before it was read: unread again, for the
     * new task, counting one.
     */
    void takeOver(UUID id, UUID taskId, String scope, String kind, String args, String href, Instant at) {
        jdbc.sql("""
                UPDATE notification SET task_id = ?, scope = ?, kind = ?, args = ?, href = ?, created_at = ?,
                read_at = NULL, closed_unread = FALSE, group_count = 1, digest_id = NULL WHERE id = ?""").params(taskId, scope, kind, args, href, utc(at), id).update();
    }

    /**
     * Records a task's notification for one person unless it has one; 1 when recorded. {@code groupKey} and
     * {@code daily} are the task's group, if any.
     */
    int insertUnlessPresent(
            UUID userId,
            UUID taskId,
            String scope,
            String kind,
            String args,
            String href,
            String groupKey,
            boolean daily,
            Instant createdAt) {
        return jdbc.sql("""
                INSERT INTO notification (id, user_id, task_id, scope, kind, args, href, group_key, daily,
                created_at) SELECT ?,?,?,?,?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM notification
                WHERE task_id = ? AND user_id = ?)""")
                .params(
                        UUID.randomUUID(),
                        userId,
                        taskId,
                        scope,
                        kind,
                        args,
                        href,
                        groupKey,
                        daily,
                        utc(createdAt),
                        taskId,
                        userId)
                .update();
    }

    /**
     * Adds a task to the person's unread notification of its group, if there is one (the oldest); 1 when added — the
     * person is not notified again.
     */
    int joinUnreadGroup(UUID userId, String groupKey) {
        return jdbc.sql("""
                UPDATE notification SET group_count = group_count + 1 WHERE id = (SELECT id FROM notification
                WHERE user_id = ? AND group_key = ? AND read_at IS NULL ORDER BY created_at, id LIMIT 1)""").params(userId, groupKey).update();
    }

    /** The notifications gathered into one digest, oldest first. */
    <T> List<T> ofDigest(UUID digestId, RowMapper<T> rows) {
        return jdbc.sql("""
                SELECT kind, args, href, group_count FROM notification WHERE digest_id = ? ORDER BY created_at, id""").param(digestId).query(rows).list();
    }

    /**
     * The people with unread notifications in no digest yet that a digest carries: all of theirs for those who chose
     * the digest, the daily (bulk) ones for those who get e-mail at once.
     */
    List<UUID> awaitingDigest() {
        return jdbc.sql("""
                SELECT DISTINCT n.user_id FROM notification n JOIN notification_setting s
                ON s.user_id = n.user_id WHERE n.digest_id IS NULL AND n.read_at IS NULL
                AND (s.email_mode = 'DIGEST' OR (s.email_mode = 'IMMEDIATE' AND n.daily = TRUE))""").query(UUID.class).list();
    }

    /** Gathers the person's unread notifications in no digest yet into one ({@code dailyOnly}: the bulk ones). */
    void gatherIntoDigest(UUID user, UUID digestId, boolean dailyOnly) {
        jdbc.sql("""
                UPDATE notification SET digest_id = ? WHERE user_id = ? AND digest_id IS NULL AND read_at IS NULL
                AND (daily = TRUE OR ? = FALSE)""").params(digestId, user, dailyOnly).update();
    }
}
