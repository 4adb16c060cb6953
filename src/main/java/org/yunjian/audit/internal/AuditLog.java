package org.yunjian.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yunjian.crypto.Hex;
import org.yunjian.shared.LocalizedException;
import org.yunjian.shared.Msg;

/**
 * Appends entries to the chain and writes anchors. Appends are serialised twice: by a JVM lock held until
 * the surrounding transaction completes (so threads of this process queue in order instead of running
 * into database lock time-outs) and by {@code SELECT ... FOR UPDATE} on {@code audit_head} (so other
 * processes on the same database, e.g. the CLI, queue too). Sequence numbers are therefore dense.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    static final int MAX_SHORT = 100;
    static final int MAX_ID = 200;
    static final int MAX_DETAIL = 2000;

    private final AuditRepository repository;
    private final AuditKeys keys;
    private final HeadWitness witness;
    private final AuditProperties properties;
    private final AnchorExport export;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock(true);

    AuditLog(
            AuditRepository repository,
            AuditKeys keys,
            HeadWitness witness,
            AuditProperties properties,
            AnchorExport export,
            Clock clock) {
        this.export = export;
        this.repository = repository;
        this.keys = keys;
        this.witness = witness;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What the recorder knows about one event; fields are trimmed to column sizes here, before MACing.
     * {@code apiTokenId} and {@code apiTokenName}: the API token the user acted through, else {@code null}.
     */
    public record Draft(
            String username,
            UUID organizationId,
            String sourceAddress,
            String action,
            String objectType,
            String objectId,
            String outcome,
            String detail,
            UUID apiTokenId,
            String apiTokenName) {

        /** An event without an API token. */
        public Draft(
                String username,
                UUID organizationId,
                String sourceAddress,
                String action,
                String objectType,
                String objectId,
                String outcome,
                String detail) {
            this(username, organizationId, sourceAddress, action, objectType, objectId, outcome, detail, null, null);
        }
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry append(Draft d) {
        acquireUntilTransactionEnds();
        HeadWitness.Head head = repository.lockHead();
        long seq = head.seq() + 1;
        AuditEntry unsigned = new AuditEntry(
                seq,
                Canonical.truncate(clock.instant()),
                clip(d.username(), MAX_ID),
                d.organizationId(),
                clip(d.sourceAddress(), 64),
                clip(d.action(), MAX_SHORT),
                clip(d.objectType(), MAX_SHORT),
                clip(d.objectId(), MAX_ID),
                clip(d.outcome(), 10),
                clip(d.detail(), MAX_DETAIL),
                head.mac(),
                null,
                d.apiTokenId(),
                clip(d.apiTokenName(), MAX_SHORT));
        AuditEntry entry = unsigned.withMac(mac(unsigned));
        repository.insert(entry);
        repository.advanceHead(seq, entry.mac());
        witnessAfterCommit(entry);
        if (seq % properties.anchorEvery() == 0) {
            anchor(entry.seq(), entry.mac());
        }
        return entry;
    }

    /** Whether the current transaction has appended entries (and so holds the head row's lock). */
    boolean appendedInThisTransaction() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.hasResource(witness);
    }

    /** The newest entry this transaction appended, for the head witness. */
    private static final class TransactionHead {
        volatile long first;
        volatile AuditEntry last;
    }

    /**
     * Once per transaction: before its commit the witness records the newest entry as pending (a crash from
     * there until after the commit reads as "never committed", not as truncation); after the commit it
     * confirms it; after a failed commit nothing is pending any more.
     */
    private void witnessAfterCommit(AuditEntry entry) {
        Object key = witness;
        TransactionHead head = (TransactionHead) TransactionSynchronizationManager.getResource(key);
        if (head != null) {
            head.last = entry;
            return;
        }
        TransactionHead fresh = new TransactionHead();
        fresh.first = entry.seq();
        fresh.last = entry;
        TransactionSynchronizationManager.bindResource(key, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                witness.pending(fresh.first, fresh.last.seq());
            }

            @Override
            public void afterCommit() {
                witness.advance(new HeadWitness.Head(fresh.last.seq(), fresh.last.mac()));
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
                if (status != STATUS_COMMITTED) {
                    witness.notCommitted();
                }
            }
        });
    }

    /** What {@link #anchorNow()} did. */
    public enum AnchorResult {
        ANCHORED,
        NOTHING_NEW,
        CHAIN_BROKEN
    }

    /**
     * Anchors the current head if there are entries after the last anchor. A tail that does not verify
     * since the last anchor is never signed.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public AnchorResult anchorNow() {
        acquireUntilTransactionEnds();
        HeadWitness.Head head = repository.lockHead();
        long anchored = repository.lastAnchor().map(AuditAnchor::seq).orElse(0L);
        if (head.seq() <= anchored) {
            return AnchorResult.NOTHING_NEW;
        }
        return anchor(head.seq(), head.mac()).isPresent() ? AnchorResult.ANCHORED : AnchorResult.CHAIN_BROKEN;
    }

    String mac(AuditEntry e) {
        return Hex.encode(keys.hmac().mac(Canonical.entry(e)));
    }

    private Optional<AuditAnchor> anchor(long seq, String mac) {
        if (!tailIntact(seq, mac)) {
            log.error("Audit chain broken after the last anchor (up to entry {}); not anchoring", seq);
            return Optional.empty();
        }
        Instant now = Canonical.truncate(clock.instant());
        String signature = Hex.encode(keys.signer().sign(Canonical.anchor(seq, mac, now, keys.keyId())));
        AuditAnchor anchor = new AuditAnchor(seq, mac, now, keys.keyId(), signature);
        repository.insert(anchor);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                export.append(anchor);
                // after the export: a process stopped in between leaves the witness behind, never ahead of it
                witness.anchored(anchor.seq());
            }
        });
        return Optional.of(anchor);
    }

    /** Entries after the last anchor link to it and to each other, carry valid MACs and end at {@code seq}/{@code mac}. */
    private boolean tailIntact(long seq, String mac) {
        Optional<AuditAnchor> last = repository.lastAnchor();
        long from = last.map(AuditAnchor::seq).orElse(0L);
        String prev = last.map(AuditAnchor::mac).orElse(Canonical.GENESIS);
        if (last.isPresent()) {
            Optional<AuditEntry> anchored = repository.entry(from);
            if (anchored.isEmpty() || !anchored.get().mac().equals(prev)) {
                return false;
            }
        }
        long expected = from + 1;
        List<AuditEntry> tail = repository.entriesAfter(from);
        for (AuditEntry e : tail) {
            if (e.seq() > seq) {
                break;
            }
            if (e.seq() != expected
                    || !e.prevMac().equals(prev)
                    || !keys.hmac().verify(Canonical.entry(e), Hex.decode(e.mac()))) {
                return false;
            }
            prev = e.mac();
            expected++;
        }
        return expected == seq + 1 && prev.equals(mac);
    }

    private void acquireUntilTransactionEnds() {
        try {
            long waitMs = properties.lockWait().toMillis();
            if (!lock.tryLock(waitMs, TimeUnit.MILLISECONDS)) {
                // not a fault: the web answers 503 with Retry-After (LockContentionAdvice), the message says why
                throw new org.springframework.dao.CannotAcquireLockException(
                        Msg.of("audit.error.busy", Long.toString(Math.max(1, waitMs / 1000)))
                                .text());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalizedException(Msg.of("audit.error.interrupted"), e);
        }
        try {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    lock.unlock();
                }
            });
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    /** Cuts to at most {@code max} UTF-16 units without splitting a surrogate pair; removes NUL (PostgreSQL rejects it). */
    static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String clean = s.indexOf('\0') >= 0 ? s.replace('\0', '\uFFFD') : s;
        if (clean.length() <= max) {
            return clean;
        }
        int end = max;
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end);
    }
}
