package org.yunjian.procurement;

/** How a candidate provider meets one selection criterion. */
public enum Judgement {
    MEETS,
    PARTLY,
    DOES_NOT_MEET,
    UNKNOWN
}
