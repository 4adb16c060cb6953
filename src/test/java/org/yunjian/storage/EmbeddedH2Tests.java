package org.yunjian.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yunjian.shared.keys.KeyDirectory;

/** The generated database password, the switch-over of an old empty-password database, and the start-up check. */
class EmbeddedH2Tests {

    @Test
    void databaseCreatedWithTheEmptyPasswordIsSwitchedToTheGeneratedOneAndKeepsItsData() throws Exception {
        Path dataDir = org.yunjian.support.Scratch.directory("yunjian-h2pw-");
        String url = "jdbc:h2:file:" + dataDir.resolve("db/yunjian") + ";WRITE_DELAY=0;REUSE_SPACE=FALSE";
        try (Connection old = DriverManager.getConnection(url, "yunjian", "")) { // as an earlier version left it
            old.createStatement().execute("CREATE TABLE kept(v VARCHAR(10)); INSERT INTO kept VALUES('数据')");
        }
        KeyDirectory keys = new KeyDirectory(dataDir.resolve("keys"));

        String password = EmbeddedH2.open(url, "yunjian", keys);

        assertThat(password)
                .hasSize(64)
                .isEqualTo(Files.readString(dataDir.resolve("keys/db.password")).strip());
        assertThatThrownBy(() -> DriverManager.getConnection(url, "yunjian", "").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Wrong user name or password");
        try (Connection c = DriverManager.getConnection(url, "yunjian", password);
                ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("数据");
        }
        assertThat(EmbeddedH2.open(url, "yunjian", keys)).as("second start").isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("db/yunjian.mv.db"))))
                .isEqualTo("rw-------");
    }

    /**
     * H2 answers a query again with its previous result when the parameters it compares are unchanged, and it does not
     * compare those inside WITH: with the setting every H2 URL gets, the second organisation sees its own row.
     */
    @Test
    void aQueryWhoseParametersAreAllInsideWithIsEvaluatedAgainForOtherValues() throws Exception {
        String url = EmbeddedH2.withoutResultReuse(
                "jdbc:h2:mem:reuse-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement()
                    .execute("CREATE TABLE sys(id INT PRIMARY KEY, owner VARCHAR(10), name VARCHAR(20)); "
                            + "INSERT INTO sys VALUES (1, 'customer', '门户网站'), (2, 'provider', '云平台')");
            String sql = "WITH vs AS (SELECT id, name FROM sys WHERE owner = ?), vt AS (SELECT vs.id, vs.name FROM vs "
                    + "ORDER BY vs.name OFFSET 0 ROWS) SELECT vt.name FROM vt ORDER BY vt.id";
            assertThat(names(c, sql, "customer")).containsExactly("门户网站");
            assertThat(names(c, sql, "provider")).containsExactly("云平台");
            assertThat(names(c, sql, "customer")).containsExactly("门户网站");
        }
    }

    private static List<String> names(Connection c, String sql, String owner) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> names = new java.util.ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                return names;
            }
        }
    }

    @Test
    void theResultReuseSettingIsAddedToEveryH2UrlAndReplacesOneThatAskedForIt() {
        assertThat(EmbeddedH2.withoutResultReuse("jdbc:h2:file:/d/db/yunjian;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:/d/db/yunjian;WRITE_DELAY=0;OPTIMIZE_REUSE_RESULTS=FALSE");
        assertThat(EmbeddedH2.withoutResultReuse("jdbc:h2:mem:x;optimize_reuse_results=true;DB_CLOSE_DELAY=-1"))
                .isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE");
        assertThat(EmbeddedH2.withoutResultReuse("jdbc:postgresql://db/yunjian"))
                .isEqualTo("jdbc:postgresql://db/yunjian");
    }

    /** A data directory given relative to the working directory ({@code --yunjian.data-dir=data}) opens. */
    @Test
    void aFileGivenRelativeToTheWorkingDirectoryBecomesAbsolute() throws Exception {
        assertThat(EmbeddedH2.withAbsoluteFile("jdbc:h2:file:data/db/yunjian;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:" + Path.of("data/db/yunjian").toAbsolutePath() + ";WRITE_DELAY=0");
        assertThat(EmbeddedH2.withAbsoluteFile("jdbc:h2:file:./data/db/yunjian"))
                .isEqualTo("jdbc:h2:file:" + Path.of("data/db/yunjian").toAbsolutePath());
        assertThat(EmbeddedH2.withAbsoluteFile("jdbc:h2:file:/d/db/yunjian")).isEqualTo("jdbc:h2:file:/d/db/yunjian");
        assertThat(EmbeddedH2.withAbsoluteFile("jdbc:h2:file:~/db/yunjian")).isEqualTo("jdbc:h2:file:~/db/yunjian");
        assertThat(EmbeddedH2.withAbsoluteFile("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(EmbeddedH2.withAbsoluteFile("jdbc:postgresql://db/yunjian"))
                .isEqualTo("jdbc:postgresql://db/yunjian");
        // H2 itself refuses the relative form, and opens the absolute one
        Files.createDirectories(Path.of("target"));
        Path dir = Files.createTempDirectory(Path.of("target"), "h2rel-"); // relative to the working directory
        String relative = "jdbc:h2:file:" + dir.resolve("db/yunjian") + ";WRITE_DELAY=0";
        assertThatThrownBy(() ->
                        DriverManager.getConnection(relative, "yunjian", "x").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("implicitly relative");
        DriverManager.getConnection(EmbeddedH2.withAbsoluteFile(relative), "yunjian", "x")
                .close();
        assertThat(dir.resolve("db/yunjian.mv.db")).exists();
    }

    @Test
    void newDatabaseIsCreatedWithTheGeneratedPasswordOnly() throws Exception {
        Path dataDir = org.yunjian.support.Scratch.directory("yunjian-h2new-");
        String url = "jdbc:h2:file:" + dataDir.resolve("db/yunjian");
        String password = EmbeddedH2.open(url, "yunjian", new KeyDirectory(dataDir.resolve("keys")));
        assertThatThrownBy(() -> DriverManager.getConnection(url, "yunjian", "").close())
                .isInstanceOf(SQLException.class);
        DriverManager.getConnection(url, "yunjian", password).close();
    }

    @Test
    void pathsOpenToOtherUsersAreListedWithTheirFixAndMissingDirectoriesAreCreatedOwnerOnly() throws Exception {
        Path base = org.yunjian.support.Scratch.directory("yunjian-guard-");
        Path dataDir = base.resolve("data");
        Path dbDir = dataDir.resolve("db");
        assertThat(DataDirectoryGuard.check(dataDir, dbDir, null, List.of(dataDir.resolve("evidence"))))
                .isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dbDir)))
                .isEqualTo("rwx------");

        Path db = Files.writeString(dbDir.resolve("yunjian.mv.db"), "x");
        Path trace = Files.writeString(dbDir.resolve("yunjian.trace.db"), "x");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(trace, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-x---"));

        List<String> problems = DataDirectoryGuard.check(dataDir, dbDir, null, List.of());
        assertThat(problems).hasSize(2);
        assertThat(String.join("\n", problems))
                .contains("chmod 700 " + dataDir.toAbsolutePath())
                .contains("chmod 600 " + db.toAbsolutePath());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(trace)))
                .isEqualTo("rw-------");
    }
}
