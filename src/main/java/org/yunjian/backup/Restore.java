package org.yunjian.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.yunjian.shared.keys.OwnerOnlyFiles;

/**
 * Writes a checked backup into an empty data directory, offline. Nothing is written until the backup (and the key
 * copy, if given) matches its manifest and the manifest's seal verifies with the installation's keys
 * ({@link ManifestSeal}); everything is assembled in a staging directory beside the target and moved
 * into place at the end, so a failure leaves the target as it was.
 */
public final class Restore {

    /** Read by the platform at its next start, which records the restore in the audit log and removes the file. */
    static final String MARKER = "restored-from.properties";

    private static final Pattern DB_FILE = Pattern.compile("[A-Za-z0-9_-]+\\.mv\\.db");

    /**
     * @param checkWith      keys to check the backup's seal with where no key copy is restored ({@code keysFrom}
     *                       serves otherwise): the installation's key directory or a key copy, only read
     * @param acceptUnsigned restore a backup whose manifest has no seal (taken before seals were made); recorded
     *                       in the marker and so in the audit log. A seal that fails is never accepted, nor a
     *                       manifest without one that names its installation or a sealing version.
     */
    public record Request(Path from, Path dataDir, Path keyDir, Path keysFrom, Path checkWith, boolean acceptUnsigned) {

        public Request(Path from, Path dataDir, Path keyDir, Path keysFrom) {
            this(from, dataDir, keyDir, keysFrom, null, false);
        }
    }

    /** @param authenticated whether the backup's seal was checked ({@code false}: an unsigned backup accepted) */
    public record Result(
            String name, String database, int files, String manifestSm3, boolean keysRestored, boolean authenticated) {}

    private Restore() {}

