package org.yunjian.responsibility;

import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.shared.Texts;

/**
 * A §5 rule as a reader is shown it: its reference as {@link ClauseLabel} labels it ({@code 5 b) 1)}), its text in the
 * reader's language (the catalog's English rendering for English, the standard's own words otherwise) and the
 * standard's own words. Pages, REST, CLI and documents quote rules through this one type.
 */
public record RuleQuote(RequirementId rule, String ref, String text, String original) {

    /** The rule quoted in the current reader's language ({@link Texts#locale()}). */
    public static RuleQuote of(RequirementId rule, Catalog catalog) {
        Requirement r = catalog.requirement(rule).orElse(null);
        if (r == null) {
            return new RuleQuote(rule, rule.value(), null, null);
        }
        return new RuleQuote(rule, ClauseLabel.text(r), r.textIn(Texts.locale()), r.text());
    }
}
