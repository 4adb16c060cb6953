package org.yunjian.audit.internal;

import java.util.List;
import java.util.OptionalLong;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * Result of verifying the whole log, computed on demand and never stored.
 *
 * @param entries     entries read
 * @param anchors     anchors read
 * @param findings    problems, in chain order: the first is the first problem in the log
 * @param uncommitted entries {@code [0]..[1]} that a transaction was committing when the process stopped and
 *                    that the database does not hold: they were never committed (a crash, not tampering);
 *                    {@code null} if there are none
 * @param notes       what the verification could not rule out (no off-site anchor copy; a head witness that
 *                    started again), shown beside the result, not problems
 * @param offSite     whether an anchor export kept outside the key directory was checked
 */
public record VerificationReport(
        long entries, long anchors, List<Finding> findings, long[] uncommitted, List<Msg> notes, boolean offSite) {

    public VerificationReport(long entries, long anchors, List<Finding> findings) {
        this(entries, anchors, findings, null, List.of(), false);
    }

    /** With the witness's pending entry: the ones above the last stored entry were never committed. */
    VerificationReport withUncommitted(OptionalLong pending, long lastStored) {
        if (pending.isEmpty() || pending.getAsLong() <= lastStored) {
            return this;
        }
        return new VerificationReport(
                entries, anchors, findings, new long[] {lastStored + 1, pending.getAsLong()}, notes, offSite);
    }

    /** With more findings (after the chain's, which name places in it), notes, and whether the anchors were off-site. */
    VerificationReport with(List<Finding> more, List<Msg> moreNotes, boolean offSiteChecked) {
        List<Finding> f = new java.util.ArrayList<>(findings);
        f.addAll(more);
        List<Msg> n = new java.util.ArrayList<>(notes);
        n.addAll(moreNotes);
        return new VerificationReport(entries, anchors, List.copyOf(f), uncommitted, List.copyOf(n), offSiteChecked);
    }

    /** The notes in the reader's language. */
    public List<String> noteTexts() {
        return notes.stream().map(Msg::text).toList();
    }

    public boolean ok() {
        return findings.isEmpty();
    }

    public Finding first() {
        return findings.isEmpty() ? null : findings.get(0);
    }

    /** The note about entries never committed (a crash, not tampering), or {@code null}. */
    public Msg uncommittedNote() {
        if (uncommitted == null) {
            return null;
        }
        return Msg.of(
                "audit.verify.uncommitted",
                Finding.number(uncommitted[0]),
                Finding.number(uncommitted[1]),
                uncommitted[1] > uncommitted[0] ? 1 : 0);
    }

    /** One line: the counts and, if it failed, the first problem; with the note about uncommitted entries. */
    public Msg summary() {
        Msg counts = ok()
                ? Msg.of("audit.summary.ok", entries, anchors)
                : Msg.of("audit.summary.failed", findings.size(), entries, anchors, first().message());
        return uncommitted == null ? counts : Msg.of("audit.summary.note", counts, uncommittedNote());
    }

    /** The outcome as a message for the audit entry of the verification (read in each reader's language). */
    public Msg detail() {
        return ok()
                ? Msg.of("audit.detail.verify.ok", entries, anchors)
                : Msg.of("audit.detail.verify.failed", entries, anchors, findings.size());
    }

    /** The kind of a finding as a short sentence naming its entries, in the reader's language. */
    public static String text(Finding f) {
        return Texts.get(
                "audit.finding." + f.kind().name(),
                Finding.number(f.from()),
                Finding.number(f.to()),
                f.to() > f.from() ? 1 : 0);
    }

    /** The uncommitted-entries note in the reader's language, or {@code null}. */
    public String uncommittedText() {
        return uncommitted == null ? null : uncommittedNote().text();
    }
}
