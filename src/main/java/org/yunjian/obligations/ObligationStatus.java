package org.yunjian.obligations;

/** Where an obligation stands on a day: due later, due within {@link Obligation#DUE_SOON_DAYS} days, or overdue. */
public enum ObligationStatus {
    UPCOMING,
    DUE_SOON,
    OVERDUE
}
