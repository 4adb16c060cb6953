package org.yunjian.exitproject.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Uploaded manifests, verification reports and object-storage check reports, as files named by their record id under one directory per project. */
@Component
class FileStore {

    private final Path root;

    FileStore(ExitProjectProperties properties) {
        this.root = properties.fileDir();
    }

    /** A temporary file in the project's directory holding {@code in}. */
    Path receive(UUID projectId, InputStream in) {
        try {
            Path dir = root.resolve(projectId.toString());
            org.yunjian.shared.keys.OwnerOnlyFiles.ensureDirectory(dir); // 0700; the temporary file is 0600
            Path tmp = Files.createTempFile(dir, "upload-", ".part");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** Keeps a received file as the record's file. */
    void keep(Path received, UUID projectId, UUID recordId) {
        try {
            Files.move(received, path(projectId, recordId), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    void discard(Path received) {
        try {
            Files.deleteIfExists(received);
        } catch (IOException ignored) {
            // a stray temporary file is harmless
        }
    }

    Path path(UUID projectId, UUID recordId) {
        return root.resolve(projectId.toString()).resolve(recordId.toString());
    }
}
