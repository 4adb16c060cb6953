package org.yunjian.lifecycle.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunjian.web.FormLabels;

/** Every field of the lifecycle pages' forms has the label its refused form's errors name it by. */
class FieldLabelsTest {

    @Test
    void obligationsNameEveryField() {
        FormLabels.assertEveryFormLabelled("lifecycle/obligations", FieldLabels.OBLIGATIONS);
    }

    @Test
    void calendarNamesEveryField() {
        FormLabels.assertLabelled("lifecycle/calendar", Map.of(
                // the feed's forms: a confirmation alone, whose refusal names the forms' section (FEED_SECTION)
                "feed-create-form", Map.of("confirm", ""),
                "feed-revoke-form", Map.of("confirm", ""),
                "reminder-form", FieldLabels.CALENDAR));
    }

    @Test
    void planNamesEveryField() {
        FormLabels.assertLabelled("lifecycle/plan", Map.of(
                // closing a phase unconfirmed or with obstacles left is refused with its own alert (#conflict)
                "'close-form-'", Map.of("confirm", ""),
                "'reopen-form-'", FieldLabels.PLAN,
                "'batch-'", FieldLabels.BATCH,
                // adding the missing duties unconfirmed is refused with its own alert (#conflict)
                "missing-form", Map.of("confirm", "")));
    }

    @Test
    void dutyNamesEveryField() {
        FormLabels.assertEveryFormLabelled("lifecycle/duty", FieldLabels.DUTY);
    }
}
