package org.yunjian.responsibility;

import org.yunjian.shared.Labelled;

/**
 * Whether a customer can inherit a duty from the provider side (the "can be inherited" column of customer
 * responsibility matrices): {@link #YES} when every accountable party of the duty answers as provider or partner,
 * {@link #PARTIAL} when the customer answers for a part and the provider side for the rest, {@link #NO} when only
 * the customer answers. T/CCIA 004-2024 does not use the term; the rule is the module's (docs/modules/responsibility.md).
 * Display names: {@code enum.Inheritance.<CONSTANT>}.
 */
public enum Inheritance implements Labelled {
    YES,
    PARTIAL,
    NO
}
