package org.yunjian.security.internal.directory;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.shared.keys.KeyDirectory;
import org.yunjian.shared.keys.SealedText;

/**
 * The accounts a directory manages ({@code directory_account}): who each is there, and the provider's refresh token
 * (OIDC), sealed under the directory key with the account's id bound in.
 */
@Repository
class DirectoryAccountRepository {

    /** A directory-managed account: its directory, who it is there, and whether the directory removed it. */
    record Link(UUID accountId, UUID connectionId, String subject, String refreshToken, Instant removedAt) {}

    private final JdbcClient jdbc;
    private final SealedText refreshTokens;
    private final RowMapper<Link> mapper;

    DirectoryAccountRepository(JdbcClient jdbc, KeyDirectory keys) {
        this.jdbc = jdbc;
        this.refreshTokens = new SealedText(
                keys,
                DirectoryConnectionRepository.KEY_FILE,
                "yunjian.directory.refresh-token",
                () -> jdbc.sql("""
                                SELECT COUNT(*) FROM directory_connection WHERE client_secret_sealed IS NOT NULL
                                OR bind_password_sealed IS NOT NULL""").query(Long.class).single() == 0);
        this.mapper = (rs, n) -> {
            UUID account = rs.getObject("account_id", UUID.class);
            return new Link(
                    account,
                    rs.getObject("connection_id", UUID.class),
                    rs.getString("subject"),
                    refreshTokens
                            .openIfIntact(account, rs.getString("refresh_token_sealed"))
                            .orElse(null),
                    instant(rs, "removed_at"));
        };
    }

    Optional<Link> find(UUID accountId) {
        return jdbc.sql("""
                SELECT account_id, connection_id, subject, refresh_token_sealed, removed_at
                FROM directory_account WHERE account_id = ?""").param(accountId).query(mapper).optional();
    }

    Optional<Link> findBySubject(UUID connectionId, String subject) {
        return jdbc.sql("""
                SELECT account_id, connection_id, subject, refresh_token_sealed, removed_at
                FROM directory_account WHERE connection_id = ? AND subject = ?""").params(connectionId, subject).query(mapper).optional();
    }

    boolean isManaged(UUID accountId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM directory_account WHERE account_id = ?""").param(accountId).query(Long.class).single() > 0;
    }

    long countByConnection(UUID connectionId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM directory_account WHERE connection_id = ?""").param(connectionId).query(Long.class).single();
    }

    void link(UUID accountId, UUID connectionId, String subject, Instant now) {
        jdbc.sql("""
                INSERT INTO directory_account (account_id, connection_id, subject, linked_at, signed_in_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(accountId, connectionId, subject, utc(now), utc(now))
                .update();
    }

    void signedIn(UUID accountId, Instant now) {
        jdbc.sql("""
                UPDATE directory_account SET signed_in_at = ?, removed_at = NULL WHERE account_id = ?""").params(utc(now), accountId).update();
    }

    void removed(UUID accountId, Instant now) {
        jdbc.sql("""
                UPDATE directory_account SET removed_at = ?, refresh_token_sealed = NULL WHERE account_id = ?""").params(utc(now), accountId).update();
    }

    void storeRefreshToken(UUID accountId, String token) {
        jdbc.sql("""
                UPDATE directory_account SET refresh_token_sealed = ? WHERE account_id = ?""").params(refreshTokens.seal(accountId, token), accountId).update();
    }

    /**
     * Replaces the refresh token {@code used} by the one the provider rotated it to, unless another node already
     * did; whether this call replaced it.
     */
    boolean rotateRefreshToken(UUID accountId, String used, String next) {
        Optional<Link> now = find(accountId);
        if (now.isEmpty() || !java.util.Objects.equals(now.get().refreshToken(), used)) {
            return false;
        }
        storeRefreshToken(accountId, next);
        return true;
    }
}
