/**
 * Demo mode: seeds a sample engagement (a government website moving to a public IaaS cloud) and one demo
 * account per role, so a newcomer sees a populated platform. Refused under the production profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.yunjian.demo;
