package org.yunjian.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.vault.Vault;

/**
 * A report the provider handed the customer during operation (monthly operation report, security incident report,
 * SLA report; JR/T 7.4.2 监督、评价云服务运行管理工作), the file as received, and the customer's review of it.
 *
 * @param reviewedBy user name of the reviewer, or null while not reviewed
 * @param issues     issues the reviewer raised, or null
 * @param version    the stored version, raised by the review
 */
public record SupervisionReport(
        UUID id,
        UUID systemId,
        SupervisionReportKind kind,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate receivedOn,
        String submittedBy,
        UUID submittedOrg,
        Instant submittedAt,
        String reviewedBy,
        LocalDate reviewedOn,
        SupervisionConclusion conclusion,
        String issues,
        Vault.Sealed file,
        long version) {

    public boolean reviewed() {
        return conclusion != null;
    }

    /** The period ends on or after it starts; a report is received on or after the day its period starts. */
    public static void check(
            FieldErrors errors, LocalDate periodStart, LocalDate periodEnd, LocalDate receivedOn, LocalDate today) {
        if (periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
            errors.add("periodEnd", "lifecycle.ops.error.periodOrder");
        }
        if (receivedOn != null && receivedOn.isAfter(today)) {
            errors.add("receivedOn", "lifecycle.ops.error.receivedFuture");
        }
    }

    /**
     * The report reviewed: once only; any conclusion other than accepted names the issues.
     *
     * @throws ConflictException already reviewed
     */
    public SupervisionReport review(
            FieldErrors errors, SupervisionConclusion conclusion, String issues, LocalDate on, String reviewer) {
        if (reviewed()) {
            throw new ConflictException("report-reviewed", "lifecycle.ops.error.reportReviewed");
        }
        if (conclusion != null && conclusion != SupervisionConclusion.ACCEPTED && issues == null) {
            errors.add("issues", "lifecycle.ops.error.issuesRequired");
        }
        errors.throwIfAny();
        return new SupervisionReport(
                id,
                systemId,
                kind,
                periodStart,
                periodEnd,
                receivedOn,
                submittedBy,
                submittedOrg,
                submittedAt,
                reviewer,
                on,
                conclusion,
                issues,
                file,
                version + 1);
    }
}
