package org.yunjian.notification.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of {@code notification_webhook} (an organisation's robots, address and secret sealed) and of
 * {@code notification_webhook_system} (the systems a robot scoped to systems hears of).
 */
final class WebhookRepository {

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean none() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notification_webhook""").query(Long.class).single() == 0;
    }

    void insert(
            UUID id,
            UUID organizationId,
            String kind,
            String name,
            String urlSealed,
            String secretSealed,
            String language,
            boolean wholeOrganization,
            Instant createdAt) {
        jdbc.sql("""
                INSERT INTO notification_webhook (id, organization_id, kind, name, url, secret_sealed, language,
                whole_organization, created_at) VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(
                        id,
                        organizationId,
                        kind,
                        name,
                        urlSealed,
                        secretSealed,
                        language,
                        wholeOrganization,
                        utc(createdAt))
                .update();
    }

    /** Replaces the robot's scope: the whole organisation (no systems) or the named systems. */
    void scope(UUID id, boolean wholeOrganization, Set<UUID> systems) {
        jdbc.sql("""
                UPDATE notification_webhook SET whole_organization = ? WHERE id = ?""").params(wholeOrganization, id).update();
        jdbc.sql("""
                DELETE FROM notification_webhook_system WHERE webhook_id = ?""").param(id).update();
        for (UUID system : systems) {
            jdbc.sql("""
                    INSERT INTO notification_webhook_system (webhook_id, system_id) VALUES (?,?)""").params(id, system).update();
        }
    }

    /** The systems each of the organisation's robots scoped to systems hears of, by robot. */
    Map<UUID, Set<UUID>> systemsOfOrganization(UUID organizationId) {
        Map<UUID, Set<UUID>> out = new HashMap<>();
        jdbc.sql("""
                SELECT s.webhook_id, s.system_id FROM notification_webhook_system s
                JOIN notification_webhook w ON w.id = s.webhook_id WHERE w.organization_id = ?""")
                .param(organizationId)
                .query((rs, n) -> out.computeIfAbsent(rs.getObject("webhook_id", UUID.class), k -> new HashSet<>())
                        .add(rs.getObject("system_id", UUID.class)))
                .list();
        return out;
    }

    void delete(UUID id) {
        jdbc.sql("""
                DELETE FROM notification_webhook WHERE id = ?""").param(id).update();
    }

    /** The organisation's robots, oldest first. */
    <T> List<T> ofOrganization(UUID organizationId, RowMapper<T> rows) {
        return jdbc.sql("""
                SELECT * FROM notification_webhook WHERE organization_id = ? ORDER BY created_at""").param(organizationId).query(rows).list();
    }

    Optional<UUID> organizationOf(UUID id) {
        return jdbc.sql("""
                SELECT organization_id FROM notification_webhook WHERE id = ?""").param(id).query(UUID.class).optional();
    }
}
