/**
 * Users, roles and sessions: local accounts with an 等保 level-3 password policy, lockout, TOTP for
 * administrators, separation of duties, and the {@link org.yunjian.security.CurrentUser} other modules
 * use to scope what a caller sees.
 *
 * <p>API for other modules: {@link org.yunjian.security.CurrentUser}, {@link org.yunjian.security.Role},
 * {@link org.yunjian.security.AccountPrincipal}, the {@link org.yunjian.security.OrganizationDirectory} SPI,
 * {@link org.yunjian.security.UserAdministration} (including {@code createDemoAccount}) and
 * {@link org.yunjian.security.Totp} (codes for tests and demo data). The other public types serve this
 * module's own web, REST and CLI layers.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Login is two steps for administrators: the password step yields only {@code MFA_PENDING}; the
 *   TOTP step replaces it with the full authentication and changes the session id. A TOTP failure counts
 *   towards the lockout like a password failure.</li>
 *   <li>All login failures look the same to the client; unknown user names cost one Argon2 hash like
 *   known ones. The audit record says why (unknown name, wrong password, locked, disabled).</li>
 *   <li>Session rules are enforced per request by a filter: absolute limit counted from login, and
 *   revocation of sessions of accounts an administrator disabled, deleted, re-roled or reset. Revocations
 *   are held in memory, like the sessions themselves (single node).</li>
 *   <li>Demo accounts neither must change their password nor see it expire; demo mode refuses to start
 *   with the {@code postgres} profile.</li>
 *   <li>Denials of requests without any login are authentication demands (401 / login page), not audited
 *   as denials; every denial of a logged-in caller is.</li>
 *   <li>TOTP secrets are stored in base32 in {@code user_account.totp_secret}; encrypting them at rest
 *   with a key outside the database is a possible later hardening.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.yunjian.security;
