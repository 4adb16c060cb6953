package org.yunjian.security.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.security.Role;
import org.yunjian.security.internal.login.TotpSecrets;

/** Persistence of {@link Account}s; SQL kept portable between H2 and PostgreSQL. */
@Repository
public class AccountRepository {

    private static final String COLUMNS = "id, username, display_name, role, organization_id, password_hash, "
            + "password_changed_at, must_change_password, failed_attempts, locked_until, totp_secret_sealed, enabled, "
            + "demo, created_at, awaiting_approval";
    private static final String SELECT = """
            SELECT %s, version""".formatted(COLUMNS);

    private final JdbcClient jdbc;
    private final TotpSecrets secrets;
    private final RowMapper<Account> mapper;

    AccountRepository(JdbcClient jdbc, TotpSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.mapper = (rs, n) -> {
            UUID id = rs.getObject("id", UUID.class);
            return new Account(
                    id,
                    rs.getString("username"),
                    rs.getString("display_name"),
                    Role.valueOf(rs.getString("role")),
                    rs.getObject("organization_id", UUID.class),
                    rs.getString("password_hash"),
                    instant(rs, "password_changed_at"),
                    rs.getBoolean("must_change_password"),
                    rs.getInt("failed_attempts"),
                    instant(rs, "locked_until"),
                    secrets.openOrUnreadable(id, rs.getString("totp_secret_sealed")),
                    rs.getBoolean("enabled"),
                    rs.getBoolean("demo"),
                    instant(rs, "created_at"),
                    rs.getBoolean("awaiting_approval"),
                    rs.getLong("version"));
        };
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("""
                %s FROM user_account WHERE username = ?""".formatted(SELECT)).param(username).query(mapper).optional();
    }

    public Optional<Account> findById(UUID id) {
        return jdbc.sql("""
                %s FROM user_account WHERE id = ?""".formatted(SELECT)).param(id).query(mapper).optional();
    }

    public List<Account> findAll() {
        return jdbc.sql("""
                %s FROM user_account ORDER BY username""".formatted(SELECT)).query(mapper).list();
    }

    /**
     * One page of the accounts whose user name or display name contains {@code q} (any case) and that hold
     * {@code role} (null = any), by user name, with the total: filtered, counted and paged in SQL.
     */
    public org.yunjian.shared.paging.Paged<Account> page(
            String q, Role role, org.yunjian.shared.paging.PageRequest page) {
        org.yunjian.shared.paging.PageQueries.Where where = new org.yunjian.shared.paging.PageQueries.Where()
                .contains("q", q, "username", "display_name")
                .equal("role", "role", role);
        return org.yunjian.shared.paging.PageQueries.query(
                jdbc, COLUMNS + ", version", "user_account", where, "username", page, s -> s.query(mapper)
                        .list());
    }

    public List<Account> findByOrganization(UUID organizationId) {
        return jdbc.sql("""
                %s FROM user_account WHERE organization_id = ? ORDER BY username""".formatted(SELECT))
                .param(organizationId)
                .query(mapper)
                .list();
    }

