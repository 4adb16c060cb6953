package org.yunjian.audit.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yunjian.crypto.Hex;
import org.yunjian.crypto.HmacSm3;
import org.yunjian.shared.keys.OwnerOnlyFiles;

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
 *
 * <p>The file ends with "{@code hmac-sm3 <hex>}": HMAC-SM3 with the audit HMAC key over everything before it, so
 * whoever can write the key directory but not read the key cannot rewind it (write an earlier entry's number and
 * MAC, both readable in the database) without {@code audit verify} saying so. It also carries
 * "{@code anchor <seq>}", the newest anchor this process committed (the anchors and the anchor export may not end
 * before it), and "{@code restarted <seq> <reason>}" once a write found the witness missing, in the old format
 * without a MAC, or failing its MAC: the witness then started again at that entry and cannot vouch for what was
 * removed from the end of the log before it — carried on in every later write, reported by every verification.
 * A file without the MAC line (written before this version) is read, and reported, until the next commit rewrites it.
 */
@Component
public class HeadWitness {

    static final String FILE = "audit-head.witness";
    static final String MAC_LINE = "hmac-sm3";
    private static final byte[] DOMAIN = "yunjian-audit-head-witness 2\n".getBytes(StandardCharsets.UTF_8);
    private static final Logger log = LoggerFactory.getLogger(HeadWitness.class);
    private static final String TMP_SUFFIX = ProcessHandle.current().pid() + "-"
            + java.util.UUID.randomUUID().toString().substring(0, 8);

    private final Path file;
    private final Path lockFile;
    private final HmacSm3 hmac;
    private final ReentrantLock lock = new ReentrantLock();

    HeadWitness(AuditProperties properties, AuditKeys keys) {
        this.file = properties.keyDir().resolve(FILE);
        this.lockFile = properties.keyDir().resolve(FILE + ".lock");
        this.hmac = keys.hmac();
    }

    public record Head(long seq, String mac) {}

    /** Whether the file's MAC line verified. */
    public enum Trust {
        /** The MAC line verifies with the audit HMAC key. */
        AUTHENTIC,
        /** No MAC line: written before witnesses carried one, or by someone without the key. */
        LEGACY,
        /** A MAC line that does not verify: changed without the key. */
        FORGED,
        /** Not a witness file at all. */
        UNREADABLE
    }

    /** Why a witness started again at an entry: the file was missing, old-format or failing its MAC. */
    public record Restart(long seq, String reason) {}

    /**
     * The witness as read: the last confirmed entry, the entry being committed (if later), where it started again
     * ({@code null}: never), the newest anchor committed ({@code 0}: none recorded) and whether it is authentic.
     */
    public record State(Head confirmed, OptionalLong pending, Restart restarted, long anchor, Trust trust) {

        State(Head confirmed, OptionalLong pending, Restart restarted, long anchor) {
            this(confirmed, pending, restarted, anchor, Trust.AUTHENTIC);
        }

        private State with(Head confirmed, OptionalLong pending) {
            return new State(confirmed, pending, restarted, anchor, trust);
        }
    }

    /** The last confirmed entry ({@code seq -1} if the file is unreadable), empty if there is no witness. */
    public Optional<Head> read() {
        return state().map(State::confirmed);
    }

    /** The highest entry a transaction was about to commit when the process stopped, if that is later than the confirmed one. */
    public OptionalLong pending() {
        return state().map(s -> s.pending()).orElse(OptionalLong.empty());
    }

