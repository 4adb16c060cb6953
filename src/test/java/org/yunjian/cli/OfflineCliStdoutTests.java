package org.yunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.support.RunsBesideTheSuite;
import org.yunjian.support.ServerProcess;

/**
 * An offline command (no server named: the application boots against its own data directory) prints its answer on
 * stdout and nothing else (issue 35): its log lines — here the warning that the audit anchors' export lies inside
 * the data directory — go to stderr, so {@code yunjian catalog list | awk …} reads only the table.
 */
@RunsBesideTheSuite
class OfflineCliStdoutTests {

    @TempDir
    static Path dir;

    @Test
    void anOfflineCommandsLogLinesGoToStderrAndStdoutIsTheTable() throws Exception {
        // a command works on an installation that exists (issue 56): an empty, owner-only data directory
        java.nio.file.Files.createDirectory(
                dir.resolve("data"),
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        ServerProcess.ClientResult r = ServerProcess.client(
                Map.of(
                        "YUNJIAN_DATA_DIR",
                        dir.resolve("data").toString(),
                        "XDG_CONFIG_HOME",
                        dir.resolve("no-login").toString()),
                "",
                "catalog",
                "list",
                "--lang",
                "zh-CN");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout().lines().toList())
                .as(r.stdout())
                .first()
                .asString()
                .startsWith("代码");
        assertThat(r.stdout()).contains("MLPS-L3", "GBT31167").doesNotContainPattern(RemoteCliTests.LOG_LINE);
        // the log is there, on stderr
        assertThat(r.stderr()).contains("WARN").contains("YUNJIAN_AUDIT_ANCHOR_EXPORT");
    }
}
