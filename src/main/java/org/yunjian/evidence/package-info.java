/**
 * Evidence: the sealed, SM4-encrypted evidence vault (also used by lifecycle), evidence files on test items and the
 * evidence requests (资料清单) sent to the customer and the provider.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Evidence",
        allowedDependencies = {
            "assessment",
            "assessment :: spi",
            "crypto",
            "demo",
            "monitoring",
            "party",
            "responsibility",
            "security",
            "shared"
        })
package org.yunjian.evidence;
