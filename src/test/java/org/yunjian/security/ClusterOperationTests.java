package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.yunjian.shared.Jdbc;
import org.yunjian.shared.cluster.ClusterJobs;

/**
 * What two application nodes share through the database, on the embedded database with database sessions turned
 * on: the session (a login's cookie names a row every node can read), session revocations (a row written by
 * another node ends the session), and job leases (one runner per interval). And the monitoring endpoints: health
 * public without details, metrics for system administrators and the monitoring token only.
 */
@TestPropertySource(
        properties = {
            "yunjian.sessions.store=database",
            "yunjian.monitoring.token-sha256=" + ClusterOperationTests.TOKEN_SHA256
        })
@DirtiesContext
class ClusterOperationTests extends SecurityIntegrationTest {

    static final String TOKEN = "monitoring-test-token";
    static final String TOKEN_SHA256 = "fc91466a3569997de28b06028132d4f737e63199b767dd48b0a362c9b0ad809b";

    private Cookie loggedIn(UserView user) throws Exception {
        MvcResult login = loginResult(user.username(), PASSWORD);
        assertThat(login.getResponse().getStatus()).isEqualTo(302);
        Cookie cookie = login.getResponse().getCookie("JSESSIONID");
        assertThat(cookie)
                .as("session cookie in %s", login.getResponse().getHeaders("Set-Cookie"))
                .isNotNull();
        return cookie;
    }

    @Test
    void aLoginIsStoredInTheDatabaseAndItsCookieServesTheNextRequest() throws Exception {
        UserView user = businessUser();
        Cookie cookie = loggedIn(user);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?")
                        .param(user.username())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        MvcResult account = mvc.perform(get("/api/account").cookie(cookie).accept(MediaType.APPLICATION_JSON))
                .andReturn();
        assertThat(account.getResponse().getStatus()).isEqualTo(200);
        assertThat(account.getResponse().getContentAsString()).contains(user.username());
    }

    @Test
    void aRevocationWrittenByAnotherNodeEndsTheSessionOnItsNextRequest() throws Exception {
        UserView user = businessUser();
        Cookie cookie = loggedIn(user);
        // another node disabled the account: all it shares with this one is the database row
        jdbc.sql("INSERT INTO session_revocation (user_id, revoked_at) VALUES (?, ?)")
                .param(user.id())
                .param(Jdbc.utc(clock.instant().plusSeconds(1)))
                .update();
        MvcResult after = mvc.perform(get("/api/account").cookie(cookie).accept(MediaType.APPLICATION_JSON))
                .andReturn();
        assertThat(after.getResponse().getStatus()).isEqualTo(401);
        assertThat(audit("session.end")).isNotEmpty();
    }

    @Test
    void onlyOneNodeTakesAJobsLeaseInAnInterval() {
        Clock at = Clock.fixed(Instant.parse("2026-11-26T02:00:30Z"), ZoneOffset.UTC);
        ClusterJobs first = new ClusterJobs(jdbc, at);
        ClusterJobs second = new ClusterJobs(jdbc, at);
        String job = unique("job");
        int[] runs = new int[1];
        assertThat(first.runOncePerInterval(job, Duration.ofMinutes(1), () -> runs[0]++))
                .isTrue();
        assertThat(second.runOncePerInterval(job, Duration.ofMinutes(1), () -> runs[0]++))
                .isFalse();
        assertThat(first.runOncePerInterval(job, Duration.ofMinutes(1), () -> runs[0]++))
                .isFalse();
        assertThat(runs[0]).isEqualTo(1);
        ClusterJobs nextMinute = new ClusterJobs(jdbc, Clock.offset(at, Duration.ofSeconds(40)));
        assertThat(nextMinute.runOncePerInterval(job, Duration.ofMinutes(1), () -> runs[0]++))
                .isTrue();
        assertThat(runs[0]).isEqualTo(2);
        assertThat(jdbc.sql("SELECT owner_node FROM job_lease WHERE name = ?")
                        .param(job)
                        .query(String.class)
                        .single())
                .isEqualTo(nextMinute.node());
    }

    @Test
    void healthIsPublicButShowsNoDetailsToAnonymousCallers() throws Exception {
        for (String path :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            MvcResult r = mvc.perform(get(path)).andReturn();
            assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
            assertThat(r.getResponse().getContentAsString())
                    .as(path)
                    .contains("\"status\":\"UP\"")
                    .doesNotContain("components")
                    .doesNotContain("details");
        }
        MvcResult admin =
                mvc.perform(get("/actuator/health").with(as(Role.SYSTEM_ADMIN))).andReturn();
        assertThat(admin.getResponse().getContentAsString())
                .contains("components")
                .contains("db")
                // issue 56: the mail server's state as deliveries saw it (shared.MailServerState), to administrators
                .contains("\"mail\"");
    }

    @Test
    void metricsNeedASystemAdministratorOrTheMonitoringToken() throws Exception {
        assertThat(mvc.perform(get("/actuator/prometheus"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        assertThat(mvc.perform(get("/actuator/prometheus").with(as(Role.USER)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/actuator/prometheus").with(as(Role.SECURITY_ADMIN)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        MvcResult admin = mvc.perform(get("/actuator/prometheus").with(as(Role.SYSTEM_ADMIN)))
                .andReturn();
        assertThat(admin.getResponse().getStatus()).isEqualTo(200);
        assertThat(admin.getResponse().getContentAsString()).contains("jvm_memory_used_bytes");

        MvcResult token = mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN))
                .andReturn();
        assertThat(token.getResponse().getStatus()).isEqualTo(200);
        assertThat(token.getResponse().getContentAsString()).contains("jvm_memory_used_bytes");
        assertThat(token.getRequest().getSession(false))
                .as("the token starts no session")
                .isNull();
        // the token opens the monitoring endpoints only
        assertThat(mvc.perform(get("/api/account")
                                .header("Authorization", "Bearer " + TOKEN)
                                .accept(MediaType.APPLICATION_JSON))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
    }

    @Test
    void aWrongMonitoringTokenIsRefusedAndAudited() throws Exception {
        MvcResult wrong = mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer not-the-token"))
                .andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(401);
        assertThat(wrong.getResponse().getContentAsString()).doesNotContain("jvm_");
        assertThat(audit("monitoring.denied")).hasSize(1);
    }
}
