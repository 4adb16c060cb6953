package org.yunjian.audit.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yunjian.shared.OwnerOnlyFiles;

/**
 * The file {@code audit-head.witness} in the key directory: "{@code <seq> <mac>}" of the last committed
 * entry, replaced atomically after each commit. Someone who can delete database rows but not write the
 * key directory cannot hide a truncation after the last anchor.
 */
@Component
public class HeadWitness {

    static final String FILE = "audit-head.witness";
    private static final Logger log = LoggerFactory.getLogger(HeadWitness.class);

    private final Path file;
    private final Path lockFile;
    private final ReentrantLock lock = new ReentrantLock();

    HeadWitness(AuditProperties properties) {
        this.file = properties.keyDir().resolve(FILE);
        this.lockFile = properties.keyDir().resolve(FILE + ".lock");
    }

    public record Head(long seq, String mac) {
    }

    public Optional<Head> read() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
            return Optional.of(new Head(Long.parseLong(parts[0]), parts[1]));
        } catch (IOException | RuntimeException e) {
            log.warn("Unreadable audit head witness {}: {}", file, e.toString());
            return Optional.of(new Head(-1, "unreadable"));
        }
    }

    /** Records {@code head} unless the witness already records a later entry (commits may finish out of order). */
    void advance(Head head) {
        lock.lock();
        // the file lock keeps a CLI process and the server on the same key directory from racing
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            Optional<Head> current = read();
            if (current.isPresent() && current.get().seq() >= head.seq()) {
                return;
            }
            OwnerOnlyFiles.writeAtomically(file, head.seq() + " " + head.mac() + "\n");
        } catch (IOException e) {
            log.error("Could not write audit head witness {}: {}", file, e.toString());
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the witness; only for tests that start a log from scratch. */
    void reset() {
        lock.lock();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }
}
