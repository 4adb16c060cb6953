package org.yunjian.obligations;

/**
 * Where an obligation stands on a day: due later, due within {@link Obligation#DUE_SOON_DAYS} days, or overdue; or,
 * with no due date ({@link Schedule}): a once-only duty done ({@link #DONE}), or a duty on request with none open
 * ({@link #NOT_REQUESTED}).
 */
public enum ObligationStatus {
    UPCOMING,
    DUE_SOON,
    OVERDUE,
    DONE,
    NOT_REQUESTED
}
