package org.yunjian.notification.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rows of {@code notification_webhook}: an organisation's robots, address and secret sealed. */
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
            Instant createdAt) {
        jdbc.sql("""
                INSERT INTO notification_webhook (id, organization_id, kind, name, url, secret_sealed, language,
                created_at) VALUES (?,?,?,?,?,?,?,?)""")
                .params(id, organizationId, kind, name, urlSealed, secretSealed, language, utc(createdAt))
                .update();
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
