package org.yunjian.security.internal.admin;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.shared.Jdbc;

/** Hashes of one-time set-up tokens (the tokens themselves are never stored). */
@Repository
public class SetupTokenRepository {

    private final JdbcClient jdbc;

    SetupTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isUsable(String hash) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM setup_token WHERE token_hash = ? AND used_at IS NULL""").param(hash).query(Long.class).single() == 1;
    }

    /** Replaces all unused tokens by this one (kept if it is already stored). */
    void replaceUnused(String hash, Instant now) {
        jdbc.sql("""
                DELETE FROM setup_token WHERE used_at IS NULL AND token_hash <> ?""").param(hash).update();
        boolean known = jdbc.sql("""
                SELECT COUNT(*) FROM setup_token WHERE token_hash = ?""").param(hash).query(Long.class).single() > 0;
        if (!known) {
            jdbc.sql("""
                    INSERT INTO setup_token (token_hash, created_at) VALUES (?, ?)""").params(hash, Jdbc.utc(now)).update();
        }
    }

    /** Marks the token used; {@code false} if it was unknown or used already. */
    boolean consume(String hash, Instant now) {
        return jdbc.sql("""
                UPDATE setup_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL""").params(Jdbc.utc(now), hash).update() == 1;
    }

    void consumeAll(Instant now) {
        jdbc.sql("""
                UPDATE setup_token SET used_at = ? WHERE used_at IS NULL""").param(Jdbc.utc(now)).update();
    }
}
