package org.yunjian.assessment.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import org.yunjian.crypto.Hex;
import org.yunjian.crypto.Sm4Gcm;

/**
 * The evidence master key (SM4, in {@code evidence-master.key} in the key directory, created on first use,
 * owner-only) wraps each file's random key. The wrapped key is bound to the evidence id (GCM associated
 * data), so a wrapped key copied to another row does not open.
 */
class EvidenceKeys {

    static final int VERSION = 1;
    private final byte[] master;

    EvidenceKeys(Path keyDir) {
        try {
            org.yunjian.shared.OwnerOnlyFiles.ensureDirectory(keyDir);   // 0700
            Path file = keyDir.resolve("evidence-master.key");
            if (!Files.exists(file)) {
                try {
                    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
                    } else {
                        Files.createFile(file);
                    }
                    Files.writeString(file, Hex.encode(Sm4Gcm.generateKey()) + "\n", StandardCharsets.UTF_8);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            byte[] key = Hex.decode(Files.readString(file, StandardCharsets.UTF_8).strip());
            if (key.length != Sm4Gcm.KEY_LENGTH) {
                throw new IllegalStateException(file + ": the evidence master key must be 32 hex digits");
            }
            this.master = key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the evidence master key in " + keyDir, e);
        }
    }

    String wrap(UUID evidenceId, byte[] fileKey) {
        return Hex.encode(Sm4Gcm.encrypt(master, fileKey, aad(evidenceId)));
    }

    byte[] unwrap(UUID evidenceId, String wrapped) {
        return Sm4Gcm.decrypt(master, Hex.decode(wrapped), aad(evidenceId));
    }

    static byte[] aad(UUID id) {
        return ("yunjian-evidence:" + id).getBytes(StandardCharsets.US_ASCII);
    }
}
