package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yunjian.crypto.Hex;
import org.yunjian.crypto.HmacSm3;
import org.yunjian.crypto.SharedProvider;
import org.yunjian.crypto.Signer;
import org.yunjian.crypto.Sm2;
import org.yunjian.crypto.Verifier;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * The verifier on in-memory chains: each kind of tampering is told apart (its code) and named at the right entry,
 * in English and in Chinese (the default language).
 */
class ChainVerifierTest {

    private static final KeyPair KEYS = Sm2.generateKeyPair();
    private final HmacSm3 hmac = HmacSm3.withKey(SharedProvider.randomBytes(32));
    private final ChainVerifier verifier = new ChainVerifier(hmac, Verifier.of(KEYS.getPublic()), "key1");
    private final Instant t0 = Instant.parse("2026-11-21T08:00:00Z");

    private List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String prev = Canonical.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = new AuditEntry(
                    i,
                    t0.plusSeconds(i),
                    "alice",
                    null,
                    "127.0.0.1",
                    "thing.update",
                    "thing",
                    "t" + i,
                    "SUCCESS",
                    "change " + i,
                    prev,
                    null);
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

    private static String en(Finding f) {
        return f.text(Locale.ENGLISH);
    }

    private static String zh(Finding f) {
        return f.text(Texts.CHINESE);
    }

    private static AuditEntry withDetail(AuditEntry e, String detail) {
        return new AuditEntry(
                e.seq(),
                e.occurredAt(),
                e.username(),
                e.organizationId(),
                e.sourceAddress(),
                e.action(),
                e.objectType(),
                e.objectId(),
                e.outcome(),
                detail,
                e.prevMac(),
                e.mac());
    }

    @Test
    void acceptsAnIntactChain() {
        List<AuditEntry> c = chain(10);
        VerificationReport r = verify(c, List.of(anchor(c.get(4)), anchor(c.get(9))), c.get(9));
        assertThat(r.ok()).isTrue();
        assertThat(r.summary().text(Locale.ENGLISH)).isEqualTo("OK: 10 entries, 2 anchors verified");
        assertThat(r.summary().text(Texts.CHINESE)).isEqualTo("完整：已校验 10 条记录、2 个锚点");
    }

    @Test
    void acceptsAnEmptyLog() {
        assertThat(verifier.verify(List.of(), List.of(), Optional.empty(), Optional.empty())
                        .ok())
                .isTrue();
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
        assertThat(en(r.first())).isEqualTo("entry 5 modified: its MAC does not verify, but entry 6 still links to it");
        assertThat(zh(r.first())).isEqualTo("第 5 条记录被修改：其 MAC 校验不通过，但第 6 条记录仍链接到它");
        assertThat(r.summary().text(Locale.ENGLISH))
                .isEqualTo("FAILED: 1 problem(s) in 10 entries, 0 anchors; first: "
                        + "entry 5 modified: its MAC does not verify, but entry 6 still links to it");
    }

    @Test
    void namesModifiedLastEntryThroughTheWitness() {
        List<AuditEntry> c = chain(5);
        AuditEntry last = c.get(4);
        c.set(4, withDetail(last, "forged"));
        VerificationReport r = verify(c, List.of(), last);
        assertThat(r.first().kind()).isEqualTo(Finding.Kind.MODIFIED);
        assertThat(r.first().from()).isEqualTo(5);
        assertThat(en(r.first())).isEqualTo("entry 5 modified: its MAC does not verify, but the head witness names it");
    }

