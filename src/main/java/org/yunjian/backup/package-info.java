/**
 * Backups and restores of a Yunjian installation: an online, consistent database snapshot taken by the running
 * server, the evidence and exit-project files, and an SM3 manifest of every file; the key directory is copied only
 * on request, to a place of its own. {@code yunjian restore} (offline, no Spring) checks a backup and writes it
 * into an empty data directory.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup")
package org.yunjian.backup;
