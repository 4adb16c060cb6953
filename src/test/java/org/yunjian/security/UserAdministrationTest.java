package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yunjian.cli.CliRunner;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.AuditableEvent.Outcome;
import org.yunjian.support.IfMatch;
import picocli.CommandLine;

class UserAdministrationTest extends SecurityIntegrationTest {

    @Autowired
    CliRunner cli;

    @Autowired
    OrganizationAdministration organizationAdministration;

    private UserView securityAdmin() {
        return administrator(Role.SECURITY_ADMIN, Totp.newSecret());
    }

    private String json(String username, String role, UUID org, String password) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"张三\",\"role\":\"" + role + "\","
                + (org == null ? "" : "\"organizationId\":\"" + org + "\",") + "\"password\":\"" + password + "\"}";
    }

    @Test
    void securityAdministratorCreatesReadsUpdatesUnlocksResetsAndDeletesUsers() throws Exception {
        UserView admin = securityAdmin();
        String username = unique("zhangsan");
        String location = mvc.perform(post("/api/users")
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(username, "AUDIT_ADMIN", null, PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.mustChangePassword").value(true))
                .andExpect(jsonPath("$.passwordHash").doesNotExist())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        // the list is paged and the suite's other tests add accounts: look the new one up by name
        mvc.perform(get("/api/users").param("q", username).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(username)));
        mvc.perform(get("/api/users/{id}", id).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("AUDIT_ADMIN"))
                .andExpect(jsonPath("$.organizationId").doesNotExist());
        mvc.perform(put("/api/users/{id}", id)
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .with(IfMatch.current(jdbc, "user_account", id))
                        .content("{\"displayName\":\"张三丰\",\"enabled\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("张三丰"))
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(post("/api/users/{id}/unlock", id).with(as(admin)).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/users/{id}/password", id)
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"Reset-Passw0rd-1\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/users/{id}", id).with(as(admin)).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/users/{id}", id).with(as(admin))).andExpect(status().isNotFound());
        assertThat(events.stream(AuditableEvent.class).map(AuditableEvent::action))
                .contains("user.create", "user.update", "user.unlock", "user.password.reset", "user.delete");
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"SYSTEM_ADMIN", "AUDIT_ADMIN", "USER"})
    void onlySecurityAdministratorsAdministerUsers(Role role) throws Exception {
        UserView victim = businessUser();
        mvc.perform(get("/api/users").with(as(role))).andExpect(status().isForbidden());
        mvc.perform(post("/api/users")
                        .with(as(role))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(unique("x"), "SYSTEM_ADMIN", null, PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/users/{id}", victim.id()).with(as(role)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(as(role))).andExpect(status().isForbidden());
        assertThat(users.get(victim.id())).isNotNull();
        assertThat(audit("access.denied")).hasSize(4).allSatisfy(e -> assertThat(e.outcome())
                .isEqualTo(Outcome.DENIED));
    }

    @Test
    void rejectsRoleListsAdministratorsWithOrganisationAndUsersWithout() throws Exception {
        UserView admin = securityAdmin();
        mvc.perform(post("/api/users")
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + unique("two")
                                + "\",\"displayName\":\"x\",\"role\":\"AUDIT_ADMIN\","
                                + "\"roles\":[\"AUDIT_ADMIN\",\"SYSTEM_ADMIN\"],\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.roles").exists());
        mvc.perform(post("/api/users")
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(unique("adm"), "SYSTEM_ADMIN", organization, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.organizationId").exists());
        mvc.perform(post("/api/users")
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(unique("usr"), "USER", null, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.role").value(containsString("组织管理员")));
        mvc.perform(post("/api/users")
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(unique("usr"), "USER", organization, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.role").value(containsString("组织管理员")));
        mvc.perform(post("/api/users")
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(unique("usr"), "ROOT", null, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.role").exists());
    }

    @Test
    void auditorCannotBecomeSystemAdministratorWhileKeepingAuditDuties() throws Exception {
        UserView admin = securityAdmin();
        administrator(Role.AUDIT_ADMIN, null);
        UserView auditor = administrator(Role.AUDIT_ADMIN, null);
        mvc.perform(put("/api/users/{id}", auditor.id())
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"AUDIT_ADMIN\",\"SYSTEM_ADMIN\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.roles").exists());
        assertThat(users.get(auditor.id()).role()).isEqualTo(Role.AUDIT_ADMIN);

        // two-person rule: the new role is requested (202) and takes effect when a second administrator approves
        String requested = mvc.perform(put("/api/users/{id}", auditor.id())
                        .with(as(admin))
                        .with(csrf())
                        .with(IfMatch.current(jdbc, "user_account", auditor.id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"SYSTEM_ADMIN\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.role").value("AUDIT_ADMIN"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String request = com.jayway.jsonpath.JsonPath.read(requested, "$.pendingRequest");
        assertThat(audit("user.role.change")).isEmpty();
        mvc.perform(post("/api/users/admin-requests/{id}/approve", request)
                        .with(as(securityAdmin()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        assertThat(users.get(auditor.id()).role()).isEqualTo(Role.SYSTEM_ADMIN);
        assertThat(audit("user.role.change")).singleElement().satisfies(e -> assertThat(
                        org.yunjian.shared.Msg.decode(e.detail()).text(java.util.Locale.ENGLISH))
                .contains("Audit administrator → System administrator"));
    }

    @Test
    void lastEnabledAuditAdministratorCannotBeDisabledDemotedOrDeleted() throws Exception {
        UserView admin = securityAdmin();
        jdbc.sql("UPDATE user_account SET enabled = FALSE WHERE role = 'AUDIT_ADMIN'")
                .update();
        UserView auditor = administrator(Role.AUDIT_ADMIN, null);
        mvc.perform(put("/api/users/{id}", auditor.id())
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.enabled").exists());
        mvc.perform(put("/api/users/{id}", auditor.id())
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"SYSTEM_ADMIN\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.role").exists());
        mvc.perform(delete("/api/users/{id}", auditor.id()).with(as(admin)).with(csrf()))
                .andExpect(status().isBadRequest());
        administrator(Role.AUDIT_ADMIN, null);
        mvc.perform(put("/api/users/{id}", auditor.id())
                        .with(as(admin))
                        .with(csrf())
                        .with(IfMatch.current(jdbc, "user_account", auditor.id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false}"))
                .andExpect(status().isOk());
    }

    /** The waiting account is not one of the role's enabled administrators, so it is never "the last one". */
    @Test
    void anAccountAwaitingApprovalCanBeDeletedBesideTheOnlyEnabledAdministratorOfItsRole() throws Exception {
        UserView admin = securityAdmin();
        jdbc.sql("UPDATE user_account SET enabled = FALSE WHERE role = 'AUDIT_ADMIN'")
                .update();
        UserView enabled = administrator(Role.AUDIT_ADMIN, null);
        UserView waiting = administrator(Role.AUDIT_ADMIN, null);
        jdbc.sql("UPDATE user_account SET awaiting_approval = TRUE WHERE id = ?")
                .param(waiting.id())
                .update();
        mvc.perform(delete("/api/users/{id}", waiting.id()).with(as(admin)).with(csrf()))
                .andExpect(status().isNoContent());
        // the enabled one is still the last, and stays
        mvc.perform(delete("/api/users/{id}", enabled.id()).with(as(admin)).with(csrf()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void securityAdministratorCannotChangeItsOwnRoleOrDisableOrDeleteItself() throws Exception {
        UserView admin = securityAdmin();
        securityAdmin();
        mvc.perform(put("/api/users/{id}", admin.id())
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"AUDIT_ADMIN\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/users/{id}", admin.id())
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/users/{id}", admin.id()).with(as(admin)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(users.get(admin.id()).role()).isEqualTo(Role.SECURITY_ADMIN);
        assertThat(audit("access.denied")).hasSize(3);
    }

    @Test
    void disablingAnAccountEndsItsOpenSessions() throws Exception {
        // a business account is disabled by its organisation's administrator (issue 57)
        UserView admin = businessUser();
        organizationAdministration.grantBySystem(admin.id(), "test");
        UserView u = businessUser();
        org.springframework.mock.web.MockHttpSession session = login(u.username(), PASSWORD);
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        clock.advance(java.time.Duration.ofSeconds(1));
        mvc.perform(put("/api/organization/users/{id}", u.id())
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false}"))
                .andExpect(status().isOk());
        mvc.perform(get("/").session(session))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/login?expired"));
        assertThat(loginResult(u.username(), PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void weakPasswordIsRejectedNamingEveryRuleInTheCallersLanguage() throws Exception {
        UserView admin = securityAdmin();
        String username = "abc";
        mvc.perform(post("/api/users")
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(username, "AUDIT_ADMIN", null, "xabcx")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.password").value(containsString("长度至少 12 个字符")))
                .andExpect(jsonPath("$.errors.password").value(containsString("3 类")))
                .andExpect(jsonPath("$.errors.password").value(containsString("不得包含用户名")));
        mvc.perform(post("/api/users")
                        .with(as(admin))
                        .with(csrf())
                        .cookie(new Cookie("yunjian-lang", "en"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(username, "AUDIT_ADMIN", null, "short")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.password").value(containsString("at least 12 characters")));
    }

    @Test
    void resetToARecentPasswordIsRejected() throws Exception {
        UserView admin = securityAdmin();
        UserView u = administrator(Role.AUDIT_ADMIN, null);
        mvc.perform(post("/api/users/{id}/password", u.id())
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.password").value(containsString("5")));
    }

    /**
     * Issue 57 point 1: only an organisation's own administrators add, disable or remove its members. The platform's
     * 安全管理员 creates no business account and changes, unlocks, resets or deletes none — over REST and on the page —
     * and each attempt is refused with the reason and audited as denied; the account stays as it was.
     */
    @Test
    void platformAdministratorsLeaveBusinessAccountsToTheirOrganisations() throws Exception {
        UserView admin = securityAdmin();
        UserView member = businessUser();
        long version = IfMatch.stored(jdbc, "user_account", "id", member.id());
        mvc.perform(put("/api/users/{id}", member.id())
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .with(IfMatch.current(jdbc, "user_account", member.id()))
                        .content("{\"enabled\":false}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("只有该组织的组织管理员")));
        mvc.perform(post("/api/users/{id}/unlock", member.id()).with(as(admin)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/users/{id}/password", member.id())
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"Taken-Over-Passw0rd-1\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/users/{id}", member.id()).with(as(admin)).with(csrf()))
                .andExpect(status().isForbidden());
        // an administrator account does not become a member of an organisation either
        UserView auditor = administrator(Role.AUDIT_ADMIN, null);
        mvc.perform(put("/api/users/{id}", auditor.id())
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .with(IfMatch.current(jdbc, "user_account", auditor.id()))
                        .content("{\"role\":\"USER\",\"organizationId\":\"" + organization + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.role").value(containsString("组织管理员")));
        assertThat(users.get(auditor.id()).role()).isEqualTo(Role.AUDIT_ADMIN);

        // the page shows the account, read only, and says whose it is; its forms are refused too
        String page = mvc.perform(get("/admin/users/{id}", member.id()).with(as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"business-account\"", member.username())
                .doesNotContain("id=\"save\"", "id=\"reset-password\"", "id=\"delete\"");
        mvc.perform(post("/admin/users/{id}", member.id())
                        .with(as(admin))
                        .with(csrf())
                        .param("displayName", "改名")
                        .param("role", "USER")
                        .param("enabled", "false")
                        .param("version", String.valueOf(version)))
                .andExpect(content().string(containsString("只有该组织的组织管理员")));
        mvc.perform(post("/admin/users/{id}/delete", member.id())
                        .param("confirm", "true")
                        .with(as(admin))
                        .with(csrf()))
                .andExpect(content().string(containsString("只有该组织的组织管理员")));

        UserView after = users.get(member.id());
        assertThat(after.enabled()).isTrue();
        assertThat(after.displayName()).isEqualTo(member.displayName());
        assertThat(IfMatch.stored(jdbc, "user_account", "id", member.id())).isEqualTo(version);
        assertThat(loginResult(member.username(), PASSWORD).getResponse().getRedirectedUrl())
                .isNotEqualTo("/login?error");
        assertThat(events.stream(AuditableEvent.class)
                        .filter(e -> e.outcome() == Outcome.DENIED)
                        .filter(e -> member.id().toString().equals(e.objectId()))
                        .map(AuditableEvent::action))
                .contains("user.update", "user.unlock", "user.password.reset", "user.delete");
    }

    @Test
    void pagesListCreateAndEditUsers() throws Exception {
        UserView admin = securityAdmin();
        mvc.perform(get("/admin/users").param("q", admin.username()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(admin.username())))
                .andExpect(content().string(containsString("id=\"users-pager\"")));
        mvc.perform(get("/admin/users/new").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"save\"")))
                // administrator accounts only: no business role, no organisation to choose (issue 57)
                .andExpect(content().string(not(containsString("value=\"USER\""))))
                .andExpect(content().string(not(containsString("id=\"organizationId\""))));
        mvc.perform(post("/admin/users/new")
                        .with(as(admin))
                        .with(csrf())
                        .param("username", "x")
                        .param("displayName", "")
                        .param("role", "USER")
                        .param("organizationId", "")
                        .param("password", "weak"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")));
        String username = unique("page");
        mvc.perform(post("/admin/users/new")
                        .with(as(admin))
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "李四")
                        .param("role", "AUDIT_ADMIN")
                        .param("password", PASSWORD))
                .andExpect(redirectedUrlPattern("/admin/users/*?requested"));
        UserView created = users.list().stream()
                .filter(v -> v.username().equals(username))
                .findFirst()
                .orElseThrow();
        mvc.perform(get("/admin/users/{id}", created.id()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("李四")));
        mvc.perform(post("/admin/users/{id}", created.id())
                        .with(as(admin))
                        .with(csrf())
                        .param("displayName", "李四四")
                        .param("role", "AUDIT_ADMIN")
                        .param("enabled", "true")
                        .param("version", String.valueOf(IfMatch.stored(jdbc, "user_account", "id", created.id()))))
                .andExpect(redirectedUrlPattern("/admin/users/*?saved"));
        assertThat(users.get(created.id()).displayName()).isEqualTo("李四四");

        // deleting cannot be undone: the page asks for the ticked box and, without it, keeps the user and says why
        assertThat(mvc.perform(get("/admin/users/{id}", created.id()).with(as(admin)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("name=\"confirm\" value=\"true\" required id=\"confirm-delete\"");
        MvcResult unconfirmed = mvc.perform(post("/admin/users/{id}/delete", created.id())
                        .with(as(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + created.id()))
                .andReturn();
        assertThat(users.get(created.id()).username()).isEqualTo(username);
        mvc.perform(get("/admin/users/{id}", created.id()).with(as(admin)).flashAttrs(unconfirmed.getFlashMap()))
                .andExpect(content().string(containsString("删除用户不可恢复：请勾选确认后再删除。")));
        mvc.perform(post("/admin/users/{id}/delete", created.id())
                        .param("confirm", "true")
                        .with(as(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users?deleted"));
        assertThat(users.list()).noneMatch(v -> v.id().equals(created.id()));
    }

    @Test
    void cliListsCreatesUnlocksAndResets() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = cli.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH); // as --lang en
        String username = unique("cli");
        assertThat(cmd.execute("users", "create", username, "--display-name", "王五", "--role", "AUDIT_ADMIN"))
                .isEqualTo(0);
        assertThat(out.toString()).contains("Created " + username).contains("Temporary password");
        assertThat(cmd.execute("users", "list")).isEqualTo(0);
        assertThat(out.toString()).contains(username);
        assertThat(cmd.execute("users", "unlock", username)).isEqualTo(0);
        assertThat(cmd.execute("users", "reset-password", username, "--password=Fresh-Passw0rd-9"))
                .isEqualTo(0);
        assertThat(cmd.execute("users", "reset-password", username, "--password=weak"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("password");
        assertThat(cmd.execute("users", "create", unique("cli"), "--display-name", "x", "--role", "USER"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("organisation administrators");
        // a business account is its organisation's: the operator's CLI refuses to unlock or reset it (issue 57)
        UserView member = businessUser();
        assertThat(cmd.execute("users", "reset-password", member.username(), "--password=Fresh-Passw0rd-9"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("only that organisation’s organisation administrators");
        securityAdmin();
        assertThat(cmd.execute("users", "setup-token")).isEqualTo(1);
    }

    @org.junit.jupiter.api.AfterEach
    void resetLanguage() {
        org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
    }
}
