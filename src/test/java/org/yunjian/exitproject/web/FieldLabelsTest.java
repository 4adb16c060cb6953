package org.yunjian.exitproject.web;

import org.junit.jupiter.api.Test;
import org.yunjian.web.FormLabels;

/** Every field of the exit project page's forms has the label its refused form's errors name it by. */
class FieldLabelsTest {

    @Test
    void everyFieldOfThePageHasItsLabelInBothBundles() {
        FormLabels.assertEveryFormLabelled("exitproject/detail", FieldLabels.KEYS);
    }
}