    long count() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM user_account""").query(Long.class).single();
    }

    public long countByRole(Role role) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM user_account WHERE role = ? AND enabled = TRUE
                        AND awaiting_approval = FALSE""").param(role.name()).query(Long.class).single();
    }

    public void insert(Account a) {
        jdbc.sql("""
                INSERT INTO user_account (%s) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""".formatted(COLUMNS))
                .params(
                        a.id(),
                        a.username(),
                        a.displayName(),
                        a.role().name(),
                        a.organizationId(),
                        a.passwordHash(),
                        utc(a.passwordChangedAt()),
                        a.mustChangePassword(),
                        a.failedAttempts(),
                        utc(a.lockedUntil()),
                        secrets.seal(a.id(), a.totpSecret()),
                        a.enabled(),
                        a.demo(),
                        utc(a.createdAt()),
                        a.awaitingApproval())
                .update();
    }

    /**
     * Writes the account's profile, role, password and TOTP secret. The failure counters and the lock are
     * left alone: they change only through the atomic statements below, so a stale copy cannot undo them.
     */
    public void update(Account a) {
        jdbc.sql("""
                        UPDATE user_account SET display_name = ?, role = ?, organization_id = ?, password_hash = ?,
                        password_changed_at = ?, must_change_password = ?, totp_secret_sealed = ?, enabled = ?,
                        awaiting_approval = ?, version = version + 1 WHERE id = ?""")
                .params(
                        a.displayName(),
                        a.role().name(),
                        a.organizationId(),
                        a.passwordHash(),
                        utc(a.passwordChangedAt()),
                        a.mustChangePassword(),
                        secrets.seal(a.id(), a.totpSecret()),
                        a.enabled(),
                        a.awaitingApproval(),
                        a.id())
                .update();
    }

    /**
     * {@link #update(Account)} by an administrator's edit: only if the account is still at version
     * {@code expected}, else a stale-version conflict.
     */
    public void update(Account a, long expected) {
        int n = jdbc.sql("""
                        UPDATE user_account SET display_name = ?, role = ?, organization_id = ?, password_hash = ?,
                        password_changed_at = ?, must_change_password = ?, totp_secret_sealed = ?, enabled = ?,
                        awaiting_approval = ?, version = version + 1 WHERE id = ? AND version = ?""")
                .params(
                        a.displayName(),
                        a.role().name(),
                        a.organizationId(),
                        a.passwordHash(),
                        utc(a.passwordChangedAt()),
                        a.mustChangePassword(),
                        secrets.seal(a.id(), a.totpSecret()),
                        a.enabled(),
                        a.awaitingApproval(),
                        a.id(),
                        expected)
                .update();
        org.yunjian.shared.version.Versions.requireUpdated(n, jdbc, "user_account", null, a.id());
    }

    public void delete(UUID id) {
        jdbc.sql("""
                DELETE FROM user_account WHERE id = ?""").param(id).update();
    }

    /**
     * Reserves one password evaluation, atomically: succeeds only while the account is not locked and
     * fewer than {@code max} password failures (counting evaluations in progress) are recorded. The
     * reservation stays as a failure unless {@link #releasePasswordAttempt} gives it back after a correct
     * password. So however many logins arrive at once, at most {@code max} passwords are checked.
     */
    public boolean reservePasswordAttempt(UUID id, int max, Instant now) {
        return jdbc.sql("""
                        UPDATE user_account SET failed_attempts = failed_attempts + 1 WHERE id = ?
                        AND failed_attempts < ? AND (locked_until IS NULL OR locked_until <= ?)""").params(id, max, utc(now)).update() == 1;
    }

    public void releasePasswordAttempt(UUID id) {
        jdbc.sql("""
                UPDATE user_account SET failed_attempts = failed_attempts - 1 WHERE id = ? AND failed_attempts > 0""").param(id).update();
    }

    /**
     * Counts one wrong TOTP code, atomically, only while the account is not locked and below {@code max};
     * returns whether it was counted (if not, the account is locked already or being locked).
     */
    public boolean recordTotpFailure(UUID id, int max, Instant now) {
        return jdbc.sql("""
                        UPDATE user_account SET totp_failed_attempts = totp_failed_attempts + 1 WHERE id = ?
                        AND totp_failed_attempts < ? AND (locked_until IS NULL OR locked_until <= ?)""").params(id, max, utc(now)).update() == 1;
    }

    /**
     * Locks the account if either counter reached {@code max}; exactly one caller wins (the counters are
     * cleared in the same statement), so the lockout is recorded once.
     */
    public boolean lockIfExhausted(UUID id, int max, Instant until) {
        return jdbc.sql("""
                        UPDATE user_account SET locked_until = ?, failed_attempts = 0, totp_failed_attempts = 0
                        WHERE id = ? AND (failed_attempts >= ? OR totp_failed_attempts >= ?)""").params(utc(until), id, max, max).update() == 1;
    }

    /** Failures and lock as stored now (password failures, TOTP failures). */
    public int[] failureCounts(UUID id) {
        return jdbc.sql("""
                SELECT failed_attempts, totp_failed_attempts FROM user_account WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .single();
    }

    void lockUntil(UUID id, Instant until) {
        jdbc.sql("""
                UPDATE user_account SET locked_until = ?, failed_attempts = 0, totp_failed_attempts = 0 WHERE id = ?""").params(utc(until), id).update();
    }

    /** After a complete login or an administrator's unlock: both counters and the lock cleared. */
    public void resetFailures(UUID id) {
        jdbc.sql("""
                UPDATE user_account SET failed_attempts = 0, totp_failed_attempts = 0, locked_until = NULL
                WHERE id = ?""").param(id).update();
    }

    public long countAllByRole(Role role) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM user_account WHERE role = ?""").param(role.name()).query(Long.class).single();
    }

    public void setTotpSecret(UUID id, String secret) {
        jdbc.sql("""
                UPDATE user_account SET totp_secret_sealed = ?, totp_secret = NULL WHERE id = ?""").params(secrets.seal(id, secret), id).update();
    }

    /**
     * Whether any account holds a sealed TOTP secret; static, because the secrets' sealing ({@code TotpSecrets}) asks
     * it while this repository is being built with them.
     */
    public static boolean anySealedTotpSecret(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM user_account WHERE totp_secret_sealed IS NOT NULL""").query(Long.class).single() > 0;
    }

    /** Rows still holding a plaintext base32 secret from before sealing was introduced: id and secret. */
    public List<java.util.Map.Entry<UUID, String>> plaintextTotpSecrets() {
        return jdbc.sql("""
                SELECT id, totp_secret FROM user_account WHERE totp_secret IS NOT NULL""")
                .query((rs, n) -> java.util.Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    public void setAwaitingApproval(UUID id, boolean awaiting) {
        jdbc.sql("""
                UPDATE user_account SET awaiting_approval = ?, version = version + 1 WHERE id = ?""").params(awaiting, id).update();
    }

    /**
     * Marks a TOTP time step as used, atomically: returns {@code false} if this or a later step was
     * already used, so that every code works once.
     */
    public boolean useTotpStep(UUID id, long step) {
        return jdbc.sql("""
                        UPDATE user_account SET totp_last_step = ? WHERE id = ?
                        AND (totp_last_step IS NULL OR totp_last_step < ?)""").params(step, id, step).update() == 1;
    }

    public List<String> passwordHistory(UUID id, int limit) {
        return jdbc.sql("""
                SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY changed_at DESC""").param(id).query(String.class).list().stream()
                .limit(limit)
                .toList();
    }

    public void addHistory(UUID id, String hash, Instant at) {
        jdbc.sql("""
                INSERT INTO password_history (user_id, password_hash, changed_at) VALUES (?,?,?)""").params(id, hash, utc(at)).update();
    }
}
