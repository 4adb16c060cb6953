/**
 * Backups and restores of a Yunjian installation: an online, consistent database snapshot with the evidence and
 * exit-project files and an SM3 manifest, taken by the running server and restored offline by {@code yunjian restore}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Backup",
        allowedDependencies = {"cli", "crypto", "shared"})
package org.yunjian.backup;
