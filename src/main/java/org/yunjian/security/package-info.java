/**
 * Users, roles and sessions: local accounts with an 等保 level-3 password policy, lockout, TOTP for
 * administrators, separation of duties, and the {@link org.yunjian.security.CurrentUser} other modules
 * use to scope what a caller sees.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.yunjian.security;
