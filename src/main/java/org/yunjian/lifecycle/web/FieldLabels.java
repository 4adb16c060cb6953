package org.yunjian.lifecycle.web;

import java.util.Map;

/**
 * The label (message key) each form of the plan pages shows for its fields. A refused form's field errors head
 * the page, far from the form: each names its field from these ({@code templates/web/field-errors.html}).
 */
final class FieldLabels {

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

    private FieldLabels() {}
}
