package org.yunjian.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persistence of {@link Account}s; SQL kept portable between H2 and PostgreSQL. */
@Repository
class AccountRepository {

    private static final String COLUMNS = "id, username, display_name, role, organization_id, password_hash, "
            + "password_changed_at, must_change_password, failed_attempts, locked_until, totp_secret, enabled, demo, "
            + "created_at";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account WHERE username = ?").param(username)
                .query(MAPPER).optional();
    }

    Optional<Account> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account WHERE id = ?").param(id).query(MAPPER).optional();
    }

    List<Account> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account ORDER BY username").query(MAPPER).list();
    }

    List<Account> findByOrganization(UUID organizationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account WHERE organization_id = ? ORDER BY username")
                .param(organizationId).query(MAPPER).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM user_account").query(Long.class).single();
    }

    long countByRole(Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM user_account WHERE role = ? AND enabled = TRUE").param(role.name())
                .query(Long.class).single();
    }

    void insert(Account a) {
        jdbc.sql("INSERT INTO user_account (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(a.id(), a.username(), a.displayName(), a.role().name(), a.organizationId(), a.passwordHash(),
                        utc(a.passwordChangedAt()), a.mustChangePassword(), a.failedAttempts(), utc(a.lockedUntil()),
                        a.totpSecret(), a.enabled(), a.demo(), utc(a.createdAt()))
                .update();
    }

    void update(Account a) {
        jdbc.sql("UPDATE user_account SET display_name = ?, role = ?, organization_id = ?, password_hash = ?, "
                        + "password_changed_at = ?, must_change_password = ?, failed_attempts = ?, locked_until = ?, "
                        + "totp_secret = ?, enabled = ?, version = version + 1 WHERE id = ?")
                .params(a.displayName(), a.role().name(), a.organizationId(), a.passwordHash(),
                        utc(a.passwordChangedAt()), a.mustChangePassword(), a.failedAttempts(), utc(a.lockedUntil()),
                        a.totpSecret(), a.enabled(), a.id())
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM user_account WHERE id = ?").param(id).update();
    }

    /** Atomic increment so that parallel failed logins cannot undercount. Returns the new count. */
    int recordFailure(UUID id) {
        jdbc.sql("UPDATE user_account SET failed_attempts = failed_attempts + 1 WHERE id = ?").param(id).update();
        return jdbc.sql("SELECT failed_attempts FROM user_account WHERE id = ?").param(id).query(Integer.class).single();
    }

    void lockUntil(UUID id, Instant until) {
        jdbc.sql("UPDATE user_account SET locked_until = ?, failed_attempts = 0 WHERE id = ?").params(utc(until), id)
                .update();
    }

    void resetFailures(UUID id) {
        jdbc.sql("UPDATE user_account SET failed_attempts = 0, locked_until = NULL WHERE id = ?").param(id).update();
    }

    long countAllByRole(Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM user_account WHERE role = ?").param(role.name()).query(Long.class)
                .single();
    }

    void setTotpSecret(UUID id, String secret) {
        jdbc.sql("UPDATE user_account SET totp_secret = ? WHERE id = ?").params(secret, id).update();
    }

    /**
     * Marks a TOTP time step as used, atomically: returns {@code false} if this or a later step was
     * already used, so that every code works once.
     */
    boolean useTotpStep(UUID id, long step) {
        return jdbc.sql("UPDATE user_account SET totp_last_step = ? WHERE id = ? "
                        + "AND (totp_last_step IS NULL OR totp_last_step < ?)")
                .params(step, id, step).update() == 1;
    }

    List<String> passwordHistory(UUID id, int limit) {
        return jdbc.sql("SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY changed_at DESC")
                .param(id).query(String.class).list().stream().limit(limit).toList();
    }

    void addHistory(UUID id, String hash, Instant at) {
        jdbc.sql("INSERT INTO password_history (user_id, password_hash, changed_at) VALUES (?,?,?)")
                .params(id, hash, utc(at)).update();
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static final RowMapper<Account> MAPPER = (rs, n) -> new Account(
            rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
            Role.valueOf(rs.getString("role")), rs.getObject("organization_id", UUID.class),
            rs.getString("password_hash"), instant(rs, "password_changed_at"), rs.getBoolean("must_change_password"),
            rs.getInt("failed_attempts"), instant(rs, "locked_until"), rs.getString("totp_secret"),
            rs.getBoolean("enabled"), rs.getBoolean("demo"), instant(rs, "created_at"));
}
