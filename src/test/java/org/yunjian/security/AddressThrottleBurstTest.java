package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Issue 33: concurrent bursts raced the per-address login throttle (92 of 100 simultaneous attempts were checked
 * against a limit of 10). Each attempt now reserves its place in its counts (issue 35: its name at the address, and
 * the address) before its password is checked, like the account lockout, so a burst of 100 real threads on one name
 * from one address checks at most the limit, and a burst over many names at most the address's ceiling; an attempt
 * that does not fail gives its reservation back. The throttle in memory here, in the database in
 * {@link DatabaseAddressThrottleBurstTest}; both on H2 and PostgreSQL.
 */
class AddressThrottleBurstTest extends SecurityIntegrationTest {

    @Autowired
    SecurityTestSupport.CountingPasswordEncoder encoder;

    @Value("${yunjian.security.throttle.max-failures}")
    int limit;

    @Value("${yunjian.security.throttle.address-max-failures}")
    int addressLimit;

    @Test
    void aHundredSimultaneousAttemptsOnOneNameFromOneAddressCheckAtMostTheLimit() throws Exception {
        String address = "203.0.113." + (unique("a").hashCode() & 0x7f);
        String name = unique("nobody");
        int before = encoder.totalChecks();
        List<MockHttpServletResponse> answers = burst(100, address, i -> name);
        int checked = encoder.totalChecks() - before;
        assertThat(checked).as("passwords checked of 100 simultaneous attempts").isBetween(1, limit);
        assertThat(answers.stream().filter(r -> r.getStatus() == 429).count()).isEqualTo(100L - checked);
        assertThat(answers.stream().filter(r -> r.getStatus() == 302).map(MockHttpServletResponse::getRedirectedUrl))
                .hasSize(checked)
                .allMatch("/login?error"::equals);
        assertThat(attempt(name, "Wrong-Passw0rd!", address).getStatus())
                .as("the name is blocked there")
                .isEqualTo(429);
        // the block of this name at this address, as its audit text names them (a bare "203.0.113.1" also matched
        // the blocks of 203.0.113.1xx in the other tests)
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'user.login.throttle' AND detail LIKE ?")
                        .param("%\"" + name + "\",\"" + address + "\"%")
                        .query(Integer.class)
                        .single())
                .as("one block, audited once")
                .isEqualTo(1);
    }

    /** Spraying many names at once from one address: at most the address's ceiling of them are checked. */
    @Test
    void simultaneousAttemptsOnManyNamesFromOneAddressCheckAtMostTheAddressCeiling() throws Exception {
        String address = "203.0.113." + (128 + (unique("m").hashCode() & 0x7f));
        int n = addressLimit + 20;
        int before = encoder.totalChecks();
        List<MockHttpServletResponse> answers = burst(n, address, i -> unique("nobody" + i));
        int checked = encoder.totalChecks() - before;
        assertThat(checked)
                .as("passwords checked of %d simultaneous attempts", n)
                .isBetween(limit, addressLimit);
        assertThat(answers.stream().filter(r -> r.getStatus() == 429).count()).isEqualTo((long) n - checked);
        assertThat(attempt("someone-else", "Wrong-Passw0rd!", address).getStatus())
                .as("the address is blocked")
                .isEqualTo(429);
    }

    @Test
    void aCorrectPasswordGivesItsReservationBack() throws Exception {
        UserView u = businessUser();
        String address = "198.51.100." + (unique("b").hashCode() & 0x7f);
        for (int i = 0; i < addressLimit - 1; i++) {
            assertThat(attempt("nobody-" + i, "Wrong-Passw0rd!", address).getRedirectedUrl())
                    .isEqualTo("/login?error");
        }
        // the last place in the address's count: taken by the right password, and given back
        assertThat(attempt(u.username(), PASSWORD, address).getRedirectedUrl()).isEqualTo("/");
        // so one more wrong password is still checked, and it is the one that blocks
        assertThat(attempt("nobody-x", "Wrong-Passw0rd!", address).getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(attempt(u.username(), PASSWORD, address).getStatus()).isEqualTo(429);
    }

    private MockHttpServletResponse attempt(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf())
                        .with(r -> {
                            r.setRemoteAddr(address);
                            return r;
                        }))
                .andReturn()
                .getResponse();
    }

    /** {@code n} logins with wrong passwords for unknown user names ({@code names} of each), at once, from one address. */
    private List<MockHttpServletResponse> burst(int n, String address, java.util.function.IntFunction<String> names)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String username = names.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return attempt(username, "Wrong-Passw0rd-1", address);
                }));
            }
            start.countDown();
            List<MockHttpServletResponse> out = new ArrayList<>();
            for (Future<MockHttpServletResponse> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
