/**
 * Tamper-evident audit log that records every {@link org.yunjian.shared.AuditableEvent} in the publisher's
 * transaction as an HMAC-SM3 chained entry, pins the chain with SM2-signed anchors and verifies it on demand — no
 * other module calls it by name, it only listens.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit log",
        allowedDependencies = {"cli", "crypto", "security", "shared"})
package org.yunjian.audit;
