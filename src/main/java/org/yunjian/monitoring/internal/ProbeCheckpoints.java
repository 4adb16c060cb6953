package org.yunjian.monitoring.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yunjian.crypto.Signer;
import org.yunjian.crypto.Verifier;
import org.yunjian.monitoring.ProbeChain;
import org.yunjian.monitoring.ProbeCheckpoint;
import org.yunjian.monitoring.ProbeCheckpoint.Checkpoint;
import org.yunjian.monitoring.ProbeCheckpoint.Finding;
import org.yunjian.monitoring.ProbeCheckpoint.Read;
import org.yunjian.monitoring.ProbeCheckpoint.Status;
import org.yunjian.shared.keys.KeyDirectory;
import org.yunjian.shared.keys.OwnerOnlyFiles;
import org.yunjian.shared.keys.PlatformSigningKey;

/**
 * The monitors' signed chain checkpoints ({@link ProbeCheckpoint}), one file per monitor in {@code monitor-chains/} of
 * the key directory, which a writer of the database cannot write. As the audit log's head witness: a checkpoint moves
 * only after the probe's commit, so it is never ahead of the database (a process dying in between leaves it behind,
 * which is no finding), and never backwards — commits finishing out of order, or another node sharing the key
 * directory, cannot rewind it. Each replace is atomic and forced to disk (file and directory); a lock per monitor, in
 * the process and on a lock file, keeps the server and a second node on the same directory from racing. With a key
 * directory per node each node's checkpoint vouches for what that node, or one before it, confirmed.
 */
@Component
class ProbeCheckpoints {

    static final String DIR = "monitor-chains";
    static final String SUFFIX = ".checkpoint";
    private static final int STRIPES = 64;
    private static final Logger log = LoggerFactory.getLogger(ProbeCheckpoints.class);
    private static final String TMP_SUFFIX =
            ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);

    private final Path dir;
    private final PlatformSigningKey key;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    ProbeCheckpoints(KeyDirectory keys, PlatformSigningKey key) {
        this.dir = keys.resolve(DIR);
        this.key = key;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The monitor's checkpoint as read now, its signature checked. */
    Read read(UUID monitorId) {
        Path file = file(monitorId);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Read.NONE;
        } catch (IOException | RuntimeException e) {
            log.warn("Unreadable probe chain checkpoint {}: {}", file, e.toString());
            return Read.INVALID;
        }
        return ProbeCheckpoint.read(monitorId, text, Verifier.of(key.pair().getPublic()));
    }

    /**
     * After the commit of the monitor's probe {@code link}: the checkpoint names it, unless it already names a later
     * one. {@code found} (or null) is what the append found wrong with the checkpoint it read: with it the checkpoint
     * starts again at {@code link} and carries the finding on; a finding the checkpoint carries already stays.
     */
    void advance(UUID monitorId, ProbeChain.Head link, Finding found) {
        int stripe = Math.floorMod(monitorId.hashCode(), STRIPES);
        ReentrantLock lock = locks[stripe];
        lock.lock();
        try {
            OwnerOnlyFiles.ensureDirectory(dir);
            try (FileChannel channel = FileChannel.open(
                            dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock(stripe, 1, false)) {
                Read current = read(monitorId);
                Finding fresh = found;
                if (current.status() == Status.INVALID && fresh == null) {
                    fresh = Finding.forged(link.seq()); // rewritten since the append read it
                }
                Finding carried = current.status() == Status.CONFIRMED
                        ? current.checkpoint().finding()
                        : null;
                if (fresh == null && current.status() == Status.CONFIRMED && current.seq() >= link.seq()) {
                    return; // a later probe is confirmed already
                }
                Checkpoint next = new Checkpoint(monitorId, link, carried != null ? carried : fresh);
                write(
                        file(monitorId),
                        ProbeCheckpoint.write(next, Signer.of(key.pair().getPrivate())));
            }
        } catch (IOException | RuntimeException e) {
            // the probe is committed; a checkpoint left behind only vouches for less (never a false finding)
            log.error("Could not write the probe chain checkpoint of monitor {}: {}", monitorId, e.toString());
        } finally {
            lock.unlock();
        }
    }

    private Path file(UUID monitorId) {
        return dir.resolve(monitorId + SUFFIX);
    }

    /** Atomic replace, forced to disk before and after the rename (a checkpoint must survive a power cut). */
    private static void write(Path file, String content) throws IOException {
        // a name of this process's own: two nodes sharing the key directory never move each other's half-written file
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + TMP_SUFFIX);
        Files.deleteIfExists(tmp);
        OwnerOnlyFiles.createOwnerOnly(tmp, content);
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel d = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException directoriesCannotBeForcedHere) {
            // not every platform can force a directory; the rename is still atomic
        }
    }
}
