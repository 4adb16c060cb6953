package org.yunjian.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.yunjian.party.Industry;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;

/**
 * A change to the cloud service that needs the customer's approval (GOV 8.2.1 e) 重大变更进行监督管理; JR/T 7.4.2
 * 对受托方的变更服务内容进行评估并控制): what, why, in which window, at what risk, who asked; then approved or refused
 * with the reason. No organisation approves its own request — four eyes across organisations. A major change
 * (重大调整变更) of a government website's cloud service also needs the regulator's review (GOV 8.2.2 b) "云服务商有重大调整
 * 变更时，应向云服务客户提前通知，并获得监管部门审核"): it is approved only with the review's date and reference recorded.
 *
 * @param major               the requester marks the change as a 重大调整变更
 * @param regulatorReviewedOn the day the regulator's review was given, recorded with the approval (or null)
 * @param regulatorReference  the review's reference (文号), recorded with the approval (or null)
 * @param version             the stored version, raised by the decision
 */
public record SupervisionChange(
        UUID id,
        UUID systemId,
        String title,
        String reason,
        Instant windowStart,
        Instant windowEnd,
        SupervisionChangeRisk risk,
        String riskNotes,
        String requestedBy,
        UUID requestedOrg,
        Instant requestedAt,
        SupervisionChangeStatus status,
        String decidedBy,
        Instant decidedAt,
        String decisionReason,
        boolean major,
        LocalDate regulatorReviewedOn,
        String regulatorReference,
        long version) {

    /** The catalog item of the government-website guide's 8.2.2 b) (监管部门审核 of a provider's major change). */
    public static final String REGULATOR_REVIEW_RULE = "GOVWEB-8.2.2-b";

    /** Whether approving this change needs the regulator's review: a major change on a government website. */
    public boolean needsRegulatorReview(Industry industry) {
        return major && industry == Industry.GOVERNMENT_WEBSITE;
    }

    /** A regulator's review as recorded with an approval: the day and the reference. */
    public record RegulatorReview(LocalDate on, String reference) {}

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
    public SupervisionChange decide(
            boolean approve, String why, RegulatorReview review, UUID deciderOrg, String decider, Instant at) {
        if (status != SupervisionChangeStatus.PENDING) {
            throw new ConflictException("change-decided", "lifecycle.ops.error.changeDecided");
        }
        if (requestedOrg.equals(deciderOrg)) {
            throw new ForbiddenException(Msg.of("lifecycle.ops.denied.selfApproval"));
        }
        if (!approve && why == null) {
            throw new FieldErrors.ValidationException("reason", "lifecycle.ops.error.refusalReason");
        }
        return new SupervisionChange(
                id,
                systemId,
                title,
                reason,
                windowStart,
                windowEnd,
                risk,
                riskNotes,
                requestedBy,
                requestedOrg,
                requestedAt,
                approve ? SupervisionChangeStatus.APPROVED : SupervisionChangeStatus.REFUSED,
                decider,
                at,
                why,
                major,
                review == null ? null : review.on(),
                review == null ? null : review.reference(),
                version + 1);
    }
}
