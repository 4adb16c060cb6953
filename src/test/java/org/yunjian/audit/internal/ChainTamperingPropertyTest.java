package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yunjian.crypto.Hex;
import org.yunjian.crypto.HmacSm3;
import org.yunjian.crypto.SharedProvider;
import org.yunjian.crypto.Sm2;

/**
 * Random single tamperings of random chains (seeded, so failures reproduce): every one is detected, and
 * the first finding has the right kind and entry number.
 */
class ChainTamperingPropertyTest {

    private static final HmacSm3 HMAC = HmacSm3.withKey(SharedProvider.randomBytes(32));
    private static final ChainVerifier VERIFIER = new ChainVerifier(
            HMAC, org.yunjian.crypto.Verifier.of(Sm2.generateKeyPair().getPublic()), "k");
    private static final java.time.Instant T0 = java.time.Instant.parse("2026-11-21T00:00:00Z");

    enum Op {
        MODIFY,
        DELETE,
        DELETE_RENUMBER,
        INSERT,
        SWAP,
        TRUNCATE
    }

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= 300; s++) {
            seeds.add(s);
        }
        return seeds;
    }

    private static List<AuditEntry> chain(Random rnd, int n) {
        List<AuditEntry> c = new ArrayList<>();
        String prev = Canonical.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = new AuditEntry(
                    i,
                    T0.plusMillis(rnd.nextInt(1_000_000)),
                    "u" + rnd.nextInt(5),
                    null,
                    null,
                    "a" + rnd.nextInt(3),
                    "t",
                    Integer.toString(rnd.nextInt()),
                    "SUCCESS",
                    rnd.nextBoolean() ? null : "d" + rnd.nextInt(),
                    prev,
                    null);
            e = e.withMac(Hex.encode(HMAC.mac(Canonical.entry(e))));
            c.add(e);
            prev = e.mac();
        }
        return c;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everySingleTamperingIsFoundAndNamed(long seed) {
        Random rnd = new Random(seed);
        int n = 3 + rnd.nextInt(30);
        List<AuditEntry> c = chain(rnd, n);
        AuditEntry last = c.get(n - 1);
        Optional<ChainVerifier.Head> head = Optional.of(new ChainVerifier.Head(last.seq(), last.mac()));
        assertThat(VERIFIER.verify(c, List.of(), head, head).ok()).isTrue();

        Op op = Op.values()[rnd.nextInt(Op.values().length)];
        int i = rnd.nextInt(n - 1); // index of the tampered entry, never the last (own cases below)
        long at = i + 1;
        Finding.Kind expected;
        switch (op) {
            case MODIFY -> {
                AuditEntry e = c.get(i);
                c.set(
                        i,
                        new AuditEntry(
                                e.seq(),
                                e.occurredAt(),
                                e.username() + "x",
                                e.organizationId(),
                                e.sourceAddress(),
                                e.action(),
                                e.objectType(),
                                e.objectId(),
                                e.outcome(),
                                e.detail(),
                                e.prevMac(),
                                e.mac()));
                expected = Finding.Kind.MODIFIED;
            }
            case DELETE -> {
                c.remove(i);
                expected = Finding.Kind.DELETED;
            }
            case DELETE_RENUMBER -> {
                c.remove(i);
                for (int k = i; k < c.size(); k++) {
                    c.set(k, c.get(k).withSeq(k + 1));
                }
                expected = Finding.Kind.DELETED;
            }
            case INSERT -> {
                for (int k = i; k < c.size(); k++) {
                    c.set(k, c.get(k).withSeq(k + 2));
                }
                String prev = i == 0 ? Canonical.GENESIS : c.get(i - 1).mac();
                c.add(
                        i,
                        new AuditEntry(
                                at,
                                T0,
                                "mallory",
                                null,
                                null,
                                "forged",
                                null,
                                null,
                                "SUCCESS",
                                null,
                                prev,
                                Hex.encode(SharedProvider.randomBytes(32))));
                expected = Finding.Kind.INSERTED;
            }
            case SWAP -> {
                int j = i + 1 + rnd.nextInt(n - 1 - i);
                AuditEntry a = c.get(i);
                AuditEntry b = c.get(j);
                c.set(i, b.withSeq(a.seq()));
                c.set(j, a.withSeq(b.seq()));
                expected = Finding.Kind.REORDERED;
            }
            case TRUNCATE -> {
                while (c.size() > i) {
                    c.remove(c.size() - 1);
                }
                expected = Finding.Kind.TRUNCATED;
            }
            default -> throw new IllegalStateException();
        }
        VerificationReport r = VERIFIER.verify(c, List.of(), head, head);
        assertThat(r.ok()).as("%s at %d of %d", op, at, n).isFalse();
        assertThat(r.first().kind())
                .as("%s at %d of %d: %s", op, at, n, r.findings())
                .isEqualTo(expected);
        assertThat(r.first().from())
                .as("%s at %d of %d: %s", op, at, n, r.findings())
                .isEqualTo(at);
    }
}
