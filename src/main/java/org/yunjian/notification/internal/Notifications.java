package org.yunjian.notification.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.Jdbc;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.Texts;

/**
 * The caller's in-application notifications: the unread count (the bell), the list newest first, mark one or all
 * read. Each reads in the caller's language at the time it is read. Nobody sees another person's notifications: a
 * notification of someone else is unknown (404).
 */
@Service
public class Notifications {

    /** One notification as its reader sees it. */
    public record NotificationItem(UUID id, String text, String href, Instant createdAt, boolean read) {
    }

    private static final String MARK_READ = "UPDATE notification SET read_at = ? WHERE id = ? AND read_at IS NULL";

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = ? AND read_at IS NULL")
                .param(CurrentUser.require().userId()).query(Long.class).single();
    }

    /** One page of the caller's notifications, newest first, optionally only the unread ones. */
    @Transactional(readOnly = true)
    public Paged<NotificationItem> list(boolean unreadOnly, PageRequest page) {
        UUID user = CurrentUser.require().userId();
        String where = " FROM notification WHERE user_id = ?" + (unreadOnly ? " AND read_at IS NULL" : "");
        long total = jdbc.sql("SELECT COUNT(*)" + where).param(user).query(Long.class).single();
        Locale locale = Texts.locale();
        List<NotificationItem> items = jdbc.sql("SELECT id, kind, args, href, created_at, read_at" + where
                        + " ORDER BY CASE WHEN read_at IS NULL THEN 0 ELSE 1 END, created_at DESC, id LIMIT ? OFFSET ?")
                .params(user, page.size(), page.offset())
                .query((rs, n) -> new NotificationItem(rs.getObject("id", UUID.class),
                        TaskText.render(rs.getString("kind"), rs.getString("args"), locale), rs.getString("href"),
                        Jdbc.instant(rs, "created_at"), rs.getObject("read_at") != null)).list();
        return Paged.of(items, page, total);
    }

    /** Marks one of the caller's notifications read and returns where it links to. */
    @Transactional
    public String markRead(UUID id) {
        UUID user = CurrentUser.require().userId();
        String href = jdbc.sql("SELECT href FROM notification WHERE id = ? AND user_id = ?").params(id, user)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("notification", id));
        jdbc.sql(MARK_READ).params(utc(clock.instant()), id).update();
        return href;
    }

    /** Marks all the caller's notifications read; returns how many were unread. */
    @Transactional
    public int markAllRead() {
        return jdbc.sql("UPDATE notification SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
                .params(utc(clock.instant()), CurrentUser.require().userId()).update();
    }
}
