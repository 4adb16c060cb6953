package org.yunjian.security.internal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.security.internal.directory.FormClient.form;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.party.Fixtures;
import org.yunjian.party.PartyTestSupport;
import org.yunjian.security.ApiTokenScope;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.Role;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.security.internal.token.ApiTokens;

/**
 * Issue 57, point 6, end to end: people sign in here through their organisation's directory — a real OpenID Connect
 * provider (Spring Authorization Server, its login form posted, the authorisation-code flow followed hop by hop) and a
 * real LDAP server (UnboundID, the password checked by binding) — and removing them there ends their access here: the
 * next use of their session or API token is refused, the account is disabled, and they cannot sign in again. Membership
 * is asked again on every use here ({@code recheck=0s}; 60 s by default).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "yunjian.security.directory.recheck=0s")
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class DirectorySignInJourneyTests {

    static final String PASSWORD = "Org-Admin-Pass-2026!";

    static OidcProviderServer provider;
    static LdapTestDirectory ldap;

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationAdministration orgAdmins;

    @Autowired
    AccountRepository accounts;

    @Autowired
    DirectoryAccounts directoryAccounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void directories() throws Exception {
        provider = OidcProviderServer.start();
        ldap = LdapTestDirectory.start();
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
        }
        if (ldap != null) {
            ldap.close();
        }
    }

    String app() {
        return "http://localhost:" + port;
    }

    private CurrentUser orgAdmin(UUID org) {
        String name = "da" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = orgAdmins.createInvited(name, "管理员 " + name, PASSWORD, org, true, "test");
        return new CurrentUser(id, name, org, Role.USER);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void personSignsInThroughTheOrganisationsOidcProviderAndLosesAccessWhenRemovedThere() throws Exception {
        Fixtures.World w = fixtures.world();
        CurrentUser admin = orgAdmin(w.provider().id());
        String domain = "sso-" + tag() + ".example";
        String clientId = "yunjian-" + tag();
        mvc.perform(put("/api/organization/directory")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"OIDC","loginDomain":"%s","enabled":true,"issuerUri":"%s","clientId":"%s",
                                 "clientSecret":"%s","groupClaim":"groups","groupValue":"yunjian-bank"}""".formatted(domain, provider.issuer(), clientId, OidcProviderServer.CLIENT_SECRET)))
                .andExpect(status().isOk());
        UUID connection = jdbc.sql("SELECT id FROM directory_connection WHERE login_domain = ?")
                .param(domain)
                .query(UUID.class)
                .single();
        provider.register(clientId, app() + "/login/oauth2/code/" + connection);
        String carol = "carol" + tag();
        String dave = "dave" + tag();
        provider.person(carol, "carol-secret", "yunjian-bank", "other");
        provider.person(dave, "dave-secret", "other");

        // carol: the application sends her to the provider, she signs in there, and comes back signed in here
        FormClient browser = new FormClient();
        FormClient.Page home = signInThroughProvider(browser, domain, carol, "carol-secret");
        assertThat(home.uri().toString()).isEqualTo(app() + "/");
        assertThat(home.status()).isEqualTo(200);
        Account account = accounts.findByUsername(carol + "@" + domain).orElseThrow();
        assertThat(account.role()).isEqualTo(Role.USER);
        assertThat(account.organizationId()).isEqualTo(w.provider().id());
        assertThat(directoryAccounts.isManaged(account.id())).isTrue();
        assertThat(audits("user.create", account.id())).isEqualTo(1);
        assertThat(browser.get(app() + "/account").uri().toString()).isEqualTo(app() + "/account");
        String token = tokenOf(account);
        assertThat(FormClient.bearer(app() + "/api/account", token)).isEqualTo(200);

        // dave is known there but not in the group: refused here, with the reason
        FormClient.Page refused = signInThroughProvider(new FormClient(), domain, dave, "dave-secret");
        assertThat(refused.uri().toString()).endsWith("/login/directory?refused=NOT_MEMBER");
        assertThat(refused.body()).contains("id=\"directory-refused\"");
        assertThat(accounts.findByUsername(dave + "@" + domain)).isEmpty();

        // erin stays at the provider but leaves the group there: the refreshed ID token says so, her access ends
        String erin = "erin" + tag();
        provider.person(erin, "erin-secret", "yunjian-bank");
        assertThat(signInThroughProvider(new FormClient(), domain, erin, "erin-secret")
                        .uri()
                        .toString())
                .isEqualTo(app() + "/");
        Account erinAccount = accounts.findByUsername(erin + "@" + domain).orElseThrow();
        String erinToken = tokenOf(erinAccount);
        assertThat(FormClient.bearer(app() + "/api/account", erinToken)).isEqualTo(200);
        provider.groups(erin, "other");
        assertThat(FormClient.bearer(app() + "/api/account", erinToken)).isEqualTo(401);
        assertThat(accounts.findById(erinAccount.id()).orElseThrow().enabled()).isFalse();

        // carol is removed at the provider: her token and her session stop working, her account is disabled
        provider.remove(carol);
        var removed = FormClient.bearerResponse(app() + "/api/account", token);
        assertThat(removed.statusCode()).isEqualTo(401);
        assertThat(removed.body()).contains("apitoken-directory-removed");
        assertThat(accounts.findById(account.id()).orElseThrow().enabled()).isFalse();
        assertThat(audits("directory.account.remove", account.id())).isEqualTo(1);
        assertThat(browser.get(app() + "/account").uri().getPath()).isEqualTo("/login");
        assertThat(FormClient.bearer(app() + "/api/account", token)).isEqualTo(401);
        // and she cannot sign in again: the provider no longer knows her
        FormClient.Page again = signInThroughProvider(new FormClient(), domain, carol, "carol-secret");
        assertThat(again.uri().toString()).startsWith(provider.issuer() + "/login");
        assertThat(accounts.findById(account.id()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void personSignsInThroughTheOrganisationsLdapDirectoryAndLosesAccessWhenRemovedFromTheGroup() throws Exception {
        Fixtures.World w = fixtures.world();
        CurrentUser admin = orgAdmin(w.customer().id());
        String domain = "ldap-" + tag() + ".example";
        mvc.perform(put("/api/organization/directory")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"LDAP","loginDomain":"%s","enabled":true,"ldapUrl":"%s","baseDn":"%s",
                                 "userDnPattern":"uid={0},ou=people,%s","groupDn":"%s"}""".formatted(
                                        domain,
                                        ldap.url(),
                                        LdapTestDirectory.BASE,
                                        LdapTestDirectory.BASE,
                                        LdapTestDirectory.GROUP)))
                .andExpect(status().isOk());
        String alice = "alice" + tag();
        String bob = "bob" + tag();
        ldap.person(alice, "Alice 张", "alice-secret", true);
        ldap.person(bob, "Bob 李", "bob-secret", false);

        FormClient browser = new FormClient();
        FormClient.Page home = signInWithLdap(browser, alice + "@" + domain, "alice-secret");
        assertThat(home.uri().toString()).isEqualTo(app() + "/");
        Account account = accounts.findByUsername(alice + "@" + domain).orElseThrow();
        assertThat(account.displayName()).isEqualTo("Alice 张");
        assertThat(account.organizationId()).isEqualTo(w.customer().id());
        // her organisation's administrator sees that the directory manages her account, whose password is not theirs
        mvc.perform(get("/api/organization/users/" + account.id()).with(as(admin)))
                .andExpect(jsonPath("$.directoryManaged").value(true));
        mvc.perform(post("/api/organization/users/" + account.id() + "/password")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"Local-Pass-2026!x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.password").exists());
        String token = tokenOf(account);
        assertThat(FormClient.bearer(app() + "/api/account", token)).isEqualTo(200);

        // a wrong password, someone outside the group, and a domain no organisation uses: each refused with its reason
        assertThat(signInWithLdap(new FormClient(), alice + "@" + domain, "wrong")
                        .uri()
                        .toString())
                .endsWith("refused=BAD_CREDENTIALS");
        assertThat(signInWithLdap(new FormClient(), bob + "@" + domain, "bob-secret")
                        .uri()
                        .toString())
                .endsWith("refused=NOT_MEMBER");
        assertThat(signInWithLdap(new FormClient(), alice + "@nowhere.example", "alice-secret")
                        .uri()
                        .toString())
                .endsWith("refused=UNKNOWN_DOMAIN");
        // a directory account has no local password
        FormClient local = new FormClient();
        FormClient.Page loginPage = local.get(app() + "/login");
        assertThat(local.post(
                                app() + "/login",
                                form(
                                        "username",
                                        alice + "@" + domain,
                                        "password",
                                        "alice-secret",
                                        "_csrf",
                                        loginPage.csrf()))
                        .uri()
                        .toString())
                .endsWith("/login?error");

        // alice leaves the group: token refused, session ended, account disabled, sign-in refused
        ldap.leaveGroup(alice);
        var removed = FormClient.bearerResponse(app() + "/api/account", token);
        assertThat(removed.statusCode()).isEqualTo(401);
        assertThat(removed.body()).contains("apitoken-directory-removed");
        assertThat(accounts.findById(account.id()).orElseThrow().enabled()).isFalse();
        assertThat(browser.get(app() + "/account").uri().getPath()).isEqualTo("/login");
        assertThat(signInWithLdap(new FormClient(), alice + "@" + domain, "alice-secret")
                        .uri()
                        .toString())
                .endsWith("refused=NOT_MEMBER");

        // back in the group: the next sign-in enables the account again (audited)
        ldap.rejoin(alice);
        assertThat(signInWithLdap(new FormClient(), alice + "@" + domain, "alice-secret")
                        .uri()
                        .toString())
                .isEqualTo(app() + "/");
        assertThat(accounts.findById(account.id()).orElseThrow().enabled()).isTrue();
        assertThat(audits("directory.account.restore", account.id())).isEqualTo(1);
        // the token revoked at the removal stays revoked
        assertThat(FormClient.bearer(app() + "/api/account", token)).isEqualTo(401);

        // the organisation switches its directory off: nobody can confirm her now, so her new token is refused (fail
        // closed), but nothing is disabled
        String second = tokenOf(accounts.findById(account.id()).orElseThrow());
        assertThat(FormClient.bearer(app() + "/api/account", second)).isEqualTo(200);
        mvc.perform(post("/organization/directory/enabled")
                        .with(as(admin))
                        .param("enabled", "false")
                        .param("confirm", "true"))
                .andExpect(status().is3xxRedirection());
        var unconfirmed = FormClient.bearerResponse(app() + "/api/account", second);
        assertThat(unconfirmed.statusCode()).isEqualTo(401);
        assertThat(unconfirmed.body()).contains("apitoken-directory-unconfirmed");
        assertThat(accounts.findById(account.id()).orElseThrow().enabled()).isTrue();
        assertThat(signInWithLdap(new FormClient(), alice + "@" + domain, "alice-secret")
                        .uri()
                        .toString())
                .endsWith("refused=UNKNOWN_DOMAIN");
    }

    private FormClient.Page signInThroughProvider(FormClient browser, String domain, String user, String password)
            throws Exception {
        FormClient.Page page = browser.get(app() + "/login/directory");
        FormClient.Page providerLogin =
                browser.post(app() + "/login/directory/oidc", form("domain", domain, "_csrf", page.csrf()));
        assertThat(providerLogin.uri().toString()).startsWith(provider.issuer() + "/login");
        return browser.post(
                provider.issuer() + "/login",
                form("username", user, "password", password, "_csrf", providerLogin.csrf()));
    }

    private FormClient.Page signInWithLdap(FormClient browser, String username, String password) throws Exception {
        FormClient.Page page = browser.get(app() + "/login/directory");
        return browser.post(
                app() + "/login/directory/ldap",
                form("username", username, "password", password, "_csrf", page.csrf()));
    }

    private String tokenOf(Account a) {
        return PartyTestSupport.runAs(a.toCurrentUser(), () -> tokens.create("ci", ApiTokenScope.READ_ONLY, 30)
                .value());
    }

    private long audits(String action, UUID objectId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND object_id = ?")
                .params(action, objectId.toString())
                .query(Long.class)
                .single();
    }
}
