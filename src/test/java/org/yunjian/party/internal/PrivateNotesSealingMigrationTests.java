package org.yunjian.party.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yunjian.shared.keys.KeyDirectory;
import org.yunjian.shared.keys.SealedText;
import org.yunjian.support.TestDatabases;

/**
 * The upgrade of a database whose private notes an older version kept in clear (issue 33, finding 4): the database
 * is migrated to the version before sealing, a note is written in clear with plain SQL, and the platform starts on
 * it — Flyway's Java migration {@code 202611290310} seals the note with {@code private-notes.key}, the clear column
 * is gone, and the note reads back through the service. The sealing step itself seals each row once, also when run
 * again after a crash rolled it back.
 */
@SpringBootTest
@Tag("database")
class PrivateNotesSealingMigrationTests {

    static final String CLEAR = "升级前的明文备注 LEGACY-NOTE-MARKER";
    static final UUID CUSTOMER = UUID.randomUUID();
    static final UUID SYSTEM = UUID.randomUUID();
    static TestDatabases.Database db;
    static Path dataDir;

    @DynamicPropertySource
    static void databaseOfAnOlderVersion(DynamicPropertyRegistry registry) throws SQLException {
        db = TestDatabases.freshDatabase("private_notes_sealing", registry);
        dataDir = db.dataDir();
        migrateToJustBefore("202611290300", db.url(), db.owner(), db.ownerPassword());
        try (Connection c = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
            legacyNote(c, CUSTOMER, SYSTEM, CLEAR);
        }
    }

    /** Applies the SQL migrations older than {@code version}: the schema of the version before it. */
    static void migrateToJustBefore(String version, String url, String user, String password) {
        org.yunjian.support.OlderSchema.migrateToJustBefore(version, url, user, password);
    }

    /** An organisation, its system and a clear private note, as an older version wrote them. */
    static void legacyNote(Connection c, UUID customer, UUID system, String notes) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        String code =
                ("91" + customer.toString().replace("-", "")).substring(0, 18).toUpperCase();
        exec(
                c,
                "INSERT INTO organization (id, name, credit_code, region, created_at, updated_at) VALUES (?,?,?,?,?,?)",
                customer,
                "升级客户 " + customer.toString().substring(0, 6),
                code,
                "北京",
                now,
                now);
        exec(c, "INSERT INTO organization_role (organization_id, role) VALUES (?,?)", customer, "CUSTOMER");
        exec(
                c,
                "INSERT INTO cloud_system (id, name, customer_id, protection_level, deployment_model, service_model, "
                        + "industry, data_classification, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                system,
                "升级系统 " + system.toString().substring(0, 6),
                customer,
                3,
                "PUBLIC",
                "IAAS",
                "GOVERNMENT_WEBSITE",
                "IMPORTANT",
                now,
                now);
        exec(
                c,
                "INSERT INTO cloud_system_private_note (system_id, notes, updated_at, version) VALUES (?,?,?,1)",
                system,
                notes,
                now);
    }

    static void exec(Connection c, String sql, Object... params) throws SQLException {
        org.yunjian.support.OlderSchema.exec(c, sql, params);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemService systems;

    @Autowired
    KeyDirectory keys;

    @TempDir
    Path tmp;

    @Test
    void aNoteKeptInClearByAnOlderVersionIsSealedByTheMigrationAndStillReads() {
        String stored = jdbc.sql("SELECT notes_sealed FROM cloud_system_private_note WHERE system_id = ?")
                .param(SYSTEM)
                .query(String.class)
                .single();
        assertThat(stored).startsWith(SealedText.PREFIX).doesNotContain("LEGACY-NOTE-MARKER", "明文备注");
        assertThat(jdbc.sql("SELECT * FROM cloud_system_private_note WHERE system_id = ?")
                        .param(SYSTEM)
                        .query((rs, n) -> {
                            StringBuilder row = new StringBuilder();
                            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                row.append(rs.getMetaData().getColumnName(i).toLowerCase())
                                        .append('=')
                                        .append(rs.getString(i))
                                        .append(' ');
                            }
                            return row.toString();
                        })
                        .single())
                .as("no clear column is left")
                .doesNotContain("notes=", "LEGACY-NOTE-MARKER");
        assertThat(Files.exists(keys.resolve(PrivateNotesSealing.KEY_FILE))).isTrue();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = ? AND \"success\" = TRUE")
                        .param(PrivateNotesSealing.VERSION)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        var notes = runAs(user(CUSTOMER), () -> systems.readNotes(SYSTEM)).orElseThrow();
        assertThat(notes.notes()).isEqualTo(CLEAR);
        assertThat(notes.unreadable()).isFalse();
    }

    @Test
    void onPostgresqlTheTableFilesHoldNoClearNoteAfterTheMigration() throws Exception {
        if (!db.url().startsWith("jdbc:postgresql:")) {
            return; // H2 rewrites its file only offline (SHUTDOWN COMPACT, docs/operations.md)
        }
        // DROP COLUMN only hides a column, and an UPDATE leaves the old row version: the files are what counts
        try (Connection admin = DriverManager.getConnection(db.url(), "postgres", "");
                var s = admin.createStatement()) {
            s.execute("CHECKPOINT");
            var rs = s.executeQuery(
                    "SELECT current_setting('data_directory'), " + "pg_relation_filepath('cloud_system_private_note')");
            rs.next();
            Path heap = Path.of(rs.getString(1)).resolve(rs.getString(2));
            byte[] marker = "LEGACY-NOTE-MARKER".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int files = 0;
            try (var segments = Files.list(heap.getParent())) {
                for (Path f : segments.filter(f -> f.getFileName().toString().startsWith(heap.getFileName() + ""))
                        .toList()) {
                    assertThat(org.yunjian.party.PrivateNotesAtRestTests.indexOf(Files.readAllBytes(f), marker))
                            .as("%s holds the clear note", f)
                            .isEqualTo(-1);
                    files++;
                }
            }
            assertThat(files).isPositive();
        }
    }

    @Test
    void theSealingStepSealsEachRowOnceAndRunsAgainAfterACrashRolledItBack() throws Exception {
        String url = "jdbc:h2:mem:sealing_step_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion("202611290300"))
                .load()
                .migrate(); // the column, not yet sealed
        PrivateNotesSealing step = new PrivateNotesSealing(new KeyDirectory(tmp));
        UUID customer = UUID.randomUUID();
        UUID system = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            legacyNote(c, customer, system, "崩溃前的备注");
            c.setAutoCommit(false);
            assertThat(step.seal(c)).isEqualTo(1);
            c.rollback(); // the process died before Flyway committed the step
            assertThat(sealedValues(c)).containsOnlyNulls();

            assertThat(step.seal(c)).isEqualTo(1);
            c.commit();
            List<String> sealed = sealedValues(c);
            assertThat(step.seal(c)).as("nothing left to seal").isZero();
            c.commit();
            assertThat(sealedValues(c)).isEqualTo(sealed);
            assertThat(PrivateNotesSealing.sealedText(new KeyDirectory(tmp), () -> false)
                            .open(system, sealed.get(0)))
                    .isEqualTo("崩溃前的备注");
        }
    }

    private static List<String> sealedValues(Connection c) throws SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery("SELECT notes_sealed FROM cloud_system_private_note")) {
            java.util.ArrayList<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
