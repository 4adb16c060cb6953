package org.yunjian.audit.internal;

import static org.yunjian.audit.internal.Finding.entries;
import static org.yunjian.audit.internal.Finding.joined;
import static org.yunjian.audit.internal.Finding.number;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yunjian.crypto.Hex;
import org.yunjian.crypto.HmacSm3;
import org.yunjian.crypto.Verifier;
import org.yunjian.shared.Msg;

/**
 * Verifies a chain of entries as stored, independent of Spring and the database.
 *
 * <p>First every entry is given its <em>original</em> sequence number: an entry whose MAC verifies under
 * its stored number keeps it; otherwise, if its {@code prev_mac} names an entry whose original number is
 * {@code k}, it is tried under {@code k + 1} (repeatedly, following the chain). An entry that verifies
 * nowhere is not authentic. From this:
 * <ul>
 * <li>not authentic, but an authentic entry (or the witness) links to its MAC → <b>modified</b>;</li>
 * <li>not authentic, nothing links to it and its original place is held by an authentic entry (the next
 * entry links to the one before it) → <b>inserted</b>; if its place is empty, its MAC was rewritten as
 * well → modified;</li>
 * <li>original numbers missing between present ones → <b>deleted</b> (also when later entries were
 * renumbered to close the gap);</li>
 * <li>original numbers out of order along the stored order → <b>reordered</b>;</li>
 * <li>the highest original number below the last anchor, the head row or the witness → <b>truncated</b>;</li>
 * <li>anchors: bad SM2 signature, or MAC different from the anchored entry.</li>
 * </ul>
 */
final class ChainVerifier {

    record Head(long seq, String mac) {}

    /** The witness as a {@link Head} whose MAC line does not verify: {@code new Head(-1, FORGED)}. */
    static final String FORGED = "forged";

    private final HmacSm3 hmac;
    private final Verifier anchorVerifier;
    private final String keyId;
    private final long anchorEvery;

    /** A verifier that does not require anchors at an interval (for unit tests of the chain alone). */
    ChainVerifier(HmacSm3 hmac, Verifier anchorVerifier, String keyId) {
        this(hmac, anchorVerifier, keyId, 0);
    }

    /**
     * @param anchorEvery an anchor signed by the anchor key is required at every multiple of this number up
     *                    to the end of the log ({@code 0}: none required)
     */
    ChainVerifier(HmacSm3 hmac, Verifier anchorVerifier, String keyId, long anchorEvery) {
        this.hmac = hmac;
        this.anchorVerifier = anchorVerifier;
        this.keyId = keyId;
        this.anchorEvery = anchorEvery;
    }

    VerificationReport verify(
            List<AuditEntry> stored, List<AuditAnchor> anchors, Optional<Head> witness, Optional<Head> headRow) {
        return verify(stored, anchors, witness, headRow, Optional.empty());
    }

    /**
     * @param exported the anchors exported to the append-only file ({@code yunjian.audit.anchor-export}), if
     *                 given: each must be in the database unchanged; validly signed ones missing there still
     *                 count as anchors (so a deleted anchor still pins its entry)
     */
    VerificationReport verify(
            List<AuditEntry> stored,
            List<AuditAnchor> dbAnchors,
            Optional<Head> witness,
            Optional<Head> headRow,
            Optional<List<AuditAnchor>> exported) {
        List<Finding> findings = new ArrayList<>();
        List<AuditAnchor> anchors = new ArrayList<>(dbAnchors);
        exported.ifPresent(list -> compareExport(list, dbAnchors, anchors, findings));
        Chain chain = new Chain(stored, anchors, witness);
        chain.placeOriginals(headRow);
        chain.judgeUnplaced(findings);
        chain.gaps(findings);
        Reordering.find(chain.placed(), findings);
        long end = chain.end(headRow, findings);
        chain.anchors(findings);
        // 8. an anchor is required at every multiple of anchor-every up to the end of the log: deleting anchors
        //    (to rewrite the chain with the HMAC key) leaves these places empty
        requiredAnchors(anchors, end, findings);
        findings.sort(Comparator.comparingLong(Finding::from).thenComparing(Finding::kind));
        witnessState(witness, stored.size(), findings);
        return new VerificationReport(stored.size(), dbAnchors.size(), List.copyOf(findings));
    }

