package org.yunjian.audit.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yunjian.shared.OwnerOnlyFiles;

/**
 * The file {@code audit-head.witness} in the key directory: "{@code <seq> <mac>}" of the last committed
 * entry, replaced atomically (and forced to disk) after each commit, so it is never ahead of the database.
 * Someone who can delete database rows but not write the key directory cannot hide a truncation after the
 * last anchor.
 *
 * <p>Before a transaction that appended entries commits, a second line "{@code pending <seq>}" records the
 * highest entry it is about to commit; after the commit the first line moves to that entry and the pending
 * line goes. If the process dies in between, the file still names the last <em>confirmed</em> entry and the
 * pending one: entries above the confirmed one that the database lacks were never committed (a crash), while
 * entries up to the confirmed one that it lacks were removed after their commit (truncation).
 */
@Component
public class HeadWitness {

    static final String FILE = "audit-head.witness";
    private static final Logger log = LoggerFactory.getLogger(HeadWitness.class);
    private static final String TMP_SUFFIX = ProcessHandle.current().pid() + "-"
            + java.util.UUID.randomUUID().toString().substring(0, 8);

    private final Path file;
    private final Path lockFile;
    private final ReentrantLock lock = new ReentrantLock();

    HeadWitness(AuditProperties properties) {
        this.file = properties.keyDir().resolve(FILE);
        this.lockFile = properties.keyDir().resolve(FILE + ".lock");
    }

    public record Head(long seq, String mac) {
    }

    /** The last confirmed entry ({@code seq -1} if the file is unreadable), empty if there is no witness. */
    public Optional<Head> read() {
        return state().map(State::confirmed);
    }

    /** The highest entry a transaction was about to commit when the process stopped, if that is later than the confirmed one. */
    public OptionalLong pending() {
        return state().map(s -> s.pending()).orElse(OptionalLong.empty());
    }

    private record State(Head confirmed, OptionalLong pending) {
    }

    private Optional<State> state() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String[] parts = lines.get(0).trim().split("\\s+");
            Head confirmed = new Head(Long.parseLong(parts[0]), parts[1]);
            OptionalLong pending = OptionalLong.empty();
            for (String line : lines.subList(1, lines.size())) {
                String[] p = line.trim().split("\\s+");
                if (p.length == 2 && p[0].equals("pending")) {
                    long seq = Long.parseLong(p[1]);
                    pending = seq > confirmed.seq() ? OptionalLong.of(seq) : OptionalLong.empty();
                }
            }
            return Optional.of(new State(confirmed, pending));
        } catch (IOException | RuntimeException e) {
            log.warn("Unreadable audit head witness {}: {}", file, e.toString());
            return Optional.of(new State(new Head(-1, "unreadable"), OptionalLong.empty()));
        }
    }

    /** Before commit: entries up to {@code seq} are about to be committed. */
    void pending(long seq) {
        update(current -> {
            Head confirmed = current.map(State::confirmed).orElse(new Head(0, Canonical.GENESIS));
            return seq > confirmed.seq() ? new State(confirmed, OptionalLong.of(seq)) : null;
        }, false);
    }

    /** After a commit failed: nothing is pending any more. */
    void notCommitted() {
        update(current -> current.filter(s -> s.pending().isPresent() && s.confirmed().seq() >= 0)
                .map(s -> new State(s.confirmed(), OptionalLong.empty())).orElse(null), false);
    }

    /** Records {@code head} unless the witness already records a later entry (commits may finish out of order). */
    void advance(Head head) {
        update(current -> {
            if (current.isPresent() && current.get().confirmed().seq() >= head.seq()) {
                return null;
            }
            OptionalLong pending = current.map(State::pending).orElse(OptionalLong.empty());
            return new State(head, pending.isPresent() && pending.getAsLong() > head.seq() ? pending
                    : OptionalLong.empty());
        }, true);
    }

    /**
     * Applies {@code change} to the current state under the locks; {@code null} leaves the file as it is.
     * {@code force}: to disk before returning — for a confirmation (the pin against truncation); a pending
     * line lost in a power cut only loses the "never committed" note, never raises a false finding.
     */
    private void update(java.util.function.Function<Optional<State>, State> change, boolean force) {
        lock.lock();
        // the file lock keeps a CLI process and the server on the same key directory from racing
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            State next = change.apply(state());
            if (next == null) {
                return;
            }
            write(next.confirmed().seq() + " " + next.confirmed().mac() + "\n"
                    + (next.pending().isPresent() ? "pending " + next.pending().getAsLong() + "\n" : ""), force);
        } catch (IOException e) {
            log.error("Could not write audit head witness {}: {}", file, e.toString());
        } finally {
            lock.unlock();
        }
    }

    /** Atomic replace, forced to disk before and after the rename (a witness must survive a power cut). */
    private void write(String content, boolean force) throws IOException {
        // a name of this process's own: two nodes sharing the key directory never write or move each other's
        // half-written file, even where the storage does not honour the file lock
        Path tmp = file.resolveSibling(FILE + ".tmp-" + TMP_SUFFIX);
        Files.deleteIfExists(tmp);
        OwnerOnlyFiles.createOwnerOnly(tmp, content);
        if (force) {
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        if (force) {
            try (FileChannel d = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException | UnsupportedOperationException directoriesCannotBeForcedHere) {
                // not every platform can force a directory; the rename is still atomic
            }
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
