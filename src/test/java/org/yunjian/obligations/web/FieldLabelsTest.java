package org.yunjian.obligations.web;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yunjian.web.FormLabels;

/** Every field of the obligations and calendar pages' forms has the label its refused form's errors name it by. */
class FieldLabelsTest {

    @Test
    void obligationsNameEveryField() {
        FormLabels.assertEveryFormLabelled("obligations/obligations", FieldLabels.OBLIGATIONS);
    }

    @Test
    void calendarNamesEveryField() {
        FormLabels.assertLabelled(
                "obligations/calendar",
                Map.of(
                        // the feed's forms: a confirmation alone, whose refusal names the forms' section (FEED_SECTION)
                        "feed-create-form", Map.of("confirm", ""),
                        "feed-revoke-form", Map.of("confirm", ""),
                        "reminder-form", FieldLabels.CALENDAR));
    }
}