    /** The witness's own state, not a place in the chain, so listed after the problems that are. */
    private static void witnessState(Optional<Head> witness, int entries, List<Finding> findings) {
        if (witness.isEmpty() && entries > 0) {
            findings.add(Finding.of(Finding.Kind.WITNESS, 0, 0, "witness.missing"));
        } else if (witness.isPresent() && witness.get().seq() < 0) {
            findings.add(Finding.of(
                    Finding.Kind.WITNESS,
                    0,
                    0,
                    FORGED.equals(witness.get().mac()) ? "witness.forged" : "witness.unreadable"));
        }
    }

    /** One verification of a stored chain: the phases in order, each adding its findings. */
    private final class Chain {
        private final List<AuditEntry> stored;
        private final int n;
        private final List<AuditAnchor> anchors;
        private final Optional<Head> witness;
        /** The original sequence number of each stored entry that is authentic somewhere. */
        private final Long[] original;
        /** The original place of each entry, also of modified ones. */
        private Long[] position;
        /** Whether each anchor is signed by the anchor key. */
        private final boolean[] signed;
        /** mac → original seq of the entry it precedes. */
        private final Map<String, Long> linkedFrom = new HashMap<>();

        private final TreeSet<Long> present = new TreeSet<>();
        private final Set<String> insertedMacs = new HashSet<>();
        /** Original place → index of the stored entry there. */
        private final Map<Long, Integer> atPosition = new HashMap<>();

        Chain(List<AuditEntry> stored, List<AuditAnchor> anchors, Optional<Head> witness) {
            this.stored = stored;
            this.n = stored.size();
            this.anchors = anchors;
            this.witness = witness;
            this.original = new Long[n];
            this.signed = new boolean[anchors.size()];
        }

        /**
         * 1. entries authentic where they stand; 2. follow the chain from every entry placed so far, forwards
         * (successors name its MAC in prev_mac) and backwards (its prev_mac names the predecessor's MAC); the head
         * witness, the head row and the anchors name the MAC of a known place, so renumbered entries after a
         * deletion are found as well.
         */
        void placeOriginals(Optional<Head> headRow) {
            Map<String, List<Integer>> byPrev = new HashMap<>();
            Deque<Integer> resolved = new ArrayDeque<>();
            for (int i = 0; i < n; i++) {
                AuditEntry e = stored.get(i);
                if (authentic(e, e.seq())) {
                    original[i] = e.seq();
                    resolved.add(i);
                } else {
                    byPrev.computeIfAbsent(e.prevMac(), k -> new ArrayList<>()).add(i);
                }
            }
            Map<String, List<Integer>> byMac = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (original[i] == null) {
                    byMac.computeIfAbsent(stored.get(i).mac(), k -> new ArrayList<>())
                            .add(i);
                }
            }
            place(stored, original, byPrev, Canonical.GENESIS, 1, resolved);
            List<Head> known = new ArrayList<>();
            witness.ifPresent(known::add);
            headRow.ifPresent(known::add);
            for (int a = 0; a < anchors.size(); a++) {
                AuditAnchor anchor = anchors.get(a);
                signed[a] = anchor.keyId().equals(keyId) && verifySignature(anchor);
                if (signed[a]) {
                    known.add(new Head(anchor.seq(), anchor.mac()));
                }
            }
            for (Head h : known) {
                if (h.seq() > 0) {
                    place(stored, original, byMac, h.mac(), h.seq(), resolved);
                }
            }
            while (!resolved.isEmpty()) {
                int i = resolved.poll();
                AuditEntry e = stored.get(i);
                place(stored, original, byPrev, e.mac(), original[i] + 1, resolved);
                if (original[i] > 1) {
                    place(stored, original, byMac, e.prevMac(), original[i] - 1, resolved);
                }
            }
            for (int i = 0; i < n; i++) {
                if (original[i] != null) {
                    if (!Canonical.GENESIS.equals(stored.get(i).prevMac())) {
                        linkedFrom.putIfAbsent(stored.get(i).prevMac(), original[i]);
                    }
                    present.add(original[i]);
                }
            }
        }

