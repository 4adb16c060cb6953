package org.yunjian.notification.internal;

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
import org.yunjian.shared.Texts;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/**
 * The caller's in-application notifications: the unread count (the bell), the list newest first, mark one or all
 * read. Each reads in the caller's language at the time it is read. Nobody sees another person's notifications: a
 * notification of someone else is unknown (404).
 */
@Service
public class Notifications {

    /** One notification as its reader sees it. */
    public record NotificationItem(UUID id, String text, String href, Instant createdAt, boolean read) {}

    private final NotificationRepository rows;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.rows = new NotificationRepository(jdbc);
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return rows.count(CurrentUser.require().userId(), true);
    }

    /** One page of the caller's notifications, newest first, optionally only the unread ones. */
    @Transactional(readOnly = true)
    public Paged<NotificationItem> list(boolean unreadOnly, PageRequest page) {
        UUID user = CurrentUser.require().userId();
        long total = rows.count(user, unreadOnly);
        Locale locale = Texts.locale();
        List<NotificationItem> items = rows.page(
                user,
                unreadOnly,
                page.size(),
                page.offset(),
                (rs, n) -> new NotificationItem(
                        rs.getObject("id", UUID.class),
                        TaskText.render(rs.getString("kind"), rs.getString("args"), rs.getInt("group_count"), locale),
                        rs.getString("href"),
                        Jdbc.instant(rs, "created_at"),
                        rs.getObject("read_at") != null));
        return Paged.of(items, page, total);
    }

    /** Marks one of the caller's notifications read and returns where it links to. */
    @Transactional
    public String markRead(UUID id) {
        UUID user = CurrentUser.require().userId();
        String href = rows.href(id, user).orElseThrow(() -> new NotFoundException("notification", id));
        rows.markRead(id, clock.instant());
        return href;
    }

    /** Marks all the caller's notifications read; returns how many were unread. */
    @Transactional
    public int markAllRead() {
        return rows.markAllRead(CurrentUser.require().userId(), clock.instant());
    }
}
