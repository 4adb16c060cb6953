/**
 * The shared kernel every module builds on: localized refusals and texts, the free-text rule, field errors, formats,
 * JDBC helpers and serial numbers here; optimistic locking in {@code shared.version}, paging in {@code shared.paging},
 * the inbox contract in {@code shared.work}, the key directory and sealed texts in {@code shared.keys},
 * once-per-cluster jobs in {@code shared.cluster}, and the one base of every command line command in
 * {@code shared.cli}.
 */
// Open: every type here and in the sub-packages is meant for every module, and a module that uses any of them
// declares just "shared" (no named interface per sub-package for every other module to list).
@org.springframework.modulith.ApplicationModule(
        type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        displayName = "Shared kernel",
        allowedDependencies = {"crypto"})
package org.yunjian.shared;
