package org.yunjian.security.internal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import java.util.UUID;
import org.hamcrest.Matchers;
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
import org.yunjian.party.PartyTestSupport;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.Role;

/**
 * An organisation's directory connection: only its own 组织管理员 sees and changes it, every change audited, secrets
 * sealed and never shown back; wrong settings are refused naming each field; a login domain is one organisation's; the
 * platform's security administrators list every connection and may switch one off, which stops its sign-ins.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class DirectoryConnectionTests {

    static final String PASSWORD = "Org-Admin-Pass-2026!";
    static final String SECRET = "client-secret-never-shown-" + UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationAdministration orgAdmins;

    @Autowired
    DirectoryConnectionRepository connections;

    @Autowired
    JdbcClient jdbc;

    Fixtures.World w;
    CurrentUser admin;
    CurrentUser colleague;
    CurrentUser otherAdmin;
    String domain;

    @BeforeEach
    void world() {
        w = fixtures.world();
        admin = account(w.customer().id(), true);
        colleague = account(w.customer().id(), false);
        otherAdmin = account(w.provider().id(), true);
        domain = "corp-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
    }

    private CurrentUser account(UUID org, boolean orgAdmin) {
        String name = "dc" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = orgAdmins.createInvited(name, "人员 " + name, PASSWORD, org, orgAdmin, "test");
        return new CurrentUser(id, name, org, Role.USER);
    }

    private String oidc(String domain, String secret) {
        return """
                {"kind":"OIDC","loginDomain":"%s","issuerUri":"https://sso.%s","clientId":"yunjian",
                 "clientSecret":%s,"groupClaim":"groups","groupValue":"staff"}""".formatted(domain, domain, secret == null ? "null" : "\"" + secret + "\"");
    }

    @Test
    void orgAdminKeepsItsDirectoryConnectionAndItsSecretIsSealedAndNeverShown() throws Exception {
        String created = mvc.perform(put("/api/organization/directory")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(oidc(domain, SECRET)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clientSecretSet").value(true))
                .andExpect(jsonPath("$.kind").value("OIDC"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(created).doesNotContain(SECRET);
        UUID id = UUID.fromString(created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        String stored = jdbc.sql("SELECT client_secret_sealed FROM directory_connection WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(stored).startsWith("sm4gcm:").doesNotContain(SECRET);

        // changed without a secret: the stored one is kept
        mvc.perform(put("/api/organization/directory")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(oidc(domain, null).replace("staff", "employees")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groupValue").value("employees"));
        assertThat(connections.findById(id).orElseThrow().oidc().clientSecret()).isEqualTo(SECRET);
        mvc.perform(get("/api/organization/directory").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(SECRET))));
        assertThat(audits("directory.connection.create", id)).isEqualTo(1);
        assertThat(audits("directory.connection.update", id)).isEqualTo(1);

        // the page shows it, never the secret
        mvc.perform(get("/organization/directory").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(domain)))
                // the redirect address to register at the provider
                .andExpect(content().string(Matchers.containsString("/login/oauth2/code/" + id)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(SECRET))));

        // switched off on the page (confirmed), audited
        mvc.perform(post("/organization/directory/enabled").with(as(admin)).param("enabled", "false"))
                .andExpect(redirectedUrl("/organization/directory"));
        assertThat(connections.findById(id).orElseThrow().enabled()).isTrue();
        mvc.perform(post("/organization/directory/enabled")
                        .with(as(admin))
                        .param("enabled", "false")
                        .param("confirm", "true"))
                .andExpect(redirectedUrl("/organization/directory?saved"));
        assertThat(connections.findById(id).orElseThrow().enabled()).isFalse();
        assertThat(audits("directory.connection.disable", id)).isEqualTo(1);
    }

    @Test
    void wrongSettingsAreRefusedNamingEachField() throws Exception {
        mvc.perform(put("/api/organization/directory")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"kind\":\"LDAP\",\"loginDomain\":\"NoDots\",\"ldapUrl\":\"ldap://ldap.example.com\","
                                        + "\"baseDn\":\"not a dn\",\"userDnPattern\":\"uid=x,dc=example\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.loginDomain").exists())
                // plain LDAP only to this machine: a password would cross the network in the clear
                .andExpect(jsonPath("$.errors.ldapUrl").exists())
                .andExpect(jsonPath("$.errors.baseDn").exists())
                .andExpect(jsonPath("$.errors.userDnPattern").exists())
                .andExpect(jsonPath("$.errors.groupDn").exists());
        mvc.perform(put("/api/organization/directory")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(oidc(domain, SECRET).replace("https://sso.", "http://sso.")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.issuerUri").exists());
        mvc.perform(put("/api/organization/directory")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(oidc(domain, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.clientSecret").exists());
        // the page keeps what was typed and names the field, in the reader's language
        mvc.perform(post("/organization/directory")
                        .with(as(admin))
                        .param("lang", "en")
                        .param("kind", "OIDC")
                        .param("loginDomain", domain)
                        .param("issuerUri", "ftp://sso.example")
                        .param("clientId", "yunjian")
                        .param("clientSecret", SECRET)
                        .param("groupClaim", "groups")
                        .param("groupValue", "staff"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("The issuer must be an https address")))
                .andExpect(content().string(Matchers.containsString("value=\"" + domain + "\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(SECRET))));
        assertThat(connections.findByDomain(domain)).isEmpty();
    }

    @Test
    void aLoginDomainBelongsToOneOrganisation() throws Exception {
        mvc.perform(put("/api/organization/directory")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(oidc(domain, SECRET)))
                .andExpect(status().isOk());
        mvc.perform(put("/api/organization/directory")
                        .with(as(otherAdmin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(oidc(domain, SECRET)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.loginDomain").exists());
    }

    @Test
    void onlyTheOrganisationsOwnAdministratorSeesItsConnection() throws Exception {
        mvc.perform(put("/api/organization/directory")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(oidc(domain, SECRET)))
                .andExpect(status().isOk());
        // a colleague without the flag: refused, audited
        mvc.perform(get("/api/organization/directory").with(as(colleague))).andExpect(status().isForbidden());
        mvc.perform(put("/api/organization/directory")
                        .with(as(colleague))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(oidc(domain, "other")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'directory.read' AND outcome = 'DENIED'"
                                + " AND username = ?")
                        .param(colleague.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // another organisation's administrator sees their own (none), never this one
        mvc.perform(get("/api/organization/directory").with(as(otherAdmin))).andExpect(status().isNotFound());
        // platform administrators do not keep organisations' directories
        mvc.perform(get("/api/organization/directory").with(as(PartyTestSupport.other(Role.SECURITY_ADMIN))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/directories").with(as(admin))).andExpect(status().isForbidden());
    }

    @Test
    void securityAdministratorListsConnectionsAndSwitchesOneOffWhichStopsItsSignIns() throws Exception {
        String created = mvc.perform(put("/api/organization/directory")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(oidc(domain, SECRET)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID id = UUID.fromString(created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        CurrentUser secadmin = PartyTestSupport.other(Role.SECURITY_ADMIN);
        mvc.perform(get("/api/directories").with(as(secadmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(domain)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(SECRET))));
        mvc.perform(post("/api/directories/" + id + "/disable").with(as(secadmin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        assertThat(audits("directory.connection.disable", id)).isEqualTo(1);
        // nobody is sent to a switched-off directory
        mvc.perform(post("/login/directory/oidc").with(as(colleague)).param("domain", "someone@" + domain))
                .andExpect(redirectedUrl("/login/directory?refused=UNKNOWN_DOMAIN"));
    }

    @Test
    void theDirectorySignInPageSaysWhyASignInWasRefusedInTheReadersLanguage() throws Exception {
        mvc.perform(get("/login/directory").param("refused", "NOT_MEMBER").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("not in the organisation")));
        mvc.perform(get("/login/directory").param("refused", "NOT_MEMBER").param("lang", "zh-CN"))
                .andExpect(content().string(Matchers.containsString("不在本组织的目录组中")));
        // an unknown reason is not echoed
        mvc.perform(get("/login/directory").param("refused", "<script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("directory-refused"))));
        mvc.perform(get("/login")).andExpect(content().string(Matchers.containsString("id=\"directory-login-link\"")));
    }

    private long audits(String action, UUID objectId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND object_id = ?")
                .params(action, objectId.toString())
                .query(Long.class)
                .single();
    }
}
