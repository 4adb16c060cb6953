package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.yunjian.crypto.Hex;
import org.yunjian.crypto.HmacSm3;
import org.yunjian.crypto.SharedProvider;
import org.yunjian.crypto.Signer;
import org.yunjian.crypto.Sm2;
import org.yunjian.crypto.Verifier;

/** The verifier on in-memory chains: each kind of tampering is told apart and named at the right entry. */
class ChainVerifierTest {

    private static final KeyPair KEYS = Sm2.generateKeyPair();
    private final HmacSm3 hmac = HmacSm3.withKey(SharedProvider.randomBytes(32));
    private final ChainVerifier verifier = new ChainVerifier(hmac, Verifier.of(KEYS.getPublic()), "key1");
    private final Instant t0 = Instant.parse("2026-11-21T08:00:00Z");

    private List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String prev = Canonical.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = new AuditEntry(i, t0.plusSeconds(i), "alice", null, "127.0.0.1", "thing.update", "thing",
                    "t" + i, "SUCCESS", "change " + i, prev, null);
            e = e.withMac(Hex.encode(hmac.mac(Canonical.entry(e))));
            entries.add(e);
            prev = e.mac();
        }
        return entries;
    }

    private AuditAnchor anchor(AuditEntry e) {
        String sig = Hex.encode(Signer.of(KEYS.getPrivate()).sign(Canonical.anchor(e.seq(), e.mac(), t0, "key1")));
        return new AuditAnchor(e.seq(), e.mac(), t0, "key1", sig);
    }

    private static Optional<ChainVerifier.Head> head(AuditEntry e) {
        return Optional.of(new ChainVerifier.Head(e.seq(), e.mac()));
    }

    private VerificationReport verify(List<AuditEntry> entries, List<AuditAnchor> anchors, AuditEntry last) {
        return verifier.verify(entries, anchors, head(last), head(last));
    }

    private static AuditEntry withDetail(AuditEntry e, String detail) {
        return new AuditEntry(e.seq(), e.occurredAt(), e.username(), e.organizationId(), e.sourceAddress(), e.action(),
                e.objectType(), e.objectId(), e.outcome(), detail, e.prevMac(), e.mac());
    }

    @Test
    void acceptsAnIntactChain() {
        List<AuditEntry> c = chain(10);
        VerificationReport r = verify(c, List.of(anchor(c.get(4)), anchor(c.get(9))), c.get(9));
        assertThat(r.ok()).isTrue();
        assertThat(r.summary()).isEqualTo("OK: 10 entries, 2 anchors verified");
    }

    @Test
    void acceptsAnEmptyLog() {
        assertThat(verifier.verify(List.of(), List.of(), Optional.empty(), Optional.empty()).ok()).isTrue();
    }

    @Test
    void namesModifiedEntry() {
        List<AuditEntry> c = chain(10);
        AuditEntry last = c.get(9);
        c.set(4, withDetail(c.get(4), "forged"));
        VerificationReport r = verify(c, List.of(), last);
        assertThat(r.findings()).hasSize(1);
        assertThat(r.first().kind()).isEqualTo(Finding.Kind.MODIFIED);
        assertThat(r.first().from()).isEqualTo(5);
        assertThat(r.first().message()).startsWith("entry 5 modified");
    }

    @Test
    void namesModifiedLastEntryThroughTheWitness() {
        List<AuditEntry> c = chain(5);
        AuditEntry last = c.get(4);
        c.set(4, withDetail(last, "forged"));
        VerificationReport r = verify(c, List.of(), last);
        assertThat(r.first().kind()).isEqualTo(Finding.Kind.MODIFIED);
        assertThat(r.first().from()).isEqualTo(5);
    }

    @Test
    void namesEntryWhoseContentAndMacWereReplaced() {
        List<AuditEntry> c = chain(10);
        AuditEntry last = c.get(9);
        c.set(4, withDetail(c.get(4), "forged").withMac("ab".repeat(32)));
        VerificationReport r = verify(c, List.of(), last);
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.MODIFIED);
        assertThat(r.first().from()).isEqualTo(5);
    }

    @Test
    void namesDeletedEntry() {
        List<AuditEntry> c = chain(10);
        AuditEntry last = c.get(9);
        c.remove(4);
        VerificationReport r = verify(c, List.of(), last);
        assertThat(r.findings()).hasSize(1);
        assertThat(r.first().kind()).isEqualTo(Finding.Kind.DELETED);
        assertThat(r.first().message()).startsWith("entry 5 deleted");
    }

    @Test
    void namesDeletedEntriesEvenWhenLaterOnesWereRenumbered() {
        List<AuditEntry> c = chain(10);
        AuditEntry last = c.get(9);
        c.remove(4);
        c.remove(4);
        for (int i = 4; i < c.size(); i++) {
            c.set(i, c.get(i).withSeq(i + 1));
        }
        VerificationReport r = verify(c, List.of(), last);
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.DELETED);
        assertThat(r.first().message()).startsWith("entries 5..6 deleted");
    }

    @Test
    void namesDeletedFirstEntry() {
        List<AuditEntry> c = chain(3);
        AuditEntry last = c.get(2);
        c.remove(0);
        assertThat(verify(c, List.of(), last).first().message()).startsWith("entry 1 deleted");
    }

    @Test
    void namesInsertedEntryWhenLaterOnesWereShifted() {
        List<AuditEntry> c = chain(10);
        AuditEntry last = c.get(9);
        for (int i = 4; i < c.size(); i++) {
            c.set(i, c.get(i).withSeq(i + 2));
        }
        AuditEntry forged = new AuditEntry(5, t0, "mallory", null, null, "thing.delete", "thing", "t0", "SUCCESS",
                "never happened", c.get(3).mac(), "cd".repeat(32));
        c.add(4, forged);
        VerificationReport r = verify(c, List.of(), last);
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.INSERTED);
        assertThat(r.first().message()).startsWith("entry inserted at 5");
    }

    @Test
    void namesEntryAppendedAfterTheEnd() {
        List<AuditEntry> c = chain(4);
        AuditEntry last = c.get(3);
        c.add(new AuditEntry(5, t0, "mallory", null, null, "x", null, null, "SUCCESS", null, last.mac(), "ee".repeat(32)));
        VerificationReport r = verify(c, List.of(), last);
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.INSERTED);
        assertThat(r.first().from()).isEqualTo(5);
    }

    @Test
    void namesAppendedEntryAsInsertedEvenWhenTheHeadRowWasMovedToIt() {
        List<AuditEntry> c = chain(4);
        AuditEntry last = c.get(3);
        AuditEntry forged = new AuditEntry(5, t0, "mallory", null, null, "x", null, null, "SUCCESS", null, last.mac(),
                "ee".repeat(32));
        c.add(forged);
        VerificationReport r = verifier.verify(c, List.of(), head(last), head(forged));
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.INSERTED);
    }

    @Test
    void namesReorderedEntries() {
        List<AuditEntry> c = chain(10);
        AuditEntry last = c.get(9);
        AuditEntry fifth = c.get(4);
        AuditEntry sixth = c.get(5);
        c.set(4, sixth.withSeq(5));
        c.set(5, fifth.withSeq(6));
        VerificationReport r = verify(c, List.of(), last);
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.REORDERED);
        assertThat(r.first().message()).isEqualTo("entries 5..6 reordered: stored 5 holds entry 6, stored 6 holds entry 5");
    }

    @Test
    void namesTruncationBelowTheLastAnchorWithoutWitness() {
        List<AuditEntry> c = chain(10);
        List<AuditAnchor> anchors = List.of(anchor(c.get(7)));
        List<AuditEntry> kept = new ArrayList<>(c.subList(0, 6));
        VerificationReport r = verifier.verify(kept, anchors, Optional.empty(), Optional.empty());
        assertThat(r.first().kind()).isEqualTo(Finding.Kind.TRUNCATED);
        assertThat(r.first().message()).startsWith("truncated: entries 7..8 missing");
    }

    @Test
    void namesTruncationAfterTheLastAnchorThroughTheWitness() {
        List<AuditEntry> c = chain(10);
        List<AuditAnchor> anchors = List.of(anchor(c.get(4)));
        VerificationReport r = verifier.verify(new ArrayList<>(c.subList(0, 7)), anchors, head(c.get(9)),
                Optional.of(new ChainVerifier.Head(7, c.get(6).mac())));
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.TRUNCATED);
        assertThat(r.first().message()).startsWith("truncated: entries 8..10 missing").contains("head witness");
    }

    @Test
    void namesEmptiedLog() {
        List<AuditEntry> c = chain(3);
        VerificationReport r = verify(List.of(), List.of(), c.get(2));
        assertThat(r.first().message()).startsWith("truncated: entries 1..3 missing");
    }

    @Test
    void detectsForgedAndMisplacedAnchors() {
        List<AuditEntry> c = chain(6);
        AuditAnchor good = anchor(c.get(2));
        byte[] sig = Hex.decode(good.signature());
        sig[sig.length - 1] ^= 1;
        AuditAnchor badSignature = new AuditAnchor(3, good.mac(), good.createdAt(), "key1", Hex.encode(sig));
        AuditAnchor otherMac = new AuditAnchor(5, c.get(2).mac(), t0, "key1", Hex.encode(Signer.of(KEYS.getPrivate())
                .sign(Canonical.anchor(5, c.get(2).mac(), t0, "key1"))));
        VerificationReport r = verify(c, List.of(badSignature, otherMac), c.get(5));
        assertThat(r.findings()).extracting(Finding::kind)
                .containsExactly(Finding.Kind.ANCHOR_SIGNATURE, Finding.Kind.ANCHOR_MISMATCH);
        assertThat(r.first().message()).isEqualTo("anchor at entry 3: bad signature");
    }

    @Test
    void reportsTheFirstProblemFirstAndListsTheRest() {
        List<AuditEntry> c = chain(12);
        AuditEntry last = c.get(11);
        c.set(8, withDetail(c.get(8), "late forgery"));
        c.remove(2);
        VerificationReport r = verify(c, List.of(), last);
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.DELETED, Finding.Kind.MODIFIED);
        assertThat(r.first().from()).isEqualTo(3);
        assertThat(r.findings().get(1).from()).isEqualTo(9);
    }

    @Test
    void reportsMissingWitness() {
        List<AuditEntry> c = chain(2);
        VerificationReport r = verifier.verify(c, List.of(), Optional.empty(), head(c.get(1)));
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.WITNESS);
    }
}
