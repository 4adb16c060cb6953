package org.yunjian.obligations.web;

import java.util.Map;

/**
 * The label (message key) each form of the obligations and calendar pages shows for its fields. A refused form's field errors head
 * the page, far from the form: each names its field from these ({@code templates/web/field-errors.html}).
 */
final class FieldLabels {

    /** A system's obligations: a completion's date, the generate form, the interval form. */
    static final Map<String, String> OBLIGATIONS = Map.of(
            "doneOn", "lifecycle.cal.doneOn",
            "startDate", "lifecycle.cal.generate.startDate",
            "kind", "lifecycle.cal.col.kind",
            "months", "lifecycle.cal.intervals.months",
            "responsible", "lifecycle.cal.col.responsible",
            "requestedBy", "lifecycle.cal.requestedBy");

    /** My calendar's reminder form. */
    static final Map<String, String> CALENDAR = Map.of("email", "lifecycle.cal.reminder.email");

    /**
     * My calendar's feed forms: their one field is a confirmation whose label differs per form and whose refusal
     * says what to tick; the errors name the forms' section instead.
     */
    static final String FEED_SECTION = "lifecycle.cal.feed.title";

    private FieldLabels() {}
}
