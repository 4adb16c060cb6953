/**
 * Moving a system to the cloud and running it there: the migration plan, steps, checks and acceptance with the
 * guide's migration risk register, the emergency plans and drills with their follow-up tasks, and the supervision of
 * the provider (change requests, periodic reports), with their {@code yunjian lifecycle} subcommands (mounted in the
 * lifecycle feature's group by name).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Migration",
        allowedDependencies = {
            "catalog",
            "demo",
            "documents",
            "lifecycle",
            "lifecycle :: cli",
            "monitoring",
            "obligations",
            "party",
            "procurement",
            "responsibility",
            "security",
            "shared",
            "vault"
        })
package org.yunjian.migration;
