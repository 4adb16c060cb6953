package org.yunjian.responsibility.web;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yunjian.web.FormLabels;

/** Every field of the responsibility pages' forms has the label its refused form's errors name it by. */
class FieldLabelsTest {

    @Test
    void matrixAgreementFormNamesEveryField() {
        FormLabels.assertLabelled(
                "responsibility/matrix",
                Map.of(
                        "'sign-off-form-'",
                                Map.of("confirm", ""), // unconfirmed, refused with its own alert (#conflict)
                        "'/agreements'", FieldLabels.AGREEMENT,
                        "'/agreements/consent'", FieldLabels.CONSENT, // JR/T 7.3: the client's permission
                        "'/questions/'", FieldLabels.QUESTION, // issue 36 matrix
                        "'/exceptions'", FieldLabels.EXCEPTION,
                        // the view's layer and rows: chosen from lists; a forged value gets the error page (a 400), not
                        // the form
                        "id=\"filter\"", Map.of("layer", "", "show", "")));
    }

    @Test
    void rowHandOnFormNamesEveryField() {
        FormLabels.assertLabelled(
                "responsibility/row", Map.of("'/hops'", FieldLabels.HAND_ON, "'/withdraw'", Map.of()));
    }

    @Test
    void roleAssistantNamesEveryField() {
        FormLabels.assertEveryFormLabelled("responsibility/participant", FieldLabels.PARTICIPANT);
    }

    @Test
    void liabilityLookupNamesEveryField() {
        FormLabels.assertEveryFormLabelled("responsibility/liability-lookup", FieldLabels.LIABILITY);
    }
}
