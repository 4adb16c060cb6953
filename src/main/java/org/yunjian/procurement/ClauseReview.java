package org.yunjian.procurement;

import java.time.Instant;
import java.time.LocalDate;
import org.yunjian.catalog.RequirementId;
import org.yunjian.shared.FieldErrors;

/**
 * The review of one required clause: its status, the signed document's clause reference (required when present),
 * and a note (required when negotiated: what was agreed instead). Valid by construction through {@link #of}. An NDA
 * clause also carries the agreement's validity (JR/T 6.3.4 / 6.4.4 "保密协议应有明确的有效周期。"): required to mark
 * the validity clause present ({@link ContractClause#asksForValidity()}), optional on the other NDA clauses.
 *
 * @param validFrom  the NDA's first day of validity, or null
 * @param validUntil the NDA's last day of validity, or null
 * @param version    the stored version, raised by every mark (1 when first marked, 0 while not reviewed)
 */
public record ClauseReview(
        RequirementId clause,
        ClauseStatus status,
        String reference,
        String note,
        String reviewedBy,
        Instant reviewedAt,
        LocalDate validFrom,
        LocalDate validUntil,
        long version) {

    /** A review without validity dates. */
    public ClauseReview(
            RequirementId clause,
            ClauseStatus status,
            String reference,
            String note,
            String reviewedBy,
            Instant reviewedAt,
            long version) {
        this(clause, status, reference, note, reviewedBy, reviewedAt, null, null, version);
    }

    /** Whether the NDA this review records has run out before {@code today}. */
    public boolean expiredOn(LocalDate today) {
        return validUntil != null && validUntil.isBefore(today);
    }

    public static final int REFERENCE_MAX = 200;
    public static final int NOTE_MAX = 4_000;

    /** The review a person marks, or every problem with it at once. */
    public static ClauseReview of(
            RequirementId clause, String status, String reference, String note, String by, Instant at) {
        return of(clause, status, reference, note, null, null, false, by, at);
    }

    /**
     * The review with the NDA's validity ({@code validFrom}, {@code validUntil}: ISO dates, optional unless
     * {@code validityRequired} and the clause is marked present; the end after the start).
     */
    public static ClauseReview of(
            RequirementId clause,
            String status,
            String reference,
            String note,
            String validFrom,
            String validUntil,
            boolean validityRequired,
            String by,
            Instant at) {
        FieldErrors errors = new FieldErrors();
        ClauseStatus s = NeedsAnalysis.parse(errors, "status", status, ClauseStatus.class);
        if (s == ClauseStatus.NOT_REVIEWED) {
            errors.add("status", "lifecycle.doc.error.notReviewedIsNoMark");
        }
        String ref = NeedsAnalysis.optional(errors, "reference", reference, REFERENCE_MAX);
        String n = NeedsAnalysis.optional(errors, "note", note, NOTE_MAX);
        if (s == ClauseStatus.PRESENT && ref == null) {
            errors.add("reference", "lifecycle.doc.error.referenceRequired");
        }
        if (s == ClauseStatus.NEGOTIATED && n == null) {
            errors.add("note", "lifecycle.doc.error.noteRequired");
        }
        LocalDate from = NeedsAnalysis.date(errors, "validFrom", validFrom, false);
        LocalDate until = NeedsAnalysis.date(errors, "validUntil", validUntil, false);
        if (validityRequired && s == ClauseStatus.PRESENT) {
            if (from == null && !errors.asMap().containsKey("validFrom")) {
                errors.add("validFrom", "lifecycle.doc.error.ndaValidityRequired");
            }
            if (until == null && !errors.asMap().containsKey("validUntil")) {
                errors.add("validUntil", "lifecycle.doc.error.ndaValidityRequired");
            }
        }
        if (from != null && until != null && !until.isAfter(from)) {
            errors.add("validUntil", "lifecycle.doc.error.ndaValidityOrder");
        }
        errors.throwIfAny();
        return new ClauseReview(clause, s, ref, n, by, at, from, until, 0);
    }
}
