package org.yunjian.audit.internal;

import java.util.List;

/**
 * Result of verifying the whole log, computed on demand and never stored.
 *
 * @param entries  entries read
 * @param anchors  anchors read
 * @param findings problems, in chain order: the first is the first problem in the log
 */
public record VerificationReport(long entries, long anchors, List<Finding> findings) {

    public boolean ok() {
        return findings.isEmpty();
    }

    public Finding first() {
        return findings.isEmpty() ? null : findings.get(0);
    }

    public String summary() {
        if (ok()) {
            return "OK: " + entries + " entries, " + anchors + " anchors verified";
        }
        return "FAILED: " + findings.size() + (findings.size() == 1 ? " problem" : " problems") + " in " + entries
                + " entries, " + anchors + " anchors; first: " + first().message();
    }
}
