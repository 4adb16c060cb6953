/**
 * Responsibility allocation on a cloud system after T/CCIA 004-2024: who takes which role (Annex A role
 * determination), the responsibility matrix of the duties of §6–§9 with accountable party, implementing party and
 * delegation chain, the §5 rule checks over a matrix, and the Annex B liability lookup. See
 * {@code docs/modules/responsibility.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Responsibility")
package org.yunjian.responsibility;
