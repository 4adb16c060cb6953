package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.party.Fixtures;
import org.yunjian.security.internal.AccountRepository;

/**
 * 组织管理员: manages its own organisation's business accounts under the password policy (create, disable, reset,
 * unlock, name another administrator), audited; never another organisation's accounts or an administrator account
 * (404, audited as denied), never a platform role; a business user without the flag is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class OrganizationAdministrationTests {

    static final String PASSWORD = "Org-Admin-Pass-2026!";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationAdministration orgAdmins;

    @Autowired
    AccountRepository accounts;

    @Autowired
    JdbcClient jdbc;

    Fixtures.World w;
    CurrentUser admin;
    CurrentUser colleague;
    CurrentUser stranger;

    @BeforeEach
    void world() {
        w = fixtures.world();
        admin = account(w.customer().id(), true);
        colleague = account(w.customer().id(), false);
        stranger = account(w.provider().id(), false);
    }

    private CurrentUser account(UUID org, boolean orgAdmin) {
        String name = "oa" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = orgAdmins.createInvited(name, "人员 " + name, PASSWORD, org, orgAdmin, "test");
        return new CurrentUser(id, name, org, Role.USER);
    }

    @Test
    void orgAdminManagesItsOwnOrganisationsUsers() throws Exception {
        String name = "new" + UUID.randomUUID().toString().substring(0, 8);
        // a role in the body is not a thing an organisation administrator can ask for: the account is a business user
        String created = mvc.perform(post("/api/organization/users")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + name
                                + "\",\"displayName\":\"新同事\",\"password\":\"" + PASSWORD
                                + "\",\"role\":\"SECURITY_ADMIN\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mustChangePassword").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID id = UUID.fromString(created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        assertThat(accounts.findById(id).orElseThrow().role()).isEqualTo(Role.USER);
        assertThat(accounts.findById(id).orElseThrow().organizationId())
                .isEqualTo(w.customer().id());

        // a weak password is refused by the platform policy
        mvc.perform(post("/api/organization/users/" + id + "/password")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"123\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/organization/users/" + id + "/password")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"" + PASSWORD + "x\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/organization/users/" + id + "/unlock").with(as(admin)))
                .andExpect(status().isNoContent());
        mvc.perform(put("/api/organization/users/" + id)
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false}"))
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(put("/api/organization/users/" + colleague.userId())
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orgAdmin\":true}"))
                .andExpect(jsonPath("$.orgAdmin").value(true));
        assertThat(orgAdmins.isOrgAdmin(colleague.userId())).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'orgadmin.grant' AND object_id = ?")
                        .param(colleague.userId().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // its own flag only another administrator changes
        mvc.perform(put("/api/organization/users/" + admin.userId())
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orgAdmin\":false}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void orgAdminCannotTouchAnotherOrganisationsUsersNorAdministrators() throws Exception {
        mvc.perform(get("/api/organization/users/" + stranger.userId()).with(as(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/organization/users/" + stranger.userId())
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/organization/users/" + stranger.userId() + "/password")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"" + PASSWORD + "y\"}"))
                .andExpect(status().isNotFound());
        assertThat(accounts.findById(stranger.userId()).orElseThrow().enabled()).isTrue();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'orgadmin.user.update' AND outcome = 'DENIED' "
                                        + "AND object_id = ?")
                        .param(stranger.userId().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        UUID secadmin = accounts.findAll().stream()
                .filter(a -> a.role() == Role.SECURITY_ADMIN)
                .findFirst()
                .map(a -> a.id())
                .orElse(null);
        if (secadmin != null) {
            mvc.perform(put("/api/organization/users/" + secadmin)
                            .with(as(admin))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"enabled\":false}"))
                    .andExpect(status().isNotFound());
        }
        // the list is its own organisation's people only
        String list = mvc.perform(get("/api/organization/users").with(as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains(colleague.username()).doesNotContain(stranger.username());
        // and the platform's user administration stays the security administrator's
        mvc.perform(get("/api/users").with(as(admin))).andExpect(status().isForbidden());
    }

    @Test
    void businessUserWithoutTheFlagIsRefused() throws Exception {
        mvc.perform(get("/api/organization/users").with(as(colleague))).andExpect(status().isForbidden());
        mvc.perform(get("/organization/users").with(as(colleague))).andExpect(status().isForbidden());
        mvc.perform(post("/api/organization/users")
                        .with(as(colleague))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"nope"
                                + UUID.randomUUID().toString().substring(0, 6)
                                + "\",\"displayName\":\"x\",\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isForbidden());
    }
}
