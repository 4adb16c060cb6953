package org.yunjian.responsibility.internal;

import java.util.List;

import org.yunjian.responsibility.RuleQuote;
import org.yunjian.responsibility.Violation;
import org.yunjian.shared.LocalizedException;
import org.yunjian.shared.Msg;

/**
 * A hand-on refused because the chain would go beyond the limit of T/CCIA 004-2024 §5 b) 1) (409): the message
 * names the duty and quotes the rule; nothing is stored.
 */
public final class HandOnRefused extends LocalizedException {

    private final transient Violation violation;

    HandOnRefused(Violation violation, RuleQuote rule) {
        super(Msg.of("responsibility.conflict.handOn", violation.message(), rule.ref(), rule.text()), null);
        this.violation = violation;
    }

    public List<Violation> violations() {
        return List.of(violation);
    }
}
