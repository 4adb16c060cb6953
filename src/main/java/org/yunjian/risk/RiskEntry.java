package org.yunjian.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.shared.FieldErrors;

/**
 * One finding of the risk register as the rules see it: its treatment, the remediation status, the due date the
 * assessor chose (null = 未定) and the acceptance, if any. Open, overdue and unplanned are computed here — once —
 * from today's date; {@link #OPEN_SQL} says the same for the dashboards' set-based counts.
 */
public record RiskEntry(
        RiskTreatment treatment, RemediationStatus status, LocalDate dueDate, RiskAcceptance acceptance) {

    public RiskEntry {
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(status, "status");
    }

    /** Remediation statuses that are open (DONE and VERIFIED are closed). */
    public static final List<RemediationStatus> OPEN_STATUSES =
            List.of(RemediationStatus.OPEN, RemediationStatus.IN_PROGRESS);

    /**
     * {@link #open} in SQL over {@code assessment_remediation r LEFT JOIN assessment_risk k ON k.remediation_id =
     * r.id}, with the named parameters {@code :open} ({@link #OPEN_STATUSES} by name) and {@code :today}.
     */
    public static final String OPEN_SQL = """
            (r.status IN (:open) AND NOT (k.treatment = 'ACCEPT'
            AND k.accept_approved_on IS NOT NULL AND k.accept_expires_on >= :today))""";

    /** Open: not done or verified, and not accepted with an acceptance in force (an expired one counts again). */
    public boolean open(LocalDate today) {
        if (!OPEN_STATUSES.contains(status)) {
            return false;
        }
        return !(treatment == RiskTreatment.ACCEPT && acceptance != null && acceptance.inForce(today));
    }

    /** Open with a due date before today. */
    public boolean overdue(LocalDate today) {
        return open(today) && dueDate != null && dueDate.isBefore(today);
    }

    /** Open and to be remediated or transferred, with no due date chosen yet (shown as 未定). */
    public boolean unplanned(LocalDate today) {
        return open(today) && dueDate == null && treatment != RiskTreatment.ACCEPT;
    }

    public RiskState state(LocalDate today) {
        if (status == RemediationStatus.VERIFIED) {
            return RiskState.VERIFIED;
        }
        if (status == RemediationStatus.DONE) {
            return RiskState.DONE;
        }
        if (treatment == RiskTreatment.ACCEPT && acceptance != null) {
            return switch (acceptance.state(today)) {
                case PROPOSED -> RiskState.ACCEPTANCE_PROPOSED;
                case ACCEPTED -> RiskState.ACCEPTED;
                case EXPIRED -> RiskState.ACCEPTANCE_EXPIRED;
            };
        }
        if (unplanned(today)) {
            return RiskState.UNPLANNED;
        }
        return status == RemediationStatus.IN_PROGRESS ? RiskState.IN_PROGRESS : RiskState.OPEN;
    }

    /**
     * The rules of a plan, each problem on its field: a treatment is required; remediating or transferring needs a
     * due date; a transfer names the organisation it goes to, not the owner itself; an acceptance follows
     * {@link RiskAcceptance#checkProposal}.
     */
    public static void checkPlan(
            FieldErrors errors,
            RiskLevel risk,
            RiskTreatment treatment,
            LocalDate dueDate,
            UUID owner,
            UUID transferTo,
            String acceptanceReason,
            LocalDate acceptanceExpiresOn,
            LocalDate today) {
        if (treatment == null) {
            errors.add("treatment", "risk.error.treatment.required");
            return;
        }
        if (treatment != RiskTreatment.ACCEPT && dueDate == null) {
            errors.add("dueDate", "risk.error.due.required");
        }
        if (treatment == RiskTreatment.TRANSFER) {
            if (transferTo == null) {
                errors.add("transferOrgId", "risk.error.transfer.required");
            } else if (transferTo.equals(owner)) {
                errors.add("transferOrgId", "risk.error.transfer.owner");
            }
        }
        if (treatment == RiskTreatment.ACCEPT) {
            RiskAcceptance.checkProposal(errors, risk, acceptanceReason, acceptanceExpiresOn, today);
        }
    }
}
