package org.yunjian.notification.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rows of {@code notification_setting}: a person's e-mail mode and language, none until they choose. */
final class NotificationSettingRepository {

    /** A stored choice. */
    record Row(String mode, String language) {}

    private final JdbcClient jdbc;

    NotificationSettingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(UUID userId) {
        return jdbc.sql("""
                SELECT email_mode, language FROM notification_setting WHERE user_id = ?""")
                .param(userId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2)))
                .optional();
    }

    boolean exists(UUID userId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notification_setting WHERE user_id = ?""").param(userId).query(Long.class).single() > 0;
    }

    /** Replaces the person's row. */
    void replace(UUID userId, String mode, String language, Instant at) {
        jdbc.sql("""
                DELETE FROM notification_setting WHERE user_id = ?""").param(userId).update();
        jdbc.sql("""
                INSERT INTO notification_setting (user_id, email_mode, language, updated_at) VALUES (?,?,?,?)""").params(userId, mode, language, utc(at)).update();
    }
}
