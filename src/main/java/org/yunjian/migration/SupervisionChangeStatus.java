package org.yunjian.migration;

/** Where a change request stands: awaiting the customer's decision, approved or refused. */
public enum SupervisionChangeStatus {
    PENDING,
    APPROVED,
    REFUSED
}
