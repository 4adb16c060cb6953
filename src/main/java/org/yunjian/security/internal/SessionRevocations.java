package org.yunjian.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunjian.shared.Jdbc;

/**
 * Accounts whose sessions begun before a given instant are no longer valid (disabled, deleted, role
 * changed, password reset by an administrator). Stored in the database ({@code session_revocation}), so a
 * revocation made on one application node ends the account's sessions on every node, and it commits or
 * rolls back with the change that caused it.
 */
@Component
public class SessionRevocations {

    private final JdbcClient jdbc;
    private final Duration keep;

    SessionRevocations(JdbcClient jdbc, SecurityProperties properties) {
        this.jdbc = jdbc;
        // no session lives longer than the absolute limit, so older revocations can be forgotten
        this.keep = properties.absoluteSessionLimit();
    }

    public void revoke(UUID userId, Instant at) {
        jdbc.sql("DELETE FROM session_revocation WHERE revoked_at < ?").param(Jdbc.utc(at.minus(keep))).update();
        int moved = jdbc.sql("UPDATE session_revocation SET revoked_at = ? WHERE user_id = ? AND revoked_at < ?")
                .param(Jdbc.utc(at)).param(userId).param(Jdbc.utc(at)).update();
        if (moved == 0) {
            // no exception on a row that is already there: on PostgreSQL it would abort the caller's transaction
            jdbc.sql("INSERT INTO session_revocation (user_id, revoked_at) "
                            + "SELECT CAST(? AS UUID), CAST(? AS TIMESTAMP WITH TIME ZONE) "
                            + "WHERE NOT EXISTS (SELECT 1 FROM session_revocation WHERE user_id = ?)")
                    .param(userId).param(Jdbc.utc(at)).param(userId).update();
        }
    }

    boolean isRevoked(UUID userId, Instant sessionStart) {
        return jdbc.sql("SELECT revoked_at FROM session_revocation WHERE user_id = ?").param(userId)
                .query((rs, n) -> Jdbc.instant(rs, "revoked_at")).optional()
                .map(at -> !sessionStart.isAfter(at)).orElse(false);
    }
}