    /** The whole witness as read, empty if there is none. */
    public Optional<State> state() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            log.warn("Unreadable audit head witness {}: {}", file, e.toString());
            return Optional.of(unreadable());
        }
    }

    private static State unreadable() {
        return new State(new Head(-1, "unreadable"), OptionalLong.empty(), null, 0, Trust.UNREADABLE);
    }

    private State parse(String text) {
        int macAt = text.indexOf("\n" + MAC_LINE + " ");
        Trust trust = Trust.LEGACY;
        String body = text;
        if (macAt >= 0) {
            body = text.substring(0, macAt + 1);
            byte[] tag;
            try {
                tag = Hex.decode(
                        text.substring(macAt + 1 + MAC_LINE.length() + 1).strip());
            } catch (IllegalArgumentException e) {
                tag = null;
            }
            trust = tag != null && hmac.verify(authenticated(body), tag) ? Trust.AUTHENTIC : Trust.FORGED;
        }
        List<String> lines = body.lines().toList();
        String[] parts = lines.get(0).trim().split("\\s+");
        Head confirmed = new Head(Long.parseLong(parts[0]), parts[1]);
        OptionalLong pending = OptionalLong.empty();
        Restart restarted = null;
        long anchor = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] p = line.trim().split("\\s+");
            if (p.length == 2 && p[0].equals("pending")) {
                long seq = Long.parseLong(p[1]);
                pending = seq > confirmed.seq() ? OptionalLong.of(seq) : OptionalLong.empty();
            } else if (p.length == 3 && p[0].equals("restarted")) {
                restarted = new Restart(Long.parseLong(p[1]), p[2]);
            } else if (p.length == 2 && p[0].equals("anchor")) {
                anchor = Long.parseLong(p[1]);
            }
        }
        return new State(confirmed, pending, restarted, anchor, trust);
    }

    private static byte[] authenticated(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(DOMAIN, DOMAIN.length + b.length);
        System.arraycopy(b, 0, all, DOMAIN.length, b.length);
        return all;
    }

    /** Before commit: entry {@code seq} (a transaction's only one) is about to be committed. */
    void pending(long seq) {
        pending(seq, seq);
    }

    /**
     * Before commit: entries {@code first} to {@code seq} (one transaction's) are about to be committed. A
     * transaction that writes the log's first entries finds no witness and starts one: no restart to report.
     */
    void pending(long first, long seq) {
        update(
                first,
                current -> {
                    Head confirmed = current.map(State::confirmed).orElse(new Head(0, Canonical.GENESIS));
                    return seq > confirmed.seq()
                            ? current.map(s -> s.with(confirmed, OptionalLong.of(seq)))
                                    .orElse(new State(confirmed, OptionalLong.of(seq), null, 0))
                            : null;
                },
                false);
    }

    /** After a commit failed: nothing is pending any more. */
    void notCommitted() {
        update(
                current -> current.filter(
                                s -> s.pending().isPresent() && s.confirmed().seq() >= 0)
                        .map(s -> s.with(s.confirmed(), OptionalLong.empty()))
                        .orElse(null),
                false);
    }

    /** Records {@code head} unless the witness already records a later entry (commits may finish out of order). */
    void advance(Head head) {
        update(
                current -> {
                    if (current.isPresent() && current.get().confirmed().seq() >= head.seq()) {
                        return null;
                    }
                    OptionalLong pending = current.map(State::pending).orElse(OptionalLong.empty());
                    OptionalLong next =
                            pending.isPresent() && pending.getAsLong() > head.seq() ? pending : OptionalLong.empty();
                    return current.map(s -> s.with(head, next)).orElse(new State(head, next, null, 0));
                },
                true);
    }

    /** After an anchor's commit: the anchors (and the anchor export) may not end before it. */
    void anchored(long seq) {
        update(
                current -> current.filter(s -> s.anchor() < seq)
                        .map(s -> new State(s.confirmed(), s.pending(), s.restarted(), seq))
                        .orElse(null),
                true);
    }

    /**
     * Applies {@code change} to the current state under the locks; {@code null} leaves the file as it is.
     * A current witness that is not authentic (missing while the log goes on, old format, failing its MAC) is not
     * built on: {@code change} sees none, and the new witness records where and why it started again.
     * {@code force}: to disk before returning — for a confirmation (the pin against truncation); a pending
     * line lost in a power cut only loses the "never committed" note, never raises a false finding.
     */
    private void update(java.util.function.Function<Optional<State>, State> change, boolean force) {
        update(0, change, force);
    }

    /** {@code firstNew}: the first entry the new state vouches for that the one on disk did not (0: its head). */
    private void update(long firstNew, java.util.function.Function<Optional<State>, State> change, boolean force) {
        lock.lock();
        // the file lock keeps a CLI process and the server on the same key directory from racing
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            Optional<State> current = state();
            String reason = current.isEmpty()
                    ? "missing"
                    : current.get().trust() == Trust.AUTHENTIC
                            ? null
                            : current.get().trust().name().toLowerCase(java.util.Locale.ROOT);
            State next = change.apply(reason == null ? current : Optional.empty());
            if (next == null) {
                return;
            }
            if (reason != null) {
                long first = next.pending().orElse(next.confirmed().seq());
                // a new log starts at entry 1 without a witness (its first transaction may write several entries,
                // the demo's set-up ten): nothing to report there
                long from = firstNew > 0 ? firstNew : first;
                Restart restart = reason.equals("missing") && from <= 1 ? null : new Restart(first, reason);
                next = new State(next.confirmed(), next.pending(), restart, next.anchor());
            }
            write(text(next), force);
        } catch (IOException e) {
            log.error("Could not write audit head witness {}: {}", file, e.toString());
        } finally {
            lock.unlock();
        }
    }

    private String text(State s) {
        StringBuilder b = new StringBuilder()
                .append(s.confirmed().seq())
                .append(' ')
                .append(s.confirmed().mac())
                .append('\n');
        s.pending().ifPresent(p -> b.append("pending ").append(p).append('\n'));
        if (s.restarted() != null) {
            b.append("restarted ")
                    .append(s.restarted().seq())
                    .append(' ')
                    .append(s.restarted().reason())
                    .append('\n');
        }
        if (s.anchor() > 0) {
            b.append("anchor ").append(s.anchor()).append('\n');
        }
        String body = b.toString();
        return body + MAC_LINE + " " + Hex.encode(hmac.mac(authenticated(body))) + "\n";
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
