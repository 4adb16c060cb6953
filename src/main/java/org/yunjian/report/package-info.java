/**
 * The assessment report: templates, rendering to DOCX, PDF and OSCAL, sign-offs and the sealed report records issued
 * after approval.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Report",
        allowedDependencies = {
            "assessment",
            "catalog",
            "crypto",
            "demo",
            "documents",
            "exit",
            "inheritance",
            "monitoring",
            "party",
            "responsibility",
            "review",
            "risk",
            "security",
            "shared",
            "vault"
        })
package org.yunjian.report;
