package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.crypto.Signer;
import org.yunjian.crypto.Sm2;
import org.yunjian.crypto.Verifier;

/**
 * The sealed probe chain's rule: fixed vectors for the encoding and the seal, and every kind of tampering found — an
 * altered field, an altered order, a removed probe (in the middle and at the end), a probe re-sealed without the key,
 * a signature by another key, a probe without seal after sealing began; older unsealed probes are counted, not faked.
 * Prints what signing and verifying cost on this machine (docs/performance.md).
 */
class ProbeChainTest {

    static final KeyPair KEY = Sm2.generateKeyPair();
    static final UUID MONITOR = UUID.fromString("3f2a7c1e-0000-4000-8000-000000000001");
    static final Instant T0 = Instant.parse("2026-11-26T08:00:00.123456Z");

    static Probe probe(int i) {
        return new Probe(
                new UUID(0x1L, i),
                MONITOR,
                T0.plusSeconds(300L * i),
                120 + i,
                ProbeOutcome.OK,
                200,
                "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                1024,
                0,
                "node-a");
    }

    /** {@code n} probes sealed in a chain with {@code key}. */
    static List<ProbeChain.Row> chain(int n, KeyPair key) {
        List<ProbeChain.Row> rows = new ArrayList<>();
        ProbeChain.Head head = ProbeChain.Head.EMPTY;
        for (int i = 1; i <= n; i++) {
            Probe p = probe(i);
            ProbeChain.Link l = ProbeChain.append(p, head, Signer.of(key.getPrivate()));
            rows.add(new ProbeChain.Row(p, l));
            head = new ProbeChain.Head(l.seq(), l.seal());
        }
        return rows;
    }

    static ProbeChain.Head head(List<ProbeChain.Row> rows) {
        ProbeChain.Link last = rows.get(rows.size() - 1).link();
        return new ProbeChain.Head(last.seq(), last.seal());
    }

    static ProbeChain.Verdict verify(List<ProbeChain.Row> rows, ProbeChain.Head head) {
        return ProbeChain.verify(rows, head, Verifier.of(KEY.getPublic()));
    }

    /** The vectors agree with {@code printf … | openssl dgst -sm3} (OpenSSL 3). */
    @Test
    void theGenesisIsFixed() {
        assertThat(ProbeChain.GENESIS).isEqualTo("4f85cef9254a8976bebe06507e855c74155d67fc1e14bee755e045e8384047b4");
    }

    @Test
    void encodingVector() {
        String encoded = new String(ProbeChain.encode(probe(1), 1, ProbeChain.GENESIS), StandardCharsets.UTF_8);
        assertThat(encoded)
                .isEqualTo("yunjian-probe-seal/1\n"
                        + "seq=1:1\n"
                        + "previous=64:" + ProbeChain.GENESIS + "\n"
                        + "monitor=36:3f2a7c1e-0000-4000-8000-000000000001\n"
                        + "probe=36:00000000-0000-0001-0000-000000000001\n"
                        + "startedAt=27:2026-11-26T08:05:00.123456Z\n"
                        + "durationMs=3:121\n"
                        + "outcome=2:OK\n"
                        + "httpStatus=3:200\n"
                        + "bodySm3=64:66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0\n"
                        + "bodyBytes=4:1024\n"
                        + "findings=1:0\n"
                        + "node=6:node-a\n");
        assertThat(ProbeChain.seal(probe(1), 1, ProbeChain.GENESIS))
                .isEqualTo("6510bc08e95446989b550ee7d9b8eb5f8404e9f35132ecdd1461eff30f0dd322");
    }

    @Test
    void aMissingValueEncodesApartFromAnyText() {
        Probe p = probe(1);
        Probe noStatus = new Probe(
                p.id(), MONITOR, p.startedAt(), p.durationMs(), ProbeOutcome.CONNECTION_FAILED, null, null, 0, 0, "-");
        String encoded = new String(ProbeChain.encode(noStatus, 1, ProbeChain.GENESIS), StandardCharsets.UTF_8);
        assertThat(encoded).contains("httpStatus=-\n", "bodySm3=-\n", "node=1:-\n");
    }

    @Test
    void anIntactChainVerifies() {
        List<ProbeChain.Row> rows = chain(5, KEY);
        ProbeChain.Verdict v = verify(rows, head(rows));
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(5);
        assertThat(v.sealed()).isEqualTo(5);
        assertThat(v.unsealed()).isZero();
        assertThat(verify(List.of(), ProbeChain.Head.EMPTY).intact()).isTrue();
    }

    @Test
    void anAlteredFieldIsFoundAtItsProbe() {
        List<ProbeChain.Row> rows = chain(5, KEY);
        Probe p = rows.get(2).probe();
        Probe altered = new Probe(
                p.id(),
                p.monitorId(),
                p.startedAt(),
                p.durationMs(),
                p.outcome(),
                p.httpStatus(),
                "0".repeat(64),
                p.bodyBytes(),
                p.findings(),
                p.node());
        rows.set(2, new ProbeChain.Row(altered, rows.get(2).link()));
        ProbeChain.Verdict v = verify(rows, head(rows));
        assertThat(v.broken().reason()).isEqualTo(SealBreak.SEAL_MISMATCH);
        assertThat(v.broken().probeId()).isEqualTo(p.id());
        assertThat(v.broken().position()).isEqualTo(3);
    }

