/**
 * Exit from a cloud: signed hand-over manifests (GB/T 31167 9.2 inventory), integrity verification of
 * directory trees and S3-compatible buckets against them, and interop with sha256sum / hashdeep lists.
 * Crypto-heavy and Spring-free: its commands run without booting the web application.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exit")
package org.yunjian.exit;
