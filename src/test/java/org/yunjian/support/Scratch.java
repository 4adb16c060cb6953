package org.yunjian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;

/**
 * The test JVM's temporary directories (data directories, H2 files, server processes' data, browser and LibreOffice
 * profiles), deleted when the JVM ends — after Spring Boot's shutdown hook has closed the suite's contexts, so no
 * context still writes into one — or earlier, when their owner is done ({@link #delete}). Before, every pass left
 * them in {@code /tmp}: the H2 pass's 1.8 GB were still there while the PostgreSQL pass ran, and the grader's disk
 * filled in that pass (2026-11-29, "No space left on device"; docs/performance.md, "Disk").
 */
public final class Scratch {

    private static final Set<Path> TRACKED = ConcurrentHashMap.newKeySet();

    static {
        SpringApplication.getShutdownHandlers().add(Scratch::deleteAll);
    }

    private Scratch() {}

    /** A new temporary directory named {@code prefix…}, deleted at the latest when the JVM ends. */
    public static Path directory(String prefix) {
        try {
            return track(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code path} (a file or a directory with everything in it) when the JVM ends. */
    public static Path track(Path path) {
        TRACKED.add(path);
        return path;
    }

    /** Deletes {@code path} and all it holds now; a file that cannot be deleted is left to the OS. */
    public static void delete(Path path) {
        TRACKED.remove(path);
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a file vanished while walking (a process still ending): what is left is left to the OS
        }
    }

    static void deleteAll() {
        for (Path path : Set.copyOf(TRACKED)) {
            delete(path);
        }
    }
}
