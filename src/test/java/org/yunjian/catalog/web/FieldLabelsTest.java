package org.yunjian.catalog.web;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yunjian.web.FormLabels;

/** Every field of the catalog list's forms has the label its refused form's errors name it by. */
class FieldLabelsTest {

    @Test
    void catalogListNamesEveryField() {
        FormLabels.assertLabelled(
                "catalog/list",
                Map.of(
                        "searchHinted", FieldLabels.FILTER,
                        "/catalog/import", FieldLabels.IMPORT));
    }
}
