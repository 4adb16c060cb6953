package org.yunjian.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.yunjian.support.RunsBesideTheSuite;
import org.yunjian.support.ServerProcess;

/**
 * The embedded database is closed to other local OS users: no TCP server, owner-only data directory and files
 * (a wider database file refuses the start), and a CLI command that needs the database while a server holds it
 * refuses with a message instead of a stack trace.
 */
@RunsBesideTheSuite
@EnabledOnOs(OS.LINUX)
class EmbeddedDatabaseClosedTests {

    @Test
    void serverOpensNoDatabasePortKeepsFilesOwnerOnlyAndTheCliRefusesWhileItRuns() throws Exception {
        Path dataDir =
                org.yunjian.support.Scratch.directory("yunjian-closed-").resolve("data"); // created by the platform
        long pid;
        // the pool logs the URL it opened at INFO (quiet by default): ask for it, to check no AUTO_SERVER is in it
        try (ServerProcess server = ServerProcess.start(dataDir, "--logging.level.com.zaxxer.hikari=INFO")) {
            pid = server.pid();
            assertThat(listeningPorts(pid))
                    .as("TCP ports the server listens on")
                    .containsExactly(server.uri("/").getPort());
            String log = Files.readString(server.log(), StandardCharsets.UTF_8);
            assertThat(log).contains("url=jdbc:h2:file:").doesNotContainIgnoringCase("AUTO_SERVER");

            assertThat(mode(dataDir)).isEqualTo("rwx------");
            assertThat(mode(dataDir.resolve("db"))).isEqualTo("rwx------");
            assertThat(mode(dataDir.resolve("keys"))).isEqualTo("rwx------");
            assertThat(mode(dataDir.resolve("evidence"))).isEqualTo("rwx------");
            assertThat(mode(dataDir.resolve("exit-projects"))).isEqualTo("rwx------");
            assertThat(mode(dataDir.resolve("keys/db.password"))).isEqualTo("rw-------");
            try (Stream<Path> files = Files.list(dataDir.resolve("db"))) {
                List<Path> db = files.toList();
                assertThat(db)
                        .extracting(p -> p.getFileName().toString())
                        .contains("yunjian.mv.db")
                        .noneMatch(n -> n.endsWith(".lock.db")); // no lock file holding a connection key
                for (Path f : db) {
                    assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
                }
            }
            if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
                Process other = new ProcessBuilder(
                                "runuser",
                                "-u",
                                "nobody",
                                "--",
                                "cat",
                                dataDir.resolve("db/yunjian.mv.db").toString())
                        .redirectErrorStream(true)
                        .start();
                assertThat(other.waitFor())
                        .as("another OS user reading the database file")
                        .isNotZero();
            }

            ServerProcess.CliResult en = ServerProcess.cli(dataDir, Map.of("user.language", "en"), "audit", "verify");
            assertThat(en.exitCode()).as(en.output()).isEqualTo(2);
            assertThat(en.output())
                    .contains("The database is in use by a running Yunjian server")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
            ServerProcess.CliResult zh =
                    ServerProcess.cli(dataDir, Map.of("user.language", "zh", "user.country", "CN"), "users", "list");
            assertThat(zh.exitCode()).as(zh.output()).isEqualTo(2);
            assertThat(zh.output()).contains("数据库正被运行中的云鉴服务器使用");
            server.kill();
        }

        Path dbFile = dataDir.resolve("db/yunjian.mv.db");
        Files.setPosixFilePermissions(dbFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> ServerProcess.start(dataDir, Map.of("user.language", "en"))
                        .close())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exited");
        assertThat(Files.readString(dataDir.resolve("server.log"), StandardCharsets.UTF_8))
                .contains("Refusing to start")
                .contains("chmod 600 " + dbFile.toAbsolutePath());
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** Local ports in LISTEN state of the sockets process {@code pid} holds (from /proc). */
    private static Set<Integer> listeningPorts(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // fd closed while listing
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path t = Path.of(table);
            if (!Files.exists(t)) {
                continue;
            }
            List<String> rows = Files.readAllLines(t); // read once: other tests open and close sockets meanwhile
            for (String line : rows.subList(1, rows.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) {
                    ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
