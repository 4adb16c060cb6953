package org.yunjian.security.internal.token;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.security.ApiTokenScope;
import org.yunjian.shared.paging.PageQueries;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/** Persistence of {@link ApiToken}s; SQL portable between H2 and PostgreSQL. */
@Repository
class ApiTokenRepository {

    private static final String COLUMNS = "id, lookup_id, user_id, name, scope, secret_hash, created_at, expires_at, "
            + "last_used_at, revoked_at, revoked_by";
    private static final RowMapper<ApiToken> MAPPER = (rs, n) -> new ApiToken(
            rs.getObject("id", UUID.class),
            rs.getString("lookup_id"),
            rs.getObject("user_id", UUID.class),
            rs.getString("name"),
            ApiTokenScope.valueOf(rs.getString("scope")),
            rs.getString("secret_hash"),
            instant(rs, "created_at"),
            instant(rs, "expires_at"),
            instant(rs, "last_used_at"),
            instant(rs, "revoked_at"),
            rs.getString("revoked_by"));

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiToken t) {
        jdbc.sql("""
                INSERT INTO api_token (%s) VALUES (?,?,?,?,?,?,?,?,?,?,?)""".formatted(COLUMNS))
                .params(
                        t.id(),
                        t.lookupId(),
                        t.userId(),
                        t.name(),
                        t.scope().name(),
                        t.secretHash(),
                        utc(t.createdAt()),
                        utc(t.expiresAt()),
                        utc(t.lastUsedAt()),
                        utc(t.revokedAt()),
                        t.revokedBy())
                .update();
    }

    Optional<ApiToken> findByLookupId(String lookupId) {
        return jdbc.sql("""
                SELECT %s FROM api_token WHERE lookup_id = ?""".formatted(COLUMNS)).param(lookupId).query(MAPPER).optional();
    }

    Optional<ApiToken> findById(UUID id) {
        return jdbc.sql("""
                SELECT %s FROM api_token WHERE id = ?""".formatted(COLUMNS)).param(id).query(MAPPER).optional();
    }

    List<ApiToken> findByUser(UUID userId) {
        return jdbc.sql("""
                SELECT %s FROM api_token WHERE user_id = ? ORDER BY created_at DESC, name""".formatted(COLUMNS)).param(userId).query(MAPPER).list();
    }

    /**
     * One page of an account's tokens whose name contains {@code q} (any case; null = all), newest first, with their
     * total (ADR 009).
     */
    Paged<ApiToken> findByUser(UUID userId, String q, PageRequest page) {
        return PageQueries.query(
                jdbc,
                COLUMNS,
                "api_token",
                new PageQueries.Where().and("user_id = :user", "user", userId).contains("q", q, "name"),
                """
                        created_at DESC, name, id""",
                page,
                statement -> statement.query(MAPPER).list());
    }

    long countActive(UUID userId, Instant now) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM api_token WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?""").params(userId, utc(now)).query(Long.class).single();
    }

    /** Revokes once: {@code false} if it was revoked already (by someone else in between). */
    boolean revoke(UUID id, Instant at, String by) {
        return jdbc.sql("""
                UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL""").params(utc(at), by, id).update() == 1;
    }

    /**
     * Notes a use at {@code now} if the last noted use is older than {@code before} (or there is none), so a busy
     * pipeline writes at most one update per token a minute; returns whether it wrote.
     */
    boolean noteUse(UUID id, Instant now, Instant before) {
        return jdbc.sql("""
                        UPDATE api_token SET last_used_at = ? WHERE id = ?
                        AND (last_used_at IS NULL OR last_used_at < ?)""").params(utc(now), id, utc(before)).update() == 1;
    }
}
