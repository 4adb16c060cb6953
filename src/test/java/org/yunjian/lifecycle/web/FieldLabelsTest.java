package org.yunjian.lifecycle.web;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yunjian.web.FormLabels;

/** Every field of the plan pages' forms has the label its refused form's errors name it by. */
class FieldLabelsTest {

    @Test
    void planNamesEveryField() {
        FormLabels.assertLabelled(
                "lifecycle/plan",
                Map.of(
                        // closing a phase unconfirmed or with obstacles left is refused with its own alert (#conflict)
                        "'close-form-'",
                        Map.of("confirm", ""),
                        "'reopen-form-'",
                        FieldLabels.PLAN,
                        "'batch-'",
                        FieldLabels.BATCH,
                        // adding the missing duties unconfirmed is refused with its own alert (#conflict)
                        "missing-form",
                        Map.of("confirm", "")));
    }

    @Test
    void dutyNamesEveryField() {
        FormLabels.assertEveryFormLabelled("lifecycle/duty", FieldLabels.DUTY);
    }
}
