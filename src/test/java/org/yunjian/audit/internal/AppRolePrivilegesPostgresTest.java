package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On a real PostgreSQL: after migrating as the schema owner, the application role may read and append
 * to the audit log but not change, delete or truncate it. Needs {@code yunjian.test.pg.owner-url},
 * {@code …owner-user}, {@code …owner-password}, {@code yunjian.test.pg.app-url}, {@code …app-user},
 * {@code …app-password} as system properties; skipped without them.
 */
@Tag("postgres")
class AppRolePrivilegesPostgresTest {

    private static String ownerUrl;
    private static String ownerUser;
    private static String ownerPassword;
    private static String appUrl;
    private static String appUser;
    private static String appPassword;

    @BeforeAll
    static void migrateAsOwner() {
        ownerUrl = System.getProperty("yunjian.test.pg.owner-url");
        appUrl = System.getProperty("yunjian.test.pg.app-url");
        assumeTrue(ownerUrl != null && appUrl != null, "no PostgreSQL configured (yunjian.test.pg.*-url)");
        ownerUser = System.getProperty("yunjian.test.pg.owner-user");
        ownerPassword = System.getProperty("yunjian.test.pg.owner-password", "");
        appUser = System.getProperty("yunjian.test.pg.app-user");
        appPassword = System.getProperty("yunjian.test.pg.app-password", "");
        Path keys = org.yunjian.support.Scratch.directory("yunjian-app-role-keys");
        Flyway.configure()
                .dataSource(ownerUrl, ownerUser, ownerPassword)
                .locations("classpath:db/migration")
                .javaMigrations(org.yunjian.party.internal.PrivateNotesMigrations.with(keys))
                .callbacks(new AppRolePrivileges(appUser))
                .load()
                .migrate();
    }

    @AfterAll
    static void removeTestRows() throws SQLException {
        if (ownerUrl == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(ownerUrl, ownerUser, ownerPassword);
                Statement st = c.createStatement()) {
            st.execute("DELETE FROM audit_event WHERE seq < 0");
            st.execute("DELETE FROM audit_anchor WHERE seq < 0");
        }
    }

    private static Connection app() throws SQLException {
        Connection c = DriverManager.getConnection(appUrl, appUser, appPassword);
        c.setAutoCommit(true);
        return c;
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void insertEntry(Connection c, long seq) throws SQLException {
        try (var ps = c.prepareStatement(
                "INSERT INTO audit_event (seq, occurred_at, username, action, outcome, prev_mac, mac) "
                        + "VALUES (?, ?, 'test', 'test.privileges', 'SUCCESS', ?, ?)")) {
            ps.setLong(1, seq);
            ps.setObject(2, OffsetDateTime.now());
            ps.setString(3, Canonical.GENESIS);
            ps.setString(4, Canonical.GENESIS);
            ps.executeUpdate();
        }
    }

    @Test
    void appRoleIsNotTheOwner() throws SQLException {
        try (Connection c = app()) {
            assertThat(c.getMetaData().getUserName()).isNotEqualTo(ownerUser);
        }
    }

    @Test
    void appRoleMayReadAndAppendToTheAuditLog() throws SQLException {
        try (Connection c = app()) {
            insertEntry(c, -1);
            run(
                    c,
                    "INSERT INTO audit_anchor (seq, mac, created_at, key_id, signature) VALUES (-1, 'm', now(), 'k', 's')");
            run(c, "SELECT COUNT(*) FROM audit_event");
            run(c, "SELECT COUNT(*) FROM audit_anchor");
        }
    }

    @Test
    void appRoleCannotUpdateDeleteOrTruncateAuditEntries() throws SQLException {
        try (Connection c = app()) {
            insertEntry(c, -2);
            for (String sql : new String[] {
                "UPDATE audit_event SET detail = 'x' WHERE seq = -2",
                "DELETE FROM audit_event WHERE seq = -2",
                "TRUNCATE audit_event",
                "UPDATE audit_anchor SET mac = 'x'",
                "DELETE FROM audit_anchor",
                "TRUNCATE audit_anchor"
            }) {
                assertThatThrownBy(() -> run(c, sql))
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e ->
                                assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
        }
    }

    @Test
    void appRoleMayMoveTheHeadAndWriteOtherTables() throws SQLException {
        try (Connection c = app()) {
            c.setAutoCommit(false);
            run(c, "SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE");
            run(c, "UPDATE audit_head SET last_seq = last_seq WHERE id = 1");
            run(
                    c,
                    "INSERT INTO organization (id, name, credit_code, region, created_at, updated_at) VALUES "
                            + "('00000000-0000-0000-0000-0000000000aa', 'Test', '91110000000000000X', 'BJ', now(), now())");
            run(c, "UPDATE organization SET name = 'Test 2' WHERE id = '00000000-0000-0000-0000-0000000000aa'");
            run(c, "DELETE FROM organization WHERE id = '00000000-0000-0000-0000-0000000000aa'");
            c.rollback();
        }
    }

    @Test
    void appRoleCannotRewriteMigrationHistory() throws SQLException {
        try (Connection c = app()) {
            assertThatThrownBy(() -> run(c, "DELETE FROM flyway_schema_history"))
                    .isInstanceOf(SQLException.class);
        }
    }
}
