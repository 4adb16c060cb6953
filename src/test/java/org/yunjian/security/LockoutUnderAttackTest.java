package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/** Finding 3 and the lockout part of finding 6 of issue 10, through the real login flow. */
class LockoutUnderAttackTest extends SecurityIntegrationTest {

    @Autowired
    SecurityTestSupport.CountingPasswordEncoder encoder;

    @Test
    void locksAccountAfterPasswordAndWrongTotpRounds() throws Exception {
        String secret = Totp.newSecret();
        UserView admin = administrator(Role.SECURITY_ADMIN, secret);
        String wrongCode = Totp.code(secret, clock.instant().plus(Duration.ofMinutes(10)));
        // round 1: the right password, then 4 wrong codes
        MockHttpSession s1 = login(admin.username(), PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThat(totp(s1, wrongCode).getResponse().getStatus()).isEqualTo(200);
        }
        assertThat(users.get(admin.id()).locked()).isFalse();
        // round 2: the right password again does not clear the four wrong codes; the fifth locks
        MvcResult password = loginResult(admin.username(), PASSWORD);
        assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/login/totp");
        MockHttpSession s2 = (MockHttpSession) password.getRequest().getSession(false);
        assertThat(totp(s2, wrongCode).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(users.get(admin.id()).locked()).isTrue();
        assertThat(audit("user.lockout")).hasSize(1);
        // the right password and the right code no longer get in
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertThat(loginResult(admin.username(), PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void aCompleteLoginClearsBothCounters() throws Exception {
        String secret = Totp.newSecret();
        UserView admin = administrator(Role.SYSTEM_ADMIN, secret);
        loginResult(admin.username(), "Wrong-Passw0rd!");
        MockHttpSession s1 = login(admin.username(), PASSWORD);
        totp(s1, Totp.code(secret, clock.instant().plus(Duration.ofMinutes(10))));
        assertThat(accounts.failureCounts(admin.id())).containsExactly(1, 1);
        MockHttpSession done = loginAdministrator(admin.username(), secret);
        mvc.perform(get("/").session(done)).andReturn();
        assertThat(accounts.failureCounts(admin.id())).containsExactly(0, 0);
    }

    @Test
    void thirtyConcurrentWrongPasswordsCheckAtMostTheLimit() throws Exception {
        UserView u = businessUser();
        String hash = accounts.findById(u.id()).orElseThrow().passwordHash();
        List<String> outcomes = burst(u.username(), 30, -1);
        assertThat(outcomes).hasSize(30).allMatch("/login?error"::equals);
        assertThat(encoder.checksOf(hash))
                .as("password checks against the stored hash")
                .isEqualTo(5);
        assertThat(users.get(u.id()).locked()).isTrue();
    }

    @Test
    void theRightPasswordAtPositionFifteenOfABurstDoesNotGetInOnceLocked() throws Exception {
        UserView u = businessUser();
        String hash = accounts.findById(u.id()).orElseThrow().passwordHash();
        List<String> outcomes = burst(u.username(), 30, 14);
        // at most the limit of wrong passwords, plus the right one only if it came before the lock
        int checks = encoder.checksOf(hash);
        assertThat(checks).isBetween(5, 6);
        assertThat(users.get(u.id()).locked()).isTrue();
        if ("/".equals(outcomes.get(14))) {
            assertThat(checks)
                    .as("the right password got in only as one of the first five checks")
                    .isEqualTo(6);
        }
        assertThat(outcomes.stream().filter("/"::equals).count()).isLessThanOrEqualTo(1);
        // once locked, a burst of right passwords checks nothing and gets nothing
        List<String> after = burst(u.username(), 10, -2);
        assertThat(after).allMatch("/login?error"::equals);
        assertThat(encoder.checksOf(hash)).isEqualTo(checks);
    }

    /** {@code n} logins at once from distinct addresses; {@code right} is the index with the right password (-2: all). */
    private List<String> burst(String username, int n, int right) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String pw = i == right || right == -2 ? PASSWORD : "Wrong-Passw0rd-" + i;
                String address = "10.77." + (n + right + 3) + "." + (i + 1);
                futures.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/login")
                                    .param("username", username)
                                    .param("password", pw)
                                    .with(csrf())
                                    .with(r -> {
                                        r.setRemoteAddr(address);
                                        return r;
                                    }))
                            .andReturn()
                            .getResponse()
                            .getRedirectedUrl();
                }));
            }
            start.countDown();
            List<String> out = new ArrayList<>();
            for (Future<String> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private MvcResult totp(MockHttpSession session, String code) throws Exception {
        return mvc.perform(
                        post("/login/totp").session(session).param("code", code).with(csrf()))
                .andReturn();
    }
}
