package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.yunjian.support.RunsBesideTheSuite;
import org.yunjian.support.ServerProcess;

/** A server asked to stop (SIGTERM) shuts down and exits 0: {@code spring-boot:run} then ends in BUILD SUCCESS. */
@RunsBesideTheSuite
class StopSignalsTests {

    @Test
    void aServerStoppedWithSigtermExitsZeroAndLeavesTheDatabaseClosed() throws Exception {
        Path dataDir = org.yunjian.support.Scratch.directory("yunjian-stop-").resolve("data");
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            assertThat(server.stop())
                    .as("exit code after SIGTERM; log %s", server.log())
                    .isZero();
        }
        // the database was closed by the shutdown: a command can open it at once
        ServerProcess.CliResult users =
                ServerProcess.cli(dataDir, java.util.Map.of("user.language", "en"), "users", "list");
        assertThat(users.exitCode()).as(users.output()).isZero();
    }
}
