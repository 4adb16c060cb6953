/**
 * Tamper-evident audit log: records every {@link org.yunjian.shared.AuditableEvent} synchronously in
 * the publisher's transaction as an HMAC-SM3 chained entry, pins the chain with SM2-signed anchors,
 * and verifies it on demand. No other module calls it by name; it only listens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package org.yunjian.audit;
