/**
 * Exit projects on the platform (GB/T 31167-2014 §9, JR/T 8.1.3 / 8.2.2): the 9.1 checklist, the hand-over
 * inventory (signed manifests and non-file items) reviewed and approved by the customer, verification runs, the
 * customer's written deletion authorisation, the provider's deletion plan and record, media sanitisation and
 * private-cloud device disposal, and the SM2-signed deletion certificate. See {@code docs/modules/exitproject.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exit projects")
package org.yunjian.exitproject;
