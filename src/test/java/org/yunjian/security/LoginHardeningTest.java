package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yunjian.security.internal.login.TotpSecretUpgrade;
import org.yunjian.security.internal.login.TotpSecrets;

/** Login throttling (per account name at an address, per address: issues 10, 35), TOTP secrets at rest and the password rules through the real endpoints (issue 10). */
class LoginHardeningTest extends SecurityIntegrationTest {

    @Autowired
    TotpSecretUpgrade upgrade;

    @org.springframework.beans.factory.annotation.Value("${yunjian.security.throttle.address-max-failures}")
    int addressLimit;

    private static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    private MvcResult attempt(String username, String password, String address, boolean json) throws Exception {
        var b = post("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(from(address));
        if (json) {
            b.accept(MediaType.APPLICATION_JSON);
        }
        return mvc.perform(b).andReturn();
    }

    @Test
    void throttlesOneAccountNameAtAnAddressAfterTenFailuresWithGrowingDelays() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(attempt("nobody", "Wrong-Passw0rd!", "192.0.2.7", false)
                            .getResponse()
                            .getStatus())
                    .isEqualTo(302);
        }
        // refused now without checking the password, as a page and as a problem naming what blocked it
        MvcResult refused = attempt("nobody", "Wrong-Passw0rd!", "192.0.2.7", false);
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("30");
        mvc.perform(post("/login")
                        .param("username", "nobody")
                        .param("password", "Wrong-Passw0rd!")
                        .with(csrf())
                        .with(from("192.0.2.7"))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:too-many-attempts"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("30"),
                                org.hamcrest.Matchers.containsString("此账户从此地址登录失败次数过多"))));
        assertThat(audit("user.login.throttle")).hasSize(1);
        // the same name from another address is not affected
        assertThat(attempt("nobody", "Wrong-Passw0rd!", "192.0.2.8", false)
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        // after the delay one more failure blocks again for twice as long
        clock.advance(Duration.ofSeconds(31));
        assertThat(attempt("nobody", "Wrong-Passw0rd!", "192.0.2.7", false)
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        assertThat(attempt("nobody", "Wrong-Passw0rd!", "192.0.2.7", false)
                        .getResponse()
                        .getHeader("Retry-After"))
                .isEqualTo("60");
        clock.advance(Duration.ofSeconds(61));
        attempt("nobody", "Wrong-Passw0rd!", "192.0.2.7", false);
        assertThat(attempt("nobody", "Wrong-Passw0rd!", "192.0.2.7", false)
                        .getResponse()
                        .getHeader("Retry-After"))
                .isEqualTo("120");
        // quiet for a whole window after the block: forgotten
        clock.advance(Duration.ofMinutes(13));
        assertThat(attempt("nobody", "Wrong-Passw0rd!", "192.0.2.7", false)
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
    }

    /**
     * Issue 35: an office behind one NAT address. One person mistypes their password until their account is locked
     * and their name at the address throttled; a colleague behind the same address still logs in at once, and a
     * wrong password of theirs is still checked (a plain failure, not a refusal).
     */
    @Test
    void oneAccountsFailuresNeverLockOutASecondAccountFromTheSameAddress() throws Exception {
        UserView first = businessUser();
        UserView second = businessUser();
        int status = 0;
        for (int i = 0; i < 12 && status != 429; i++) {
            status = attempt(first.username(), "Wrong-Passw0rd!", "10.20.30.40", false)
                    .getResponse()
                    .getStatus();
        }
        assertThat(status)
                .as("the first account's name is throttled at the address")
                .isEqualTo(429);
        assertThat(attempt(first.username(), PASSWORD, "10.20.30.40", false)
                        .getResponse()
                        .getStatus())
                .as("even with the right password")
                .isEqualTo(429);
        assertThat(accounts.findByUsername(first.username()).orElseThrow().lockedAt(clock.instant()))
                .as("and the account is locked, wherever it logs in from")
                .isTrue();

        assertThat(attempt(second.username(), "Wrong-Passw0rd!", "10.20.30.40", false)
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(attempt(second.username(), PASSWORD, "10.20.30.40", false)
                        .getResponse()
                        .getRedirectedUrl())
                .as("the colleague behind the same address logs in")
                .isEqualTo("/");
    }

    /** Password spraying: failed logins over many names from one address stop at the address's ceiling. */
    @Test
    void failedLoginsOverManyNamesFromOneAddressAreRefusedAtTheAddressCeiling() throws Exception {
        UserView colleague = businessUser();
        for (int i = 0; i < addressLimit; i++) {
            assertThat(attempt("sprayed-" + i, "Wrong-Passw0rd!", "192.0.2.77", false)
                            .getResponse()
                            .getStatus())
                    .isEqualTo(302);
        }
        MvcResult refused = attempt(colleague.username(), PASSWORD, "192.0.2.77", false);
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(refused.getResponse().getErrorMessage()).contains("来自此地址的登录失败次数过多");
        assertThat(attempt(colleague.username(), PASSWORD, "192.0.2.78", false)
                        .getResponse()
                        .getRedirectedUrl())
                .as("another address")
                .isEqualTo("/");
        assertThat(audit("user.login.throttle")).singleElement().satisfies(e -> assertThat(e.detail())
                .contains("192.0.2.77"));
    }

    @Test
    void aThrottledNameIsRefusedOnEverySpellingOfTheLoginPathSpringRoutes() throws Exception {
        UserView victim = businessUser();
        for (int i = 0; i < 10; i++) {
            attempt(victim.username(), "Wrong-Passw0rd!", "192.0.2.9", false);
        }
        // the form login answers the decoded path; the throttle used to compare the raw one (issue 33's flaw class)
        for (String spelling : List.of("/logi%6e", "/%6Cogin", "/%6c%6f%67%69%6e")) {
            MvcResult r = mvc.perform(post(java.net.URI.create("http://localhost" + spelling))
                            .param("username", victim.username())
                            .param("password", PASSWORD)
                            .with(csrf())
                            .with(from("192.0.2.9")))
                    .andReturn();
            assertThat(r.getResponse().getStatus())
                    .as(spelling + " → " + r.getResponse().getRedirectedUrl())
                    .isEqualTo(429);
        }
    }

    /** Wrong codes count for the administrator's name at the address: four codes and six passwords make ten. */
    @Test
    void wrongTotpCodesCountTowardsTheThrottleOfTheAccountAtTheAddress() throws Exception {
        String secret = Totp.newSecret();
        UserView a = administrator(Role.SYSTEM_ADMIN, secret);
        UserView b = administrator(Role.AUDIT_ADMIN, secret);
        String wrong = Totp.code(secret, clock.instant().plus(Duration.ofMinutes(10)));
        MockHttpSession s = (MockHttpSession) attempt(a.username(), PASSWORD, "198.51.100.3", false)
                .getRequest()
                .getSession(false);
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/login/totp")
                            .session(s)
                            .param("code", wrong)
                            .with(csrf())
                            .with(from("198.51.100.3")))
                    .andReturn();
        }
        for (int i = 0; i < 6; i++) {
            assertThat(attempt(a.username(), "Wrong-Passw0rd!", "198.51.100.3", false)
                            .getResponse()
                            .getStatus())
                    .isEqualTo(302);
        }
        assertThat(attempt(a.username(), PASSWORD, "198.51.100.3", false)
                        .getResponse()
                        .getStatus())
                .isEqualTo(429);
        assertThat(attempt(b.username(), PASSWORD, "198.51.100.3", false)
                        .getResponse()
                        .getRedirectedUrl())
                .as("another administrator at the same address")
                .isEqualTo("/login/totp");
    }

    @Test
    void totpSecretsAreSealedAtRestAndAPlaintextSecretFromAnOlderVersionStillLogsInAfterUpgrade() throws Exception {
        String secret = Totp.newSecret();
        UserView admin = administrator(Role.SECURITY_ADMIN, secret);
        String sealed = jdbc.sql("SELECT totp_secret_sealed FROM user_account WHERE id = ?")
                .param(admin.id())
                .query(String.class)
                .single();
        assertThat(sealed).startsWith("sm4gcm:").doesNotContain(secret);

        // a row as an older version left it: the plaintext base32 secret in totp_secret
        String legacySecret = Totp.newSecret();
        UserView legacy = administrator(Role.AUDIT_ADMIN, null);
        jdbc.sql("UPDATE user_account SET totp_secret = ?, totp_secret_sealed = NULL WHERE id = ?")
                .params(legacySecret, legacy.id())
                .update();
        assertThat(upgrade.sealPlaintextSecrets()).isGreaterThanOrEqualTo(1);
        var row = jdbc.sql("SELECT totp_secret, totp_secret_sealed FROM user_account WHERE id = ?")
                .param(legacy.id())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        assertThat(row[0]).isNull();
        assertThat(row[1]).startsWith("sm4gcm:").doesNotContain(legacySecret);
        assertThat(upgrade.sealPlaintextSecrets()).isZero();
        // it still logs in with the same authenticator
        MockHttpSession session = loginAdministrator(legacy.username(), legacySecret);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/audit")
                        .session(session))
                .andExpect(status().isOk());

        // a sealed secret moved onto another account's row does not open there: that account's TOTP step
        // fails closed (no re-enrolment), and the others are unaffected
        jdbc.sql("UPDATE user_account SET totp_secret_sealed = ? WHERE id = ?")
                .params(sealed, legacy.id())
                .update();
        assertThat(accounts.findById(legacy.id()).orElseThrow().totpSecret()).isEqualTo(TotpSecrets.UNREADABLE);
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        MockHttpSession moved = login(legacy.username(), PASSWORD);
        mvc.perform(post("/login/totp")
                        .session(moved)
                        .param("code", Totp.code(secret, clock.instant()))
                        .with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/login?error"));
        assertThat(users.list()).extracting(UserView::username).contains(legacy.username(), admin.username());
    }

    @Test
    void passwordChangesAreRefusedWithinTheMinimumAgeAndForCommonPasswords() throws Exception {
        UserView u = businessUser();
        jdbc.sql("UPDATE user_account SET password_changed_at = ? WHERE id = ?")
                .params(org.yunjian.shared.Jdbc.utc(clock.instant().minus(Duration.ofDays(2))), u.id())
                .update();
        MockHttpSession session = login(u.username(), PASSWORD);
        mvc.perform(post("/api/account/password")
                        .session(session)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"Password123!\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.newPassword")
                        .value(org.hamcrest.Matchers.anyOf(
                                org.hamcrest.Matchers.containsString("常见"),
                                org.hamcrest.Matchers.containsString("common"))));
        mvc.perform(post("/api/account/password")
                        .session(session)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"Second-Passw0rd-A\"}"))
                .andExpect(status().isNoContent());
        // a quick second change (to cycle through the history) is refused, naming the minimum age
        mvc.perform(post("/api/account/password")
                        .session(session)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"Second-Passw0rd-A\",\"newPassword\":\"Third-Passw0rd-B\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.newPassword").value(org.hamcrest.Matchers.containsString("24")));
        clock.advance(Duration.ofHours(25));
        MockHttpSession later = login(u.username(), "Second-Passw0rd-A");
        mvc.perform(post("/api/account/password")
                        .session(later)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"Second-Passw0rd-A\",\"newPassword\":\"Third-Passw0rd-B\"}"))
                .andExpect(status().isNoContent());
    }
}
