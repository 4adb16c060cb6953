/**
 * Assessments of cloud systems against the 等保 2.0 level-3 cloud extension and the sector checklists: projects with
 * a guarded status machine, test items generated from the catalog, verdicts, interviews, a replaceable scoring policy.
 * See {@code docs/modules/assessment.md}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Assessments",
        allowedDependencies = {"catalog", "demo", "party", "security", "shared"})
package org.yunjian.assessment;
