package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yunjian exit …} runs from {@code Application.main} without loading any Spring context class. */
class OfflineLaunchTest {

    @TempDir
    Path tmp;

    @Test
    void exitHelpRunsWithoutSpring() throws Exception {
        Path log = tmp.resolve("classes.log");
        Path out = tmp.resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-Xlog:class+load=info:file=" + log,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.yunjian.Application",
                        "exit",
                        "--help")
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(out))
                .contains("Usage: exit")
                .contains("verify")
                .doesNotContain("Spring");
        String loaded = Files.readString(log);
        assertThat(loaded)
                .contains("org.yunjian.exit.cli.ExitCli")
                .doesNotContain("org.springframework.context.")
                .doesNotContain("org.springframework.boot.SpringApplication ");
    }
}
