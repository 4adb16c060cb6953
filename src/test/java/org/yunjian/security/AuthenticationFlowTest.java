package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.yunjian.security.internal.session.SessionKeys;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.AuditableEvent.Outcome;

class AuthenticationFlowTest extends SecurityIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    OrganizationAdministration organizationAdministration;

    @Test
    void businessUserLogsInWithPasswordAndTheLoginIsAudited() throws Exception {
        UserView u = businessUser();
        MvcResult result = loginResult(u.username(), PASSWORD);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(get("/account").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(u.username())));
        assertThat(audit("user.login")).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(e.actor()).isEqualTo(u.username());
        });
    }

    @Test
    void wrongPasswordAndUnknownUserFailAlikeForTheClientButAreAuditedWithTheReason() throws Exception {
        UserView u = businessUser();
        MvcResult wrong = loginResult(u.username(), "Wrong-Passw0rd!");
        MvcResult unknown = loginResult("nobody-" + u.username(), "Wrong-Passw0rd!");
        assertThat(wrong.getResponse().getRedirectedUrl())
                .isEqualTo("/login?error")
                .isEqualTo(unknown.getResponse().getRedirectedUrl());
        assertThat(audit("user.login"))
                .extracting(AuditableEvent::outcome, AuditableEvent::actor, AuditableEvent::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Outcome.FAILURE,
                                u.username(),
                                org.yunjian.shared.Msg.of("security.audit.login.wrongPassword")
                                        .encode()),
                        org.assertj.core.groups.Tuple.tuple(
                                Outcome.FAILURE,
                                "nobody-" + u.username(),
                                org.yunjian.shared.Msg.of("security.audit.login.unknownUser")
                                        .encode()));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"login-error\"")));
    }

    @Test
    void locksAfterFiveFailuresUntilTheOrganisationsAdministratorUnlocks() throws Exception {
        UserView u = businessUser();
        for (int i = 0; i < 5; i++) {
            loginResult(u.username(), "Wrong-Passw0rd!");
        }
        assertThat(audit("user.lockout")).hasSize(1);
        assertThat(loginResult(u.username(), PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(users.get(u.id()).locked()).isTrue();

        // a business account is its organisation's (issue 57): the platform's 安全管理员 is refused, its
        // organisation's administrator unlocks it
        String secret = Totp.newSecret();
        UserView admin = administrator(Role.SECURITY_ADMIN, secret);
        MockHttpSession adminSession = loginAdministrator(admin.username(), secret);
        mvc.perform(post("/api/users/{id}/unlock", u.id()).session(adminSession).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(users.get(u.id()).locked()).isTrue();
        UserView organizationAdmin = businessUser();
        organizationAdministration.grantBySystem(organizationAdmin.id(), "test");
        mvc.perform(post("/api/organization/users/{id}/unlock", u.id())
                        .with(as(organizationAdmin))
                        .with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(audit("user.unlock")).extracting(e -> e.outcome().name()).containsExactly("DENIED", "SUCCESS");
        assertThat(loginResult(u.username(), PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void lockExpiresAfterFifteenMinutes() throws Exception {
        UserView u = businessUser();
        for (int i = 0; i < 5; i++) {
            loginResult(u.username(), "Wrong-Passw0rd!");
        }
        clock.advance(Duration.ofMinutes(14));
        assertThat(loginResult(u.username(), PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        clock.advance(Duration.ofMinutes(2));
        assertThat(loginResult(u.username(), PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void accountCreatedByAdministratorMustChangePasswordFirstAndAgainAfterExpiry() throws Exception {
        UserView created = org.yunjian.security.TestAccounts.create(
                users, new UserAdministration.NewUser(unique("new"), "新用户", Role.USER, organization, PASSWORD));
        MockHttpSession session = login(created.username(), PASSWORD);
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"password-required\"")))
                // the rules in one sentence that ends once (it ended in "。。")
                .andExpect(content()
                        .string(org.hamcrest.Matchers.matchesPattern(
                                "(?s).*<p class=\"muted\" id=\"password-policy\">密码要求：[^<]*[^。]。</p>.*")));
        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", PASSWORD)
                        .param("newPassword", "Second-Passw0rd")
                        .param("confirmPassword", "Second-Passw0rd"))
                .andExpect(redirectedUrl("/account?passwordChanged"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        assertThat(audit("user.password.change"))
                .extracting(AuditableEvent::outcome)
                .containsExactly(Outcome.SUCCESS);

        clock.advance(Duration.ofDays(91));
        MvcResult relogin = loginResult(created.username(), "Second-Passw0rd");
        assertThat(relogin.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        assertThat(audit("user.password.expired")).hasSize(1);
        MockHttpSession expired = (MockHttpSession) relogin.getRequest().getSession(false);
        mvc.perform(get("/engagements").session(expired)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/account").session(expired))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:password-expired"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.anyOf(
                                org.hamcrest.Matchers.startsWith("Password expired"),
                                org.hamcrest.Matchers.startsWith("密码已过期"))));

        mvc.perform(post("/api/account/password")
                        .session(expired)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"Second-Passw0rd\",\"newPassword\":\"Initial-Passw0rd\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.newPassword").value(org.hamcrest.Matchers.containsString("5")));
        assertThat(audit("user.password.change"))
                .filteredOn(e -> e.outcome() == Outcome.FAILURE)
                .singleElement()
                .satisfies(e -> assertThat(org.yunjian.shared.Texts.render(
                                org.yunjian.shared.Msg.decode(e.detail()), org.yunjian.shared.Texts.CHINESE))
                        .as("the field's label, not its parameter name")
                        .isEqualTo("新密码被拒绝：新密码"));
        mvc.perform(post("/api/account/password")
                        .session(expired)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"Second-Passw0rd\",\"newPassword\":\"Third-Passw0rd!\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/account").session(expired))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(created.username()));
    }

    @Test
    void administratorMustPassTotpBeforeReachingAnything() throws Exception {
        String secret = Totp.newSecret();
        UserView admin = administrator(Role.SECURITY_ADMIN, secret);
        MvcResult password = loginResult(admin.username(), PASSWORD);
        assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/login/totp");
        MockHttpSession session = (MockHttpSession) password.getRequest().getSession(false);

        mvc.perform(get("/api/users").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login/totp"));
        mvc.perform(get("/admin/users").session(session)).andExpect(redirectedUrl("/login/totp"));
        mvc.perform(get("/login/totp").session(session))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("totp-secret"))));

        String wrong = Totp.code(secret, clock.instant().plus(Duration.ofMinutes(5)));
        mvc.perform(post("/login/totp").session(session).param("code", wrong).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"totp-error\"")));
        String code = Totp.code(secret, clock.instant());
        mvc.perform(post("/login/totp").session(session).param("code", code).with(csrf()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/api/users").session(session)).andExpect(status().isOk());
        assertThat(audit("user.totp"))
                .extracting(AuditableEvent::outcome)
                .containsExactly(Outcome.FAILURE, Outcome.SUCCESS);

        MockHttpSession again = login(admin.username(), PASSWORD);
        mvc.perform(post("/login/totp").session(again).param("code", code).with(csrf()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"totp-error\"")));
        mvc.perform(get("/api/users").session(again)).andExpect(status().isForbidden());
    }

    @Test
    void administratorWithoutSecretEnrolsWithAValidCode() throws Exception {
        UserView admin = administrator(Role.AUDIT_ADMIN, null);
        MockHttpSession session = login(admin.username(), PASSWORD);
        mvc.perform(get("/login/totp").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"totp-secret\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("otpauth://totp/Yunjian:")));
        String secret = (String) session.getAttribute(SessionKeys.TOTP_ENROLMENT);
        assertThat(accounts.findById(admin.id()).orElseThrow().totpSecret()).isNull();

        mvc.perform(post("/login/totp")
                        .session(session)
                        .param("code", Totp.code(secret, clock.instant()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/"));
        assertThat(accounts.findById(admin.id()).orElseThrow().totpSecret()).isEqualTo(secret);
        assertThat(audit("user.totp.enrol")).extracting(AuditableEvent::outcome).containsExactly(Outcome.SUCCESS);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
    }

    @Test
    void administratorWithExpiredPasswordGivesTotpThenMustChangeThePassword() throws Exception {
        String secret = Totp.newSecret();
        UserView admin = org.yunjian.security.TestAccounts.create(
                users, new UserAdministration.NewUser(unique("sysadmin"), "系统管理员", Role.SYSTEM_ADMIN, null, PASSWORD));
        accounts.setAwaitingApproval(admin.id(), false); // approved by a second administrator (TwoPersonRuleTest)
        accounts.setTotpSecret(admin.id(), secret);
        MockHttpSession session = login(admin.username(), PASSWORD);
        mvc.perform(get("/account/password").session(session)).andExpect(redirectedUrl("/login/totp"));
        mvc.perform(post("/login/totp")
                        .session(session)
                        .param("code", Totp.code(secret, clock.instant()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());
    }

    @Test
    void sessionEndsAtTheAbsoluteLimitEvenWhenActive() throws Exception {
        UserView u = businessUser();
        MockHttpSession session = login(u.username(), PASSWORD);
        for (int hour = 0; hour < 8; hour++) {
            mvc.perform(get("/").session(session)).andExpect(status().isOk());
            clock.advance(Duration.ofMinutes(59));
        }
        clock.advance(Duration.ofMinutes(9));
        // a stylesheet is public and leaves the session alone (it neither reads nor ends it)...
        mvc.perform(get("/css/app.css").session(session)).andExpect(status().isOk());
        assertThat(session.isInvalid()).isFalse();
        assertThat(audit("session.end")).isEmpty();
        // ...the next page ends it
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
        assertThat(session.isInvalid()).isTrue();
        assertThat(audit("session.end")).hasSize(1);

        MockHttpSession api = login(u.username(), PASSWORD);
        clock.advance(Duration.ofHours(8).plusSeconds(1));
        mvc.perform(get("/api/account").session(api)).andExpect(status().isUnauthorized());
    }

    @Test
    void loginChangesTheSessionIdAndLogoutEndsTheSession() throws Exception {
        UserView u = businessUser();
        MockHttpSession anonymous = new MockHttpSession();
        String before = anonymous.getId();
        MvcResult result = mvc.perform(post("/login")
                        .session(anonymous)
                        .param("username", u.username())
                        .param("password", PASSWORD)
                        .with(csrf()))
                .andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        assertThat(session.getId()).isNotEqualTo(before);
        org.springframework.security.core.context.SecurityContext context =
                (org.springframework.security.core.context.SecurityContext)
                        session.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(((AccountPrincipal) context.getAuthentication().getPrincipal()).passwordHash())
                .isNull();
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        assertThat(session.isInvalid()).isTrue();
        assertThat(audit("user.logout")).singleElement().satisfies(e -> assertThat(e.actor())
                .isEqualTo(u.username()));
    }

    @Test
    void apiClientLogsInWithJsonAnswersAndCsrfTokens() throws Exception {
        String secret = Totp.newSecret();
        UserView admin = administrator(Role.SECURITY_ADMIN, secret);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login")
                        .session(session)
                        .with(csrf())
                        .accept(MediaType.APPLICATION_JSON)
                        .param("username", admin.username())
                        .param("password", "Wrong-Passw0rd"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:login-failed"));
        MvcResult login = mvc.perform(post("/login")
                        .session(session)
                        .with(csrf())
                        .accept(MediaType.APPLICATION_JSON)
                        .param("username", admin.username())
                        .param("password", PASSWORD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.next").value("/login/totp"))
                .andExpect(jsonPath("$.totpRequired").value(true))
                .andReturn();
        MockHttpSession s = (MockHttpSession) login.getRequest().getSession(false);
        mvc.perform(post("/api/login/totp")
                        .session(s)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"000000\"}"
                                .replace(
                                        "000000",
                                        Totp.code(secret, clock.instant().plus(Duration.ofMinutes(3))))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.code").exists());
        mvc.perform(post("/api/login/totp")
                        .session(s)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + Totp.code(secret, clock.instant()) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.next").value("/"));
        mvc.perform(get("/api/users").session(s)).andExpect(status().isOk());
        mvc.perform(get("/api/csrf").session(s))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .exists("X-CSRF-TOKEN"));
    }

    @Test
    void unauthenticatedApiCallsGetA401Problem() throws Exception {
        mvc.perform(get("/api/users"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401))
                // no Accept-Language: Chinese, as from the controllers, not the server's (or the mock's) locale
                .andExpect(jsonPath("$.title").value("未登录"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("请先登录")));
        mvc.perform(get("/api/users").header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Log in first")));
        mvc.perform(get("/admin/users").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/csrf"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.headerName").value("X-CSRF-TOKEN"));
    }

    @Test
    void permissionDenialsAreAuditedWithMethodAndUri() throws Exception {
        UserView u = businessUser();
        MockHttpSession session = login(u.username(), PASSWORD);
        mvc.perform(get("/api/users").session(session))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:forbidden"));
        mvc.perform(get("/admin/users/new").with(as(u))).andExpect(status().isForbidden());
        assertThat(audit("access.denied"))
                .extracting(AuditableEvent::outcome, AuditableEvent::objectId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Outcome.DENIED, "GET /api/users"),
                        org.assertj.core.groups.Tuple.tuple(Outcome.DENIED, "GET /admin/users/new"));
        mvc.perform(post("/api/users")
                        .session(session)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        assertThat(audit("access.denied")).last().satisfies(e -> {
            assertThat(e.objectId()).isEqualTo("POST /api/users");
            assertThat(org.yunjian.shared.Msg.decode(e.detail()).text(java.util.Locale.ENGLISH))
                    .contains("CSRF");
        });
    }
}
