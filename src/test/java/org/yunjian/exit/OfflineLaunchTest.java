package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
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
        Process p = new ProcessBuilder(application("-Xlog:class+load=info:file=" + log, "exit", "--help"))
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

    /**
     * A verification refused for its options (here {@code --s3-concurrency 0}) says why and ends at once: the command
     * used to register its Ctrl-C hook before checking them, and the JVM's exit then waited the hook's 10 seconds for
     * work that never started.
     */
    @Test
    void aVerificationRefusedForItsOptionsEndsAtOnce() throws Exception {
        Path list = tmp.resolve("list.sha256");
        Files.writeString(list, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  empty.txt\n");
        Files.writeString(tmp.resolve("empty.txt"), "");
        Process p = new ProcessBuilder(application(
                        null,
                        "exit",
                        "verify",
                        tmp.toString(),
                        "--list",
                        list.toString(),
                        "--format",
                        "sha256sum",
                        "--s3-concurrency",
                        "0",
                        "--lang",
                        "en"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        // when the refusal was printed, and all of it
        CompletableFuture<Long> said = new CompletableFuture<>();
        StringBuilder err = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    said.complete(System.nanoTime());
                    err.append(line).append('\n');
                }
            } catch (java.io.IOException e) {
                said.completeExceptionally(e);
            }
        });
        reader.start();
        long saidAt = said.get(60, TimeUnit.SECONDS);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long endedAfterMs = (System.nanoTime() - saidAt) / 1_000_000;
        reader.join(10_000);
        assertThat(p.exitValue()).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains("S3 concurrency must be between 1 and 1024, not 0");
        assertThat(endedAfterMs)
                .as("milliseconds from the refusal to the end of the process (a hook left behind waits 10,000)")
                .isLessThan(5_000);
    }

    /** {@code java [jvmOption] -cp <the test class path> org.yunjian.Application args…}: the jar's entry point. */
    private static java.util.List<String> application(String jvmOption, String... args) {
        java.util.List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (jvmOption != null) {
            cmd.add(jvmOption);
        }
        cmd.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), "org.yunjian.Application"));
        cmd.addAll(java.util.List.of(args));
        return cmd;
    }
}
