package org.yunjian.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before any bean touches the disk: creates the data directory, the embedded database's directory, the evidence
 * and exit-project directories owner-only (0700), and refuses to start when the data directory, the database
 * directory, the database files or the key directory are open to the group or other users (demo mode: a
 * warning). Lock, trace and temporary files of H2 are narrowed to 0600 silently. Registered in
 * {@code META-INF/spring.factories}, so the server, the command line and the tests all run it.
 */
public class DataDirectoryGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryGuard.class);
    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    /**
     * Set by the command line ({@code Application.runCli}): a command works on an installation that exists, so a
     * missing data directory is refused ({@link MissingDataDirectoryException}), never created. Only {@code serve}
     * sets one up (issue 56: a command run in the wrong directory wrote a new {@code data/} and new keys there).
     */
    public static final String MUST_EXIST = "yunjian.data-dir-must-exist";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        String dataDir = env.getProperty("yunjian.data-dir");
        if (dataDir == null || dataDir.isBlank()) {
            return;
        }
        if (env.getProperty(MUST_EXIST, Boolean.class, false) && !Files.isDirectory(Path.of(dataDir))) {
            throw new MissingDataDirectoryException(StorageMessages.get(
                    "storage.dataDir.missing", Path.of(dataDir).toAbsolutePath().normalize()));
        }
        boolean demo = env.getProperty("yunjian.demo", Boolean.class, false);
        List<String> problems = check(
                Path.of(dataDir),
                EmbeddedH2.databaseDirectory(env.getProperty("spring.datasource.url")),
                optionalPath(env, "yunjian.key-dir"),
                List.of(
                        optionalPath(env, "yunjian.assessment.evidence-dir"),
                        optionalPath(env, "yunjian.exit-project.file-dir")));
        if (problems.isEmpty()) {
            return;
        }
        String list = String.join("\n  ", problems);
        if (demo) {
            log.warn(StorageMessages.get("storage.permissions.demoWarning", "\n  " + list));
            return;
        }
        throw new InsecureDataDirectoryException(StorageMessages.get("storage.permissions.refused", "\n  " + list));
    }

    /** Thrown when a command names a data directory that does not exist; its message names the path. */
    public static final class MissingDataDirectoryException extends IllegalStateException {
        MissingDataDirectoryException(String message) {
            super(message);
        }
    }

    /** Thrown when the start is refused; its message names every path and the command that fixes it. */
    public static final class InsecureDataDirectoryException extends IllegalStateException {
        InsecureDataDirectoryException(String message) {
            super(message);
        }
    }

    /**
     * Creates missing directories owner-only and returns one line per path that is open to others (empty when
     * the file system has no POSIX permissions).
     */
    static List<String> check(Path dataDir, Path dbDir, Path keyDir, List<Path> fileDirs) {
        List<String> problems = new ArrayList<>();
        try {
            createOwnerOnly(dataDir);
            if (!posix(dataDir)) {
                return problems;
            }
            requireOwnerOnly(dataDir, problems);
            if (dbDir != null) {
                createOwnerOnly(dbDir);
                requireOwnerOnly(dbDir, problems);
                try (Stream<Path> files = Files.list(dbDir)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        if (f.getFileName().toString().endsWith(".mv.db")) {
                            requireOwnerOnly(f, problems);
                        } else {
                            narrow(f);
                        }
                    }
                }
            }
            if (keyDir != null && Files.isDirectory(keyDir)) {
                // a missing key directory is not created here: whether keys may be created is the key policy's call
                requireOwnerOnly(keyDir, problems);
            }
            for (Path dir : fileDirs) {
                if (dir != null) {
                    createOwnerOnly(dir);
                    requireOwnerOnly(dir, problems);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /** Narrows every file of the database directory to 0600 (after H2 created them with the process umask). */
    static void narrowDatabaseFiles(Path dbDir) {
        if (dbDir == null || !Files.isDirectory(dbDir) || !posix(dbDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dbDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                narrow(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void narrow(Path f) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS);
        if (mode.removeAll(OPEN_TO_OTHERS)) {
            Files.setPosixFilePermissions(f, mode);
        }
    }

    private static void requireOwnerOnly(Path p, List<String> problems) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        if (mode.stream().anyMatch(OPEN_TO_OTHERS::contains)) {
            boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            problems.add(StorageMessages.get(
                    "storage.permissions.path",
                    p.toAbsolutePath().normalize(),
                    PosixFilePermissions.toString(mode),
                    dir ? "700" : "600"));
        }
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        if (Files.exists(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.exists(parent)) {
            createOwnerOnly(parent);
        }
        if (posix(parent == null ? dir.toAbsolutePath() : parent)) {
            try {
                Files.createDirectory(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                return; // another process (a CLI command next to the server) created it: checked like any other
            }
            // the process umask may have narrowed it further, never widened it; make it exactly 0700
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static Path optionalPath(ConfigurableEnvironment env, String key) {
        String v = env.getProperty(key);
        return v == null || v.isBlank() ? null : Path.of(v);
    }
}
