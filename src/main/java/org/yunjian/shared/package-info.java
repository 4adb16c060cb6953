/**
 * Shared kernel: the few types every module may use — the auditable-event record that the audit
 * module listens for, and common value types.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package org.yunjian.shared;
