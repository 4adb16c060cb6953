package org.yunjian.assessment;

/**
 * What a person of the assessment body does on one assessment: 测评 (records verdicts and evidence), 审核 (reviews the
 * recorded items and sends them back or approves them) or 批准 (approves the report). One person holds at most one of
 * them on an assessment — the table's primary key (assessment, person) makes a second role impossible to store.
 */
public enum AssessmentRole {
    TESTER,
    REVIEWER,
    APPROVER
}
