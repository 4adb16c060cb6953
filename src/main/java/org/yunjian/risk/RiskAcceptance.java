package org.yunjian.risk;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;

/**
 * The acceptance of a finding's risk (treatment 接受): proposed by one person with an expiry date (and, for a high
 * risk, a reason), approved with a date by a user of the system's customer — the risk owner — other than the
 * proposer. Whether it is in force is computed from today's date, never stored: after the expiry date it is
 * 已过期 and the finding counts as open again.
 */
public record RiskAcceptance(
        String reason, LocalDate expiresOn, UUID proposedBy, UUID approvedBy, LocalDate approvedOn) {

    public RiskAcceptance {
        Objects.requireNonNull(expiresOn, "expiresOn");
        Objects.requireNonNull(proposedBy, "proposedBy");
        if ((approvedBy == null) != (approvedOn == null)) {
            throw new IllegalArgumentException("approvedBy/approvedOn");
        }
    }

    /** 待批准 / 已接受 / 已过期. */
    public enum State {
        PROPOSED,
        ACCEPTED,
        EXPIRED
    }

    public State state(LocalDate today) {
        if (today.isAfter(expiresOn)) {
            return State.EXPIRED;
        }
        return approvedOn == null ? State.PROPOSED : State.ACCEPTED;
    }

    /** Approved and not expired: only then is the finding not open. */
    public boolean inForce(LocalDate today) {
        return state(today) == State.ACCEPTED;
    }

    /**
     * The rules of a proposal, each problem on its field: an expiry date is required and must be after today; a
     * high risk is accepted only with a stated reason.
     */
    public static void checkProposal(
            FieldErrors errors, RiskLevel risk, String reason, LocalDate expiresOn, LocalDate today) {
        if (expiresOn == null) {
            errors.add("acceptanceExpiresOn", "risk.error.expiry.required");
        } else if (!expiresOn.isAfter(today)) {
            errors.add("acceptanceExpiresOn", "risk.error.expiry.future");
        }
        if (risk == RiskLevel.HIGH && (reason == null || reason.isBlank())) {
            errors.add("acceptanceReason", "risk.error.acceptance.highReason");
        }
    }

    /**
     * Who may approve the proposal on a system whose customer is {@code customerOrg}: its users, never the proposer
     * (the second person) — the rule {@link #approve} enforces, as an addressee of the waiting approval.
     */
    public org.yunjian.shared.work.WorkAddressee approvers(UUID customerOrg, UUID systemId) {
        return org.yunjian.shared.work.WorkAddressee.organization(customerOrg, systemId)
                .except(proposedBy);
    }

    /**
     * Approval by {@code approver} of organisation {@code approverOrg}: only a user of the customer
     * ({@code customerOrg}), never the proposer, only while proposed and not expired.
     */
    public RiskAcceptance approve(UUID approver, UUID approverOrg, UUID customerOrg, LocalDate today) {
        if (approverOrg == null || !approverOrg.equals(customerOrg)) {
            throw new ConflictException("acceptance-not-risk-owner", "risk.error.acceptance.notCustomer");
        }
        if (approver.equals(proposedBy)) {
            throw new ConflictException("acceptance-own-proposal", "risk.error.acceptance.ownProposal");
        }
        State s = state(today);
        if (s == State.EXPIRED) {
            throw new ConflictException("acceptance-expired", "risk.error.acceptance.expired");
        }
        if (s == State.ACCEPTED) {
            throw new ConflictException("acceptance-approved", "risk.error.acceptance.approved");
        }
        return new RiskAcceptance(reason, expiresOn, proposedBy, approver, today);
    }
}
