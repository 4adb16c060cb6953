/**
 * Lifecycle governance of a cloud system before exit (issue 13): the plan — the phases of the sector guide that
 * applies to the system's industry, in the guide's own terms, each with the duties the guide states for it and the
 * gates that close them — tracked up to the exit project, and who may act on a system's lifecycle
 * ({@link org.yunjian.lifecycle.PlanAccesses}). See {@code docs/modules/lifecycle.md}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Lifecycle",
        allowedDependencies = {
            "catalog",
            "demo",
            "exitproject",
            "monitoring",
            "party",
            "responsibility",
            "security",
            "shared",
            "vault"
        })
package org.yunjian.lifecycle;
