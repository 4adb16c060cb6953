/**
 * The risk register of an assessment's findings: risk levels, acceptance by a second person, treatment, remediation
 * tasks and follow-up (复测) assessments.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Risk register",
        allowedDependencies = {"assessment", "demo", "party", "security", "shared"})
package org.yunjian.risk;
