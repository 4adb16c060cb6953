package org.yunjian.audit.internal;

import java.util.List;
import java.util.OptionalLong;

/**
 * Result of verifying the whole log, computed on demand and never stored.
 *
 * @param entries     entries read
 * @param anchors     anchors read
 * @param findings    problems, in chain order: the first is the first problem in the log
 * @param uncommitted entries {@code [0]..[1]} that a transaction was committing when the process stopped and
 *                    that the database does not hold: they were never committed (a crash, not tampering);
 *                    {@code null} if there are none
 */
public record VerificationReport(long entries, long anchors, List<Finding> findings, long[] uncommitted) {

    public VerificationReport(long entries, long anchors, List<Finding> findings) {
        this(entries, anchors, findings, null);
    }

    /** With the witness's pending entry: the ones above the last stored entry were never committed. */
    VerificationReport withUncommitted(OptionalLong pending, long lastStored) {
        if (pending.isEmpty() || pending.getAsLong() <= lastStored) {
            return this;
        }
        return new VerificationReport(entries, anchors, findings, new long[] {lastStored + 1, pending.getAsLong()});
    }

    public boolean ok() {
        return findings.isEmpty();
    }

    public Finding first() {
        return findings.isEmpty() ? null : findings.get(0);
    }

    /** The note about entries never committed, or {@code null}. */
    public String uncommittedNote() {
        if (uncommitted == null) {
            return null;
        }
        return (uncommitted[0] == uncommitted[1] ? "entry " + uncommitted[0] + " was"
                : "entries " + uncommitted[0] + ".." + uncommitted[1] + " were")
                + " never committed: the process stopped while committing (not tampering)";
    }

    public String summary() {
        String note = uncommitted == null ? "" : "; " + uncommittedNote();
        if (ok()) {
            return "OK: " + entries + " entries, " + anchors + " anchors verified" + note;
        }
        return "FAILED: " + findings.size() + (findings.size() == 1 ? " problem" : " problems") + " in " + entries
                + " entries, " + anchors + " anchors; first: " + first().message() + note;
    }

    /** The outcome as a message for the audit entry of the verification (read in each reader's language). */
    public org.yunjian.shared.Msg detail() {
        return ok() ? org.yunjian.shared.Msg.of("audit.detail.verify.ok", entries, anchors)
                : org.yunjian.shared.Msg.of("audit.detail.verify.failed", entries, anchors, findings.size());
    }

    /** A finding in the reader's language. */
    public static String text(Finding f) {
        return org.yunjian.shared.Texts.get("audit.finding." + f.kind().name(), Long.toString(f.from()),
                Long.toString(f.to()), f.to() > f.from() ? 1 : 0);
    }

    /** The uncommitted-entries note in the reader's language, or {@code null}. */
    public String uncommittedText() {
        return uncommitted == null ? null : org.yunjian.shared.Texts.get("audit.verify.uncommitted",
                Long.toString(uncommitted[0]), Long.toString(uncommitted[1]), uncommitted[1] > uncommitted[0] ? 1 : 0);
    }
}
