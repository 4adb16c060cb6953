package org.yunjian.lifecycle;

import java.time.Instant;
import java.util.UUID;

import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;

/**
 * A change to the cloud service that needs the customer's approval (GOV 8.2.1 e) 重大变更进行监督管理; JR/T 7.4.2
 * 对受托方的变更服务内容进行评估并控制): what, why, in which window, at what risk, who asked; then approved or refused
 * with the reason. No organisation approves its own request — four eyes across organisations.
 *
 * @param version the stored version, raised by the decision
 */
public record SupervisionChange(UUID id, UUID systemId, String title, String reason, Instant windowStart,
                                Instant windowEnd, SupervisionChangeRisk risk, String riskNotes, String requestedBy,
                                UUID requestedOrg, Instant requestedAt, SupervisionChangeStatus status,
                                String decidedBy, Instant decidedAt, String decisionReason, long version) {

    /** A window ends after it starts. */
    public static void checkWindow(FieldErrors errors, Instant start, Instant end) {
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add("windowEnd", "lifecycle.ops.error.windowOrder");
        }
    }

    /**
     * Whether the request waits for the decision of the customer's organisation {@code customer}: pending, and not
     * the customer's own request (which it may not decide, {@link #decide}).
     */
    public boolean awaitsDecisionOf(UUID customer) {
        return status == SupervisionChangeStatus.PENDING && !requestedOrg.equals(customer);
    }

    /**
     * The decision of the customer's organisation {@code deciderOrg}: only on a pending request, never by the
     * requesting organisation itself, and a refusal says why.
     *
     * @throws ConflictException  already decided
     * @throws ForbiddenException the requester's own organisation deciding
     */
    public SupervisionChange decide(boolean approve, String why, UUID deciderOrg, String decider, Instant at) {
        if (status != SupervisionChangeStatus.PENDING) {
            throw new ConflictException("change-decided", "lifecycle.ops.error.changeDecided");
        }
        if (requestedOrg.equals(deciderOrg)) {
            throw new ForbiddenException(Msg.of("lifecycle.ops.denied.selfApproval"));
        }
        if (!approve && why == null) {
            throw new FieldErrors.ValidationException("reason", "lifecycle.ops.error.refusalReason");
        }
        return new SupervisionChange(id, systemId, title, reason, windowStart, windowEnd, risk, riskNotes,
                requestedBy, requestedOrg, requestedAt, approve ? SupervisionChangeStatus.APPROVED
                : SupervisionChangeStatus.REFUSED, decider, at, why, version + 1);
    }
}
