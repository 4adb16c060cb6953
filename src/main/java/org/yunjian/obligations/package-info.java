/**
 * The obligations calendar of a system: the periodic duties the guides set (assessments, drills per category,
 * reports, the NDA's renewal …) with their intervals and completions, their e-mail reminders and iCalendar feeds, and
 * what waits on them in 我的待办.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Obligations",
        allowedDependencies = {
            "assessment",
            "catalog",
            "demo",
            "lifecycle",
            "monitoring",
            "party",
            "procurement",
            "security",
            "shared"
        })
package org.yunjian.obligations;
