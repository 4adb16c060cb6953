package org.yunjian.responsibility.internal;

import java.util.List;
import java.util.Map;
import org.yunjian.catalog.Catalog;
import org.yunjian.responsibility.RuleQuote;
import org.yunjian.responsibility.Violation;
import org.yunjian.shared.Msg;
import org.yunjian.shared.ProblemException;

/**
 * A hand-on refused because the chain would go beyond the limit of T/CCIA 004-2024 §5 b) 1) (409): the message
 * names the duty and quotes the rule, the problem lists the violation; nothing is stored.
 */
public final class HandOnRefused extends ProblemException {

    private final transient Violation violation;
    private final transient ViolationResponse quoted;

    HandOnRefused(Violation violation, Catalog catalog) {
        this(violation, RuleQuote.of(violation.rule(), catalog), ViolationResponse.of(violation, catalog));
    }

    private HandOnRefused(Violation violation, RuleQuote rule, ViolationResponse quoted) {
        super(
                409,
                "responsibility-delegation-too-deep",
                Msg.of("responsibility.conflict.handOn", violation.message(), rule.ref(), rule.text()));
        this.violation = violation;
        this.quoted = quoted;
    }

    public List<Violation> violations() {
        return List.of(violation);
    }

    @Override
    public Map<String, Object> problemProperties() {
        return Map.of("violations", List.of(quoted));
    }
}
