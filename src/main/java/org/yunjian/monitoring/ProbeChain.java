package org.yunjian.monitoring;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.yunjian.crypto.Signer;
import org.yunjian.crypto.Sm3;
import org.yunjian.crypto.Verifier;

/**
 * The sealed evidence of a monitor's probes (issue 38: every probe result kept tamper-evident): each probe's seal is
 * the SM3 of a canonical, versioned encoding of what the probe stored (monitor, probe, start to the microsecond,
 * duration, outcome, status, the response's SM3 and size, findings, node) with its place in the monitor's chain and
 * the seal before it ({@link #GENESIS} for the first), and the seal is signed with the platform's SM2 key. Changing a
 * stored field breaks its seal; re-sealing without the key breaks the signature; removing, inserting or reordering a
 * probe breaks the chain. Probes stored before sealing began carry no seal and are counted as such, never faked.
 * Spring-free: the platform appends with it and verifies with it.
 */
public final class ProbeChain {

    /** The encoding's version, the first line of what is hashed. */
    public static final String FORMAT = "yunjian-probe-seal/1";

    /** The "seal" before a chain's first probe. */
    public static final String GENESIS = Sm3.hex((FORMAT + " genesis").getBytes(StandardCharsets.UTF_8));

    private ProbeChain() {}

    /** A probe's place in its monitor's chain: its number (from 1), the seal before it, its seal and signature. */
    public record Link(long seq, String previous, String seal, byte[] signature) {
        public Link {
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(seal, "seal");
            signature = signature == null ? new byte[0] : signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }
    }

    /** A stored probe and its link, null when it was stored before sealing began. */
    public record Row(Probe probe, Link link) {}

    /** The end of a monitor's chain as kept on the monitor: how many probes were sealed and the last seal. */
    public record Head(long seq, String seal) {
        public static final Head EMPTY = new Head(0, GENESIS);
    }

    /** When a probe is stored: the time it keeps (to the microsecond, as both databases keep it). */
    public static Instant stored(Instant startedAt) {
        return startedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The bytes a seal hashes: the format line, then one line per field as {@code name=length:value} (UTF-8 length in
     * bytes; a missing value is {@code name=-}), so no two different probes encode alike.
     */
    public static byte[] encode(Probe p, long seq, String previous) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        line(out, FORMAT);
        field(out, "seq", Long.toString(seq));
        field(out, "previous", previous);
        field(out, "monitor", p.monitorId().toString());
        field(out, "probe", p.id().toString());
        field(out, "startedAt", stored(p.startedAt()).toString());
        field(out, "durationMs", Long.toString(p.durationMs()));
        field(out, "outcome", p.outcome().name());
        field(out, "httpStatus", p.httpStatus() == null ? null : p.httpStatus().toString());
        field(out, "bodySm3", p.bodySm3());
        field(out, "bodyBytes", Long.toString(p.bodyBytes()));
        field(out, "findings", Integer.toString(p.findings()));
        field(out, "node", p.node());
        return out.toByteArray();
    }

    /** The seal of {@code p} as the chain's {@code seq}-th probe after {@code previous}: SM3 hex of its encoding. */
    public static String seal(Probe p, long seq, String previous) {
        return Sm3.hex(encode(p, seq, previous));
    }

    /** The link of {@code p} appended after {@code head}, signed by {@code signer}. */
    public static Link append(Probe p, Head head, Signer signer) {
        long seq = head.seq() + 1;
        String seal = seal(p, seq, head.seal());
        return new Link(seq, head.seal(), seal, signer.sign(signed(seal)));
    }

