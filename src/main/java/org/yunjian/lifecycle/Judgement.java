package org.yunjian.lifecycle;

/** How a candidate provider meets one selection criterion. */
public enum Judgement {
    MEETS,
    PARTLY,
    DOES_NOT_MEET,
    UNKNOWN
}
