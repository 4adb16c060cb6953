/**
 * Evidence: evidence files on test items (sealed in the {@code vault}) and the evidence requests (资料清单) sent to the
 * customer and the provider.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Evidence",
        allowedDependencies = {
            "assessment",
            "crypto",
            "demo",
            "monitoring",
            "party",
            "responsibility",
            "security",
            "shared",
            "vault"
        })
package org.yunjian.evidence;
