/**
 * Exit projects on the platform (GB/T 31167-2014 §9, JR/T 8.1.3 / 8.2.2, see {@code docs/modules/exitproject.md}):
 * the 9.1 checklist, the hand-over inventory the customer approves, verification runs, the deletion authorisation,
 * plan and record, media sanitisation and device disposal, up to the SM2-signed deletion certificate.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Exit projects",
        allowedDependencies = {"catalog", "crypto", "demo", "documents", "exit", "party", "security", "shared"})
package org.yunjian.exitproject;
