package org.yunjian.audit.internal;

/**
 * One problem found by verification.
 *
 * @param kind    what kind of tampering or damage
 * @param from    first entry number concerned (for anchors: the anchored entry)
 * @param to      last entry number concerned ({@code == from} for a single entry)
 * @param message human-readable, naming the entries
 */
public record Finding(Kind kind, long from, long to, String message) {

    public enum Kind {
        /** The entry's own MAC fails but the chain still links to it: its fields were changed. */
        MODIFIED,
        /** Entries missing inside the chain (a gap in the original numbering). */
        DELETED,
        /** An entry that never was in the chain: its MAC fails and nothing links to it. */
        INSERTED,
        /** Authentic entries stored under each other's sequence numbers. */
        REORDERED,
        /** Entries missing at the end, below the last anchor, the head row or the head witness. */
        TRUNCATED,
        /** An anchor whose SM2 signature does not verify. */
        ANCHOR_SIGNATURE,
        /** An anchor whose MAC differs from the entry it anchors. */
        ANCHOR_MISMATCH,
        /** No anchor at a multiple of {@code anchor-every}: anchors were deleted (e.g. to rewrite the chain). */
        ANCHOR_MISSING,
        /** An anchor in the append-only export that the database no longer holds. */
        ANCHOR_EXPORT_MISSING,
        /** An anchor that differs from its copy in the append-only export. */
        ANCHOR_EXPORT_MISMATCH,
        /** The head witness file is missing, unreadable, or names a different MAC for its entry. */
        WITNESS
    }

    @Override
    public String toString() {
        return message;
    }
}
