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
import org.yunjian.security.internal.TotpSecretUpgrade;
import org.yunjian.security.internal.TotpSecrets;

/** Per-address throttling, TOTP secrets at rest and the password rules through the real endpoints (issue 10). */
class LoginHardeningTest extends SecurityIntegrationTest {

    @Autowired
    TotpSecretUpgrade upgrade;

    private static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    private MvcResult attempt(String username, String password, String address, boolean json) throws Exception {
        var b = post("/login").param("username", username).param("password", password).with(csrf())
                .with(from(address));
        if (json) {
            b.accept(MediaType.APPLICATION_JSON);
        }
        return mvc.perform(b).andReturn();
    }

    @Test
    void throttlesAnAddressAfterTenFailuresWhateverTheUserNameWithGrowingDelays() throws Exception {
        UserView victim = businessUser();
        for (int i = 0; i < 10; i++) {
            assertThat(attempt("nobody-" + i, "Wrong-Passw0rd!", "192.0.2.7", false).getResponse().getStatus())
                    .isEqualTo(302);
        }
        // refused now for any user name, even with the right password, without checking it
        MvcResult refused = attempt(victim.username(), PASSWORD, "192.0.2.7", false);
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("30");
        mvc.perform(post("/login").param("username", victim.username()).param("password", PASSWORD).with(csrf())
                        .with(from("192.0.2.7")).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:too-many-attempts"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("30")));
        assertThat(audit("user.login.throttle")).hasSize(1);
        // another address is not affected
        assertThat(attempt(victim.username(), PASSWORD, "192.0.2.8", false).getResponse().getRedirectedUrl())
                .isEqualTo("/");
        // after the delay one more failure blocks again for twice as long
        clock.advance(Duration.ofSeconds(31));
        assertThat(attempt("nobody", "Wrong-Passw0rd!", "192.0.2.7", false).getResponse().getStatus()).isEqualTo(302);
        assertThat(attempt(victim.username(), PASSWORD, "192.0.2.7", false).getResponse().getHeader("Retry-After"))
                .isEqualTo("60");
        clock.advance(Duration.ofSeconds(61));
        attempt("nobody", "Wrong-Passw0rd!", "192.0.2.7", false);
        assertThat(attempt(victim.username(), PASSWORD, "192.0.2.7", false).getResponse().getHeader("Retry-After"))
                .isEqualTo("120");
        // quiet for a whole window after the block: forgotten
        clock.advance(Duration.ofMinutes(13));
        assertThat(attempt(victim.username(), PASSWORD, "192.0.2.7", false).getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void aThrottledAddressIsRefusedOnEverySpellingOfTheLoginPathSpringRoutes() throws Exception {
        UserView victim = businessUser();
        for (int i = 0; i < 10; i++) {
            attempt("nobody-" + i, "Wrong-Passw0rd!", "192.0.2.9", false);
        }
        // the form login answers the decoded path; the throttle used to compare the raw one (issue 33's flaw class)
        for (String spelling : List.of("/logi%6e", "/%6Cogin", "/%6c%6f%67%69%6e")) {
            MvcResult r = mvc.perform(post(java.net.URI.create("http://localhost" + spelling))
                    .param("username", victim.username()).param("password", PASSWORD).with(csrf())
                    .with(from("192.0.2.9"))).andReturn();
            assertThat(r.getResponse().getStatus()).as(spelling + " → " + r.getResponse().getRedirectedUrl())
                    .isEqualTo(429);
        }
    }

    @Test
    void wrongTotpCodesCountTowardsTheAddressThrottle() throws Exception {
        String secret = Totp.newSecret();
        UserView a = administrator(Role.SYSTEM_ADMIN, secret);
        UserView b = administrator(Role.AUDIT_ADMIN, secret);
        String wrong = Totp.code(secret, clock.instant().plus(Duration.ofMinutes(10)));
        for (UserView admin : new UserView[] {a, b}) {
            MockHttpSession s = (MockHttpSession) attempt(admin.username(), PASSWORD, "198.51.100.3", false)
                    .getRequest().getSession(false);
            for (int i = 0; i < 4; i++) {
                mvc.perform(post("/login/totp").session(s).param("code", wrong).with(csrf())
                        .with(from("198.51.100.3"))).andReturn();
            }
        }
        attempt("nobody", "Wrong-Passw0rd!", "198.51.100.3", false);
        attempt("nobody", "Wrong-Passw0rd!", "198.51.100.3", false);
        assertThat(attempt(a.username(), PASSWORD, "198.51.100.3", false).getResponse().getStatus()).isEqualTo(429);
    }

    @Test
    void totpSecretsAreSealedAtRestAndAPlaintextSecretFromAnOlderVersionStillLogsInAfterUpgrade() throws Exception {
        String secret = Totp.newSecret();
        UserView admin = administrator(Role.SECURITY_ADMIN, secret);
        String sealed = jdbc.sql("SELECT totp_secret_sealed FROM user_account WHERE id = ?").param(admin.id())
                .query(String.class).single();
        assertThat(sealed).startsWith("sm4gcm:").doesNotContain(secret);

        // a row as an older version left it: the plaintext base32 secret in totp_secret
        String legacySecret = Totp.newSecret();
        UserView legacy = administrator(Role.AUDIT_ADMIN, null);
        jdbc.sql("UPDATE user_account SET totp_secret = ?, totp_secret_sealed = NULL WHERE id = ?")
                .params(legacySecret, legacy.id()).update();
        assertThat(upgrade.sealPlaintextSecrets()).isGreaterThanOrEqualTo(1);
        var row = jdbc.sql("SELECT totp_secret, totp_secret_sealed FROM user_account WHERE id = ?").param(legacy.id())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        assertThat(row[0]).isNull();
        assertThat(row[1]).startsWith("sm4gcm:").doesNotContain(legacySecret);
        assertThat(upgrade.sealPlaintextSecrets()).isZero();
        // it still logs in with the same authenticator
        MockHttpSession session = loginAdministrator(legacy.username(), legacySecret);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/audit").session(session))
                .andExpect(status().isOk());

        // a sealed secret moved onto another account's row does not open there: that account's TOTP step
        // fails closed (no re-enrolment), and the others are unaffected
        jdbc.sql("UPDATE user_account SET totp_secret_sealed = ? WHERE id = ?").params(sealed, legacy.id()).update();
        assertThat(accounts.findById(legacy.id()).orElseThrow().totpSecret()).isEqualTo(TotpSecrets.UNREADABLE);
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        MockHttpSession moved = login(legacy.username(), PASSWORD);
        mvc.perform(post("/login/totp").session(moved).param("code", Totp.code(secret, clock.instant())).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/login?error"));
        assertThat(users.list()).extracting(UserView::username).contains(legacy.username(), admin.username());
    }

    @Test
    void passwordChangesAreRefusedWithinTheMinimumAgeAndForCommonPasswords() throws Exception {
        UserView u = businessUser();
        jdbc.sql("UPDATE user_account SET password_changed_at = ? WHERE id = ?")
                .params(org.yunjian.shared.Jdbc.utc(clock.instant().minus(Duration.ofDays(2))), u.id()).update();
        MockHttpSession session = login(u.username(), PASSWORD);
        mvc.perform(post("/api/account/password").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"Password123!\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.newPassword").value(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.containsString("常见"), org.hamcrest.Matchers.containsString("common"))));
        mvc.perform(post("/api/account/password").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"Second-Passw0rd-A\"}"))
                .andExpect(status().isNoContent());
        // a quick second change (to cycle through the history) is refused, naming the minimum age
        mvc.perform(post("/api/account/password").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"Second-Passw0rd-A\",\"newPassword\":\"Third-Passw0rd-B\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.newPassword").value(org.hamcrest.Matchers.containsString("24")));
        clock.advance(Duration.ofHours(25));
        MockHttpSession later = login(u.username(), "Second-Passw0rd-A");
        mvc.perform(post("/api/account/password").session(later).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"Second-Passw0rd-A\",\"newPassword\":\"Third-Passw0rd-B\"}"))
                .andExpect(status().isNoContent());
    }
}
