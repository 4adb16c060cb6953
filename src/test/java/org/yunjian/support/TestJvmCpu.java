package org.yunjian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The test JVM's own CPU time, for measuring a change to the tests on a machine that other work shares (wall time is
 * then distorted, CPU time much less): with {@code -Dyunjian.test.cpu=FILE} the JVM appends one line to FILE when its
 * test session ends, {@code cpu-seconds=… wall-seconds=… db=…} (docs/testing.md, docs/performance.md "Cheaper test
 * shapes"). Without the property it does nothing.
 */
public class TestJvmCpu implements LauncherSessionListener {

    private long startNanos;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        startNanos = System.nanoTime();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String file = System.getProperty("yunjian.test.cpu");
        if (file == null || file.isBlank()) {
            return;
        }
        long cpu = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
        String line = String.format(
                java.util.Locale.ROOT,
                "cpu-seconds=%.1f wall-seconds=%.1f db=%s%n",
                cpu / 1e9,
                (System.nanoTime() - startNanos) / 1e9,
                PostgresForTests.requested() ? "postgres" : "h2");
        try {
            Files.writeString(
                    Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
