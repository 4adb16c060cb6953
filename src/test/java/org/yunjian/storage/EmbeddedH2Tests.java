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
import org.yunjian.shared.KeyDirectory;

/** The generated database password, the switch-over of an old empty-password database, and the start-up check. */
class EmbeddedH2Tests {

    @Test
    void databaseCreatedWithTheEmptyPasswordIsSwitchedToTheGeneratedOneAndKeepsItsData() throws Exception {
        Path dataDir = Files.createTempDirectory("yunjian-h2pw-");
        String url = "jdbc:h2:file:" + dataDir.resolve("db/yunjian") + ";WRITE_DELAY=0;REUSE_SPACE=FALSE";
        try (Connection old = DriverManager.getConnection(url, "yunjian", "")) {   // as an earlier version left it
            old.createStatement().execute("CREATE TABLE kept(v VARCHAR(10)); INSERT INTO kept VALUES('数据')");
        }
        KeyDirectory keys = new KeyDirectory(dataDir.resolve("keys"));

        String password = EmbeddedH2.open(url, "yunjian", keys);

        assertThat(password).hasSize(64).isEqualTo(Files.readString(dataDir.resolve("keys/db.password")).strip());
        assertThatThrownBy(() -> DriverManager.getConnection(url, "yunjian", "").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
        try (Connection c = DriverManager.getConnection(url, "yunjian", password);
             ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("数据");
        }
        assertThat(EmbeddedH2.open(url, "yunjian", keys)).as("second start").isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("db/yunjian.mv.db"))))
                .isEqualTo("rw-------");
    }

    @Test
    void newDatabaseIsCreatedWithTheGeneratedPasswordOnly() throws Exception {
        Path dataDir = Files.createTempDirectory("yunjian-h2new-");
        String url = "jdbc:h2:file:" + dataDir.resolve("db/yunjian");
        String password = EmbeddedH2.open(url, "yunjian", new KeyDirectory(dataDir.resolve("keys")));
        assertThatThrownBy(() -> DriverManager.getConnection(url, "yunjian", "").close())
                .isInstanceOf(SQLException.class);
        DriverManager.getConnection(url, "yunjian", password).close();
    }

    @Test
    void pathsOpenToOtherUsersAreListedWithTheirFixAndMissingDirectoriesAreCreatedOwnerOnly() throws Exception {
        Path base = Files.createTempDirectory("yunjian-guard-");
        Path dataDir = base.resolve("data");
        Path dbDir = dataDir.resolve("db");
        assertThat(DataDirectoryGuard.check(dataDir, dbDir, null, List.of(dataDir.resolve("evidence")))).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dbDir))).isEqualTo("rwx------");

        Path db = Files.writeString(dbDir.resolve("yunjian.mv.db"), "x");
        Path trace = Files.writeString(dbDir.resolve("yunjian.trace.db"), "x");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(trace, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-x---"));

        List<String> problems = DataDirectoryGuard.check(dataDir, dbDir, null, List.of());
        assertThat(problems).hasSize(2);
        assertThat(String.join("\n", problems)).contains("chmod 700 " + dataDir.toAbsolutePath())
                .contains("chmod 600 " + db.toAbsolutePath());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(trace))).isEqualTo("rw-------");
    }
}
