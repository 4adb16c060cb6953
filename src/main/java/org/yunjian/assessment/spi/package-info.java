/**
 * What the assessment's feature modules build on: the store of assessments, items and remediation rows, the access
 * check of the current user on an assessment, item labels and generation, scoring and report set-up.
 */
@org.springframework.modulith.NamedInterface("spi")
package org.yunjian.assessment.spi;
