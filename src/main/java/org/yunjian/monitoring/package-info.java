/**
 * Website security monitoring (政府网站云计算服务安全指南 8.4.1): monitors on a cloud system's pages that probe them for
 * availability, tampering against an approved baseline, hidden links and scripts from unknown hosts, harmful content,
 * personal data, TLS certificates, DNS and IP compliance and dead links; the alerts they raise reach the responsible
 * organisations in 我的待办, and every probe result is kept with the SM3 digest of what the site answered.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Monitoring",
        allowedDependencies = {
            "catalog",
            "cli",
            "crypto",
            "demo",
            "documents",
            "exit",
            "party",
            "responsibility",
            "security",
            "shared"
        })
package org.yunjian.monitoring;
