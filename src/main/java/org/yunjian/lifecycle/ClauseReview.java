package org.yunjian.lifecycle;

import java.time.Instant;

import org.yunjian.catalog.RequirementId;
import org.yunjian.shared.FieldErrors;

/**
 * The review of one required clause: its status, the signed document's clause reference (required when present),
 * and a note (required when negotiated: what was agreed instead). Valid by construction through {@link #of}.
 *
 * @param version the stored version, raised by every mark (1 when first marked, 0 while not reviewed)
 */
public record ClauseReview(RequirementId clause, ClauseStatus status, String reference, String note,
                           String reviewedBy, Instant reviewedAt, long version) {

    public static final int REFERENCE_MAX = 200;
    public static final int NOTE_MAX = 4_000;

    /** The review a person marks, or every problem with it at once. */
    public static ClauseReview of(RequirementId clause, String status, String reference, String note, String by,
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
        errors.throwIfAny();
        return new ClauseReview(clause, s, ref, n, by, at, 0);
    }
}
