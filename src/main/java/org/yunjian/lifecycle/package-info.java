/**
 * Lifecycle governance of a cloud system before exit (issue 13): the phases of the sector guide that applies to the
 * system's industry, in the guide's own terms, each with the duties the guide states for it — planning, acquisition
 * and migration, operation — tracked up to the exit project. See {@code docs/modules/lifecycle.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lifecycle")
package org.yunjian.lifecycle;
