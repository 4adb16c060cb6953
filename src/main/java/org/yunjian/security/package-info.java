/**
 * Users, roles and sessions: local accounts with an 等保 level-3 password policy, lockout, TOTP for administrators,
 * separation of duties, API tokens, and the {@link org.yunjian.security.CurrentUser} other modules use to scope what a
 * caller sees.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Login is two steps for administrators: the password step yields only {@code MFA_PENDING}; the
 *   TOTP step replaces it with the full authentication and changes the session id. Password and TOTP
 *   failures have counters of their own, each locking at the limit; a correct password never clears the
 *   TOTP counter, only a complete login clears both. A password is checked only after an atomic
 *   {@code UPDATE … WHERE failed_attempts < limit} reserved the check, so a burst checks at most the
 *   limit.</li>
 *   <li>Failed passwords and codes are also counted per source address (in memory, per node): past the
 *   limit the address gets 429 with {@code Retry-After}, for exponentially growing delays.</li>
 *   <li>Two-person rule (三权分立): creating an administrator account or granting an administrator role
 *   files an {@link org.yunjian.security.internal.admin.AdminRequest}; a second security administrator (or the
 *   command-line operator, for a request made on the web) approves it. The set-up token's first security
 *   administrator and demo accounts are the exceptions.</li>
 *   <li>All login failures look the same to the client; unknown user names cost one Argon2 hash like
 *   known ones. The audit record says why (unknown name, wrong password, locked, disabled).</li>
 *   <li>Session rules are enforced per request by a filter: absolute limit counted from login, and
 *   revocation of sessions of accounts an administrator disabled, deleted, re-roled or reset. Revocations
 *   are held in memory, like the sessions themselves (single node).</li>
 *   <li>Demo accounts neither must change their password nor see it expire; demo mode refuses to start
 *   with the {@code postgres} profile.</li>
 *   <li>Denials of requests without any login are authentication demands (401 / login page), not audited
 *   as denials; every denial of a logged-in caller is.</li>
 *   <li>TOTP secrets are sealed with SM4-GCM ({@code user_account.totp_secret_sealed}) under
 *   {@code totp.key} in the key directory, with the account id as associated data; plaintext secrets of
 *   older versions are sealed at start-up and the plaintext column cleared.</li>
 *   <li>An organisation may sign its people in through its own directory (OpenID Connect or LDAP / Active Directory,
 *   kept by its 组织管理员: {@code internal.directory}); such accounts are business users without a local password,
 *   and the directory is asked again (at most once a minute) when their sessions and API tokens are used, so a person
 *   removed there loses access here. Platform administrators never sign in that way.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Security",
        allowedDependencies = {"cli", "cli :: remote", "demo", "shared"})
package org.yunjian.security;
