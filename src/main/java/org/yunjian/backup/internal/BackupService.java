package org.yunjian.backup.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yunjian.backup.BackupException;
import org.yunjian.backup.BackupManifest;
import org.yunjian.backup.ManifestSeal;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.keys.InstallationSeal;
import org.yunjian.shared.keys.KeyDirectory;
import org.yunjian.shared.keys.OwnerOnlyFiles;

/**
 * Takes backups while the platform runs; the manifest is sealed with the installation's keys ({@link ManifestSeal}). Order, which makes the copy consistent without stopping writers:
 * <ol>
 * <li>the audit head witness is read (it never names an entry that is not committed);</li>
 * <li>the evidence and exit-project files are copied (first pass);</li>
 * <li>the database is snapshotted at one commit;</li>
 * <li>files that appeared since the first pass are copied (second pass).</li>
 * </ol>
 * Evidence and exit-project files are written before the row that names them commits and removed only after the
 * row's deletion commits, so every file a row of the snapshot names existed at the snapshot and is in the first or
 * the second pass. Files without a row are harmless. The key directory is never part of a backup: it is copied only
 * on request, to a directory of its own ({@link #copyKeys}).
 */
@Service
public class BackupService {

    public static final String WITNESS = "audit-head.witness";
    static final String EVIDENCE = "evidence";
    static final String EXIT_FILES = "exit-projects";
    static final String DATABASE = "database";
    private static final String PARTIAL = ".partial";
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("'yunjian-backup-'yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    private final DatabaseSnapshot snapshot;
    private final KeyDirectory keys;
    private final InstallationSeal seal;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Path backupDir;
    private final Path evidenceDir;
    private final Path exitDir;
    private final ReentrantLock running = new ReentrantLock();

    BackupService(
            DatabaseSnapshot snapshot,
            KeyDirectory keys,
            InstallationSeal seal,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${yunjian.backup.dir}") Path backupDir,
            @Value("${yunjian.assessment.evidence-dir}") Path evidenceDir,
            @Value("${yunjian.exit-project.file-dir}") Path exitDir) {
        this.snapshot = snapshot;
        this.keys = keys;
        this.seal = seal;
        this.events = events;
        this.clock = clock;
        this.backupDir = backupDir.toAbsolutePath().normalize();
        this.evidenceDir = evidenceDir.toAbsolutePath().normalize();
        this.exitDir = exitDir.toAbsolutePath().normalize();
    }

    /** A finished backup: its directory and what its manifest lists. */
    public record Backup(
            String name, Path path, String createdAt, String database, int files, long bytes, String manifestSm3) {}

    /** The configured backup directory ({@code yunjian.backup.dir}). */
    public Path backupDir() {
        return backupDir;
    }

    /** A backup into the configured directory. */
    public Backup create() {
        return create(backupDir);
    }

    /** A backup as a new directory under {@code parent}; audited whether it succeeds or fails. */
    public Backup create(Path parent) {
        if (!running.tryLock()) {
            throw new BackupException("backup.error.running");
        }
        Path staging = null;
        try {
            Path target = parent.toAbsolutePath().normalize();
            OwnerOnlyFiles.ensureDirectory(target);
            String base = NAME.format(clock.instant());
            String name = base;
            for (int i = 2; Files.exists(target.resolve(name)) || Files.exists(target.resolve(name + PARTIAL)); i++) {
                name = base + "-" + i;
            }
            staging = target.resolve(name + PARTIAL);
            OwnerOnlyFiles.ensureDirectory(staging);
            byte[] witness = readWitness();
            List<Path> skip = List.of(target, staging);
            copyNew(evidenceDir, staging.resolve(EVIDENCE), skip);
            copyNew(exitDir, staging.resolve(EXIT_FILES), skip);
            String database = snapshot.take(staging.resolve(DATABASE));
            copyNew(evidenceDir, staging.resolve(EVIDENCE), skip);
            copyNew(exitDir, staging.resolve(EXIT_FILES), skip);
            if (witness != null) {
                Files.write(staging.resolve(WITNESS), witness);
            }
            Map<String, String> header = new LinkedHashMap<>();
            header.put("name", name);
            header.put("created", BackupManifest.now());
            header.put("database", database);
            installation(header);
            BackupManifest manifest = BackupManifest.of(staging, header);
            ManifestSeal.seal(manifest, BackupManifest.FILE, seal).write(staging.resolve(BackupManifest.FILE));
            Path done = target.resolve(name);
            move(staging, done);
            staging = null;
            Backup backup = describe(done).orElseThrow();
            events.publishEvent(AuditableEvent.success(
                    "backup.create",
                    "backup",
                    name,
                    "database=" + database + " files=" + backup.files() + " bytes=" + backup.bytes() + " manifest-sm3="
                            + backup.manifestSm3()));
            return backup;
        } catch (IOException | RuntimeException e) {
            BackupException failure = e instanceof BackupException b
                    ? b
                    : new BackupException(e, "backup.error.io", String.valueOf(e.getMessage()));
            log.error("Backup into {} failed: {}", parent, e.toString());
            events.publishEvent(AuditableEvent.failure(
                    "backup.create",
                    "backup",
                    null,
                    failure.key() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()))));
            throw failure;
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
            running.unlock();
        }
    }

    /**
     * Copies the key directory to {@code target} (absent or empty, outside any backup) with a {@code KEYS.sm3}
     * manifest. The audit head witness is state, not a key: the backup carries its own, consistent with its snapshot.
     */
    public int copyKeys(Path target) {
        Path to = target.toAbsolutePath().normalize();
        Path from = keys.path().toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(from)) {
                throw new BackupException("backup.error.no-key-dir", from);
            }
            if (to.startsWith(backupDir) || to.startsWith(from) || from.startsWith(to)) {
                throw new BackupException("backup.error.keys-beside-data", to);
            }
            requireEmpty(to);
            OwnerOnlyFiles.ensureDirectory(to);
            int n = 0;
            try (Stream<Path> list = Files.list(from)) {
                for (Path file : list.sorted().toList()) {
                    String fileName = file.getFileName().toString();
                    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                            || fileName.startsWith(WITNESS)
                            || !BackupManifest.safe(fileName)) {
                        continue;
                    }
                    copyOwnerOnly(file, to.resolve(fileName));
                    n++;
                }
            }
            Map<String, String> header = new LinkedHashMap<>();
            header.put("created", BackupManifest.now());
            header.put("kind", "keys");
            installation(header);
            ManifestSeal.seal(BackupManifest.of(to, header), BackupManifest.KEYS_FILE, seal)
                    .write(to.resolve(BackupManifest.KEYS_FILE));
            events.publishEvent(AuditableEvent.success("backup.keys", "key-directory", null, "files=" + n));
            return n;
        } catch (IOException e) {
            events.publishEvent(AuditableEvent.failure("backup.keys", "key-directory", null, oneLine(e.toString())));
            throw new BackupException(e, "backup.error.io", String.valueOf(e.getMessage()));
        }
    }

    /** The finished backups in the configured directory, newest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(backupDir)) {
            return List.of();
        }
        List<Backup> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(backupDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                describe(dir).ifPresent(found::add);
            }
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.io", String.valueOf(e.getMessage()));
        }
        found.sort(Comparator.comparing(Backup::name).reversed());
        return found;
    }

    private java.util.Optional<Backup> describe(Path dir) {
        Path file = dir.resolve(BackupManifest.FILE);
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        try {
            BackupManifest m = BackupManifest.read(file);
            return java.util.Optional.of(new Backup(
                    dir.getFileName().toString(),
                    dir,
                    m.get("created"),
                    m.get("database"),
                    m.entries().size(),
                    m.bytes(),
                    BackupManifest.sm3(file)));
        } catch (BackupException | IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** The installation the seal's keys belong to (the SM3 of its anchor public key), which restore checks first. */
    private void installation(Map<String, String> header) throws IOException {
        String installation = BackupManifest.installation(keys.path());
        if (installation != null) {
            header.put(BackupManifest.INSTALLATION, installation);
        }
    }

    private byte[] readWitness() throws IOException {
        Path w = keys.resolve(WITNESS);
        return Files.isRegularFile(w) ? Files.readAllBytes(w) : null;
    }

    /**
     * Copies the regular files under {@code from} not yet under {@code to}; temporary upload files are left out.
     * BackupWalkTest makes a file vanish between the listing and the look at its attributes.
     */
    static void copyNew(Path from, Path to, List<Path> skip) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        List<Path> files = new java.util.ArrayList<>();
        // uploads go on while the backup runs: a temporary file renamed between the directory's listing and the
        // look at its attributes is gone, not an error (Files.walk threw for it and failed the whole backup)
        Files.walkFileTree(from, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(
                    Path dir, java.nio.file.attribute.BasicFileAttributes a) {
                return skip.stream().anyMatch(dir::startsWith)
                        ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                        : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
                if (a.isRegularFile()
                        && skip.stream().noneMatch(file::startsWith)
                        && !file.getFileName().toString().endsWith(".part")) {
                    files.add(file);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof java.nio.file.NoSuchFileException) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        for (Path file : files) {
            String rel = from.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            if (!BackupManifest.safe(rel)) {
                continue;
            }
            Path target = to.resolve(rel);
            if (Files.exists(target)) {
                continue;
            }
            OwnerOnlyFiles.ensureDirectory(target.getParent());
            try {
                copyOwnerOnly(file, target);
            } catch (java.nio.file.NoSuchFileException gone) {
                // removed since the listing: its row's deletion committed, so no snapshot taken later names it
                Files.deleteIfExists(target);
            }
        }
    }

    static void copyOwnerOnly(Path from, Path to) throws IOException {
        OwnerOnlyFiles.createOwnerOnly(to, "");
        try (var in = Files.newInputStream(from, LinkOption.NOFOLLOW_LINKS);
                var out = Files.newOutputStream(to, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            in.transferTo(out);
        }
    }

    static void requireEmpty(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new BackupException("backup.error.not-empty", dir);
            }
            try (Stream<Path> list = Files.list(dir)) {
                if (list.findAny().isPresent()) {
                    throw new BackupException("backup.error.not-empty", dir);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            log.warn("Could not remove {}: {}", root, e.toString());
        }
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("[\\r\\n\\t]+", " ");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
