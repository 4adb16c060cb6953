package org.yunjian.vault.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.yunjian.shared.keys.OwnerOnlyFiles;
import org.yunjian.vault.BlobStore;

/** The vault's blobs as files in one directory, written to a temporary file first and moved into place. */
class FileBlobStore implements BlobStore {

    private final Path dir;

    FileBlobStore(Path dir) throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        OwnerOnlyFiles.ensureDirectory(this.dir);
    }

    Path path(String name) {
        if (!BlobStore.isGeneratedName(name)) {
            throw new IllegalArgumentException("evidence-name-not-generated");
        }
        return dir.resolve(name);
    }

    @Override
    public void put(String name, byte[] sealed) throws IOException {
        Path target = path(name);
        Path tmp = dir.resolve(name + ".part");
        java.util.Set<StandardOpenOption> options =
                java.util.EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        // owner-only (0600) from the start, whatever the process umask
        try (java.nio.channels.SeekableByteChannel out = OwnerOnlyFiles.posix(dir)
                ? Files.newByteChannel(
                        tmp,
                        options,
                        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")))
                : Files.newByteChannel(tmp, options)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(sealed);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }
        Files.move(tmp, target);
    }

    @Override
    public byte[] get(String name) throws IOException {
        return Files.readAllBytes(path(name));
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(path(name));
    }
}
