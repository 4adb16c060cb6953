package org.yunjian.obligations;

/**
 * How many obligations of the systems the current user sees are overdue today, for the start page (the web shell
 * shows "逾期事项 n" linking to the user's calendar).
 */
public interface OverdueCount {

    /** Overdue obligations the current user sees; 0 for a caller who works with no systems. */
    int overdueForCurrentUser();
}
