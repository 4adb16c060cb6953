/**
 * Responsibility allocation on a cloud system after T/CCIA 004-2024 (Annex A role determination, the responsibility
 * matrix of §6–§9 with its §5 rule checks, the Annex B liability lookup, OSCAL SSP and workbook exchange); see
 * {@code docs/modules/responsibility.md}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Responsibility",
        allowedDependencies = {"catalog", "cli", "demo", "documents", "party", "security", "shared"})
package org.yunjian.responsibility;
