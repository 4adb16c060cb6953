package org.yunjian.catalog.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.internal.CatalogLoading;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.lifecycle.internal.GateTexts;
import org.yunjian.responsibility.RuleQuote;

/**
 * Issue 36: "clause labels for unnumbered paragraphs differ between pages ("6.6.3 1)", "5.1 1)", "6.1 第1段")". For
 * every item of the five catalogs the catalog REST answers (list and detail), a §5 rule quote (RuleQuote: matrix,
 * documents, CLI), the plan's duty tables and a phase gate (GateTexts, after the standard's short name) show the one {@link ClauseLabel}.
 */
class ClauseLabelPathsTest {

    private static final Catalog CATALOG = CatalogLoading.fromClasspath();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    @DisplayName("every item of all five catalogs has the same label on the REST, rule-quote and gate paths, zh and en")
    void everyItemIsLabelledTheSameOnEveryPath() {
        List<String> differ = new ArrayList<>();
        List<Requirement> all = CATALOG.find(RequirementFilter.any());
        assertThat(all.stream().map(Requirement::standardCode).distinct()).hasSize(5);
        for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            LocaleContextHolder.setLocale(l);
            for (Requirement r : all) {
                String label = ClauseLabel.of(r).text(l);
                String rest = RequirementDto.of(r, List.of()).label();
                String list = RequirementSummaryDto.of(r).label();
                String quote = RuleQuote.of(r.id(), CATALOG).ref();
                PlanDuty duty = PlanDuty.assigned(UUID.randomUUID(), Phase.OPERATION, r.id(), 0, UUID.randomUUID());
                String plan = GateTexts.clause(duty, CATALOG);
                String gate = GateTexts.cited(duty, CATALOG);
                if (!List.of(rest, list, quote, plan).stream().allMatch(label::equals)
                        || !gate.equals(ClauseLabel.cited(r).text(l))
                        || !gate.endsWith(" " + label)) {
                    differ.add(l + " " + r.id().value() + ": " + label + " | " + rest + " | " + list + " | " + quote
                            + " | " + plan + " | " + gate);
                }
            }
        }
        assertThat(differ).isEmpty();
    }
}
