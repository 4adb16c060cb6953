/**
 * Exit from a cloud, Spring-free so its commands run without booting the application: signed hand-over manifests
 * (GB/T 31167 9.2 inventory), integrity verification of directory trees and S3-compatible buckets against them,
 * interop with sha256sum / hashdeep lists, and the signed documents checked offline (deletion certificate, deletion
 * record, verification report, report seal).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Exit",
        allowedDependencies = {"crypto", "cli", "shared"})
package org.yunjian.exit;
