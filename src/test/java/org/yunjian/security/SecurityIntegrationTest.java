package org.yunjian.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.security.internal.login.AddressThrottle;
import org.yunjian.shared.AuditableEvent;

/**
 * Spring context with MockMvc on an in-memory database of its own, a settable clock and an organisation
 * directory over the organisation table. Each test makes its own accounts with unique names.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SecurityTestSupport.class)
@RecordApplicationEvents
@Tag("database")
abstract class SecurityIntegrationTest {

    @org.springframework.test.context.DynamicPropertySource
    static void databaseOfItsOwn(org.springframework.test.context.DynamicPropertyRegistry registry) {
        org.yunjian.support.TestDatabases.fresh("security_tests", registry);
    }

    static final String PASSWORD = "Initial-Passw0rd";

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAdministration users;

    @Autowired
    AccountRepository accounts;

    @Autowired
    ApplicationEvents events;

    @Autowired
    AddressThrottle throttle;

    UUID organization;

    @BeforeEach
    void resetClockAndCreateOrganization() {
        clock.set(Instant.now());
        throttle.clear();
        organization = UUID.randomUUID();
        String code = String.format("%018d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
        jdbc.sql("INSERT INTO organization (id, name, credit_code, region, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .params(organization, "Org " + code, code, "北京")
                .update();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A business user without forced password change. */
    UserView businessUser() {
        return users.createDemoAccount(unique("user"), "业务用户", Role.USER, organization, PASSWORD, null);
    }

    /** An administrator with a known TOTP secret and no forced password change. */
    UserView administrator(Role role, String totpSecret) {
        return users.createDemoAccount(
                unique(role.name().toLowerCase().replace("_", "")), "管理员", role, null, PASSWORD, totpSecret);
    }

    MvcResult loginResult(String username, String password) throws Exception {
        return mvc.perform(post("/login")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf()))
                .andReturn();
    }

    MockHttpSession login(String username, String password) throws Exception {
        return (MockHttpSession) loginResult(username, password).getRequest().getSession(false);
    }

    /** Password and TOTP; moves the clock one step on so that every login uses a fresh code. */
    MockHttpSession loginAdministrator(String username, String secret) throws Exception {
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        MockHttpSession session = login(username, PASSWORD);
        mvc.perform(post("/login/totp")
                        .session(session)
                        .param("code", Totp.code(secret, clock.instant()))
                        .with(csrf()))
                .andReturn();
        return session;
    }

    /** An authenticated request as if this account had logged in completely (no session). */
    static RequestPostProcessor as(UserView u) {
        AccountPrincipal p = new AccountPrincipal(
                new CurrentUser(u.id(), u.username(), u.organizationId(), u.role()), "n/a", true, false, true);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
    }

    static RequestPostProcessor as(Role role) {
        AccountPrincipal p = new AccountPrincipal(
                new CurrentUser(UUID.randomUUID(), "someone", role == Role.USER ? UUID.randomUUID() : null, role),
                "n/a",
                true,
                false,
                true);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
    }

    List<AuditableEvent> audit(String action) {
        return events.stream(AuditableEvent.class)
                .filter(e -> e.action().equals(action))
                .toList();
    }
}
