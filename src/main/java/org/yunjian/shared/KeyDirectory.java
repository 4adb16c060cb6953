package org.yunjian.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's key directory ({@code yunjian.key-dir}): owner-only secret files that never enter the
 * database — the audit HMAC and anchor keys, the evidence master key, the certificate signing key, the
 * database password, the TOTP secret key. One place decides when a missing secret may be created.
 */
public final class KeyDirectory {

    private static final Logger log = LoggerFactory.getLogger(KeyDirectory.class);

    private final Path dir;

    public KeyDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /**
     * The content of the owner-only file {@code name}, stripped; a missing file is created with
     * {@code generator}'s content (first set-up). Two processes racing to create it end up with the same one.
     */
    public String secret(String name, Supplier<String> generator) {
        Path file = dir.resolve(name);
        try {
            OwnerOnlyFiles.ensureDirectory(dir);
            if (OwnerOnlyFiles.createIfAbsent(file, generator.get().strip() + "\n")) {
                log.info("Created {} (owner-only). Back it up apart from the data directory.", file);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
