package org.yunjian.risk;

/** A finding's state in the risk register, computed by {@link RiskEntry#state} from today's date. */
public enum RiskState {
    UNPLANNED,
    OPEN,
    IN_PROGRESS,
    DONE,
    VERIFIED,
    ACCEPTANCE_PROPOSED,
    ACCEPTED,
    ACCEPTANCE_EXPIRED
}