    @Test
    void anAlteredOrderIsAGap() {
        List<ProbeChain.Row> rows = chain(5, KEY);
        Collections.swap(rows, 1, 3);
        ProbeChain.Verdict v = verify(rows, head(chain(5, KEY)));
        assertThat(v.broken().reason()).isEqualTo(SealBreak.CHAIN_GAP);
        assertThat(v.broken().position()).isEqualTo(2);
    }

    @Test
    void aRemovedProbeIsAGapInTheMiddleAndAtTheEnd() {
        List<ProbeChain.Row> rows = chain(5, KEY);
        ProbeChain.Head head = head(rows);
        List<ProbeChain.Row> middle = new ArrayList<>(rows);
        middle.remove(2);
        ProbeChain.Verdict v = verify(middle, head);
        assertThat(v.broken().reason()).isEqualTo(SealBreak.CHAIN_GAP);
        assertThat(v.broken().probeId()).isEqualTo(rows.get(3).probe().id());
        List<ProbeChain.Row> end = new ArrayList<>(rows.subList(0, 4));
        ProbeChain.Verdict tail = verify(end, head);
        assertThat(tail.broken().reason()).isEqualTo(SealBreak.CHAIN_GAP);
        assertThat(tail.broken().probeId()).isNull();
        assertThat(tail.broken().position()).isEqualTo(5);
    }

    @Test
    void aProbeResealedWithoutTheKeyOrWithAnotherKeyHasAnInvalidSignature() {
        List<ProbeChain.Row> rows = chain(3, KEY);
        Probe p = rows.get(1).probe();
        Probe altered = new Probe(
                p.id(), MONITOR, p.startedAt(), 9999, p.outcome(), 500, p.bodySm3(), p.bodyBytes(), 4, p.node());
        ProbeChain.Link old = rows.get(1).link();
        String reseal = ProbeChain.seal(altered, old.seq(), old.previous());
        rows.set(
                1,
                new ProbeChain.Row(altered, new ProbeChain.Link(old.seq(), old.previous(), reseal, old.signature())));
        ProbeChain.Verdict v = verify(rows, head(rows));
        assertThat(v.broken().reason()).isEqualTo(SealBreak.SIGNATURE_INVALID);
        assertThat(v.broken().position()).isEqualTo(2);

        List<ProbeChain.Row> other = chain(3, Sm2.generateKeyPair());
        ProbeChain.Verdict wrongKey = verify(other, head(other));
        assertThat(wrongKey.broken().reason()).isEqualTo(SealBreak.SIGNATURE_INVALID);
        assertThat(wrongKey.broken().position()).isEqualTo(1);
    }

    @Test
    void olderUnsealedProbesAreCountedAndAnUnsealedOneAfterSealingBeganIsFound() {
        List<ProbeChain.Row> rows = new ArrayList<>();
        rows.add(new ProbeChain.Row(probe(-2), null));
        rows.add(new ProbeChain.Row(probe(-1), null));
        rows.addAll(chain(3, KEY));
        ProbeChain.Verdict v = verify(rows, head(rows));
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(5);
        assertThat(v.sealed()).isEqualTo(3);
        assertThat(v.unsealed()).isEqualTo(2);

        rows.add(0, new ProbeChain.Row(probe(9), null));
        ProbeChain.Verdict late = verify(rows, head(rows));
        assertThat(late.broken().reason()).isEqualTo(SealBreak.NOT_SEALED);
        assertThat(late.broken().probeId()).isEqualTo(probe(9).id());
    }

    static ProbeCheckpoint.Read checkpoint(List<ProbeChain.Row> rows, int seq, KeyPair key, UUID monitor) {
        ProbeChain.Link l = rows.get(seq - 1).link();
        String text = ProbeCheckpoint.write(
                new ProbeCheckpoint.Checkpoint(monitor, new ProbeChain.Head(l.seq(), l.seal()), null),
                Signer.of(key.getPrivate()));
        return ProbeCheckpoint.read(MONITOR, text, Verifier.of(KEY.getPublic()));
    }

    @Test
    void rejectsNewestProbesCutWithTheHeadRewoundBehindTheSignedCheckpoint() {
        List<ProbeChain.Row> rows = chain(7, KEY);
        ProbeCheckpoint.Read at7 = checkpoint(rows, 7, KEY, MONITOR);
        assertThat(at7.status()).isEqualTo(ProbeCheckpoint.Status.CONFIRMED);
        Verifier v = Verifier.of(KEY.getPublic());
        assertThat(ProbeChain.verify(rows, head(rows), at7, v).intact()).isTrue();

        List<ProbeChain.Row> cut = rows.subList(0, 5);
        assertThat(ProbeChain.verify(cut, head(cut), v).intact())
                .as("without the checkpoint the cut is invisible")
                .isTrue();
        ProbeChain.Verdict verdict = ProbeChain.verify(cut, head(cut), at7, v);
        assertThat(verdict.broken().reason()).isEqualTo(SealBreak.TRUNCATED);
        assertThat(verdict.broken().confirmed()).isEqualTo(7);
        // a checkpoint behind the database (the process stopped before writing it) vouches for less: no finding
        assertThat(ProbeChain.verify(rows, head(rows), checkpoint(rows, 5, KEY, MONITOR), v)
                        .intact())
                .isTrue();
    }

