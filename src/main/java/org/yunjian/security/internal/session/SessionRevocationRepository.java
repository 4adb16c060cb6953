package org.yunjian.security.internal.session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.shared.Jdbc;

/** The rows of {@code session_revocation}: one per account, the instant before which its sessions are over. */
final class SessionRevocationRepository {

    private final JdbcClient jdbc;

    SessionRevocationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void forgetOlderThan(Instant before) {
        jdbc.sql("""
                DELETE FROM session_revocation WHERE revoked_at < ?""").param(Jdbc.utc(before)).update();
    }

    /** Moves an older revocation of the account to {@code at}; 0 when it has none or a later one. */
    int moveTo(UUID userId, Instant at) {
        return jdbc.sql("""
                UPDATE session_revocation SET revoked_at = ? WHERE user_id = ? AND revoked_at < ?""")
                .param(Jdbc.utc(at))
                .param(userId)
                .param(Jdbc.utc(at))
                .update();
    }

    /** Inserts the account's row unless it has one (no exception: on PostgreSQL it would abort the transaction). */
    void insertUnlessPresent(UUID userId, Instant at) {
        jdbc.sql("""
                INSERT INTO session_revocation (user_id, revoked_at)
                SELECT CAST(? AS UUID), CAST(? AS TIMESTAMP WITH TIME ZONE)
                WHERE NOT EXISTS (SELECT 1 FROM session_revocation WHERE user_id = ?)""").param(userId).param(Jdbc.utc(at)).param(userId).update();
    }

    Optional<Instant> revokedAt(UUID userId) {
        return jdbc.sql("""
                SELECT revoked_at FROM session_revocation WHERE user_id = ?""")
                .param(userId)
                .query((rs, n) -> Jdbc.instant(rs, "revoked_at"))
                .optional();
    }
}
