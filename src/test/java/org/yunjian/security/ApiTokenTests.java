package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.Organization;
import org.yunjian.security.cli.ApiCli;

/**
 * API tokens end to end on a running server: created from a login session (the value once, only its hash stored),
 * used with {@code Authorization: Bearer} without session or CSRF token, refused with 401 and an audit entry when
 * revoked, expired, unknown or its account disabled, read-only tokens refused on writes, never in the logs; and the
 * {@code yunjian api} client against the same server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({org.yunjian.support.HandlerProbe.class, org.yunjian.party.Fixtures.class})
@Tag("database")
@ExtendWith(OutputCaptureExtension.class)
class ApiTokenTests {

    static final String PASSWORD = "Token-Test-Passw0rd-7Qx";
    static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*\"(yj_[A-Za-z0-9_]+)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAdministration users;

    @Autowired
    org.yunjian.party.Fixtures fixtures;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    UserView user;
    Organization customer;
    Organization provider;

    @Autowired
    org.yunjian.security.internal.login.AddressThrottle throttle;

    @BeforeEach
    void account() {
        // refused tokens count against 127.0.0.1 like failed logins; each test starts unthrottled
        throttle.clear();
        String username = "tok-" + UUID.randomUUID().toString().substring(0, 8);
        customer = fixtures.organization("令牌客户 " + username, PartyRole.CUSTOMER);
        provider = fixtures.organization("令牌服务商 " + username, PartyRole.PROVIDER);
        user = users.createDemoAccount(username, "令牌测试", Role.USER, customer.id(), PASSWORD, null);
    }

    // ---- creation, use, storage

    @Test
    void createdTokenIsShownOnceStoredAsHashAndWorksWithoutSessionOrCsrf() throws Exception {
        MvcResult created = mvc.perform(post("/api/account/tokens")
                        .with(session())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"流水线\",\"scope\":\"READ_WRITE\",\"validDays\":30}"))
                .andReturn();
        assertThat(created.getResponse().getStatus())
                .as(created.getResponse().getContentAsString())
                .isEqualTo(201);
        String value = match(VALUE, created.getResponse().getContentAsString());
        assertThat(value).matches("yj_[a-z0-9]{16}_[A-Za-z0-9]{43}");

        // at rest: only the SHA-256 of the token, no part of the secret
        Map<String, Object> row = jdbc.sql("SELECT * FROM api_token WHERE user_id = ?")
                .param(user.id())
                .query()
                .singleRow();
        String secret = value.substring(value.lastIndexOf('_') + 1);
        assertThat(row.values().toString()).doesNotContain(secret);
        assertThat(row.get("SECRET_HASH") == null ? row.get("secret_hash") : row.get("SECRET_HASH"))
                .isEqualTo(sha256(value));

        HttpResponse<String> me = call("GET", "/api/account", value, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"" + user.username() + "\"");
        assertThat(me.headers().allValues("Set-Cookie"))
                .as("no session, no CSRF cookie")
                .isEmpty();

        // a write without any CSRF token: the bearer token is the credential
        HttpResponse<String> system = call("POST", "/api/systems", value, systemJson());
        assertThat(system.statusCode()).as(system.body()).isEqualTo(201);
        assertThat(system.headers().allValues("Set-Cookie")).isEmpty();

        // the list never holds the value; the first use is noted and audited
        String list = mvc.perform(get("/api/account/tokens").with(session()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("流水线").contains("\"lastUsedAt\"").doesNotContain(secret);
        assertThat(list).doesNotContain("\"lastUsedAt\":null");
        // one page with its total, read in SQL: one token a page
        mvc.perform(get("/api/account/tokens").param("size", "1").with(session()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value("流水线"));
        assertThat(audit("apitoken.create")).isEqualTo(1);
        assertThat(audit("apitoken.first-use")).isEqualTo(1);
        // the system created through the token is the token's action in the audit log, the token made by the
        // person's session is not (issue 33)
        UUID tokenId = tokenId();
        assertThat(jdbc.sql("SELECT api_token_id, api_token_name FROM audit_event WHERE action = 'system.create' "
                                + "AND username = ?")
                        .param(user.username())
                        .query((rs, n) -> rs.getObject(1, UUID.class) + " " + rs.getString(2))
                        .single())
                .isEqualTo(tokenId + " 流水线");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'apitoken.create' AND username = ? "
                                + "AND api_token_id IS NULL")
                        .param(user.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void readOnlyTokenReadsButIsRefusedOnEveryWriteMethod() throws Exception {
        String value = issue("READ_ONLY");
        assertThat(call("GET", "/api/systems", value, null).statusCode()).isEqualTo(200);
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            HttpResponse<String> r = call(method, "/api/systems", value, systemJson());
            assertThat(r.statusCode()).as(method).isEqualTo(403);
            assertThat(r.body()).contains("urn:yunjian:problem:apitoken-read-only");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'access.denied' AND username = ? "
                                + "AND detail LIKE '%apitoken.audit.readOnly%'")
                        .param(user.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void aTokenCannotMakeTokensNorReachPages() throws Exception {
        String value = issue("READ_WRITE");
        HttpResponse<String> mint = call(
                "POST", "/api/account/tokens", value, "{\"name\":\"x\",\"scope\":\"READ_WRITE\",\"validDays\":365}");
        assertThat(mint.statusCode()).isEqualTo(403);
        assertThat(mint.body()).contains("apitoken-interactive-only");
        HttpResponse<String> page = call("GET", "/account", value, null);
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("apitoken-api-only");
    }

    @Test
    void rejectsValidityBeyondOneYearAndMissingScope() throws Exception {
        MvcResult r = mvc.perform(post("/api/account/tokens")
                        .with(session())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"validDays\":366}"))
                .andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString()).contains("\"name\"", "\"scope\"", "\"validDays\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE user_id = ?")
                        .param(user.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    // ---- refused tokens: 401, a reason, an audit entry

    @Test
    void revokedTokenGets401AndAnAuditEntry() throws Exception {
        String value = issue("READ_WRITE");
        UUID id = tokenId();
        assertThat(mvc.perform(delete("/api/account/tokens/" + id)
                                .with(session())
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(204);
        assertThat(audit("apitoken.revoke")).isEqualTo(1);
        assertRefused(value, "apitoken-revoked", "REVOKED");
    }

    @Test
    void expiredTokenGets401AndAnAuditEntry() throws Exception {
        String value = issue("READ_ONLY");
        jdbc.sql("UPDATE api_token SET expires_at = created_at WHERE user_id = ?")
                .param(user.id())
                .update();
        assertRefused(value, "apitoken-expired", "EXPIRED");
    }

    @Test
    void unknownAndMalformedTokensGet401AndAnAuditEntry() throws Exception {
        String value = issue("READ_ONLY");
        // the right lookup id with a wrong secret is as unknown as a made-up token
        String forged = value.substring(0, value.length() - 4) + "AAAA";
        assertRefused(forged, "apitoken-unknown", "UNKNOWN");
        HttpResponse<String> made = call("GET", "/api/systems", "yj_0000000000000000_" + "B".repeat(43), null);
        assertThat(made.statusCode()).isEqualTo(401);
        HttpResponse<String> malformed = call("GET", "/api/systems", "not-a-token", null);
        assertThat(malformed.statusCode()).isEqualTo(401);
        assertThat(malformed.body()).contains("apitoken-malformed");
    }

    @Test
    void disabledAccountsTokensStopAtOnce() throws Exception {
        String value = issue("READ_WRITE");
        // used, so kept in the node's cache of accepted tokens: disabling the account still ends it at once
        assertThat(call("GET", "/api/account", value, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/account", value, null).statusCode()).isEqualTo(200);
        org.yunjian.party.PartyTestSupport.runAs(
                org.yunjian.party.PartyTestSupport.other(Role.SECURITY_ADMIN),
                () -> users.updateMember(
                        user.id(),
                        org.yunjian.shared.version.ExpectedVersion.exactly(
                                users.get(user.id()).version()),
                        new UserAdministration.Change(null, null, null, false)));
        assertRefused(value, "apitoken-account-disabled", "ACCOUNT_DISABLED");
    }

    @Test
    void aChangedOrganisationAppliesToAKeptTokenAtOnce() throws Exception {
        String value = issue("READ_WRITE");
        assertThat(call("GET", "/api/account", value, null).body())
                .contains(customer.id().toString());
        org.yunjian.party.PartyTestSupport.runAs(
                org.yunjian.party.PartyTestSupport.other(Role.SECURITY_ADMIN),
                () -> users.updateMember(
                        user.id(),
                        org.yunjian.shared.version.ExpectedVersion.exactly(
                                users.get(user.id()).version()),
                        new UserAdministration.Change(null, null, provider.id(), null)));
        // the token carries the owner's organisation as it is now, not as it was kept
        HttpResponse<String> after = call("GET", "/api/account", value, null);
        assertThat(after.body())
                .contains(provider.id().toString())
                .doesNotContain(customer.id().toString());
    }

    @Test
    void tokenCarriesTheOwnersCurrentRightsOnly() throws Exception {
        String value = issue("READ_WRITE");
        // a business user's token is refused what the business user is refused
        assertThat(call("GET", "/api/users", value, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/backups", value, null).statusCode()).isEqualTo(403);
    }

    @Test
    void administratorSeesAndRevokesAnAccountsTokens() throws Exception {
        String value = issue("READ_WRITE");
        UUID id = tokenId();
        RequestPostProcessor admin = as(new CurrentUser(UUID.randomUUID(), "tok-secadmin", null, Role.SECURITY_ADMIN));
        String list = mvc.perform(get("/api/users/" + user.id() + "/tokens").with(admin))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains(id.toString()).doesNotContain(value.substring(20));
        String page = mvc.perform(get("/admin/users/" + user.id() + "/tokens").with(admin))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .as("the administrator's page revokes through the administrator's path")
                .contains("/admin/users/" + user.id() + "/tokens/" + id + "/revoke")
                .doesNotContain(value.substring(20))
                .contains(user.displayName() + "（" + user.username() + "）");
        assertThat(mvc.perform(delete("/api/users/" + user.id() + "/tokens/" + id)
                                .with(admin)
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(204);
        assertRefused(value, "apitoken-revoked", "REVOKED");
        // another account's token is not the owner's to revoke: 404
        RequestPostProcessor stranger = as(new CurrentUser(UUID.randomUUID(), "tok-other", provider.id(), Role.USER));
        assertThat(mvc.perform(delete("/api/account/tokens/" + id)
                                .with(stranger)
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    // ---- pages

    @Test
    void tokenPagesAreOnePageAtATimeFilteredByNameWithTheirTotal() throws Exception {
        assertThat(mvc.perform(get("/account").with(session()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"no-tokens\"", "共 0 条");
        for (String name : List.of("nightly-1", "nightly-2", "deploy")) {
            mvc.perform(post("/account/tokens")
                            .with(session())
                            .with(csrf())
                            .param("name", name)
                            .param("scope", "READ_ONLY")
                            .param("validDays", "90"))
                    .andExpect(status().isOk());
        }
        String second = mvc.perform(
                        get("/account").param("size", "2").param("page", "2").with(session()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(second).contains("id=\"tokens-pager\"", "共 3 条", "第 2 / 2 页").doesNotContain("id=\"no-tokens\"");
        assertThat(second.split("<tr id=\"token-", -1)).hasSize(2);
        String none = mvc.perform(get("/account").param("q", "zzzz").with(session()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(none).contains("id=\"no-matching-tokens\"", "共 0 条").doesNotContain("id=\"no-tokens\"");
        mvc.perform(get("/api/account/tokens").param("q", "NIGHTLY").with(session()))
                .andExpect(jsonPath("$.total").value(2));
        RequestPostProcessor admin = as(new CurrentUser(UUID.randomUUID(), "tok-secadmin", null, Role.SECURITY_ADMIN));
        assertThat(mvc.perform(get("/admin/users/" + user.id() + "/tokens")
                                .param("q", "deploy")
                                .with(admin))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("共 1 条", "deploy")
                .doesNotContain("nightly");
        mvc.perform(get("/api/users/" + user.id() + "/tokens")
                        .param("q", "deploy")
                        .with(admin))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/account").param("page", "0").with(session())).andExpect(status().isBadRequest());
    }

    @Test
    void accountPageShowsTheValueOnceAndRevokesOnlyWithConfirmation() throws Exception {
        MvcResult created = mvc.perform(post("/account/tokens")
                        .with(session())
                        .with(csrf())
                        .param("name", "nightly")
                        .param("scope", "READ_ONLY")
                        .param("validDays", "90"))
                .andReturn();
        String page = created.getResponse().getContentAsString();
        assertThat(page).contains("id=\"token-value\"");
        Matcher m = Pattern.compile("yj_[a-z0-9]{16}_[A-Za-z0-9]{43}").matcher(page);
        assertThat(m.find()).isTrue();
        String value = m.group();
        String again = mvc.perform(get("/account").with(session()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(again).contains("nightly").doesNotContain(value).doesNotContain("id=\"token-value\"");

        UUID id = tokenId();
        String unconfirmed = mvc.perform(post("/account/tokens/" + id + "/revoke")
                        .with(session())
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(unconfirmed).contains("token-revoke-unconfirmed");
        assertThat(call("GET", "/api/account", value, null).statusCode()).isEqualTo(200);
        assertThat(mvc.perform(post("/account/tokens/" + id + "/revoke")
                                .param("confirm", "true")
                                .with(session())
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .contains("tokenRevoked");
        assertThat(call("GET", "/api/account", value, null).statusCode()).isEqualTo(401);
    }

    @Test
    void refusedPageFormKeepsTheTypedInput() throws Exception {
        String page = mvc.perform(post("/account/tokens")
                        .with(session())
                        .with(csrf())
                        .param("name", "保留的名称")
                        .param("scope", "READ_WRITE")
                        .param("validDays", "400"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("value=\"保留的名称\"")
                .contains("value=\"400\"")
                .contains("field-error")
                .doesNotContain("id=\"token-value\"");
        // the form sits at the foot of the page, the browser shows its head: the refusal is said there too
        assertThat(page.indexOf("id=\"token-refused\""))
                .as("alert under the page title")
                .isPositive()
                .isLessThan(page.indexOf("id=\"account-username\""));
        assertThat(page).contains("未创建令牌：请更正页面下方“新建令牌”中标出的问题。");
    }

    @Test
    void refusedPageFormNamesEveryProblemAtOnce() throws Exception {
        // a validity that is not a number used to hide the missing name until the next submit
        String page = mvc.perform(post("/account/tokens")
                        .with(session())
                        .with(csrf())
                        .param("name", "")
                        .param("scope", "NONE")
                        .param("validDays", "abc"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Pattern.compile("<p class=\"field-error\"")
                        .matcher(page)
                        .results()
                        .count())
                .isEqualTo(3);
    }

    // ---- logs

    @Test
    void tokensNeverAppearInTheLogs(CapturedOutput output) throws Exception {
        String value = issue("READ_WRITE");
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        List<String> noisy = List.of(
                "org.springframework.web",
                "org.springframework.security",
                "org.apache.coyote",
                "org.apache.tomcat",
                "org.yunjian");
        try {
            noisy.forEach(l -> logging.setLogLevel(l, LogLevel.TRACE));
            call("GET", "/api/account", value, null);
            call("GET", "/api/systems", value.substring(0, value.length() - 1) + "Z", null);
            call("GET", "/account", value, null);
        } finally {
            noisy.forEach(l -> logging.setLogLevel(l, null));
        }
        String secret = value.substring(value.lastIndexOf('_') + 1);
        assertThat(output.getAll()).as("something was logged at TRACE").isNotEmpty();
        assertThat(output.getAll())
                .doesNotContain(secret)
                .doesNotContain(secret.substring(0, 42))
                .doesNotContainIgnoringCase("Bearer yj_");
    }

    // ---- the CLI client

    @Test
    void apiCommandCallsTheServerWithATokenFromTheEnvironment() throws Exception {
        String rw = issue("READ_WRITE");
        String ro = issue("READ_ONLY");
        String server = "http://localhost:" + port;

        Cli ok = cli(Map.of("YUNJIAN_TOKEN", rw), null, "api", "get", "/api/account", "--server", server);
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).contains(user.username());

        Cli posted = cli(
                Map.of("CI_TOKEN", rw),
                systemJson(),
                "api",
                "post",
                "/api/systems",
                "--server",
                server,
                "--token-env",
                "CI_TOKEN",
                "--data",
                "-");
        assertThat(posted.status()).as(posted.err()).isZero();
        assertThat(posted.out()).contains("\"id\"");

        Cli refused = cli(
                Map.of("YUNJIAN_TOKEN", ro),
                systemJson(),
                "api",
                "post",
                "/api/systems",
                "--server",
                server,
                "--data",
                "-",
                "--lang",
                "en");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err().strip())
                .doesNotContain("\n")
                .contains("403")
                .contains("Forbidden")
                .contains("read-only");

        Cli unknown = cli(
                Map.of("YUNJIAN_TOKEN", "yj_0000000000000000_" + "C".repeat(43)),
                null,
                "api",
                "get",
                "/api/systems",
                "--server",
                server,
                "--lang",
                "en");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("401").contains("no such token");

        Cli noToken = cli(Map.of(), null, "api", "get", "/api/systems", "--server", server, "--lang", "en");
        assertThat(noToken.status()).isEqualTo(2);
        assertThat(noToken.err()).contains("YUNJIAN_TOKEN");

        Cli plainHttp = cli(
                Map.of("YUNJIAN_TOKEN", rw),
                null,
                "api",
                "get",
                "/api/systems",
                "--server",
                "http://yunjian.example.com",
                "--lang",
                "en");
        assertThat(plainHttp.status()).isEqualTo(2);
        assertThat(plainHttp.err()).contains("unencrypted");

        Cli unreachable = cli(
                Map.of("YUNJIAN_TOKEN", rw),
                null,
                "api",
                "get",
                "/api/systems",
                "--server",
                "http://127.0.0.1:1",
                "--lang",
                "en");
        assertThat(unreachable.status()).isEqualTo(2);
        assertThat(unreachable.err()).contains("Cannot connect");
    }

    @Autowired
    org.yunjian.cli.CliRunner cliRunner;

    @Test
    void operatorListsAndRevokesAnAccountsTokensOnTheCommandLine() throws Exception {
        String value = issue("READ_WRITE");
        UUID id = tokenId();
        org.yunjian.support.CliCapture cli = new org.yunjian.support.CliCapture();
        assertThat(cli.run(cliRunner, java.util.Locale.ENGLISH, "users", "tokens", user.username()))
                .isZero();
        assertThat(cli.out.toString())
                .contains(id.toString())
                .contains("Read and write")
                .contains("Active")
                .doesNotContain(value.substring(20));
        assertThat(cli.run(
                        cliRunner, java.util.Locale.ENGLISH, "users", "revoke-token", user.username(), id.toString()))
                .isZero();
        assertThat(cli.out.toString()).contains("revoked");
        assertRefused(value, "apitoken-revoked", "REVOKED");
        assertThat(cli.run(cliRunner, java.util.Locale.ENGLISH, "users", "revoke-token", "nobody-here", id.toString()))
                .isEqualTo(2);
    }

    // ---- helpers

    record Cli(int status, String out, String err) {}

    private static Cli cli(Map<String, String> env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ApiCli.run(
                new PrintWriter(out),
                new PrintWriter(err),
                new ByteArrayInputStream(stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8)),
                env::get,
                args);
        return new Cli(status, out.toString(), err.toString());
    }

    private void assertRefused(String value, String type, String reason) throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'apitoken.refused' AND detail LIKE ?")
                .param("%apitoken.audit.refused." + reason + "%")
                .query(Long.class)
                .single();
        HttpResponse<String> r = call("GET", "/api/systems", value, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertThat(r.body()).contains("urn:yunjian:problem:" + type).contains("\"status\":401");
        long after = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'apitoken.refused' AND detail LIKE ?")
                .param("%apitoken.audit.refused." + reason + "%")
                .query(Long.class)
                .single();
        assertThat(after).isEqualTo(before + 1);
    }

    private String issue(String scope) throws Exception {
        MvcResult r = mvc.perform(post("/api/account/tokens")
                        .with(session())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"ci-" + scope + "\",\"scope\":\"" + scope + "\",\"validDays\":7}"))
                .andReturn();
        assertThat(r.getResponse().getStatus())
                .as(r.getResponse().getContentAsString())
                .isEqualTo(201);
        return match(VALUE, r.getResponse().getContentAsString());
    }

    private UUID tokenId() {
        return jdbc.sql("SELECT id FROM api_token WHERE user_id = ? ORDER BY created_at DESC")
                .param(user.id())
                .query(UUID.class)
                .list()
                .get(0);
    }

    private long audit(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND username = ?")
                .params(action, user.username())
                .query(Long.class)
                .single();
    }

    private HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private RequestPostProcessor session() {
        return as(new CurrentUser(user.id(), user.username(), customer.id(), Role.USER));
    }

    private static RequestPostProcessor as(CurrentUser u) {
        AccountPrincipal p = new AccountPrincipal(u, null, true, false, true);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
    }

    private String systemJson() {
        return """
                {"name":"令牌系统%s","customerId":"%s","protectionLevel":"3","deploymentModel":"PUBLIC",
                 "serviceModel":"IAAS","industry":"OTHER","dataClassification":"GENERAL","regions":["北京"],
                 "providerId":"%s","agents":[]}""".formatted(UUID.randomUUID().toString().substring(0, 6), customer.id(), provider.id());
    }

    private static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        assertThat(m.find()).as(s).isTrue();
        return m.group(1);
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
