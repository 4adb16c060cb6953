package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yunjian.catalog.RequirementId;

/** How a duty's clause is cited on pages, in documents and in 我的待办: as the standard prints it. */
class RuleQuoteTest {

    @Test
    void aListedItemIsCitedWithItsItemLetters() {
        assertThat(RuleQuote.ref(TestCatalog.catalog().requirement(new RequirementId("GOVWEB-7.3.7-a")).orElseThrow()))
                .isEqualTo("7.3.7 a)");
    }

    /** The notifications of the demo named "职责 7.3.7 0)": item 0 is the catalog's, not the standard's. */
    @Test
    void aDutyDrawnFromTheSectionsLeadInIsCitedByItsClauseAlone() {
        var leadIn = TestCatalog.catalog().requirement(new RequirementId("GOVWEB-7.3.7-0")).orElseThrow();
        assertThat(leadIn.derivedFromLeadIn()).isTrue();
        assertThat(RuleQuote.ref(leadIn)).isEqualTo("7.3.7");
    }
}
