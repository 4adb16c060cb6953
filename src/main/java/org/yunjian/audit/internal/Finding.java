package org.yunjian.audit.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.yunjian.shared.Msg;

/**
 * One problem found by verification: a stable code ({@link #kind()}, with the entries concerned) for machines
 * and a message naming the entries, rendered in the reader's language only where it is shown (page, CLI, REST).
 *
 * @param kind    what kind of tampering or damage (the machine-readable code)
 * @param from    first entry number concerned (for anchors: the anchored entry)
 * @param to      last entry number concerned ({@code == from} for a single entry)
 * @param message what was found, naming the entries ({@code audit.finding.detail.*})
 */
public record Finding(Kind kind, long from, long to, Msg message) {

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

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** A finding whose message is {@code audit.finding.detail.<detail>} with {@code args}. */
    static Finding of(Kind kind, long from, long to, String detail, Object... args) {
        return new Finding(kind, from, to, Msg.of("audit.finding.detail." + detail, args));
    }

    /** The message in the current thread's language (the request's, or the CLI's {@code --lang}). */
    public String text() {
        return message.text();
    }

    public String text(Locale locale) {
        return message.text(locale);
    }

    /** An entry number as a message argument: as it is, without the digit grouping of a formatted number. */
    static String number(long n) {
        return Long.toString(n);
    }

    /** "entry 5" or "entries 5..7", as a message argument. */
    static Msg entries(long from, long to) {
        return from == to
                ? Msg.of("audit.finding.entry", number(from))
                : Msg.of("audit.finding.entries", number(from), number(to));
    }

    /**
     * Several parts as one message, joined in the reader's language; nested as a balanced tree, so a long list
     * (thousands of reordered entries) renders without deep recursion.
     */
    static Msg joined(List<Msg> parts) {
        return Msg.joined("audit.finding.join", parts);
    }

    @Override
    public String toString() {
        return kind + " " + from + ".." + to + ": " + message.text(Locale.ENGLISH);
    }
}
