/**
 * The assessor's workbench: the assessment and item pages and REST API, dashboards, the work queue (我的待办), XLSX
 * workbooks and the demo assessments.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Workbench",
        allowedDependencies = {
            "assessment",
            "assessment :: spi",
            "catalog",
            "cli",
            "demo",
            "evidence",
            "evidence :: cli",
            "findings",
            "findings :: cli",
            "inheritance",
            "inheritance :: cli",
            "party",
            "report",
            "report :: cli",
            "review",
            "review :: cli",
            "risk",
            "risk :: cli",
            "security",
            "shared"
        })
package org.yunjian.workbench;