        /** 3. entries authentic nowhere: modified (something links to them, or their place is empty) or inserted. */
        void judgeUnplaced(List<Finding> findings) {
            position = original.clone();
            for (int i = 0; i < n; i++) {
                if (original[i] != null) {
                    continue;
                }
                AuditEntry e = stored.get(i);
                Long successor = linkedFrom.get(e.mac());
                if (successor != null) {
                    position[i] = successor - 1;
                    findings.add(Finding.of(
                            Finding.Kind.MODIFIED,
                            e.seq(),
                            e.seq(),
                            "modified.linked",
                            number(e.seq()),
                            number(successor)));
                } else if (witness.isPresent() && witness.get().mac().equals(e.mac())) {
                    position[i] = witness.get().seq();
                    findings.add(
                            Finding.of(Finding.Kind.MODIFIED, e.seq(), e.seq(), "modified.witness", number(e.seq())));
                } else if (!present.contains(e.seq())
                        && (present.higher(e.seq()) != null
                                || expectedLast(anchors, witness, Optional.empty()) >= e.seq())) {
                    // the head row is left out here: the application role can move it, the witness and anchors it
                    // cannot
                    position[i] = e.seq();
                    findings.add(
                            Finding.of(Finding.Kind.MODIFIED, e.seq(), e.seq(), "modified.replaced", number(e.seq())));
                } else {
                    insertedMacs.add(e.mac());
                    findings.add(
                            present.contains(e.seq())
                                    ? Finding.of(
                                            Finding.Kind.INSERTED,
                                            e.seq(),
                                            e.seq(),
                                            "inserted.displacing",
                                            number(e.seq()),
                                            number(storedSeqOf(stored, original, e.seq())),
                                            number(e.seq() - 1))
                                    : Finding.of(Finding.Kind.INSERTED, e.seq(), e.seq(), "inserted", number(e.seq())));
                }
            }
            for (Long p : position) {
                if (p != null) {
                    present.add(p);
                }
            }
        }

        /** 4. gaps in the original numbering. */
        void gaps(List<Finding> findings) {
            Long previous = 0L;
            for (Long p : present) {
                if (p > previous + 1) {
                    long a = previous + 1;
                    long b = p - 1;
                    findings.add(
                            previous == 0
                                    ? Finding.of(Finding.Kind.DELETED, a, b, "deleted.start", entries(a, b), number(p))
                                    : Finding.of(
                                            Finding.Kind.DELETED,
                                            a,
                                            b,
                                            "deleted",
                                            entries(a, b),
                                            number(p),
                                            number(previous)));
                }
                previous = p;
            }
        }

