/**
 * The review and approval of an assessment: its team, submission, send-back, the 审核人's review and the 批准人's approval
 * of the report.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Review",
        allowedDependencies = {"assessment", "security", "shared"})
package org.yunjian.review;