    public static Result run(Request r) {
        Path from = r.from().toAbsolutePath().normalize();
        Path dataDir = r.dataDir().toAbsolutePath().normalize();
        Path keyDir = (r.keyDir() == null ? dataDir.resolve("keys") : r.keyDir())
                .toAbsolutePath()
                .normalize();
        Path keysFrom =
                r.keysFrom() == null ? null : r.keysFrom().toAbsolutePath().normalize();
        // 1. check everything before writing anything
        BackupManifest manifest = BackupManifest.read(from.resolve(BackupManifest.FILE));
        manifest.check(from, BackupManifest.FILE);
        if (keysFrom != null) {
            BackupManifest keys = BackupManifest.read(keysFrom.resolve(BackupManifest.KEYS_FILE));
            keys.check(keysFrom, BackupManifest.KEYS_FILE);
            requireSameInstallation(manifest, keysFrom);
            // a key copy taken before seals were made has none: the backup's seal, checked with its keys, vouches
            // for them; a seal that is there must hold
            if (ManifestSeal.sealed(keys)) {
                ManifestSeal.check(keys, BackupManifest.KEYS_FILE, keysFrom);
            } else if (keys.get(ManifestSeal.SEAL) != null) {
                ManifestSeal.requireGenuinelyUnsealed(keys, BackupManifest.KEYS_FILE); // its seal was stripped
            }
        }
        boolean authenticated = authenticate(manifest, keysFrom != null ? keysFrom : r.checkWith(), r.acceptUnsigned());
        requireEmpty(dataDir);
        boolean keysInside = keyDir.startsWith(dataDir);
        if (!keysInside) {
            requireEmpty(keyDir);
        }
        // 2. assemble in staging directories beside the targets
        Path staging = staging(dataDir);
        Path keyStaging = keysInside ? staging.resolve(dataDir.relativize(keyDir)) : staging(keyDir);
        boolean dataMoved = false;
        try {
            String manifestSm3 = BackupManifest.sm3(from.resolve(BackupManifest.FILE));
            int files = 0;
            for (BackupManifest.Entry e : manifest.entries()) {
                Path source = from.resolve(e.path());
                if (e.path().startsWith("database/")) {
                    if (e.path().endsWith(".zip")) {
                        // unzipped from a checked copy: the backup's file may change after the check
                        Path zip = staging.resolve(".database.zip");
                        copyChecked(source, zip, e);
                        unzipDatabase(zip, staging.resolve("db"));
                        Files.delete(zip);
                    }
                    continue;
                }
                Path target;
                if (e.path().equals("audit-head.witness")) {
                    target = keyStaging.resolve(e.path());
                } else if (e.path().startsWith("evidence/") || e.path().startsWith("exit-projects/")) {
                    target = staging.resolve(e.path());
                } else {
                    continue;
                }
                copyChecked(source, target, e);
                files++;
            }
            if (keysFrom != null) {
                for (BackupManifest.Entry e : BackupManifest.read(keysFrom.resolve(BackupManifest.KEYS_FILE))
                        .entries()) {
                    if (!e.path().contains("/") && !e.path().startsWith("audit-head.witness")) {
                        copyChecked(keysFrom.resolve(e.path()), keyStaging.resolve(e.path()), e);
                    }
                }
            }
            OwnerOnlyFiles.ensureDirectory(keyStaging);
            Properties marker = new Properties();
            marker.setProperty(
                    "backup", manifest.get("name") == null ? from.getFileName().toString() : manifest.get("name"));
            marker.setProperty("manifest-sm3", manifestSm3);
            marker.setProperty("database", String.valueOf(manifest.get("database")));
            marker.setProperty("restored-at", BackupManifest.now());
            marker.setProperty("keys", Boolean.toString(keysFrom != null));
            marker.setProperty("authenticated", Boolean.toString(authenticated));
            try (OutputStream out = Files.newOutputStream(staging.resolve(MARKER), StandardOpenOption.CREATE_NEW)) {
                marker.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), null);
            }
            // 3. into place: the data directory, then a key directory of its own
            moveInto(staging, dataDir);
            dataMoved = true;
            if (!keysInside) {
                moveInto(keyStaging, keyDir);
            }
            return new Result(
                    String.valueOf(manifest.get("name")),
                    String.valueOf(manifest.get("database")),
                    files,
                    manifestSm3,
                    keysFrom != null,
                    authenticated);
        } catch (IOException | RuntimeException e) {
            if (dataMoved) {
                deleteTree(dataDir);
                mkdirs(dataDir);
            }
            throw e instanceof BackupException b
                    ? b
                    : new BackupException(e, "backup.error.io", String.valueOf(e.getMessage()));
        } finally {
            deleteTree(staging);
            if (!keysInside) {
                deleteTree(keyStaging);
            }
        }
    }

    /**
     * The backup's seal checked with {@code keys}; an unsealed backup only with {@code acceptUnsigned}. Returns
     * whether the seal was checked.
     */
    private static boolean authenticate(BackupManifest manifest, Path keys, boolean acceptUnsigned) {
        if (!ManifestSeal.sealed(manifest)) {
            if (acceptUnsigned) {
                ManifestSeal.requireGenuinelyUnsealed(manifest, BackupManifest.FILE);
                return false;
            }
            throw new BackupException("backup.error.unsigned", BackupManifest.FILE);
        }
        if (keys == null) {
            throw new BackupException("backup.error.no-check-keys");
        }
        ManifestSeal.check(manifest, BackupManifest.FILE, keys.toAbsolutePath().normalize());
        return true;
    }

    /** A key copy of another installation would leave every MAC, signature and evidence key wrong: refused. */
    private static void requireSameInstallation(BackupManifest manifest, Path keysFrom) {
        String backup = manifest.get(BackupManifest.INSTALLATION);
        String keys;
        try {
            keys = BackupManifest.installation(keysFrom);
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.io", String.valueOf(e.getMessage()));
        }
        if (backup != null && keys != null && !backup.equals(keys)) {
            throw new BackupException(
                    "backup.error.other-installation", backup.substring(0, 12), keys.substring(0, 12), keysFrom);
        }
    }

    private static void unzipDatabase(Path zip, Path dbDir) throws IOException {
        OwnerOnlyFiles.ensureDirectory(dbDir);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.isDirectory() || !DB_FILE.matcher(entry.getName()).matches()) {
                    throw new BackupException("backup.error.unsafe-path", entry.getName());
                }
                Path target = dbDir.resolve(entry.getName());
                OwnerOnlyFiles.createOwnerOnly(target, "");
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING)) {
                    in.transferTo(out);
                }
            }
        }
    }

    /** Copies one file owner-only and checks the copy against the manifest (the source may change after the check). */
    private static void copyChecked(Path source, Path target, BackupManifest.Entry e) throws IOException {
        OwnerOnlyFiles.ensureDirectory(target.getParent());
        OwnerOnlyFiles.createOwnerOnly(target, "");
        try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS);
                OutputStream out = Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING)) {
            in.transferTo(out);
        }
        if (Files.size(target) != e.size() || !BackupManifest.sm3(target).equals(e.sm3())) {
            throw new BackupException("backup.error.digest", e.path());
        }
    }

    private static void requireEmpty(Path dir) {
        try {
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
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.unreadable", dir);
        }
    }

    private static Path staging(Path target) {
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
            Path staging = parent.resolve("." + target.getFileName() + ".restore-"
                    + UUID.randomUUID().toString().substring(0, 8));
            OwnerOnlyFiles.ensureDirectory(staging);
            return staging;
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.io", String.valueOf(e.getMessage()));
        }
    }

    /** Replaces the empty (or absent) {@code target} by {@code staging} with one rename. */
    private static void moveInto(Path staging, Path target) throws IOException {
        Files.deleteIfExists(target);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            OwnerOnlyFiles.ensureDirectory(dir);
        } catch (IOException ignored) {
            // the directory was empty before; leaving it absent is as good
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // best effort: a staging directory that cannot be removed is named in no data directory
        }
    }
}
