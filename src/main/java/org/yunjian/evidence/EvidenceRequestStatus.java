package org.yunjian.evidence;

import java.time.LocalDate;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.Msg;

/**
 * A line of an evidence request (资料清单): 待提交 until the addressed party uploads a file (已提交); the assessor
 * accepts it (已接受) or returns it with a comment (退回), after which the party uploads again. The transitions are
 * guarded here, for the service, the pages and the API alike.
 */
public enum EvidenceRequestStatus {
    PENDING,
    SUBMITTED,
    ACCEPTED,
    RETURNED;

    /** Whether the addressed party can (still) upload against the line. */
    public boolean awaitsAnswer() {
        return this == PENDING || this == RETURNED;
    }

    /** Whether a file waits for the assessors to accept or return it. */
    public boolean awaitsDecision() {
        return this == SUBMITTED;
    }

    /** The status after an upload; refused once a file waits for review or was accepted. */
    public EvidenceRequestStatus answer() {
        if (!awaitsAnswer()) {
            throw new ConflictException(
                    "request-line-answered", Msg.of("assessment.request.conflict.answered", Msg.of(this)));
        }
        return SUBMITTED;
    }

    /** The status after the assessor's decision; only a submitted line is decided. */
    public EvidenceRequestStatus decide(boolean accept) {
        if (this != SUBMITTED) {
            throw new ConflictException(
                    "request-line-not-submitted", Msg.of("assessment.request.conflict.notSubmitted", Msg.of(this)));
        }
        return accept ? ACCEPTED : RETURNED;
    }

    /** The addressee may be changed until a file has been submitted. */
    public void requireReaddressable() {
        if (this != PENDING) {
            throw new ConflictException(
                    "request-line-answered", Msg.of("assessment.request.conflict.readdress", Msg.of(this)));
        }
    }

    /** Overdue: still waiting for the party after its due date. */
    public boolean overdue(LocalDate due, LocalDate today) {
        return awaitsAnswer() && due.isBefore(today);
    }
}