        /** 5. order: {stored seq, original seq} of each placed entry, in stored order (original numbers must rise). */
        List<long[]> placed() {
            List<long[]> placed = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (position[i] != null) {
                    placed.add(new long[] {stored.get(i).seq(), position[i]});
                }
            }
            return placed;
        }

        /**
         * 6. the end of the log: truncated below the last anchor, the witness or the head row; the witness's entry
         * must have its MAC.
         *
         * @return the end of the log as far as it is known (the last present place or the one expected)
         */
        long end(Optional<Head> headRow, List<Finding> findings) {
            long last = present.isEmpty() ? 0 : present.last();
            long lastAnchor = anchors.stream().mapToLong(AuditAnchor::seq).max().orElse(0);
            // a head row moved onto a forged entry claims nothing
            Optional<Head> head = headRow.filter(h -> !insertedMacs.contains(h.mac()));
            long expected = expectedLast(anchors, witness, head);
            if (expected > last) {
                List<Msg> sources = new ArrayList<>();
                if (lastAnchor > last) {
                    sources.add(Msg.of("audit.finding.detail.truncated.anchor", number(lastAnchor)));
                }
                witness.filter(w -> w.seq() > last)
                        .ifPresent(w -> sources.add(Msg.of("audit.finding.detail.truncated.witness", number(w.seq()))));
                head.filter(h -> h.seq() > last)
                        .ifPresent(h -> sources.add(Msg.of("audit.finding.detail.truncated.headRow", number(h.seq()))));
                long a = last + 1;
                findings.add(Finding.of(
                        Finding.Kind.TRUNCATED,
                        a,
                        expected,
                        "truncated",
                        entries(a, expected),
                        number(last),
                        joined(sources)));
            }
            for (int i = 0; i < n; i++) {
                if (position[i] != null) {
                    atPosition.putIfAbsent(position[i], i);
                }
            }
            if (witness.isPresent() && witness.get().seq() >= 0) {
                Head w = witness.get();
                Integer i = atPosition.get(w.seq());
                if (i != null && original[i] != null && !stored.get(i).mac().equals(w.mac())) {
                    findings.add(
                            Finding.of(Finding.Kind.WITNESS, w.seq(), w.seq(), "witness.mismatch", number(w.seq())));
                }
            }
            return Math.max(last, expected);
        }

        /** 7. anchors: signed by the anchor key, and the MAC of the entry at their place. */
        void anchors(List<Finding> findings) {
            for (int a = 0; a < anchors.size(); a++) {
                AuditAnchor anchor = anchors.get(a);
                if (!signed[a]) {
                    findings.add(
                            anchor.keyId().equals(keyId)
                                    ? Finding.of(
                                            Finding.Kind.ANCHOR_SIGNATURE,
                                            anchor.seq(),
                                            anchor.seq(),
                                            "anchor.signature",
                                            number(anchor.seq()))
                                    : Finding.of(
                                            Finding.Kind.ANCHOR_SIGNATURE,
                                            anchor.seq(),
                                            anchor.seq(),
                                            "anchor.unknownKey",
                                            number(anchor.seq()),
                                            anchor.keyId()));
                }
                Integer i = atPosition.get(anchor.seq());
                if (i != null && !stored.get(i).mac().equals(anchor.mac())) {
                    findings.add(Finding.of(
                            Finding.Kind.ANCHOR_MISMATCH,
                            anchor.seq(),
                            anchor.seq(),
                            "anchor.mismatch",
                            number(anchor.seq())));
                }
            }
        }
    }

    private void requiredAnchors(List<AuditAnchor> anchors, long end, List<Finding> findings) {
        if (anchorEvery <= 0) {
            return;
        }
        Set<Long> anchored = new HashSet<>();
        for (AuditAnchor a : anchors) {
            anchored.add(a.seq()); // a badly signed one is reported as such, not twice
        }
        for (long k = anchorEvery; k <= end; k += anchorEvery) {
            if (anchored.contains(k)) {
                continue;
            }
            findings.add(
                    Finding.of(Finding.Kind.ANCHOR_MISSING, k, k, "anchor.missing", number(k), number(anchorEvery)));
        }
    }

    /**
     * Each exported anchor must be in the database unchanged; validly signed exported anchors that the
     * database lacks are added to {@code anchors}, so they still pin their entries.
     */
    private void compareExport(
            List<AuditAnchor> exported,
            List<AuditAnchor> dbAnchors,
            List<AuditAnchor> anchors,
            List<Finding> findings) {
        Map<Long, AuditAnchor> bySeq = new HashMap<>();
        for (AuditAnchor a : dbAnchors) {
            bySeq.putIfAbsent(a.seq(), a);
        }
        Set<Long> seen = new HashSet<>();
        for (AuditAnchor e : exported) {
            if (!seen.add(e.seq())) {
                continue;
            }
            AuditAnchor db = bySeq.get(e.seq());
            boolean valid = e.keyId().equals(keyId) && verifySignature(e);
            if (db == null) {
                findings.add(Finding.of(
                        Finding.Kind.ANCHOR_EXPORT_MISSING,
                        e.seq(),
                        e.seq(),
                        valid ? "anchor.export.missing" : "anchor.export.missingUnsigned",
                        number(e.seq())));
                if (valid) {
                    anchors.add(e);
                }
            } else if (!db.equals(e)) {
                findings.add(Finding.of(
                        Finding.Kind.ANCHOR_EXPORT_MISMATCH,
                        e.seq(),
                        e.seq(),
                        "anchor.export.mismatch",
                        number(e.seq())));
            }
        }
    }

    /** Tries the not yet placed entries filed under {@code key} at original number {@code seq}. */
    private void place(
            List<AuditEntry> stored,
            Long[] original,
            Map<String, List<Integer>> index,
            String key,
            long seq,
            Deque<Integer> resolved) {
        List<Integer> candidates = index.get(key);
        if (candidates == null) {
            return;
        }
        for (int j : candidates) {
            if (original[j] == null && authentic(stored.get(j), seq)) {
                original[j] = seq;
                resolved.add(j);
            }
        }
    }

    private boolean authentic(AuditEntry e, long seq) {
        try {
            return hmac.verify(Canonical.entry(e.withSeq(seq)), Hex.decode(e.mac()));
        } catch (IllegalArgumentException malformedMac) {
            return false;
        }
    }

    private boolean verifySignature(AuditAnchor a) {
        try {
            return anchorVerifier.verify(
                    Canonical.anchor(a.seq(), a.mac(), a.createdAt(), a.keyId()), Hex.decode(a.signature()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static long expectedLast(List<AuditAnchor> anchors, Optional<Head> witness, Optional<Head> headRow) {
        long lastAnchor = anchors.stream().mapToLong(AuditAnchor::seq).max().orElse(0);
        return Math.max(
                lastAnchor,
                Math.max(
                        witness.map(Head::seq).orElse(0L),
                        headRow.map(Head::seq).orElse(0L)));
    }

    private static long storedSeqOf(List<AuditEntry> stored, Long[] original, long originalSeq) {
        for (int i = 0; i < stored.size(); i++) {
            if (original[i] != null && original[i] == originalSeq) {
                return stored.get(i).seq();
            }
        }
        return -1;
    }
}
