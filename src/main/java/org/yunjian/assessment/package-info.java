/**
 * Assessments of cloud systems against the 等保 2.0 level-3 cloud extension and the sector checklists:
 * projects with a guarded status machine, test items generated from the catalog, verdicts, interviews,
 * encrypted evidence, a replaceable scoring policy and remediation. See {@code docs/assessment.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessments")
package org.yunjian.assessment;
