package org.yunjian.shared.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Owner-only files: POSIX 700 directories and 600 files where the file system supports it. */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {}

    public static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    public static void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix(
                dir.toAbsolutePath().getParent() == null
                        ? dir
                        : dir.toAbsolutePath().getParent())) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
            ownerOnly(dir);
        }
    }

    /** Creates {@code file} with {@code content}, owner read/write only; fails if it exists. */
    public static void createOwnerOnly(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (posix(dir)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
            ownerOnly(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Replaces {@code file} atomically (temporary file in the same directory, then rename). */
    public static void writeAtomically(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        createOwnerOnly(tmp, content);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static boolean createIfAbsent(Path file, String content) throws IOException {
        try {
            createOwnerOnly(file, content);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private static void ownerOnly(Path p) {
        java.io.File f = p.toFile();
        f.setReadable(false, false);
        f.setWritable(false, false);
        f.setReadable(true, true);
        f.setWritable(true, true);
        if (f.isDirectory()) {
            f.setExecutable(false, false);
            f.setExecutable(true, true);
        }
    }
}
