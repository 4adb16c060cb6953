package org.yunjian.notification.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.shared.Jdbc;
import org.yunjian.shared.Texts;

/**
 * An organisation's deliveries as its administrators see them (the last 100, failures first): which channel,
 * what about, how many tries and why the last one failed — so a robot that stopped answering is noticed.
 */
@Service
public class DeliveryRecordQueries {

    /** One delivery; {@code robot} is the robot's name (or empty for an e-mail), {@code error} the last failure. */
    public record Record(
            UUID id,
            String channel,
            String robot,
            String text,
            Deliveries.Status status,
            int attempts,
            String error,
            Instant createdAt,
            Instant finishedAt) {}

    private final JdbcClient jdbc;
    private final OrganizationAdministrators admins;

    DeliveryRecordQueries(JdbcClient jdbc, OrganizationAdministrators admins) {
        this.jdbc = jdbc;
        this.admins = admins;
    }

    @Transactional(readOnly = true)
    public List<Record> of(UUID organizationId) {
        admins.require(organizationId);
        Locale locale = Texts.locale();
        return jdbc.sql("""
                        SELECT d.*, w.name AS robot FROM notification_delivery d LEFT JOIN notification_webhook w
                        ON w.id = d.webhook_id WHERE d.organization_id = ?
                        ORDER BY CASE d.status WHEN 'FAILED' THEN 0 WHEN 'PENDING' THEN 1 ELSE 2 END,
                        d.created_at DESC LIMIT 100""")
                .param(organizationId)
                .query((rs, n) -> new Record(
                        rs.getObject("id", UUID.class),
                        rs.getString("channel"),
                        rs.getString("robot") == null ? "" : rs.getString("robot"),
                        rs.getString("kind") == null
                                ? (rs.getString("subject") == null ? "" : rs.getString("subject"))
                                : TaskText.render(rs.getString("kind"), rs.getString("args"), locale),
                        Deliveries.Status.valueOf(rs.getString("status")),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        Jdbc.instant(rs, "created_at"),
                        rs.getObject("finished_at") == null ? null : Jdbc.instant(rs, "finished_at")))
                .list();
    }

    /** How many of the organisation's deliveries failed for good (no access check: for a page already allowed). */
    public long failedCount(UUID organizationId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notification_delivery WHERE organization_id = ? AND status = 'FAILED'""").param(organizationId).query(Long.class).single();
    }
}
