/**
 * Moving a system to the cloud and running it there: the migration plan, steps, checks and acceptance with the
 * guide's migration risk register, the emergency plans and drills with their follow-up tasks, and the supervision of
 * the provider (change requests, periodic reports) — and the {@code yunjian lifecycle} command that groups every
 * lifecycle module's subcommands.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Migration",
        allowedDependencies = {
            "catalog",
            "cli",
            "demo",
            "documents",
            "lifecycle",
            "lifecycle :: cli",
            "monitoring",
            "obligations",
            "obligations :: cli",
            "party",
            "procurement",
            "procurement :: cli",
            "responsibility",
            "security",
            "shared",
            "vault"
        })
package org.yunjian.migration;