    /** What the signature covers: the format and the seal. */
    static byte[] signed(String seal) {
        return (FORMAT + "\n" + seal).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The first broken place: the probe (null when probes at the chain's end are missing), its position among the
     * monitor's probes from the oldest (1-based), when it started (null with no probe) and why; for
     * {@link SealBreak#TRUNCATED} the probe the signed checkpoint confirms ({@code confirmed}) and, when an earlier
     * append found the cut, the probe appended then ({@code foundAt}; else 0).
     */
    public record Broken(
            UUID probeId, int position, Instant startedAt, SealBreak reason, long confirmed, long foundAt) {

        public Broken(UUID probeId, int position, Instant startedAt, SealBreak reason) {
            this(probeId, position, startedAt, reason, 0, 0);
        }
    }

    /**
     * The verdict on a monitor's probes: how many were checked, sealed and unsealed; the first broken one, if any; and
     * the checkpoint kept outside the database as read ({@link ProbeCheckpoint.Status#NONE}: none).
     */
    public record Verdict(int checked, int sealed, int unsealed, Broken broken, ProbeCheckpoint.Read checkpoint) {

        public Verdict(int checked, int sealed, int unsealed, Broken broken) {
            this(checked, sealed, unsealed, broken, ProbeCheckpoint.Read.NONE);
        }

        public boolean intact() {
            return broken == null;
        }
    }

    /** {@link #verify(List, Head, ProbeCheckpoint.Read, Verifier)} with no checkpoint kept outside the database. */
    public static Verdict verify(List<Row> rows, Head head, Verifier verifier) {
        return verify(rows, head, ProbeCheckpoint.Read.NONE, verifier);
    }

    /**
     * Verifies a monitor's stored probes against the head kept on the monitor and the signed checkpoint kept outside
     * the database. {@code rows} in the order they are stored: the unsealed ones (before sealing began) first by
     * start, then the sealed ones by their number. The checkpoint must have been read <em>before</em> the rows (it
     * never names a probe that was not committed, so read first it never names one the rows cannot hold): a chain
     * that does not hold the probe it names, with that seal, was cut short — the head on the row may have been
     * rewound with it; a checkpoint that fails its signature was rewritten without the key.
     */
    public static Verdict verify(List<Row> rows, Head head, ProbeCheckpoint.Read checkpoint, Verifier verifier) {
        int sealed = 0;
        int unsealed = 0;
        Instant sealingBegan = rows.stream()
                .filter(r -> r.link() != null)
                .map(r -> r.probe().startedAt())
                .min(Instant::compareTo)
                .orElse(null);
        String previous = GENESIS;
        long expected = 1;
        Broken broken = null;
        int position = 0;
        for (Row r : rows) {
            position++;
            Link l = r.link();
            if (l == null) {
                unsealed++;
                if (sealingBegan != null && !r.probe().startedAt().isBefore(sealingBegan)) {
                    broken = first(broken, r, position, SealBreak.NOT_SEALED);
                }
                continue;
            }
            sealed++;
            if (broken != null) {
                continue;
            }
            if (l.seq() != expected || !l.previous().equals(previous)) {
                broken = at(r, position, SealBreak.CHAIN_GAP);
            } else if (!seal(r.probe(), l.seq(), l.previous()).equals(l.seal())) {
                broken = at(r, position, SealBreak.SEAL_MISMATCH);
            } else if (!verifier.verify(signed(l.seal()), l.signature())) {
                broken = at(r, position, SealBreak.SIGNATURE_INVALID);
            }
            previous = l.seal();
            expected = l.seq() + 1;
        }
        if (broken == null && (head.seq() != expected - 1 || !head.seal().equals(previous))) {
            broken = new Broken(null, position + 1, null, SealBreak.CHAIN_GAP);
        }
        if (broken == null) {
            broken = againstCheckpoint(rows, checkpoint, position + 1);
        }
        return new Verdict(rows.size(), sealed, unsealed, broken, checkpoint);
    }

    /** Where the chain contradicts the checkpoint kept outside the database, or null. */
    private static Broken againstCheckpoint(List<Row> rows, ProbeCheckpoint.Read checkpoint, int end) {
        if (checkpoint.status() == ProbeCheckpoint.Status.NONE) {
            return null;
        }
        if (checkpoint.status() == ProbeCheckpoint.Status.INVALID) {
            return new Broken(null, end, null, SealBreak.CHECKPOINT_INVALID);
        }
        ProbeCheckpoint.Checkpoint c = checkpoint.checkpoint();
        ProbeCheckpoint.Finding f = c.finding();
        if (f != null) {
            return f.kind() == ProbeCheckpoint.Kind.CUT
                    ? new Broken(null, end, null, SealBreak.TRUNCATED, f.seq(), f.foundAt())
                    : new Broken(null, end, null, SealBreak.CHECKPOINT_INVALID);
        }
        boolean held = rows.stream()
                .map(Row::link)
                .anyMatch(l -> l != null
                        && l.seq() == c.head().seq()
                        && l.seal().equals(c.head().seal()));
        return held
                ? null
                : new Broken(null, end, null, SealBreak.TRUNCATED, c.head().seq(), 0);
    }

    private static Broken first(Broken seen, Row r, int position, SealBreak reason) {
        return seen != null ? seen : at(r, position, reason);
    }

    private static Broken at(Row r, int position, SealBreak reason) {
        return new Broken(r.probe().id(), position, r.probe().startedAt(), reason);
    }

    private static void line(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    private static void field(ByteArrayOutputStream out, String name, String value) {
        if (value == null) {
            line(out, name + "=-");
            return;
        }
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((name + "=" + v.length + ":").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(v);
        out.write('\n');
    }
}