    @Test
    void namesEntryWhoseContentAndMacWereReplaced() {
        List<AuditEntry> c = chain(10);
        AuditEntry last = c.get(9);
        c.set(4, withDetail(c.get(4), "forged").withMac("ab".repeat(32)));
        VerificationReport r = verify(c, List.of(), last);
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.MODIFIED);
        assertThat(r.first().from()).isEqualTo(5);
        assertThat(en(r.first()))
                .isEqualTo("entry 5 modified: its content and MAC were replaced (the next entry does not link to it)");
        assertThat(zh(r.first())).isEqualTo("第 5 条记录被修改：其内容和 MAC 均被替换（下一条记录没有链接到它）");
    }

    @Test
    void namesDeletedEntry() {
        List<AuditEntry> c = chain(10);
        AuditEntry last = c.get(9);
        c.remove(4);
        VerificationReport r = verify(c, List.of(), last);
        assertThat(r.findings()).hasSize(1);
        assertThat(r.first().kind()).isEqualTo(Finding.Kind.DELETED);
        assertThat(en(r.first())).isEqualTo("entry 5 deleted: entry 6 does not link to entry 4");
        assertThat(zh(r.first())).isEqualTo("第 5 条记录被删除：第 6 条记录没有链接到第 4 条记录");
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
        assertThat(en(r.first())).isEqualTo("entries 5..6 deleted: entry 7 does not link to entry 4");
        assertThat(zh(r.first())).isEqualTo("第 5–6 条记录被删除：第 7 条记录没有链接到第 4 条记录");
        assertThat(r.first().from()).isEqualTo(5);
        assertThat(r.first().to()).isEqualTo(6);
    }

    @Test
    void namesDeletedFirstEntry() {
        List<AuditEntry> c = chain(3);
        AuditEntry last = c.get(2);
        c.remove(0);
        Finding first = verify(c, List.of(), last).first();
        assertThat(first.kind()).isEqualTo(Finding.Kind.DELETED);
        assertThat(en(first)).isEqualTo("entry 1 deleted: entry 2 does not link to entry 0 (the start of the log)");
        assertThat(zh(first)).isEqualTo("第 1 条记录被删除：第 2 条记录没有链接到日志起点");
    }

    @Test
    void namesInsertedEntryWhenLaterOnesWereShifted() {
        List<AuditEntry> c = chain(10);
        AuditEntry last = c.get(9);
        for (int i = 4; i < c.size(); i++) {
            c.set(i, c.get(i).withSeq(i + 2));
        }
        AuditEntry forged = new AuditEntry(
                5,
                t0,
                "mallory",
                null,
                null,
                "thing.delete",
                "thing",
                "t0",
                "SUCCESS",
                "never happened",
                c.get(3).mac(),
                "cd".repeat(32));
        c.add(4, forged);
        VerificationReport r = verify(c, List.of(), last);
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.INSERTED);
        assertThat(en(r.first()))
                .isEqualTo("entry inserted at 5: its MAC does not verify and no entry links to it; "
                        + "entry 5 is stored as 6 and links to entry 4");
        assertThat(zh(r.first()))
                .isEqualTo("第 5 条位置插入了伪造记录：其 MAC 校验不通过，且没有记录链接到它；" + "真正的第 5 条记录存储在序号 6 处，并链接到第 4 条记录");
    }

    @Test
    void namesEntryAppendedAfterTheEnd() {
        List<AuditEntry> c = chain(4);
        AuditEntry last = c.get(3);
        c.add(new AuditEntry(
                5, t0, "mallory", null, null, "x", null, null, "SUCCESS", null, last.mac(), "ee".repeat(32)));
        VerificationReport r = verify(c, List.of(), last);
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.INSERTED);
        assertThat(r.first().from()).isEqualTo(5);
        assertThat(en(r.first())).isEqualTo("entry inserted at 5: its MAC does not verify and no entry links to it");
    }

    @Test
    void namesAppendedEntryAsInsertedEvenWhenTheHeadRowWasMovedToIt() {
        List<AuditEntry> c = chain(4);
        AuditEntry last = c.get(3);
        AuditEntry forged = new AuditEntry(
                5, t0, "mallory", null, null, "x", null, null, "SUCCESS", null, last.mac(), "ee".repeat(32));
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
        assertThat(en(r.first())).isEqualTo("entries 5..6 reordered: stored 5 holds entry 6, stored 6 holds entry 5");
        assertThat(zh(r.first())).isEqualTo("第 5–6 条记录顺序被调换：序号 5 处存储的是第 6 条记录，序号 6 处存储的是第 5 条记录");
    }

    @Test
    void namesTruncationBelowTheLastAnchorWithoutWitness() {
        List<AuditEntry> c = chain(10);
        List<AuditAnchor> anchors = List.of(anchor(c.get(7)));
        List<AuditEntry> kept = new ArrayList<>(c.subList(0, 6));
        VerificationReport r = verifier.verify(kept, anchors, Optional.empty(), Optional.empty());
        assertThat(r.first().kind()).isEqualTo(Finding.Kind.TRUNCATED);
        assertThat(en(r.first()))
                .isEqualTo("truncated: entries 7..8 missing after entry 6 (the last anchor is at entry 8)");
        assertThat(zh(r.first())).isEqualTo("日志被截断：第 6 条记录之后的第 7–8 条记录缺失（最后一个锚点位于第 8 条记录）");
        assertThat(r.findings())
                .extracting(Finding::kind)
                .containsExactly(Finding.Kind.TRUNCATED, Finding.Kind.WITNESS);
        assertThat(en(r.findings().get(1)))
                .isEqualTo("head witness missing: truncation after the last anchor cannot be ruled out");
    }

    @Test
    void namesTruncationAfterTheLastAnchorThroughTheWitness() {
        List<AuditEntry> c = chain(10);
        List<AuditAnchor> anchors = List.of(anchor(c.get(4)));
        VerificationReport r = verifier.verify(
                new ArrayList<>(c.subList(0, 7)),
                anchors,
                head(c.get(9)),
                Optional.of(new ChainVerifier.Head(7, c.get(6).mac())));
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.TRUNCATED);
        assertThat(en(r.first()))
                .isEqualTo("truncated: entries 8..10 missing after entry 7 "
                        + "(the head witness confirms entry 10 was committed)");
        assertThat(zh(r.first())).isEqualTo("日志被截断：第 7 条记录之后的第 8–10 条记录缺失（头部见证确认第 10 条记录已提交）");
    }

    @Test
    void namesEmptiedLog() {
        List<AuditEntry> c = chain(3);
        VerificationReport r = verify(List.of(), List.of(), c.get(2));
        assertThat(en(r.first()))
                .isEqualTo("truncated: entries 1..3 missing after entry 0 "
                        + "(the head witness confirms entry 3 was committed, the head row names entry 3)");
    }

    @Test
    void detectsForgedAndMisplacedAnchors() {
        List<AuditEntry> c = chain(6);
        AuditAnchor good = anchor(c.get(2));
        byte[] sig = Hex.decode(good.signature());
        sig[sig.length - 1] ^= 1;
        AuditAnchor badSignature = new AuditAnchor(3, good.mac(), good.createdAt(), "key1", Hex.encode(sig));
        AuditAnchor otherMac = new AuditAnchor(
                5,
                c.get(2).mac(),
                t0,
                "key1",
                Hex.encode(Signer.of(KEYS.getPrivate())
                        .sign(Canonical.anchor(5, c.get(2).mac(), t0, "key1"))));
        VerificationReport r = verify(c, List.of(badSignature, otherMac), c.get(5));
        assertThat(r.findings())
                .extracting(Finding::kind)
                .containsExactly(Finding.Kind.ANCHOR_SIGNATURE, Finding.Kind.ANCHOR_MISMATCH);
        assertThat(en(r.first())).isEqualTo("anchor at entry 3: bad signature");
        assertThat(zh(r.first())).isEqualTo("第 3 条记录处的锚点签名无效");
        assertThat(en(r.findings().get(1))).isEqualTo("anchor at entry 5: its MAC does not match entry 5");
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
        assertThat(zh(r.first())).isEqualTo("头部见证文件缺失：无法排除最后一个锚点之后的记录被截断");
    }

    @Test
    void rendersThousandsOfReorderedEntriesWithoutDigitGrouping() {
        List<Msg> moves = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            moves.add(Msg.of("audit.finding.detail.reordered.move", Finding.number(10_000 + i), Finding.number(i)));
        }
        Finding f = Finding.of(
                Finding.Kind.REORDERED,
                10_000,
                14_999,
                "reordered",
                Finding.number(10_000),
                Finding.number(14_999),
                Finding.joined(moves));
        assertThat(en(f))
                .startsWith("entries 10000..14999 reordered: stored 10000 holds entry 0, stored 10001 holds entry 1, ")
                .endsWith("stored 14999 holds entry 4999");
        assertThat(zh(f)).contains("序号 10000 处存储的是第 0 条记录，序号 10001 处");
    }
}
