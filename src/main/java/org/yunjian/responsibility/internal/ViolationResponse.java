package org.yunjian.responsibility.internal;

import java.util.List;
import java.util.UUID;
import org.yunjian.catalog.Catalog;
import org.yunjian.responsibility.RuleQuote;
import org.yunjian.responsibility.Violation;

/**
 * A broken rule as the REST API shows it, in the caller's language: the check, the rule with its quoted text (and
 * the standard's original where the text is a translation), the duty and organisation, the message. The check's
 * answer lists them, and so does the problem of a refused sign-off or hand-on.
 */
public record ViolationResponse(
        String check,
        String checkLabel,
        String rule,
        String ruleRef,
        String ruleText,
        String ruleTextOriginal,
        String duty,
        UUID organisation,
        String message) {

    public static ViolationResponse of(Violation v, Catalog catalog) {
        RuleQuote q = RuleQuote.of(v.rule(), catalog);
        return new ViolationResponse(
                v.check().name(),
                v.check().text().text(),
                v.rule().value(),
                q.original() == null ? null : q.ref(),
                q.text(),
                q.original(),
                v.duty() == null ? null : v.duty().value(),
                v.organisation(),
                v.message().text());
    }

    static List<ViolationResponse> of(List<Violation> violations, Catalog catalog) {
        return violations.stream().map(v -> of(v, catalog)).toList();
    }
}
