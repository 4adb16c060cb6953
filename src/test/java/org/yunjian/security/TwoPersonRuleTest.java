package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.yunjian.cli.CliRunner;
import org.yunjian.security.internal.admin.AdminRequest;
import org.yunjian.shared.AuditableEvent;
import picocli.CommandLine;

/** 三权分立 under attack (issue 10, finding 6): one security administrator alone cannot make a working administrator. */
class TwoPersonRuleTest extends SecurityIntegrationTest {

    static final String NEW_PASSWORD = "Sysadmin-Initial-Passw0rd";

    @Autowired
    CliRunner cli;

    @Test
    void oneSecurityAdministratorAloneCannotCreateAWorkingSystemAdministrator() throws Exception {
        String secret = Totp.newSecret();
        UserView alice = administrator(Role.SECURITY_ADMIN, secret);
        MockHttpSession session = loginAdministrator(alice.username(), secret);
        String name = unique("sys");
        String created = mvc.perform(post("/api/users")
                        .session(session)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"系统管理员","role":"SYSTEM_ADMIN","password":"%s"}""".formatted(name, NEW_PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.awaitingApproval").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID request = UUID.fromString(JsonPath.read(created, "$.pendingRequest"));
        assertThat(audit("user.admin.request")).singleElement().satisfies(e -> assertThat(e.detail())
                .contains(alice.username())
                .contains("SYSTEM_ADMIN"));

        // the new account cannot log in
        assertThat(loginResult(name, NEW_PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(audit("user.login")).anySatisfy(e -> assertThat(e.detail()).contains("awaiting"));

        // the requester cannot approve it, and is told which rule refuses it (not the generic 403)
        mvc.perform(post("/api/users/admin-requests/{id}/approve", request)
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:forbidden"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("双人规则"),
                                org.hamcrest.Matchers.containsString("不能审批自己提出的申请"))));
        mvc.perform(post("/api/users/admin-requests/{id}/approve", request)
                        .session(session)
                        .with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Two-person rule")));
        assertThat(audit("user.admin.approve")).hasSize(2).first().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditableEvent.Outcome.FAILURE);
            assertThat(english(e.detail())).contains("their own request");
            assertThat(chinese(e.detail())).contains("自己提出的申请");
        });
        assertThat(loginResult(name, NEW_PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        mvc.perform(get("/api/users/admin-requests").session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id=='" + request + "')].requestedBy")
                        .value(alice.username()))
                // other tests of the shared context leave requests too: the total counts them all, at least this one
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        // paged in SQL: one request a page, as many pages as pending requests, nothing past the last
        int pending = jdbc.sql("SELECT COUNT(*) FROM admin_request WHERE status = 'PENDING'")
                .query(Integer.class)
                .single();
        mvc.perform(get("/api/users/admin-requests?size=1&page=" + pending).session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.total").value(pending))
                .andExpect(jsonPath("$.pages").value(pending));
        mvc.perform(get("/api/users/admin-requests?size=1&page=" + (pending + 1))
                        .session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.total").value(pending));

        // a second security administrator approves; now it can log in (and must change its password)
        String secret2 = Totp.newSecret();
        UserView bob = administrator(Role.SECURITY_ADMIN, secret2);
        MockHttpSession second = loginAdministrator(bob.username(), secret2);
        mvc.perform(post("/api/users/admin-requests/{id}/approve", request)
                        .session(second)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value(bob.username()));
        assertThat(audit("user.admin.approve"))
                .filteredOn(e -> e.outcome() == AuditableEvent.Outcome.SUCCESS)
                .singleElement()
                .satisfies(e -> assertThat(english(e.detail()))
                        .contains(bob.username() + " approved")
                        .contains("requested by " + alice.username()));
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertThat(loginResult(name, NEW_PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login/totp");
        // decided once only: a conflict, saying so
        mvc.perform(post("/api/users/admin-requests/{id}/reject", request)
                        .session(second)
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:admin-request-decided"))
                .andExpect(jsonPath("$.detail").value("该申请已被处理。"));
    }

    @Test
    void promotionKeepsTheOldRoleUntilApprovedAndTheSubjectCannotApproveIt() throws Exception {
        UserView alice = administrator(Role.SECURITY_ADMIN, Totp.newSecret());
        UserView auditor = administrator(Role.AUDIT_ADMIN, null);
        UserView user = administrator(Role.SYSTEM_ADMIN, null); // business accounts are their organisations'
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/users/{id}", user.id())
                        .with(as(alice))
                        .with(csrf())
                        .with(org.yunjian.support.IfMatch.current(jdbc, "user_account", user.id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"AUDIT_ADMIN\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.role").value("SYSTEM_ADMIN"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID request = UUID.fromString(JsonPath.read(body, "$.pendingRequest"));
        assertThat(users.get(user.id()).role()).isEqualTo(Role.SYSTEM_ADMIN);
        // an audit administrator may not decide, and a second request for the same account is refused
        mvc.perform(post("/api/users/admin-requests/{id}/approve", request)
                        .with(as(auditor))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/users/{id}", user.id())
                        .with(as(alice))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"SECURITY_ADMIN\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.role").exists());
        // rejection by a second administrator leaves the role as it was
        mvc.perform(post("/api/users/admin-requests/{id}/reject", request)
                        .with(as(administrator(Role.SECURITY_ADMIN, null)))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        assertThat(users.get(user.id()).role()).isEqualTo(Role.SYSTEM_ADMIN);
        assertThat(audit("user.admin.reject")).hasSize(1);
    }

    @Test
    void pagesListPendingRequestsAndApproveOnlyWithConfirmation() throws Exception {
        UserView alice = administrator(Role.SECURITY_ADMIN, null);
        UserView bob = administrator(Role.SECURITY_ADMIN, null);
        String name = unique("aud");
        mvc.perform(post("/admin/users/new")
                        .with(as(alice))
                        .with(csrf())
                        .param("username", name)
                        .param("displayName", "审计员")
                        .param("role", "AUDIT_ADMIN")
                        .param("organizationId", "")
                        .param("password", NEW_PASSWORD))
                .andExpect(status().is3xxRedirection());
        AdminRequest pending = jdbcPending(name);
        mvc.perform(get("/admin/users/requests").with(as(bob)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"request-" + name + "\"")));
        mvc.perform(post("/admin/users/requests/{id}/approve", pending.id())
                        .with(as(bob))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"request-confirm-error\"")));
        assertThat(accounts.findByUsername(name).orElseThrow().awaitingApproval())
                .isTrue();
        // the requester's own approval: the list again, naming the rule (issue 35: not "出错了 您无权执行此操作")
        mvc.perform(post("/admin/users/requests/{id}/approve", pending.id())
                        .with(as(alice))
                        .with(csrf())
                        .param("confirm", "true"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"request-refused\"")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("双人规则（三权分立）：管理员不能审批自己提出的申请，须由另一名安全管理员批准。")))
                .andExpect(
                        content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("您无权执行此操作"))));
        mvc.perform(post("/admin/users/requests/{id}/approve", pending.id())
                        .with(as(bob))
                        .with(csrf())
                        .param("confirm", "true"))
                .andExpect(redirectedUrl("/admin/users/requests?approved"));
        assertThat(accounts.findByUsername(name).orElseThrow().awaitingApproval())
                .isFalse();
    }

    @Test
    void commandLineOperatorApprovesAWebRequestButNotItsOwn() {
        UserView alice = administrator(Role.SECURITY_ADMIN, null);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = cli.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH); // as --lang en
        String fromCli = unique("clisys");
        assertThat(cmd.execute(
                        "users",
                        "create",
                        fromCli,
                        "--display-name",
                        "x",
                        "--role",
                        "SYSTEM_ADMIN",
                        "--password=" + NEW_PASSWORD))
                .isEqualTo(0);
        assertThat(out.toString()).contains("awaiting approval");
        AdminRequest own = jdbcPending(fromCli);
        assertThat(cmd.execute("users", "approve", own.id().toString())).isEqualTo(1);
        assertThat(err.toString()).contains("own request");
        assertThat(accounts.findByUsername(fromCli).orElseThrow().awaitingApproval())
                .isTrue();

        String fromWeb = unique("websys");
        try {
            org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .setAuthentication(
                            org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                                    .authenticated(
                                            new AccountPrincipal(
                                                    new CurrentUser(
                                                            alice.id(), alice.username(), null, Role.SECURITY_ADMIN),
                                                    "n/a",
                                                    true,
                                                    false,
                                                    true),
                                            null,
                                            java.util.List.of()));
            org.yunjian.security.TestAccounts.create(
                    users, new UserAdministration.NewUser(fromWeb, "x", Role.SYSTEM_ADMIN, null, NEW_PASSWORD));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        assertThat(cmd.execute("users", "requests")).isEqualTo(0);
        assertThat(out.toString()).contains(fromWeb);
        assertThat(cmd.execute("users", "approve", jdbcPending(fromWeb).id().toString()))
                .isEqualTo(0);
        assertThat(accounts.findByUsername(fromWeb).orElseThrow().awaitingApproval())
                .isFalse();
    }

    private AdminRequest jdbcPending(String username) {
        UUID id = accounts.findByUsername(username).orElseThrow().id();
        return users.get(id).pendingRequest() == null
                ? null
                : new AdminRequest(
                        users.get(id).pendingRequest(), id, username, null, null, null, null, null, null, null, null);
    }

    private static String english(String detail) {
        return org.yunjian.shared.Msg.decode(detail).text(java.util.Locale.ENGLISH);
    }

    private static String chinese(String detail) {
        return org.yunjian.shared.Msg.decode(detail).text(java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @org.junit.jupiter.api.AfterEach
    void resetLanguage() {
        org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
    }
}
