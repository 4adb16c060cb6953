package org.yunjian.lifecycle.web;

import java.util.Map;

/**
 * The label (message key) each form of the lifecycle pages shows for its fields. A refused form's field errors head
 * the page, far from the form: each names its field from these ({@code templates/web/field-errors.html}).
 */
final class FieldLabels {

    /** A system's obligations: a completion's date, the generate form, the interval form. */
    static final Map<String, String> OBLIGATIONS = Map.of(
            "doneOn", "lifecycle.cal.doneOn",
            "startDate", "lifecycle.cal.generate.startDate",
            "kind", "lifecycle.cal.col.kind",
            "months", "lifecycle.cal.intervals.months");

    /** My calendar's reminder form. */
    static final Map<String, String> CALENDAR = Map.of("email", "lifecycle.cal.reminder.email");

    /**
     * My calendar's feed forms: their one field is a confirmation whose label differs per form and whose refusal
     * says what to tick; the errors name the forms' section instead.
     */
    static final String FEED_SECTION = "lifecycle.cal.feed.title";

    /** The plan page's reopen form (its errors head the page). */
    static final Map<String, String> PLAN = Map.of("reason", "lifecycle.page.reopen.reason");

    /** A phase's batch form on the plan page (its errors head the phase); {@code duties} are the ticked rows. */
    static final Map<String, String> BATCH = Map.of(
            "duties", "lifecycle.page.duty",
            "duty", "lifecycle.page.duty",
            "status", "lifecycle.batch.status",
            "reason", "lifecycle.batch.reason");

    /** A duty's page: status, assignment, comment and evidence forms. */
    static final Map<String, String> DUTY = Map.of(
            "status", "lifecycle.page.status",
            "reason", "lifecycle.duty.reason.input",
            "organisation", "lifecycle.page.organisation",
            "owner", "lifecycle.duty.owner.input",
            "dueDate", "lifecycle.page.due",
            "body", "lifecycle.duty.comment",
            "file", "lifecycle.duty.evidence",
            // deleting an evidence file unconfirmed is refused with its own alert, not as a field error
            "confirm", "");

    private FieldLabels() {
    }
}