    @Test
    void rejectsCheckpointsRewrittenWithoutTheKeyOrOfAnotherMonitor() {
        List<ProbeChain.Row> rows = chain(7, KEY);
        Verifier v = Verifier.of(KEY.getPublic());
        ProbeChain.Link l = rows.get(6).link();
        String text = ProbeCheckpoint.write(
                new ProbeCheckpoint.Checkpoint(MONITOR, new ProbeChain.Head(l.seq(), l.seal()), null),
                Signer.of(KEY.getPrivate()));
        ProbeChain.Link l5 = rows.get(4).link();
        String rewound = text.replace("head 7 " + l.seal(), "head 5 " + l5.seal());
        assertThat(rewound).isNotEqualTo(text);
        assertThat(ProbeCheckpoint.read(MONITOR, rewound, v).status()).isEqualTo(ProbeCheckpoint.Status.INVALID);
        assertThat(ProbeCheckpoint.read(MONITOR, text.replace("\nsm2 ", "\nsm2  "), v)
                        .status())
                .isEqualTo(ProbeCheckpoint.Status.INVALID);
        assertThat(ProbeCheckpoint.read(MONITOR, text + "cut 7 8\n", v).status())
                .isEqualTo(ProbeCheckpoint.Status.INVALID);
        assertThat(ProbeCheckpoint.read(MONITOR, "", v).status()).isEqualTo(ProbeCheckpoint.Status.INVALID);
        assertThat(ProbeCheckpoint.read(MONITOR, null, v).status()).isEqualTo(ProbeCheckpoint.Status.NONE);
        assertThat(checkpoint(rows, 7, Sm2.generateKeyPair(), MONITOR).status())
                .as("signed by another key")
                .isEqualTo(ProbeCheckpoint.Status.INVALID);
        assertThat(checkpoint(rows, 7, KEY, new UUID(9, 9)).status())
                .as("another monitor's checkpoint copied over")
                .isEqualTo(ProbeCheckpoint.Status.INVALID);
        assertThat(ProbeChain.verify(rows, head(rows), ProbeCheckpoint.Read.INVALID, v)
                        .broken()
                        .reason())
                .isEqualTo(SealBreak.CHECKPOINT_INVALID);

        // a finding carried on: the chain grew again over the cut, the checkpoint still says so
        String carried = ProbeCheckpoint.write(
                new ProbeCheckpoint.Checkpoint(
                        MONITOR, new ProbeChain.Head(l.seq(), l.seal()), ProbeCheckpoint.Finding.cut(9, 6)),
                Signer.of(KEY.getPrivate()));
        ProbeCheckpoint.Read read = ProbeCheckpoint.read(MONITOR, carried, v);
        assertThat(read.checkpoint().finding()).isEqualTo(ProbeCheckpoint.Finding.cut(9, 6));
        ProbeChain.Broken b = ProbeChain.verify(rows, head(rows), read, v).broken();
        assertThat(b.reason()).isEqualTo(SealBreak.TRUNCATED);
        assertThat(b.confirmed()).isEqualTo(9);
        assertThat(b.foundAt()).isEqualTo(6);
    }

    @Test
    void signingCost() {
        Signer signer = Signer.of(KEY.getPrivate());
        Verifier verifier = Verifier.of(KEY.getPublic());
        ProbeChain.Head head = ProbeChain.Head.EMPTY;
        for (int i = 0; i < 300; i++) { // warm-up
            verifier.verify(new byte[] {1}, signer.sign(new byte[] {1}));
        }
        int n = 2000;
        List<ProbeChain.Row> rows = new ArrayList<>(n);
        long start = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            Probe p = probe(i);
            ProbeChain.Link l = ProbeChain.append(p, head, signer);
            rows.add(new ProbeChain.Row(p, l));
            head = new ProbeChain.Head(l.seq(), l.seal());
        }
        long sealed = System.nanoTime() - start;
        start = System.nanoTime();
        assertThat(ProbeChain.verify(rows, head, verifier).intact()).isTrue();
        long verified = System.nanoTime() - start;
        double perSeal = sealed / 1e6 / n;
        // 2,000 monitors every 5 minutes: 6.7 seals a second
        System.out.printf(
                "probe seal: %.3f ms to seal and sign one (%.2f %% of a core at 6.7/s), %.3f ms to verify one%n",
                perSeal, perSeal * 6.7 / 10, verified / 1e6 / n);
    }
}
