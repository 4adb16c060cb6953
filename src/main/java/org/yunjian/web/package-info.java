/**
 * The shared web shell: layout, navigation, locale switching, global search, error pages and the REST problem advice.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Web shell",
        allowedDependencies = {
            "assessment",
            "catalog",
            "documents",
            "evidence",
            "exitproject",
            "monitoring",
            "obligations",
            "party",
            "report",
            "security",
            "shared"
        })
package org.yunjian.web;
