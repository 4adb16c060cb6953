package org.yunjian.migration;

/** The kind of a report the provider hands the customer during operation. */
public enum SupervisionReportKind {
    MONTHLY_OPERATION,
    SECURITY_INCIDENT,
    SLA,
    OTHER
}
