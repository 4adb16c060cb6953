package org.yunjian.monitoring.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yunjian.crypto.Signer;
import org.yunjian.crypto.Verifier;
import org.yunjian.monitoring.Monitor;
import org.yunjian.monitoring.Probe;
import org.yunjian.monitoring.ProbeChain;
import org.yunjian.monitoring.ProbeCheckpoint;
import org.yunjian.monitoring.SealBreak;
import org.yunjian.monitoring.probe.FetchResult;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.keys.PlatformSigningKey;

/**
 * Probe results as sealed evidence ({@link ProbeChain}): each stored probe appended to its monitor's chain and signed
 * with the platform's key, one append at a time per monitor; the responses of the probes that matter (one that opened
 * an alert, the content a baseline approved) kept behind their SM3; and the chain verified, a kept response handed
 * out, to whoever sees the monitor.
 */
@Service
public class ProbeEvidence {

    static final String PROBE = "monitor-probe";

    private final ProbeSealRepository seals;
    private final MonitorRepository monitors;
    private final MonitorAccess access;
    private final PlatformSigningKey key;
    private final ProbeCheckpoints checkpoints;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProbeEvidence(
            ProbeSealRepository seals,
            MonitorRepository monitors,
            MonitorAccess access,
            PlatformSigningKey key,
            ProbeCheckpoints checkpoints,
            ApplicationEventPublisher events,
            Clock clock) {
        this.seals = seals;
        this.monitors = monitors;
        this.access = access;
        this.key = key;
        this.checkpoints = checkpoints;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores {@code p} sealed at the end of its monitor's chain; inside the probe's transaction, which holds the
     * chain's head until it ends.
     */
    void append(Probe p) {
        ProbeChain.Head head = seals.lockHead(p.monitorId());
        ProbeChain.Link link = ProbeChain.append(p, head, Signer.of(key.pair().getPrivate()));
        monitors.probe(p);
        if (!seals.sealed(p, head, link)) {
            throw new IllegalStateException("chain-head-moved:" + p.monitorId()); // cannot be: the head is locked
        }
        ProbeCheckpoint.Finding found = check(p.monitorId(), link.seq());
        ProbeChain.Head linked = new ProbeChain.Head(link.seq(), link.seal());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            checkpoints.advance(p.monitorId(), linked, found);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() { // never ahead of the database
                checkpoints.advance(p.monitorId(), linked, found);
            }
        });
    }

    /**
     * What is wrong with the monitor's checkpoint as probe {@code seq} is appended (the chain's head locked): it fails
     * its signature, or the chain no longer holds the probe it names (deleted, the head rewound); null when nothing is
     * (or it carries its finding already). A checkpoint that lags behind the database names an older probe, which the
     * chain holds: never a false finding.
     */
    private ProbeCheckpoint.Finding check(UUID monitorId, long seq) {
        ProbeCheckpoint.Read before = checkpoints.read(monitorId);
        return switch (before.status()) {
            case NONE -> null;
            case INVALID -> ProbeCheckpoint.Finding.forged(seq);
            case CONFIRMED ->
                before.checkpoint().finding() != null
                                || seals.holds(monitorId, before.checkpoint().head())
                        ? null
                        : ProbeCheckpoint.Finding.cut(before.seq(), seq);
        };
    }

    /**
     * Keeps the response {@code r} got behind its SM3, after the probe's transaction and outside any (a second probe
     * keeping the same bytes at once is a duplicate key, harmless; nothing new if kept already).
     */
    void keep(FetchResult r) {
        if (r == null || r.sm3() == null || r.body() == null) {
            return;
        }
        seals.keep(r.sm3(), r.body(), clock.instant());
    }

    /**
     * The verdict on the monitor's chain; 404 if the caller does not see the monitor. The checkpoint kept outside the
     * database is read first (it never names an uncommitted probe, so the rows read after it hold what it names). The
     * head is read before and after the probes: a probe stored meanwhile (it moves both at once) makes it read again,
     * so a chain growing while it is read is never taken for one with probes missing. A broken chain is audited
     * ({@code monitor.evidence.verify}, a failure naming the verdict).
     */
    public ProbeChain.Verdict verify(UUID monitorId) {
        seen(monitorId);
        Verifier verifier = Verifier.of(key.pair().getPublic());
        ProbeCheckpoint.Read checkpoint = checkpoints.read(monitorId);
        ProbeChain.Head head = seals.head(monitorId);
        for (int attempt = 1; ; attempt++) {
            List<ProbeChain.Row> rows = seals.chain(monitorId);
            ProbeChain.Head after = seals.head(monitorId);
            if (after.equals(head) || attempt == 5) {
                ProbeChain.Verdict v = ProbeChain.verify(rows, after, checkpoint, verifier);
                if (!v.intact()) {
                    events.publishEvent(AuditableEvent.failure(
                            "monitor.evidence.verify", MonitorService.OBJECT, monitorId, verdict(v)));
                }
                return v;
            }
            head = after;
        }
    }

    /**
     * The verdict in words: 证据链完整 … (with a note when no checkpoint outside the database vouches for the chain's
     * end), or which probe broke the chain and why, or that it was cut short.
     */
    public static Msg verdict(ProbeChain.Verdict v) {
        ProbeChain.Broken b = v.broken();
        if (b == null) {
            String unchecked =
                    v.sealed() > 0 && v.checkpoint().status() == ProbeCheckpoint.Status.NONE ? "NoCheckpoint" : "";
            return v.unsealed() == 0
                    ? Msg.of("monitoring.seal.intact" + unchecked, v.checked())
                    : Msg.of("monitoring.seal.intactWithOlder" + unchecked, v.checked(), v.sealed(), v.unsealed());
        }
        if (b.reason() == SealBreak.TRUNCATED) {
            return b.foundAt() > 0
                    ? Msg.of("monitoring.seal.truncatedEarlier", b.confirmed(), b.foundAt())
                    : Msg.of("monitoring.seal.truncated", v.sealed(), b.confirmed());
        }
        if (b.reason() == SealBreak.CHECKPOINT_INVALID) {
            return Msg.of("monitoring.seal.checkpointInvalid");
        }
        if (b.probeId() == null) {
            return Msg.of("monitoring.seal.tailMissing", v.sealed());
        }
        return Msg.of("monitoring.seal.broken", b.position(), Msg.of(b.reason()));
    }

    /** The SM3 digests of the monitor's probes whose response is kept; 404 if the caller does not see it. */
    public Set<String> kept(UUID monitorId) {
        seen(monitorId);
        return seals.keptOf(monitorId);
    }

    /** A probe's response as received: the monitor's name, the probe, the response's SM3 and bytes. */
    public record KeptResponse(String monitorName, Probe probe, String sm3, byte[] content) {}

    /** The kept response of the monitor's probe; 404 if the caller does not see it or it is not kept. */
    public KeptResponse response(UUID monitorId, UUID probeId) {
        Monitor m = seen(monitorId);
        Probe p = seals.probe(monitorId, probeId).orElseThrow(() -> new NotFoundException(PROBE, probeId));
        Optional<byte[]> content = p.bodySm3() == null ? Optional.empty() : seals.response(p.bodySm3());
        return new KeptResponse(
                m.name(), p, p.bodySm3(), content.orElseThrow(() -> new NotFoundException(PROBE, probeId)));
    }

    private Monitor seen(UUID monitorId) {
        Monitor m = monitors.find(monitorId).orElseThrow(() -> new NotFoundException(MonitorService.OBJECT, monitorId));
        access.see(m.systemId());
        return m;
    }
}
