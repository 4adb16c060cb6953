/**
 * The assessor's workbench: the assessment and item pages and REST API, dashboards, the work queue (我的待办), XLSX
 * workbooks and the demo assessments.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Workbench",
        allowedDependencies = {
            "assessment",
            "catalog",
            "demo",
            "evidence",
            "findings",
            "inheritance",
            "party",
            "report",
            "review",
            "risk",
            "security",
            "shared"
        })
package org.yunjian.workbench;
