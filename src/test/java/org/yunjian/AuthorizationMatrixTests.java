package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.support.IfMatch;

/**
 * Every endpoint × every caller × own / other organisation's object, against the checked-in table
 * {@code src/test/resources/authz/expected.csv}. A new endpoint fails this test until its rows are added
 * to the table; a changed rule fails it until the table is changed too, so every access decision is
 * reviewed. Run with {@code -Dyunjian.authz.record=true} to write the observed table to
 * {@code target/authz-observed.csv} for review.
 *
 * <p>"own" means the caller's organisation's objects (for administrators, the first customer's);
 * "other" means objects of an organisation the caller has nothing to do with. Each request runs in a
 * transaction that is rolled back, so deleting requests do not disturb the next row.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(org.yunjian.party.Fixtures.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// on a database of its own (below), beside the one-thread suite, first in the lane of the journeys: the suite's
// longest class in one thread otherwise ran alone at the end of each pass with one of the two cores idle
// (docs/performance.md, "Test-suite time"); its rows still run one after another (SAME_THREAD on each method)
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
@org.junit.jupiter.api.parallel.ResourceLock(org.yunjian.support.JourneyBesideTheSuite.OWN_DATABASE_JOURNEYS)
@org.junit.jupiter.api.Order(1)
class AuthorizationMatrixTests {

    /** Its own database and data directory, so that it can run beside the rest of the suite. */
    @org.springframework.test.context.DynamicPropertySource
    static void ownDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) {
        org.yunjian.support.TestDatabases.freshFile("authorization_matrix", registry);
    }

    static final Path TABLE = Path.of("src/test/resources/authz/expected.csv");

    /**
     * Who calls. The {@code TOKEN_*} callers are the customer user's API tokens sent as {@code Authorization: Bearer}
     * without a CSRF token (issue 15): read-write on every REST endpoint and a sample of pages (refused: tokens are
     * for {@code /api/} only), read-only on every REST write and a sample of reads, revoked and expired on a sample
     * (see {@link #covers}).
     */
    enum Caller {
        ANONYMOUS,
        SYSTEM_ADMIN,
        SECURITY_ADMIN,
        AUDIT_ADMIN,
        CUSTOMER_USER,
        PROVIDER_USER,
        /**
         * Issue 57, need to know: a member of the provider P1 without the whole-organisation grant and assigned to no
         * system — its "own" rows are the "own organisation, not assigned" column (S1 is its organisation's system).
         */
        PROVIDER_UNASSIGNED,
        TOKEN_READ_WRITE,
        TOKEN_READ_ONLY,
        TOKEN_REVOKED,
        TOKEN_EXPIRED;

        boolean token() {
            return name().startsWith("TOKEN_");
        }
    }

    /** Pages a read-write token is tried on (every page refuses a token alike). */
    static final Set<String> TOKEN_PAGE_SAMPLE =
            Set.of("GET /account", "POST /account/tokens", "GET /systems", "POST /systems/{id}");
    /** REST reads a read-only token is tried on. */
    static final Set<String> TOKEN_READ_SAMPLE = Set.of(
            "GET /api/account",
            "GET /api/account/tokens",
            "GET /api/systems",
            "GET /api/systems/{id}",
            "GET /api/users",
            "GET /api/assessments/{id}");
    /** REST calls a revoked and an expired token are tried on. */
    static final Set<String> TOKEN_REFUSED_SAMPLE = Set.of(
            "GET /api/account",
            "GET /api/systems",
            "GET /api/systems/{id}",
            "POST /api/systems",
            "DELETE /api/account/tokens/{id}");

    /** Whether the table holds rows of {@code caller} for {@code endpoint}: every endpoint for people, see {@link Caller}. */
    static boolean covers(Caller caller, String endpoint) {
        boolean api = endpoint.substring(endpoint.indexOf(' ') + 1).startsWith("/api/");
        return switch (caller) {
            case TOKEN_READ_WRITE -> api || TOKEN_PAGE_SAMPLE.contains(endpoint);
            case TOKEN_READ_ONLY -> api && (!endpoint.startsWith("GET ") || TOKEN_READ_SAMPLE.contains(endpoint));
            case TOKEN_REVOKED, TOKEN_EXPIRED -> TOKEN_REFUSED_SAMPLE.contains(endpoint);
            default -> true;
        };
    }

    enum Scope {
        own,
        other
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.yunjian.security.UserAdministration users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final Map<Caller, AccountPrincipal> principals = new EnumMap<>(Caller.class);
    final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

    @Autowired
    org.yunjian.security.internal.login.AddressThrottle throttle;

    final Map<String, UUID> ids = new LinkedHashMap<>();

    @BeforeAll
    void createWorld() throws Exception {
        String tag = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000));
        AccountPrincipal sysadmin = principal(UUID.randomUUID(), "matrix-seed", null, Role.SYSTEM_ADMIN);
        AccountPrincipal secadmin = principal(UUID.randomUUID(), "matrix-seed-sec", null, Role.SECURITY_ADMIN);
        ids.put("C1", create(sysadmin, "/api/organizations", """
                {"name":"矩阵客户甲%s","creditCode":"%s","region":"北京","roles":["CUSTOMER"]}""".formatted(tag, creditCode())));
        ids.put("P1", create(sysadmin, "/api/organizations", """
                {"name":"矩阵云服务商甲%s","creditCode":"%s","region":"北京","roles":["PROVIDER"]}""".formatted(tag, creditCode())));
        ids.put("C2", create(sysadmin, "/api/organizations", """
                {"name":"矩阵客户乙%s","creditCode":"%s","region":"上海","roles":["CUSTOMER"]}""".formatted(tag, creditCode())));
        ids.put("P2", create(sysadmin, "/api/organizations", """
                {"name":"矩阵云服务商乙%s","creditCode":"%s","region":"上海","roles":["PROVIDER"]}""".formatted(tag, creditCode())));
        ids.put("S1", create(sysadmin, "/api/systems", systemJson("矩阵系统甲" + tag, ids.get("C1"), ids.get("P1"))));
        ids.put("S2", create(sysadmin, "/api/systems", systemJson("矩阵系统乙" + tag, ids.get("C2"), ids.get("P2"))));
        // one 测评对象 on each system, added by the system administrator
        ids.put("AS1", create(sysadmin, "/api/systems/" + ids.get("S1") + "/assets", ASSET_JSON));
        ids.put("AS2", create(sysadmin, "/api/systems/" + ids.get("S2") + "/assets", ASSET_JSON));
        ids.put(
                "E1",
                create(
                        sysadmin,
                        "/api/engagements",
                        engagementJson("矩阵项目甲" + tag, ids.get("S1"), ids.get("C1"), ids.get("P1"))));
        ids.put(
                "E2",
                create(
                        sysadmin,
                        "/api/engagements",
                        engagementJson("矩阵项目乙" + tag, ids.get("S2"), ids.get("C2"), ids.get("P2"))));
        // business accounts are their organisations' (issue 57): created as an organisation administrator would
        ids.put("U1", member("mx-u1-" + tag, ids.get("C1")));
        ids.put("U2", member("mx-u2-" + tag, ids.get("C2")));

        principals.put(Caller.SYSTEM_ADMIN, account(secadmin, "mx-sys-" + tag, Role.SYSTEM_ADMIN, null));
        principals.put(Caller.SECURITY_ADMIN, account(secadmin, "mx-sec-" + tag, Role.SECURITY_ADMIN, null));
        principals.put(Caller.AUDIT_ADMIN, account(secadmin, "mx-aud-" + tag, Role.AUDIT_ADMIN, null));
        principals.put(Caller.CUSTOMER_USER, account(secadmin, "mx-cust-" + tag, Role.USER, ids.get("C1")));
        principals.put(Caller.PROVIDER_USER, account(secadmin, "mx-prov-" + tag, Role.USER, ids.get("P1")));
        principals.put(Caller.PROVIDER_UNASSIGNED, account(secadmin, "mx-unas-" + tag, Role.USER, ids.get("P1")));
        // the suite's accounts hold the whole-organisation grant (support.GrantAccountsCreatedInTests); the
        // unassigned provider member is the one who does not
        jdbc.sql("DELETE FROM visibility_grant WHERE user_id = ?")
                .param(principals.get(Caller.PROVIDER_UNASSIGNED).user().userId())
                .update();
        // the customer user is its organisation's 组织管理员 (issue 35), so the organisation-user rows show what one may do
        jdbc.sql("UPDATE user_account SET org_admin = TRUE WHERE username = ?")
                .param("mx-cust-" + tag)
                .update();

        // assessments: customer self-assessments of S1 and S2, each with an item, evidence and a remediation task
        AccountPrincipal c1 = principals.get(Caller.CUSTOMER_USER);
        AccountPrincipal c2 = principal(ids.get("U2"), "mx-u2-" + tag, ids.get("C2"), Role.USER);
        assessmentFixtures("1", c1, ids.get("S1"), ids.get("C1"));
        assessmentFixtures("2", c2, ids.get("S2"), ids.get("C2"));
        // exit projects of S1 and S2, started by their customers
        ids.put("X1", create(c1, "/api/exit-projects", "{\"name\":\"矩阵退出\",\"systemId\":\"" + ids.get("S1") + "\"}"));
        ids.put("X2", create(c2, "/api/exit-projects", "{\"name\":\"矩阵退出\",\"systemId\":\"" + ids.get("S2") + "\"}"));
        // responsibility matrices of S1 and S2, generated by their customers (version 1, with gaps: not approvable)
        create(c1, "/api/systems/" + ids.get("S1") + "/responsibility", "");
        create(c2, "/api/systems/" + ids.get("S2") + "/responsibility", "");
        // candidate providers in the provider selections of S1 and S2, added by their customers
        ids.put(
                "CA1",
                create(
                        c1,
                        "/api/systems/" + ids.get("S1") + "/lifecycle/selection/candidates",
                        "{\"name\":\"\u77e9\u9635\u5019\u9009\"}"));
        ids.put(
                "CA2",
                create(
                        c2,
                        "/api/systems/" + ids.get("S2") + "/lifecycle/selection/candidates",
                        "{\"name\":\"\u77e9\u9635\u5019\u9009\"}"));
        // incidents recorded against S1 and S2 by their customers (T/CCIA 004-2024 Annex B, B.9)
        ids.put("IN1", create(c1, "/api/systems/" + ids.get("S1") + "/incidents", INCIDENT_JSON));
        ids.put("IN2", create(c2, "/api/systems/" + ids.get("S2") + "/incidents", INCIDENT_JSON));
        // lifecycle plans of S1 and S2, created by their customers, each with one duty holding one evidence file
        lifecycleFixtures("1", c1, ids.get("S1"));
        lifecycleFixtures("2", c2, ids.get("S2"));
        // website monitors of S1 and S2 added by their customers on a loopback port nothing listens on, each probed
        // once: its availability alert (issue 38)
        monitorFixtures("1", c1, ids.get("S1"));
        monitorFixtures("2", c2, ids.get("S2"));
        // the customer user's API tokens: read-write, read-only, one revoked, one expired
        tokens.put(Caller.TOKEN_READ_WRITE, token(c1, "READ_WRITE"));
        tokens.put(Caller.TOKEN_READ_ONLY, token(c1, "READ_ONLY"));
        tokens.put(Caller.TOKEN_REVOKED, token(c1, "READ_WRITE"));
        UUID revoked = jdbc.sql("SELECT id FROM api_token WHERE user_id = ? ORDER BY created_at DESC")
                .param(c1.user().userId())
                .query(UUID.class)
                .list()
                .get(0);
        mvc.perform(request(HttpMethod.DELETE, "/api/account/tokens/" + revoked)
                .with(csrf())
                .with(authentication(
                        UsernamePasswordAuthenticationToken.authenticated(c1, null, c1.getAuthorities()))));
        tokens.put(Caller.TOKEN_EXPIRED, token(c1, "READ_WRITE"));
        jdbc.sql("UPDATE api_token SET expires_at = created_at WHERE lookup_id = ?")
                .param(tokens.get(Caller.TOKEN_EXPIRED).substring(3, 19))
                .update();
    }

    private void monitorFixtures(String n, AccountPrincipal customer, UUID system) throws Exception {
        UUID monitor = create(
                customer,
                "/api/systems/" + system + "/monitors",
                "{\"name\":\"\u77e9\u9635\u76d1\u6d4b\",\"url\":\"http://127.0.0.1:9/\",\"failuresBeforeAlert\":1}");
        ids.put("M" + n, monitor);
        mvc.perform(request(HttpMethod.POST, "/api/monitors/" + monitor + "/run")
                .with(csrf())
                .with(authentication(
                        UsernamePasswordAuthenticationToken.authenticated(customer, null, customer.getAuthorities()))));
        ids.put(
                "AL" + n,
                jdbc.sql("SELECT id FROM monitor_alert WHERE monitor_id = ?")
                        .param(monitor)
                        .query(UUID.class)
                        .single());
    }

    private String token(AccountPrincipal as, String scope) throws Exception {
        MvcResult r = mvc.perform(request(HttpMethod.POST, "/api/account/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"矩阵" + scope + "\",\"scope\":\"" + scope + "\",\"validDays\":30}")
                        .with(csrf())
                        .with(authentication(
                                UsernamePasswordAuthenticationToken.authenticated(as, null, as.getAuthorities()))))
                .andReturn();
        assertThat(r.getResponse().getStatus())
                .as(r.getResponse().getContentAsString())
                .isEqualTo(201);
        Matcher m = Pattern.compile("\"value\"\\s*:\\s*\"(yj_[A-Za-z0-9_]+)\"")
                .matcher(r.getResponse().getContentAsString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private void assessmentFixtures(String n, AccountPrincipal as, UUID system, UUID customer) throws Exception {
        UUID assessment = create(as, "/api/assessments", """
                {"name":"矩阵测评","systemId":"%s","assessorOrgId":"%s","assessorKind":"CUSTOMER_SELF",
                 "scope":["MLPS-L3"]}""".formatted(system, customer));
        ids.put("A" + n, assessment);
        var auth = authentication(UsernamePasswordAuthenticationToken.authenticated(as, null, as.getAuthorities()));
        String items = mvc.perform(request(HttpMethod.GET, "/api/assessments/" + assessment + "/items")
                        .with(auth))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(items);
        assertThat(m.find()).isTrue();
        UUID item = UUID.fromString(m.group(1));
        ids.put("I" + n, item);
        MvcResult upload = mvc.perform(multipart("/api/assessment-items/" + item + "/evidence")
                        .file(new MockMultipartFile(
                                "file", "证据.txt", "text/plain", "矩阵证据".getBytes(StandardCharsets.UTF_8)))
                        .with(csrf())
                        .with(auth))
                .andReturn();
        Matcher ev = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"")
                .matcher(upload.getResponse().getContentAsString());
        assertThat(ev.find()).as(upload.getResponse().getContentAsString()).isTrue();
        ids.put("EV" + n, UUID.fromString(ev.group(1)));
        mvc.perform(request(HttpMethod.PUT, "/api/assessment-items/" + item + "/verdict")
                .with(csrf())
                .with(auth)
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"LOW\",\"riskReason\":\"矩阵\"}"));
        String tasks = mvc.perform(request(HttpMethod.GET, "/api/assessments/" + assessment + "/remediations")
                        .with(auth))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher r = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(tasks);
        assertThat(r.find()).as(tasks).isTrue();
        ids.put("R" + n, UUID.fromString(r.group(1)));
        // an evidence request with one line for the item, sent by the self-assessing customer (to the party the
        // item's side names)
        String lines = mvc.perform(request(HttpMethod.POST, "/api/assessments/" + assessment + "/evidence-requests")
                        .with(csrf())
                        .with(auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"lines":[{"title":"矩阵资料","itemIds":["%s"],"dueDate":"2099-01-01"}]}""".formatted(item)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher rl = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(lines);
        assertThat(rl.find()).as(lines).isTrue();
        ids.put("RL" + n, UUID.fromString(rl.group(1)));
    }

    @Autowired
    org.springframework.boot.webmvc.actuate.endpoint.web.WebMvcEndpointHandlerMapping actuator;

    /** Every handler the application declares, as "METHOD /pattern" — the exposed actuator endpoints too. */
    List<String> endpoints() {
        Set<String> out = new TreeSet<>();
        for (RequestMappingInfo info : actuator.getHandlerMethods().keySet()) {
            for (String p : info.getPatternValues()) {
                info.getMethodsCondition().getMethods().forEach(m -> out.add(m.name() + " " + p));
            }
        }
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mappings.getHandlerMethods().entrySet()) {
            String pkg = e.getValue().getBeanType().getPackageName();
            // the application's handlers and the OpenAPI document / Swagger UI (behind login in production)
            if (!pkg.startsWith("org.yunjian") && !pkg.startsWith("org.springdoc")) {
                continue;
            }
            Set<String> patterns = e.getKey().getPatternValues();
            Set<org.springframework.web.bind.annotation.RequestMethod> methods =
                    e.getKey().getMethodsCondition().getMethods();
            for (String p : patterns) {
                if (methods.isEmpty()) {
                    out.add("GET " + p);
                } else {
                    methods.forEach(m -> out.add(m.name() + " " + p));
                }
            }
        }
        return List.copyOf(out);
    }

    @Test
    @org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.SAME_THREAD)
    void tableCoversExactlyTheDeclaredEndpoints() throws IOException {
        Set<String> inTable = new TreeSet<>();
        Map<String, Long> rowsPerEndpoint = new LinkedHashMap<>();
        // the table, read once (not once per endpoint)
        for (Row r : readTable()) {
            inTable.add(r.endpoint());
            rowsPerEndpoint.merge(r.endpoint(), 1L, Long::sum);
        }
        assertThat(inTable).as("endpoints in %s vs handlers", TABLE).containsExactlyInAnyOrderElementsOf(endpoints());
        for (String endpoint : endpoints()) {
            long rows = rowsPerEndpoint.getOrDefault(endpoint, 0L);
            long callers =
                    Stream.of(Caller.values()).filter(c -> covers(c, endpoint)).count();
            assertThat(rows)
                    .as("rows for %s (every covering caller × scope)", endpoint)
                    .isEqualTo(callers * Scope.values().length);
        }
    }

    /**
     * Every row in the H2 pass. In the PostgreSQL pass, whose risk is the database's (the decisions themselves are
     * made in Java alike on both), the rows whose answer the database decides — the business users' and the
     * tokens' (their organisation's relationships, the objects they may see, the token's state) — and of the others
     * (anonymous, the administrators: decided by the role) the first of each endpoint and status; the SQL coverage
     * check ({@code sql-coverage}) still finds every statement the H2 pass sent.
     */
    Stream<Row> rows() throws IOException {
        List<Row> all = readTable();
        if (!org.yunjian.support.PostgresForTests.requested()) {
            return all.stream();
        }
        Set<String> decided = new HashSet<>();
        return all.stream()
                .filter(r -> decided.add(r.endpoint() + " " + r.status())
                        || r.caller().token()
                        || r.caller() == Caller.CUSTOMER_USER
                        || r.caller() == Caller.PROVIDER_USER
                        || r.caller() == Caller.PROVIDER_UNASSIGNED);
    }

    /**
     * One dynamic test per row (each reported by its name), each in a transaction that is rolled back. Dynamic tests,
     * not a parameterized test: the test framework's per-test callbacks (Spring's listeners, the transaction the
     * listener opens, JUnit's extensions) cost more than a refused request itself, 9,714 times a pass
     * (docs/performance.md, issue 56).
     */
    @org.junit.jupiter.api.TestFactory
    @org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.SAME_THREAD)
    Stream<org.junit.jupiter.api.DynamicTest> callerGetsTheExpectedStatus() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("yunjian.authz.record"), "recording");
        return rows().map(row -> org.junit.jupiter.api.DynamicTest.dynamicTest(
                row.toString(), () -> assertThat(callInNewTransaction(row.endpoint(), row.caller(), row.scope()))
                        .as("%s as %s on %s object", row.endpoint(), row.caller(), row.scope())
                        .isEqualTo(row.status())));
    }

    /**
     * Writes the observed table for review: {@code -Dyunjian.authz.record=true}; only the endpoints containing
     * {@code -Dyunjian.authz.only=...} when that is set (a new feature's rows, without calling all the others), of the
     * callers whose name starts with {@code -Dyunjian.authz.caller=...} (a new caller's rows).
     */
    @Test
    @org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.SAME_THREAD)
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "yunjian.authz.record", matches = "true")
    void recordObservedTable() throws Exception {
        List<String> lines = new ArrayList<>(List.of("endpoint,caller,scope,status"));
        String only = System.getProperty("yunjian.authz.only", "");
        String caller = System.getProperty("yunjian.authz.caller", "");
        for (String endpoint : endpoints()) {
            if (!endpoint.contains(only)) {
                continue;
            }
            for (Caller c : Caller.values()) {
                if (!covers(c, endpoint) || !c.name().startsWith(caller)) {
                    continue;
                }
                for (Scope s : Scope.values()) {
                    lines.add(endpoint + "," + c + "," + s + "," + callInNewTransaction(endpoint, c, s));
                }
            }
        }
        Files.write(Path.of("target/authz-observed.csv"), lines);
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager tx;

    private int callInNewTransaction(String endpoint, Caller caller, Scope scope) throws Exception {
        var def = new org.springframework.transaction.support.DefaultTransactionDefinition(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        var status = tx.getTransaction(def);
        try {
            return call(endpoint, caller, scope);
        } finally {
            tx.rollback(status);
        }
    }

    private int call(String endpoint, Caller caller, Scope scope) throws Exception {
        int space = endpoint.indexOf(' ');
        HttpMethod method = HttpMethod.valueOf(endpoint.substring(0, space));
        String pattern = endpoint.substring(space + 1);
        String path = expand(pattern, caller, scope);
        RequestSpec spec = REQUESTS.getOrDefault(endpoint, RequestSpec.NONE);
        AbstractMockHttpServletRequestBuilder<?> b;
        if (spec.multipart() != null) {
            b = multipart(path)
                    .file(new MockMultipartFile(
                            "file",
                            "upload.bin",
                            "application/octet-stream",
                            fill(spec.multipart(), caller, scope).getBytes(StandardCharsets.UTF_8)));
        } else {
            b = request(method, path);
        }
        if (spec.json() != null) {
            b.contentType(MediaType.APPLICATION_JSON).content(fill(spec.json(), caller, scope));
        }
        if (spec.form() != null) {
            b.contentType(MediaType.APPLICATION_FORM_URLENCODED);
            spec.form().forEach((k, v) -> b.param(fill(k, caller, scope), fill(v, caller, scope)));
        }
        // an update names the version it replaces (optimistic locking): the stored one, so the row shows the
        // access decision, not a missing or stale version
        Long version = currentVersion(endpoint, path);
        if (version != null) {
            if (method == HttpMethod.PUT || method == HttpMethod.PATCH || path.startsWith("/api/")) {
                b.header("If-Match", org.yunjian.shared.version.Versions.etag(version));
            } else {
                b.param("version", String.valueOf(version));
            }
        }
        b.accept(
                path.startsWith("/api/")
                        ? MediaType.APPLICATION_JSON
                        : path.startsWith("/v3/") || path.startsWith("/actuator")
                                ? MediaType.ALL
                                : MediaType.TEXT_HTML);
        if (caller.token()) {
            // a pipeline: the bearer token and nothing else (no session, no CSRF token)
            b.header("Authorization", "Bearer " + tokens.get(caller));
        } else {
            b.with(csrf());
        }
        if (caller != Caller.ANONYMOUS && !caller.token()) {
            AccountPrincipal p = principals.get(caller);
            b.with(authentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities())));
        }
        MvcResult result = mvc.perform(b).andReturn();
        if (caller.token()) {
            // refused tokens count against the address like failed logins: keep 127.0.0.1 unblocked for other rows
            throttle.clear();
        }
        return result.getResponse().getStatus();
    }

    /** A system's 测评对象 list keeps its own version. */
    private static final String[] ASSET_LIST = {"(SELECT id, assets_version AS version FROM cloud_system) av", "id"};

    private static final String[] MATRIX = {
        "(SELECT system_id, current_version AS version FROM responsibility_matrix) m", "system_id"
    };

    /** Endpoints that update a versioned record: its table and key column (the path's first id is the key; a third element "last" takes its last id). */
    static final String[] ASSESSMENT = {"assessment", "id"};

    static final String[] REMEDIATION = {"assessment_remediation", "id"};
    static final String[] SELECTION = {"lifecycle_selection", "system_id"};
    static final String[] REQUEST_LINE = {"assessment_evidence_request_line", "id"};
    static final String[] EVIDENCE = {"assessment_evidence", "id"};
    static final String[] ITEM = {"assessment_item", "id"};
    /** A review comment keeps no version: resolving it names its assessment's. */
    static final String[] REVIEW_COMMENT = {
        "(SELECT c.id, a.version FROM assessment_review_comment c " + "JOIN assessment a ON a.id = c.assessment_id) rc",
        "id"
    };

    static final Map<String, String[]> VERSIONED = versioned(
            sameRow(
                    new String[] {"monitor", "id"},
                    "PUT /api/monitors/{id}",
                    "POST /api/monitors/{id}/pause",
                    "POST /api/monitors/{id}/resume",
                    "DELETE /api/monitors/{id}",
                    "POST /monitoring/monitors/{id}",
                    "POST /monitoring/monitors/{id}/pause",
                    "POST /monitoring/monitors/{id}/delete"),
            sameRow(
                    new String[] {"monitor_alert", "id"},
                    "POST /api/monitoring/alerts/{id}/acknowledge",
                    "POST /api/monitoring/alerts/{id}/close",
                    "POST /monitoring/alerts/{id}/acknowledge",
                    "POST /monitoring/alerts/{id}/close"),
            Map.entry("PUT /api/organizations/{id}", new String[] {"organization", "id"}),
            Map.entry("POST /organizations/{id}", new String[] {"organization", "id"}),
            Map.entry("PUT /api/systems/{id}", new String[] {"cloud_system", "id"}),
            Map.entry("POST /systems/{id}", new String[] {"cloud_system", "id"}),
            Map.entry("PUT /api/systems/{id}/private-notes", new String[] {"cloud_system_private_note", "system_id"}),
            Map.entry("POST /systems/{id}/private-notes", new String[] {"cloud_system_private_note", "system_id"}),
            Map.entry("PUT /api/systems/{id}/assets", ASSET_LIST),
            Map.entry("PUT /api/systems/{id}/assets/{assetId}", ASSET_LIST),
            Map.entry("POST /systems/{id}/assets", ASSET_LIST),
            Map.entry("PUT /api/engagements/{id}", new String[] {"engagement", "id"}),
            Map.entry("POST /engagements/{id}", new String[] {"engagement", "id"}),
            Map.entry("PUT /api/users/{id}", new String[] {"user_account", "id"}),
            Map.entry("POST /admin/users/{id}", new String[] {"user_account", "id"}),
            Map.entry("POST /api/exit-projects/{id}/transitions", new String[] {"exit_project", "id"}),
            Map.entry("POST /exit-projects/{id}/transition", new String[] {"exit_project", "id"}),
            Map.entry("PUT /api/exit-projects/{id}/provider-key", new String[] {"exit_project", "id"}),
            Map.entry("POST /exit-projects/{id}/provider-key", new String[] {"exit_project", "id"}),
            Map.entry("PUT /api/exit-projects/{id}/verifier-key", new String[] {"exit_project", "id"}),
            Map.entry("POST /exit-projects/{id}/verifier-key", new String[] {"exit_project", "id"}),
            Map.entry("POST /api/exit-projects/{id}/inventory-approval", new String[] {"exit_project", "id"}),
            Map.entry("POST /exit-projects/{id}/approve", new String[] {"exit_project", "id"}),
            // the checklist item the request spec names (item a) of the project
            Map.entry(
                    "PUT /api/exit-projects/{id}/checklist",
                    new String[] {"exit_checklist_item", "item_key = 'a' AND project_id"}),
            Map.entry(
                    "POST /exit-projects/{id}/checklist",
                    new String[] {"exit_checklist_item", "item_key = 'a' AND project_id"}),
            // the responsibility matrix of the system: its current version
            Map.entry("PUT /api/systems/{id}/responsibility/rows/{duty}", MATRIX),
            Map.entry("POST /api/systems/{id}/responsibility/rows/{duty}/hops", MATRIX),
            Map.entry("DELETE /api/systems/{id}/responsibility/rows/{duty}/hops/last", MATRIX),
            Map.entry("POST /api/systems/{id}/responsibility/agreements", MATRIX),
            Map.entry("POST /api/systems/{id}/responsibility/sign-offs", MATRIX),
            Map.entry("PUT /api/systems/{id}/responsibility/participants/{org}/roles", MATRIX),
            Map.entry("POST /api/systems/{id}/responsibility/oscal-ssp", MATRIX),
            Map.entry("POST /systems/{id}/responsibility/agreements", MATRIX),
            Map.entry("POST /systems/{id}/responsibility/sign-off", MATRIX),
            Map.entry("POST /systems/{id}/responsibility/rows/{duty}/hops", MATRIX),
            Map.entry("POST /systems/{id}/responsibility/rows/{duty}/withdraw", MATRIX),
            Map.entry("POST /systems/{id}/responsibility/participants/{org}", MATRIX),
            Map.entry("POST /systems/{id}/responsibility/oscal-ssp", MATRIX),
            // issue 36 matrix: an applicability question answered on the current version
            Map.entry("PUT /api/systems/{id}/responsibility/questions/{question}", MATRIX),
            Map.entry("POST /systems/{id}/responsibility/questions/{question}", MATRIX),
            Map.entry("POST /api/systems/{id}/responsibility/exceptions", MATRIX), // issue 36 agreements
            Map.entry("POST /systems/{id}/responsibility/exceptions", MATRIX),
            // issue 59: the client's permission to subcontract (JR/T 7.3), the customer only
            Map.entry("POST /api/systems/{id}/responsibility/agreements/consent", MATRIX),
            Map.entry("POST /systems/{id}/responsibility/agreements/consent", MATRIX),
            Map.entry("PUT /api/assessment-items/{id}/verdict", new String[] {"assessment_item", "id"}),
            Map.entry("PUT /api/assessment-items/{id}/observations", new String[] {"assessment_item", "id"}),
            Map.entry("POST /assessment-items/{id}", new String[] {"assessment_item", "id"}),
            Map.entry("POST /assessment-items/{id}/verdict", new String[] {"assessment_item", "id"}),
            Map.entry("POST /assessment-items/{id}/observations", new String[] {"assessment_item", "id"}),
            Map.entry(
                    "PUT /api/systems/{id}/lifecycle/duties/{dutyId}/status",
                    new String[] {"lifecycle_duty", "id", "last"}),
            Map.entry(
                    "POST /systems/{id}/lifecycle/duties/{dutyId}/status",
                    new String[] {"lifecycle_duty", "id", "last"}),
            Map.entry(
                    "PUT /api/systems/{id}/lifecycle/duties/{dutyId}/assignment",
                    new String[] {"lifecycle_duty", "id", "last"}),
            Map.entry(
                    "POST /systems/{id}/lifecycle/duties/{dutyId}/assignment",
                    new String[] {"lifecycle_duty", "id", "last"}),
            Map.entry(
                    "POST /api/systems/{id}/lifecycle/duties/{dutyId}/acceptance",
                    new String[] {"lifecycle_duty", "id", "last"}),
            Map.entry(
                    "POST /systems/{id}/lifecycle/duties/{dutyId}/acceptance",
                    new String[] {"lifecycle_duty", "id", "last"}),
            // issue 36 fin-lifecycle: adding the duties a plan lacks names the plan's own version
            Map.entry("POST /api/systems/{id}/lifecycle/missing-duties", new String[] {"lifecycle_plan", "system_id"}),
            Map.entry("POST /systems/{id}/lifecycle/missing-duties", new String[] {"lifecycle_plan", "system_id"}),
            Map.entry("PUT /api/systems/{id}/lifecycle/needs", new String[] {"lifecycle_needs_analysis", "system_id"}),
            Map.entry("POST /systems/{id}/lifecycle/needs", new String[] {"lifecycle_needs_analysis", "system_id"}),
            // lifecycle operation records: a {recordId} that exists nowhere (404 before any version question)
            Map.entry(
                    "PUT /api/systems/{id}/lifecycle/drills/plans/{recordId}",
                    new String[] {"lifecycle_emergency_plan", "id", "last"}),
            Map.entry(
                    "POST /systems/{id}/lifecycle/drills/plans/{recordId}",
                    new String[] {"lifecycle_emergency_plan", "id", "last"}),
            Map.entry(
                    "PUT /api/systems/{id}/lifecycle/drills/tasks/{recordId}",
                    new String[] {"lifecycle_drill_task", "id", "last"}),
            Map.entry(
                    "POST /systems/{id}/lifecycle/drills/tasks/{recordId}",
                    new String[] {"lifecycle_drill_task", "id", "last"}),
            Map.entry("PUT /api/systems/{id}/lifecycle/migration", new String[] {"lifecycle_migration_plan", "system_id"
            }),
            Map.entry("POST /systems/{id}/lifecycle/migration", new String[] {"lifecycle_migration_plan", "system_id"}),
            Map.entry(
                    "PUT /api/systems/{id}/lifecycle/migration/steps/{recordId}",
                    new String[] {"lifecycle_migration_step", "id", "last"}),
            Map.entry(
                    "POST /systems/{id}/lifecycle/migration/steps/{recordId}",
                    new String[] {"lifecycle_migration_step", "id", "last"}),
            Map.entry(
                    "POST /api/systems/{id}/lifecycle/supervision/reports/{recordId}/review",
                    new String[] {"lifecycle_supervision_report", "id", "last"}),
            Map.entry(
                    "POST /systems/{id}/lifecycle/supervision/reports/{recordId}/review",
                    new String[] {"lifecycle_supervision_report", "id", "last"}),
            Map.entry(
                    "POST /api/systems/{id}/lifecycle/supervision/changes/{recordId}/decision",
                    new String[] {"lifecycle_supervision_change", "id", "last"}),
            Map.entry(
                    "POST /systems/{id}/lifecycle/supervision/changes/{recordId}/decision",
                    new String[] {"lifecycle_supervision_change", "id", "last"}),
            // the contract clause the request spec names ({clause}) of the system
            Map.entry(
                    "PUT /api/systems/{id}/lifecycle/contract-review/clauses/{clause}",
                    new String[] {"lifecycle_contract_clause", "clause = 'GOVWEB-6.6.1-d' AND system_id"}),
            Map.entry(
                    "POST /systems/{id}/lifecycle/contract-review/clauses/{clause}",
                    new String[] {"lifecycle_contract_clause", "clause = 'GOVWEB-6.6.1-d' AND system_id"}),
            // a system's provider selection: one version for the whole selection (a system without a row is at 0)
            sameRow(
                    SELECTION,
                    "PUT /api/systems/{id}/lifecycle/selection/candidates/{candidate}/judgements/{criterion}",
                    "POST /systems/{id}/lifecycle/selection/candidates/{candidate}/judgements/{criterion}",
                    "PUT /api/systems/{id}/lifecycle/selection/decision",
                    "POST /systems/{id}/lifecycle/selection/decision",
                    "DELETE /api/systems/{id}/lifecycle/selection/candidates/{candidate}",
                    "POST /systems/{id}/lifecycle/selection/candidates/{candidate}/remove"),
            // the assessment record: its team and report template
            sameRow(
                    ASSESSMENT,
                    "PUT /api/assessments/{id}/team",
                    "POST /assessments/{id}/team",
                    "PUT /api/assessments/{id}/report-template",
                    "POST /assessments/{id}/report-template"),
            // the review decisions: changes of the assessment record, naming its version
            sameRow(
                    ASSESSMENT,
                    "POST /api/assessments/{id}/review/submit",
                    "POST /assessments/{id}/review/submit",
                    "POST /api/assessments/{id}/review/send-back",
                    "POST /assessments/{id}/review/send-back",
                    "POST /api/assessments/{id}/review/approve",
                    "POST /assessments/{id}/review/approve",
                    "POST /api/assessments/{id}/review/approve-report",
                    "POST /assessments/{id}/review/approve-report",
                    "POST /api/assessments/{id}/review/return",
                    "POST /assessments/{id}/review/return"),
            sameRow(REVIEW_COMMENT, "POST /api/review-comments/{id}/resolve", "POST /review-comments/{id}/resolve"),
            // a risk register entry: its remediation task, risk plan, acceptance and milestones
            sameRow(
                    REMEDIATION,
                    "PUT /api/remediations/{id}",
                    "PUT /api/remediations/{id}/plan",
                    "POST /api/remediations/{id}/acceptance/approval",
                    "POST /api/remediations/{id}/milestones",
                    "PUT /api/remediations/{id}/milestones/{milestoneId}",
                    "DELETE /api/remediations/{id}/milestones/{milestoneId}",
                    "POST /remediations/{id}",
                    "POST /remediations/{id}/plan",
                    "POST /remediations/{id}/approval",
                    "POST /remediations/{id}/progress",
                    "POST /remediations/{id}/milestones",
                    "POST /remediations/{id}/milestones/{milestoneId}",
                    "POST /remediations/{id}/milestones/{milestoneId}/delete"),
            // an evidence request line: its answer, decision and addressee
            sameRow(
                    REQUEST_LINE,
                    "POST /api/evidence-request-lines/{id}/evidence",
                    "PUT /api/evidence-request-lines/{id}/decision",
                    "PUT /api/evidence-request-lines/{id}/addressee",
                    "POST /evidence-request-lines/{id}/evidence",
                    "POST /evidence-request-lines/{id}/decision",
                    "POST /evidence-request-lines/{id}/addressee"),
            // an evidence record: its validity, sharing and links (the item page's link form names the chosen
            // file's version in its own field, filled by the request spec)
            sameRow(
                    EVIDENCE,
                    "PUT /api/evidence/{id}/validity",
                    "PUT /api/evidence/{id}/shared",
                    "POST /api/evidence/{id}/links",
                    "DELETE /api/evidence/{id}/links/{itemId}",
                    "POST /evidence/{id}/validity",
                    "POST /evidence/{id}/shared",
                    "POST /evidence/{id}/links",
                    "POST /evidence/{id}/unlink",
                    "DELETE /api/evidence/{id}",
                    "POST /evidence/{id}/delete"),
            // an item's inheritance is a change of the item; the assessment's, of the assessment
            sameRow(
                    ITEM,
                    "PUT /api/assessment-items/{id}/inheritance",
                    "DELETE /api/assessment-items/{id}/inheritance",
                    "POST /assessment-items/{id}/inheritance",
                    "POST /assessment-items/{id}/inheritance/withdraw"),
            sameRow(
                    ASSESSMENT,
                    "POST /api/assessments/{id}/inheritance",
                    "DELETE /api/assessments/{id}/inheritance",
                    "POST /assessments/{id}/inheritance",
                    "POST /assessments/{id}/inheritance/withdraw"));

    /** Several endpoints that name the version of the same row (one {@code table} spec for all). */
    private static Map<String, String[]> sameRow(String[] table, String... endpoints) {
        Map<String, String[]> out = new java.util.LinkedHashMap<>();
        for (String e : endpoints) {
            out.put(e, table);
        }
        return out;
    }

    /** The {@code VERSIONED} map from single entries and {@link #sameRow} groups. */
    @SuppressWarnings("unchecked")
    private static Map<String, String[]> versioned(Object... entriesAndGroups) {
        Map<String, String[]> out = new java.util.HashMap<>();
        for (Object o : entriesAndGroups) {
            if (o instanceof Map.Entry<?, ?> e) {
                out.put((String) e.getKey(), (String[]) e.getValue());
            } else {
                ((Map<String, String[]>) o).forEach(out::put);
            }
        }
        return Map.copyOf(out);
    }

    private static final Pattern FIRST_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Long currentVersion(String endpoint, String path) {
        String[] table = VERSIONED.get(endpoint);
        if (table == null) {
            return null;
        }
        Matcher m = FIRST_ID.matcher(path);
        boolean last = table.length > 2 && "last".equals(table[2]);
        String key = null;
        while (m.find()) {
            key = m.group();
            if (!last) {
                break;
            }
        }
        if (key == null) {
            return null;
        }
        return jdbc.sql("SELECT version FROM " + table[0] + " WHERE " + table[1] + " = ?")
                .param(UUID.fromString(key))
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** Path variables: {id} is the object of the endpoint's kind, own or other. */
    private String expand(String pattern, Caller caller, Scope scope) {
        if (pattern.startsWith("/actuator")) {
            // a health group and a metric that exist in every installation
            return pattern.replace("/{*path}", "/liveness")
                    .replace("/**", "/liveness")
                    .replace("{requiredMetricName}", "jvm.memory.used");
        }
        String[] segments = pattern.replaceFirst("^/api", "").split("/");
        String kind = segments.length > 1 ? segments[1] : "";
        if (kind.equals("catalog")) {
            // the catalog is shared reference data: the same requirement for every caller and scope
            return pattern.replace("{id}", "MLPS-L3-8.2.4.7-a").replace("{code}", "GBT31167");
        }
        UUID id =
                switch (kind) {
                    case "organizations" -> scope == Scope.own ? ownOrg(caller) : ids.get("C2");
                    case "systems", "dashboard" -> ids.get(scope == Scope.own ? "S1" : "S2");
                    case "engagements" -> ids.get(scope == Scope.own ? "E1" : "E2");
                    case "users", "admin" -> ids.get(scope == Scope.own ? "U1" : "U2");
                    // an organisation administrator's own organisation's account, or another's (issue 35)
                    case "organization" -> ids.get(scope == Scope.own ? "U1" : "U2");
                    // an invitation that exists nowhere (InvitationTests revokes real ones)
                    case "invitations" -> UUID.fromString("00000000-0000-0000-0000-0000000019a1");
                    // a participation request that exists nowhere (ParticipationRequestTests decides real ones)
                    case "participation-requests" -> UUID.fromString("00000000-0000-0000-0000-0000000019a2");
                    case "assessments" -> ids.get(scope == Scope.own ? "A1" : "A2");
                    case "assessment-items" -> ids.get(scope == Scope.own ? "I1" : "I2");
                    // imported findings (issue 60): an import and a placement that exist nowhere (FindingImportTests
                    // covers real ones across organisations)
                    case "finding-imports", "imported-findings" ->
                        UUID.fromString("00000000-0000-0000-0000-0000000f1d01");
                    case "evidence" -> ids.get(scope == Scope.own ? "EV1" : "EV2");
                    case "remediations" -> ids.get(scope == Scope.own ? "R1" : "R2");
                    // a review comment that exists nowhere (ReviewApiTests resolves real ones)
                    case "review-comments" -> UUID.fromString("00000000-0000-0000-0000-00000000c0de");
                    case "exit-projects" -> ids.get(scope == Scope.own ? "X1" : "X2");
                    // an API token that exists nowhere (ApiTokenTests revokes real ones)
                    case "account" -> UUID.fromString("00000000-0000-0000-0000-00000000070c");
                    case "evidence-request-lines" -> ids.get(scope == Scope.own ? "RL1" : "RL2");
                    // a notification that exists nowhere (NotificationDeliveryTests reads and marks real ones)
                    case "notifications" -> UUID.fromString("00000000-0000-0000-0000-0000000000b1");
                    case "monitors" -> ids.get(scope == Scope.own ? "M1" : "M2");
                    // a directory connection that exists nowhere (DirectoryConnectionTests switches real ones off)
                    case "directories" -> UUID.fromString("00000000-0000-0000-0000-0000000d1c00");
                    // /monitoring/monitors/{id}, /monitoring/alerts/{id}, /api/monitoring/alerts/{id}
                    case "monitoring" ->
                        segments.length > 2 && segments[2].equals("alerts")
                                ? ids.get(scope == Scope.own ? "AL1" : "AL2")
                                : ids.get(scope == Scope.own ? "M1" : "M2");
                    default -> null;
                };
        // the matrix's exit projects hold no uploaded files: a record id that exists nowhere (ExitProjectApiTests
        // downloads real ones)
        // a responsibility matrix's first version and a duty the provider answers for (T/CCIA 004-2024 6.2 b))
        if (kind.equals("assessments") || kind.equals("evidence")) {
            // an assessment's evidence file, and an item an evidence file is linked to
            pattern = pattern.replace("{evidenceId}", String.valueOf(ids.get(scope == Scope.own ? "EV1" : "EV2")))
                    .replace("{itemId}", String.valueOf(ids.get(scope == Scope.own ? "I1" : "I2")));
        }
        return pattern.replace("{id}", String.valueOf(id))
                .replace("{recordId}", "00000000-0000-0000-0000-00000000f11e")
                .replace("{version}", "1")
                .replace("{revision}", "1")
                // a month of a system's 安全运行报告 that is over
                .replace("{month}", "2026-10")
                .replace("{duty}", "TCCIA004-6.2-b")
                .replace("{question}", "CUSTOMER_RUNS_MACHINE_ROOM")
                .replace("{org}", String.valueOf(ids.get(scope == Scope.own ? "P1" : "P2")))
                // an incident recorded against the system, and an Annex B incident of the standard
                .replace("{incidentId}", String.valueOf(ids.get(scope == Scope.own ? "IN1" : "IN2")))
                .replace("{incident}", "TCCIA004-B-9")
                // a 测评对象 of the system
                .replace("{assetId}", String.valueOf(ids.get(scope == Scope.own ? "AS1" : "AS2")))
                // lifecycle acquisition documents: a candidate of the selection, a criterion and a contract clause of
                // the government-website guide, an evidence file that exists nowhere
                .replace("{candidate}", String.valueOf(ids.get(scope == Scope.own ? "CA1" : "CA2")))
                .replace("{criterion}", "GOVWEB-6.5-a-1")
                .replace("{clause}", "GOVWEB-6.6.1-d")
                .replace("{evidence}", "00000000-0000-0000-0000-00000000e71d")
                // a view of the matrix offered for the government websites S1 and S2
                .replace("{view}", "gov")
                // a duty of the system's lifecycle plan, an evidence file of it, and its first phase
                .replace("{dutyId}", String.valueOf(ids.get(scope == Scope.own ? "LD1" : "LD2")))
                .replace("{evidenceId}", String.valueOf(ids.get(scope == Scope.own ? "LE1" : "LE2")))
                .replace("{phase}", "PLANNING")
                // any other object of a lifecycle document (a candidate, step, drill, report…): one that exists
                // nowhere, so access to the system is decided first and an own object is then 404
                .replaceAll("\\{[A-Za-z]+\\}", "00000000-0000-0000-0000-0000000000aa");
    }

    private UUID ownOrg(Caller caller) {
        return caller == Caller.PROVIDER_USER || caller == Caller.PROVIDER_UNASSIGNED ? ids.get("P1") : ids.get("C1");
    }

    /** Body placeholders: ${customer}, ${provider}, ${system}, ${org} for the scope; fresh names and codes. */
    private String fill(String template, Caller caller, Scope scope) {
        boolean own = scope == Scope.own;
        return template.replace("${org}", String.valueOf(own ? ownOrg(caller) : ids.get("C2")))
                .replace("${customer}", String.valueOf(ids.get(own ? "C1" : "C2")))
                .replace("${provider}", String.valueOf(ids.get(own ? "P1" : "P2")))
                .replace("${system}", String.valueOf(ids.get(own ? "S1" : "S2")))
                .replace("${engagement}", String.valueOf(ids.get(own ? "E1" : "E2")))
                .replace("${creditCode}", creditCode())
                .replace(
                        "${lifecycleDutyVersion}",
                        template.contains("${lifecycleDutyVersion}")
                                ? String.valueOf(
                                        IfMatch.stored(jdbc, "lifecycle_duty", "id", ids.get(own ? "LD1" : "LD2")))
                                : "")
                .replace("${lifecycleDuty}", String.valueOf(ids.get(own ? "LD1" : "LD2")))
                .replace("${assessment}", String.valueOf(ids.get(own ? "A1" : "A2")))
                .replace("${item}", String.valueOf(ids.get(own ? "I1" : "I2")))
                .replace(
                        "${evidenceVersion}",
                        template.contains("${evidenceVersion}")
                                ? String.valueOf(
                                        IfMatch.stored(jdbc, "assessment_evidence", "id", ids.get(own ? "EV1" : "EV2")))
                                : "")
                .replace("${evidence}", String.valueOf(ids.get(own ? "EV1" : "EV2")))
                .replace("${rand}", Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000)));
    }

    record RequestSpec(String json, Map<String, String> form, String multipart) {
        static final RequestSpec NONE = new RequestSpec(null, null, null);

        static RequestSpec json(String json) {
            return new RequestSpec(json, null, null);
        }

        static RequestSpec form(Map<String, String> form) {
            return new RequestSpec(null, form, null);
        }

        static RequestSpec file(String content) {
            return new RequestSpec(null, null, content);
        }
    }

    static final String SYSTEM_JSON = """
            {"name":"矩阵新系统${rand}","customerId":"${customer}","protectionLevel":"3","deploymentModel":"PUBLIC",
             "serviceModel":"IAAS","industry":"OTHER","dataClassification":"GENERAL","regions":["北京"],
             "providerId":"${provider}","agents":[]}""";
    static final Map<String, String> SYSTEM_FORM = Map.of(
            "name",
            "矩阵表单系统${rand}",
            "customerId",
            "${customer}",
            "protectionLevel",
            "3",
            "deploymentModel",
            "PUBLIC",
            "serviceModel",
            "IAAS",
            "industry",
            "OTHER",
            "dataClassification",
            "GENERAL",
            "regions",
            "北京",
            "providerId",
            "${provider}");
    static final String ENGAGEMENT_JSON = """
            {"name":"矩阵新项目${rand}","systemId":"${system}","phase":"OPERATION","description":"矩阵",
             "participants":[{"organizationId":"${customer}","role":"CUSTOMER"}]}""";
    static final Map<String, String> ENGAGEMENT_FORM = Map.of(
            "name",
            "矩阵表单项目${rand}",
            "systemId",
            "${system}",
            "phase",
            "OPERATION",
            "description",
            "矩阵",
            "participantIds",
            "${customer}",
            "participantRoles",
            "CUSTOMER");
    static final String ORGANIZATION_JSON = """
            {"name":"矩阵新组织${rand}","creditCode":"${creditCode}","region":"北京","roles":["CUSTOMER"]}""";
    static final Map<String, String> ORGANIZATION_FORM =
            Map.of("name", "矩阵表单组织${rand}", "creditCode", "${creditCode}", "region", "北京", "roles", "CUSTOMER");

    static final String ASSET_JSON = """
            {"type":"DATABASE","name":"矩阵数据库","version":"15","importance":"KEY","note":"矩阵"}""";
    static final String ASSET_LIST_JSON = "{\"assets\":[" + ASSET_JSON + "]}";
    static final Map<String, String> ASSET_FORM =
            Map.of("rows[0].type", "DATABASE", "rows[0].name", "矩阵表单数据库", "rows[0].importance", "KEY");

    static final String INCIDENT_JSON = """
            {"incident":"TCCIA004-B-9","occurredAt":"2026-11-20T16:30","title":"矩阵事件","description":"矩阵"}""";

    static final Map<String, RequestSpec> REQUESTS = Map.ofEntries(
            Map.entry("POST /api/organizations", RequestSpec.json(ORGANIZATION_JSON)),
            // issue 35 invite: valid requests, so the decision recorded is who may invite and manage organisation users
            Map.entry(
                    "POST /api/invitations",
                    RequestSpec.json(
                            "{\"email\":\"mx${rand}@example.cn\","
                                    + "\"displayName\":\"矩阵受邀人\",\"organizationId\":\"${provider}\",\"systemId\":\"${system}\"}")),
            Map.entry(
                    "POST /invitations",
                    RequestSpec.form(Map.of(
                            "email",
                            "mx${rand}@example.cn",
                            "displayName",
                            "矩阵受邀人",
                            "organizationId",
                            "${provider}",
                            "systemId",
                            "${system}"))),
            Map.entry("POST /invitations/{id}/revoke", RequestSpec.form(Map.of("confirm", "true"))),
            // issue 57: a valid request to the provider, so the decision recorded is who may ask
            Map.entry(
                    "POST /api/participation-requests",
                    RequestSpec.json("{\"systemId\":\"${system}\",\"engagementId\":\"${engagement}\","
                            + "\"organizationId\":\"${provider}\",\"role\":\"PARTNER_SOFTWARE\"}")),
            Map.entry(
                    "POST /participation-requests",
                    RequestSpec.form(Map.of(
                            "systemId",
                            "${system}",
                            "engagementId",
                            "${engagement}",
                            "organizationId",
                            "${provider}",
                            "role",
                            "PARTNER_SOFTWARE"))),
            Map.entry("POST /api/participation-requests/{id}/accept", RequestSpec.json("{\"people\":[]}")),
            Map.entry("POST /api/participation-requests/{id}/decline", RequestSpec.json("{\"reason\":\"矩阵\"}")),
            Map.entry(
                    "POST /participation-requests/{id}/decline",
                    RequestSpec.form(Map.of("reason", "矩阵", "confirm", "true"))),
            Map.entry("POST /participation-requests/{id}/withdraw", RequestSpec.form(Map.of("confirm", "true"))),
            Map.entry("POST /organization/users/{id}/remove", RequestSpec.form(Map.of("confirm", "true"))),
            Map.entry(
                    "POST /api/organizations/{id}/administrator-invitations",
                    RequestSpec.json("{\"email\":\"mxa${rand}@example.cn\",\"displayName\":\"矩阵管理员\"}")),
            Map.entry(
                    "POST /organizations/{id}/administrator-invitations",
                    RequestSpec.form(Map.of("email", "mxa${rand}@example.cn", "displayName", "矩阵管理员"))),
            Map.entry(
                    "POST /api/organization/users",
                    RequestSpec.json("{\"username\":\"mxo${rand}\","
                            + "\"displayName\":\"矩阵同事\",\"password\":\"Matrix-Org-Pass-2026!\"}")),
            Map.entry(
                    "POST /organization/users",
                    RequestSpec.form(Map.of(
                            "username", "mxo${rand}", "displayName", "矩阵同事", "password", "Matrix-Org-Pass-2026!"))),
            Map.entry("PUT /api/organization/users/{id}", RequestSpec.json("{\"enabled\":true}")),
            // issue 57, need to know: an administrator assigns a member to the scope's system, gives the grant
            Map.entry(
                    "POST /api/organization/members/{id}/assignments",
                    RequestSpec.json("{\"systemId\":\"${system}\"}")),
            Map.entry("PUT /api/organization/members/{id}/whole-organization", RequestSpec.json("{\"granted\":true}")),
            Map.entry(
                    "POST /organization/membership/{id}/assignments", RequestSpec.form(Map.of("system", "${system}"))),
            Map.entry(
                    "POST /organization/membership/{id}/whole-organization",
                    RequestSpec.form(Map.of("granted", "true"))),
            // directory sign-in (issue 57.6): a valid LDAP connection, so the decision recorded is who may keep one
            Map.entry(
                    "PUT /api/organization/directory",
                    RequestSpec.json("{\"kind\":\"LDAP\",\"loginDomain\":\"mx${rand}.example\","
                            + "\"ldapUrl\":\"ldap://127.0.0.1:9\",\"baseDn\":\"dc=mx,dc=example\","
                            + "\"userDnPattern\":\"uid={0},dc=mx,dc=example\",\"groupDn\":\"cn=g,dc=mx,dc=example\"}")),
            Map.entry(
                    "POST /organization/directory",
                    RequestSpec.form(Map.of(
                            "kind", "LDAP",
                            "loginDomain", "mx${rand}.example",
                            "ldapUrl", "ldap://127.0.0.1:9",
                            "baseDn", "dc=mx,dc=example",
                            "userDnPattern", "uid={0},dc=mx,dc=example",
                            "groupDn", "cn=g,dc=mx,dc=example"))),
            Map.entry("POST /organization/directory/enabled", RequestSpec.form(Map.of("enabled", "true"))),
            Map.entry("POST /login/directory/oidc", RequestSpec.form(Map.of("domain", "nowhere.example"))),
            Map.entry(
                    "POST /api/organization/users/{id}/password",
                    RequestSpec.json("{\"password\":\"Matrix-Org-Pass-2026!x\"}")),
            Map.entry(
                    "POST /organization/users/{id}/password",
                    RequestSpec.form(Map.of("password", "Matrix-Org-Pass-2026!x"))),
            Map.entry("POST /organization/users/{id}/enabled", RequestSpec.form(Map.of("enabled", "true"))),
            Map.entry(
                    "POST /organization/users/{id}/org-admin",
                    RequestSpec.form(Map.of("orgAdmin", "false", "confirm", "true"))),
            // API tokens (issue 15): a valid request, so the decision recorded is who may create one
            Map.entry(
                    "POST /api/account/tokens",
                    RequestSpec.json("{\"name\":\"矩阵令牌${rand}\",\"scope\":\"READ_ONLY\",\"validDays\":7}")),
            Map.entry(
                    "POST /account/tokens",
                    RequestSpec.form(Map.of("name", "矩阵令牌${rand}", "scope", "READ_ONLY", "validDays", "7"))),
            Map.entry("POST /account/tokens/{id}/revoke", RequestSpec.form(Map.of("confirm", "true"))),
            Map.entry("POST /admin/users/{id}/tokens/{tokenId}/revoke", RequestSpec.form(Map.of("confirm", "true"))),
            Map.entry("PUT /api/organizations/{id}", RequestSpec.json(ORGANIZATION_JSON)),
            // an organisation's harmful-content word list (issue 38): a version of one word
            Map.entry("POST /api/organizations/{id}/word-lists", RequestSpec.file("矩阵违规词\n")),
            Map.entry("POST /organizations/{id}/word-lists", RequestSpec.file("矩阵违规词\n")),
            Map.entry("POST /organizations", RequestSpec.form(ORGANIZATION_FORM)),
            Map.entry("POST /organizations/{id}", RequestSpec.form(ORGANIZATION_FORM)),
            Map.entry("POST /api/systems", RequestSpec.json(SYSTEM_JSON)),
            Map.entry("PUT /api/systems/{id}", RequestSpec.json(SYSTEM_JSON)),
            Map.entry("POST /systems", RequestSpec.form(SYSTEM_FORM)),
            Map.entry("POST /systems/{id}", RequestSpec.form(SYSTEM_FORM)),
            Map.entry("PUT /api/systems/{id}/private-notes", RequestSpec.json("{\"notes\":\"矩阵备注\"}")),
            Map.entry("POST /systems/{id}/private-notes", RequestSpec.form(Map.of("notes", "矩阵备注"))),
            Map.entry("POST /api/systems/{id}/assets", RequestSpec.json(ASSET_JSON)),
            Map.entry("PUT /api/systems/{id}/assets", RequestSpec.json(ASSET_LIST_JSON)),
            Map.entry("PUT /api/systems/{id}/assets/{assetId}", RequestSpec.json(ASSET_JSON)),
            Map.entry("POST /systems/{id}/assets", RequestSpec.form(ASSET_FORM)),
            Map.entry("POST /organizations/{id}/delete", RequestSpec.form(Map.of("confirm", "true"))),
            Map.entry("POST /systems/{id}/delete", RequestSpec.form(Map.of("confirm", "true"))),
            Map.entry("POST /engagements/{id}/delete", RequestSpec.form(Map.of("confirm", "true"))),
            Map.entry("POST /api/engagements", RequestSpec.json(ENGAGEMENT_JSON)),
            Map.entry("PUT /api/engagements/{id}", RequestSpec.json(ENGAGEMENT_JSON)),
            Map.entry("POST /engagements", RequestSpec.form(ENGAGEMENT_FORM)),
            Map.entry("POST /engagements/{id}", RequestSpec.form(ENGAGEMENT_FORM)),
            Map.entry(
                    "POST /api/import/organizations",
                    RequestSpec.file("name,creditCode,region,roles\n矩阵导入组织${rand},${creditCode},北京,CUSTOMER\n")),
            Map.entry("POST /api/import/systems", RequestSpec.file("[]")),
            // not an OSCAL catalog: refused with 400 once access is granted, so the shared catalog stays unchanged
            Map.entry("POST /api/catalog/import", RequestSpec.file("{}")),
            Map.entry("POST /catalog/import", RequestSpec.file("{}")),
            Map.entry("GET /api/catalog/search", RequestSpec.form(Map.of("q", "剩余信息"))),
            Map.entry(
                    "POST /organizations/import",
                    RequestSpec.file("name,creditCode,region,roles\n矩阵导入组织${rand},${creditCode},北京,CUSTOMER\n")),
            Map.entry("POST /systems/import", RequestSpec.file("[]")),
            Map.entry("POST /api/users", RequestSpec.json("""
                    {"username":"mx-new-${rand}","displayName":"矩阵新用户","role":"AUDIT_ADMIN",
                     "password":"Matrix-Passw0rd-Long"}""")),
            Map.entry("PUT /api/users/{id}", RequestSpec.json("{\"displayName\":\"矩阵改名\"}")),
            Map.entry("POST /api/users/{id}/password", RequestSpec.json("{\"password\":\"Matrix-Reset-Passw0rd\"}")),
            Map.entry(
                    "POST /admin/users/new",
                    RequestSpec.form(Map.of(
                            "username",
                            "mx-form-${rand}",
                            "displayName",
                            "矩阵表单用户",
                            "role",
                            "AUDIT_ADMIN",
                            "password",
                            "Matrix-Passw0rd-Long"))),
            Map.entry(
                    "POST /admin/users/{id}",
                    RequestSpec.form(Map.of(
                            "displayName", "矩阵改名", "role", "USER", "organizationId", "${org}", "enabled", "true"))),
            Map.entry("POST /admin/users/{id}/password", RequestSpec.form(Map.of("password", "Matrix-Reset-Passw0rd"))),
            Map.entry(
                    "POST /api/account/password",
                    RequestSpec.json(
                            "{\"currentPassword\":\"Matrix-Passw0rd-Long\",\"newPassword\":\"Matrix-Changed-Passw0rd\"}")),
            Map.entry(
                    "POST /account/password",
                    RequestSpec.form(Map.of(
                            "currentPassword",
                            "Matrix-Passw0rd-Long",
                            "newPassword",
                            "Matrix-Changed-Passw0rd",
                            "confirmPassword",
                            "Matrix-Changed-Passw0rd"))),
            Map.entry(
                    "POST /setup",
                    RequestSpec.form(Map.of(
                            "token",
                            "not-a-token",
                            "username",
                            "mx-setup",
                            "displayName",
                            "矩阵",
                            "password",
                            "Matrix-Passw0rd-Long"))),
            Map.entry("POST /login/totp", RequestSpec.form(Map.of("code", "000000"))),
            Map.entry("POST /api/assessments", RequestSpec.json("""
                    {"name":"矩阵新测评${rand}","systemId":"${system}","assessorOrgId":"${customer}",
                     "assessorKind":"CUSTOMER_SELF","scope":["GBT31167"]}""")),
            Map.entry("POST /api/assessments/{id}/transitions", RequestSpec.json("{\"to\":\"IN_PROGRESS\"}")),
            // review and sign-off: the matrix's caller is the assessment's tester, refused (403) wherever only the
            // reviewer or the approver may act — the separation of duties as an access decision
            Map.entry("PUT /api/assessments/{id}/team", RequestSpec.json("{\"testers\":[]}")),
            Map.entry("POST /api/assessments/{id}/review/send-back", RequestSpec.json("{\"comment\":\"矩阵\"}")),
            Map.entry("POST /api/assessments/{id}/review/approve", RequestSpec.json("{}")),
            Map.entry("POST /api/assessments/{id}/review/approve-report", RequestSpec.json("{\"confirm\":true}")),
            Map.entry("POST /api/assessments/{id}/review/return", RequestSpec.json("{\"comment\":\"矩阵\"}")),
            Map.entry("POST /assessments/{id}/review/send-back", RequestSpec.form(Map.of("comment", "矩阵"))),
            Map.entry("POST /assessments/{id}/review/approve-report", RequestSpec.form(Map.of("confirm", "true"))),
            Map.entry("POST /assessments/{id}/review/return", RequestSpec.form(Map.of("comment", "矩阵"))),
            // evidence requests and reuse (issue 14 item 3)
            Map.entry("POST /api/assessments/{id}/evidence-requests", RequestSpec.json("""
                    {"lines":[{"title":"矩阵资料${rand}","itemIds":["${item}"],"dueDate":"2099-01-01"}]}""")),
            Map.entry("GET /api/assessments/{id}/evidence-routing", RequestSpec.form(Map.of("itemId", "${item}"))),
            Map.entry("POST /api/evidence-request-lines/{id}/evidence", RequestSpec.file("矩阵资料文本")),
            Map.entry(
                    "PUT /api/evidence-request-lines/{id}/decision",
                    RequestSpec.json("{\"accept\":false,\"comment\":\"矩阵\"}")),
            Map.entry(
                    "PUT /api/evidence-request-lines/{id}/addressee", RequestSpec.json("{\"addressee\":\"CUSTOMER\"}")),
            Map.entry("PUT /api/evidence/{id}/validity", RequestSpec.json("{\"validUntil\":\"2099-01-01\"}")),
            Map.entry(
                    "POST /api/evidence/{id}/links",
                    RequestSpec.json("{\"assessmentId\":\"${assessment}\",\"itemIds\":[\"${item}\"]}")),
            // the carried file's version in the body (the path names the assessment)
            Map.entry(
                    "POST /api/assessments/{id}/carried-evidence",
                    RequestSpec.json(
                            "{\"evidenceId\":\"${evidence}\",\"itemIds\":[\"${item}\"],\"version\":${evidenceVersion}}")),
            Map.entry(
                    "POST /assessments/{id}/evidence-requests",
                    RequestSpec.form(Map.of(
                            "lineCount",
                            "1",
                            "lines[0].title",
                            "矩阵资料${rand}",
                            "lines[0].itemIds",
                            "${item}",
                            "lines[0].dueDate",
                            "2099-01-01"))),
            Map.entry("POST /evidence-request-lines/{id}/evidence", RequestSpec.file("矩阵资料文本")),
            Map.entry(
                    "POST /evidence-request-lines/{id}/decision",
                    RequestSpec.form(Map.of("accept", "false", "comment", "矩阵"))),
            Map.entry("POST /evidence-request-lines/{id}/addressee", RequestSpec.form(Map.of("addressee", "CUSTOMER"))),
            Map.entry(
                    "POST /evidence/{id}/links",
                    RequestSpec.form(Map.of("assessmentId", "${assessment}", "itemId", "${item}"))),
            Map.entry("POST /evidence/{id}/unlink", RequestSpec.form(Map.of("itemId", "${item}"))),
            Map.entry(
                    "POST /evidence/{id}/validity",
                    RequestSpec.form(Map.of("itemId", "${item}", "validUntil", "2099-01-01"))),
            Map.entry(
                    "POST /assessments/{id}/carried-evidence",
                    RequestSpec.form(Map.of(
                            "evidenceId",
                            "${evidence}",
                            "itemId",
                            "${item}",
                            "version-${evidence}",
                            "${evidenceVersion}"))),
            Map.entry(
                    "POST /assessment-items/{id}/linked-evidence",
                    RequestSpec.form(Map.of("evidenceId", "${evidence}", "version-${evidence}", "${evidenceVersion}"))),
            Map.entry("PUT /api/assessment-items/{id}/verdict", RequestSpec.json("{\"verdict\":\"COMPLIANT\"}")),
            Map.entry("PUT /api/assessment-items/{id}/observations", RequestSpec.json("{\"observations\":\"矩阵\"}")),
            Map.entry(
                    "POST /api/assessment-items/{id}/interviews",
                    RequestSpec.json("{\"interviewee\":\"矩阵\",\"role\":\"管理员\",\"heldAt\":\"2026-11-20T08:00:00Z\"}")),
            Map.entry("POST /api/assessment-items/{id}/evidence", RequestSpec.file("矩阵证据文本")),
            Map.entry("PUT /api/evidence/{id}/shared", RequestSpec.json("{\"shared\":true}")),
            Map.entry("PUT /api/remediations/{id}", RequestSpec.json("{\"status\":\"IN_PROGRESS\"}")),
            Map.entry("PUT /api/assessments/{id}/report-template", RequestSpec.json("{\"template\":\"2025\"}")),
            Map.entry("POST /assessments/{id}/report-template", RequestSpec.form(Map.of("template", "T2025"))),
            Map.entry(
                    "POST /assessments",
                    RequestSpec.form(Map.of(
                            "name",
                            "矩阵表单测评${rand}",
                            "systemId",
                            "${system}",
                            "assessor",
                            "CUSTOMER_SELF:${customer}",
                            "scope",
                            "GBT31167"))),
            Map.entry("POST /assessments/{id}/transition", RequestSpec.form(Map.of("to", "IN_PROGRESS"))),
            Map.entry("POST /assessment-items/{id}/verdict", RequestSpec.form(Map.of("verdict", "COMPLIANT"))),
            // the workbench (issue 14 item 2): the item's one form and table mode; an empty batch changes nothing
            Map.entry("POST /assessment-items/{id}", RequestSpec.form(Map.of("observations", "矩阵"))),
            Map.entry("POST /assessments/{id}/table", RequestSpec.form(Map.of("page", "1"))),
            Map.entry("PUT /api/assessments/{id}/verdicts", RequestSpec.json("[]")),
            Map.entry("POST /assessment-items/{id}/observations", RequestSpec.form(Map.of("observations", "矩阵"))),
            Map.entry(
                    "POST /assessment-items/{id}/interviews",
                    RequestSpec.form(Map.of("interviewee", "矩阵", "role", "管理员", "heldAt", "2026-11-20T08:00"))),
            Map.entry("POST /assessment-items/{id}/evidence", RequestSpec.file("矩阵证据文本")),
            Map.entry("POST /evidence/{id}/shared", RequestSpec.form(Map.of("shared", "true"))),
            Map.entry("POST /remediations/{id}", RequestSpec.form(Map.of("status", "IN_PROGRESS"))),
            // risk and remediation register (issue 14 item 6): a milestone id that exists nowhere, so a granted
            // caller ends in 404 there
            Map.entry(
                    "PUT /api/remediations/{id}/plan",
                    RequestSpec.json("{\"treatment\":\"REMEDIATE\",\"dueDate\":\"2027-03-31\"}")),
            Map.entry(
                    "POST /api/remediations/{id}/milestones",
                    RequestSpec.json("{\"description\":\"矩阵\",\"targetDate\":\"2027-01-31\"}")),
            Map.entry(
                    "PUT /api/remediations/{id}/milestones/{milestoneId}",
                    RequestSpec.json("{\"doneOn\":\"2026-11-20\"}")),
            Map.entry(
                    "POST /remediations/{id}/plan",
                    RequestSpec.form(Map.of("treatment", "REMEDIATE", "dueDate", "2027-03-31"))),
            Map.entry("POST /remediations/{id}/progress", RequestSpec.form(Map.of("status", "IN_PROGRESS"))),
            Map.entry("POST /remediations/{id}/approval", RequestSpec.form(Map.of("confirm", "true"))),
            Map.entry(
                    "POST /remediations/{id}/milestones",
                    RequestSpec.form(Map.of("description", "矩阵", "targetDate", "2027-01-31"))),
            Map.entry(
                    "POST /remediations/{id}/milestones/{milestoneId}",
                    RequestSpec.form(Map.of("doneOn", "2026-11-20"))),
            Map.entry(
                    "POST /remediations/{id}/milestones/{milestoneId}/delete",
                    RequestSpec.form(Map.of("confirm", "true"))),
            Map.entry("POST /api/assessments/{id}/workbook", RequestSpec.file("不是工作簿")),
            Map.entry("POST /assessments/{id}/workbook", RequestSpec.file("不是工作簿")),
            // inherited items (issue 12 item 5): a source id that exists nowhere, so a granted caller ends in 404
            Map.entry(
                    "PUT /api/assessment-items/{id}/inheritance",
                    RequestSpec.json("{\"source\":\"00000000-0000-0000-0000-0000000005c0\"}")),
            Map.entry(
                    "POST /api/assessments/{id}/inheritance",
                    RequestSpec.json("{\"source\":\"00000000-0000-0000-0000-0000000005c0\",\"confirm\":true}")),
            Map.entry("POST /api/assessments/{id}/external-conclusions", RequestSpec.file("不是结论")),
            // imported findings (issue 60): a file that is not OSCAL, so a granted caller ends in 400
            Map.entry("POST /api/assessments/{id}/finding-imports", RequestSpec.file("不是 OSCAL")),
            Map.entry("POST /assessments/{id}/finding-imports", RequestSpec.file("不是 OSCAL")),
            Map.entry(
                    "POST /api/imported-findings/{id}/adoption",
                    RequestSpec.json("{\"verdict\":\"COMPLIANT\",\"version\":0}")),
            Map.entry(
                    "POST /api/imported-findings/{id}/dismissal",
                    RequestSpec.json("{\"reason\":\"矩阵\",\"version\":0}")),
            Map.entry(
                    "POST /imported-findings/{id}/adoption",
                    RequestSpec.form(Map.of(
                            "importId",
                            "00000000-0000-0000-0000-0000000f1d01",
                            "verdict",
                            "COMPLIANT",
                            "confirm",
                            "true",
                            "version",
                            "0"))),
            Map.entry(
                    "POST /imported-findings/{id}/dismissal",
                    RequestSpec.form(Map.of(
                            "importId",
                            "00000000-0000-0000-0000-0000000f1d01",
                            "reason",
                            "矩阵",
                            "confirm",
                            "true",
                            "version",
                            "0"))),
            Map.entry("POST /assessments/{id}/external-conclusions", RequestSpec.file("不是结论")),
            Map.entry(
                    "POST /assessments/{id}/inheritance",
                    RequestSpec.form(Map.of("source", "00000000-0000-0000-0000-0000000005c0", "confirm", "true"))),
            Map.entry(
                    "POST /assessment-items/{id}/inheritance",
                    RequestSpec.form(Map.of("source", "00000000-0000-0000-0000-0000000005c0"))),
            // exit projects: X1/X2 are in PLANNING with an empty inventory, so most writes end in 400/409 once
            // the caller's duty was granted (the decision this table records)
            Map.entry("POST /api/exit-projects", RequestSpec.json("""
                    {"name":"矩阵新退出${rand}","systemId":"${system}"}""")),
            Map.entry("POST /api/exit-projects/{id}/transitions", RequestSpec.json("{\"to\":\"HANDOVER\"}")),
            Map.entry(
                    "PUT /api/exit-projects/{id}/checklist",
                    RequestSpec.json("{\"item\":\"a\",\"status\":\"DONE\",\"note\":\"矩阵\"}")),
            Map.entry("PUT /api/exit-projects/{id}/provider-key", RequestSpec.json("{\"pem\":\"不是公钥\"}")),
            Map.entry("PUT /api/exit-projects/{id}/verifier-key", RequestSpec.json("{\"pem\":\"不是公钥\"}")),
            Map.entry("POST /api/exit-projects/{id}/manifests", RequestSpec.file("不是清单")),
            Map.entry(
                    "POST /api/exit-projects/{id}/items",
                    RequestSpec.json("{\"category\":\"document\",\"name\":\"矩阵文档\",\"sensitivity\":\"公开\"}")),
            Map.entry("POST /api/exit-projects/{id}/verification-runs", RequestSpec.file("{}")),
            Map.entry("POST /api/exit-projects/{id}/deletion-authorisations", RequestSpec.json("{}")),
            Map.entry("POST /api/exit-projects/{id}/deletion-plans", RequestSpec.json("{}")),
            Map.entry("POST /api/exit-projects/{id}/deletion-records", RequestSpec.json("{}")),
            Map.entry("POST /api/exit-projects/{id}/sanitisations", RequestSpec.json("{}")),
            Map.entry("POST /api/exit-projects/{id}/device-disposals", RequestSpec.json("{}")),
            Map.entry(
                    "POST /exit-projects", RequestSpec.form(Map.of("name", "矩阵表单退出${rand}", "systemId", "${system}"))),
            Map.entry("POST /exit-projects/{id}/transition", RequestSpec.form(Map.of("to", "HANDOVER"))),
            Map.entry("POST /exit-projects/{id}/checklist", RequestSpec.form(Map.of("item", "a", "status", "DONE"))),
            Map.entry("POST /exit-projects/{id}/provider-key", RequestSpec.form(Map.of("pem", "不是公钥"))),
            Map.entry("POST /exit-projects/{id}/verifier-key", RequestSpec.form(Map.of("pem", "不是公钥"))),
            Map.entry("POST /exit-projects/{id}/manifests", RequestSpec.file("不是清单")),
            Map.entry(
                    "POST /exit-projects/{id}/items",
                    RequestSpec.form(Map.of("category", "document", "name", "矩阵文档", "sensitivity", "公开"))),
            Map.entry("POST /exit-projects/{id}/verification-runs", RequestSpec.file("{}")),
            Map.entry("POST /api/exit-projects/{id}/storage-checks", RequestSpec.file("{}")),
            Map.entry("POST /exit-projects/{id}/storage-checks", RequestSpec.file("{}")),
            // the provider's countersignature (issue 34): only the provider registers the key and countersigns
            Map.entry("PUT /api/exit-projects/{id}/countersign-key", RequestSpec.json("{\"pem\":\"不是公钥\"}")),
            Map.entry("POST /exit-projects/{id}/countersign-key", RequestSpec.form(Map.of("pem", "不是公钥"))),
            Map.entry("POST /api/exit-projects/{id}/countersignature", RequestSpec.json("{\"signature\":\"AAAA\"}")),
            Map.entry("POST /exit-projects/{id}/countersignature", RequestSpec.form(Map.of("signature", "AAAA"))),
            // responsibility: M1/M2 are generated drafts with gaps, so a sign-off ends in 409 once the side was granted
            Map.entry("PUT /api/systems/{id}/lifecycle/duties/{dutyId}/status", RequestSpec.json("""
                    {"status":"IN_PROGRESS"}""")),
            Map.entry("PUT /api/systems/{id}/lifecycle/duties/{dutyId}/assignment", RequestSpec.json("""
                    {"organisation":"${customer}","dueDate":"2027-03-31"}""")),
            Map.entry("POST /api/systems/{id}/lifecycle/duties/{dutyId}/comments", RequestSpec.json("""
                    {"body":"matrix"}""")),
            Map.entry(
                    "POST /api/systems/{id}/lifecycle/duties/{dutyId}/evidence",
                    RequestSpec.file("lifecycle evidence")),
            Map.entry("POST /api/systems/{id}/lifecycle/phases/{phase}/reopen", RequestSpec.json("""
                    {"reason":"matrix"}""")),
            Map.entry("POST /api/systems/{id}/lifecycle/batch/status", RequestSpec.json("""
                    {"duties":[{"id":"${lifecycleDuty}","version":${lifecycleDutyVersion}}],"status":"IN_PROGRESS"}""")),
            Map.entry("POST /api/systems/{id}/lifecycle/batch/acceptance", RequestSpec.json("""
                    {"duties":[{"id":"${lifecycleDuty}","version":${lifecycleDutyVersion}}]}""")),
            // each ticked duty of a batch form carries its own version (version-<duty id>)
            Map.entry(
                    "POST /systems/{id}/lifecycle/batch/status",
                    RequestSpec.form(Map.of(
                            "duty",
                            "${lifecycleDuty}",
                            "version-${lifecycleDuty}",
                            "${lifecycleDutyVersion}",
                            "status",
                            "IN_PROGRESS",
                            "phase",
                            "PLANNING"))),
            Map.entry(
                    "POST /systems/{id}/lifecycle/batch/acceptance",
                    RequestSpec.form(Map.of(
                            "duty",
                            "${lifecycleDuty}",
                            "version-${lifecycleDuty}",
                            "${lifecycleDutyVersion}",
                            "phase",
                            "PLANNING"))),
            Map.entry(
                    "POST /systems/{id}/lifecycle/duties/{dutyId}/status",
                    RequestSpec.form(Map.of("status", "IN_PROGRESS"))),
            Map.entry(
                    "POST /systems/{id}/lifecycle/duties/{dutyId}/comments",
                    RequestSpec.form(Map.of("body", "matrix"))),
            Map.entry("POST /systems/{id}/lifecycle/duties/{dutyId}/evidence", RequestSpec.file("lifecycle evidence")),
            Map.entry(
                    "POST /systems/{id}/lifecycle/evidence/{evidenceId}/delete",
                    RequestSpec.form(Map.of("duty", "${lifecycleDuty}", "confirm", "true"))),
            Map.entry("PUT /api/systems/{id}/responsibility/rows/{duty}", RequestSpec.json("""
                    {"assignments":[{"organisation":"${provider}","role":"PROVIDER","chain":[]}]}""")),
            Map.entry("POST /api/systems/{id}/responsibility/agreements", RequestSpec.json("""
                    {"name":"矩阵协议${rand}","partyA":"${customer}","partyB":"${provider}","clauses":["7.3"]}""")),
            Map.entry("POST /api/systems/{id}/responsibility/sign-offs", RequestSpec.json("{\"side\":\"CUSTOMER\"}")),
            Map.entry("POST /api/systems/{id}/responsibility/rows/{duty}/hops", RequestSpec.json("""
                    {"organisation":"${provider}","role":"PROVIDER","to":"${customer}","agreement":"矩阵协议",
                     "clause":"7.3"}""")),
            Map.entry("POST /api/systems/{id}/responsibility/participants/{org}/proposal", RequestSpec.json("""
                    {"behaviours":["PROVIDE_CLOUD_SERVICE"]}""")),
            Map.entry("PUT /api/systems/{id}/responsibility/participants/{org}/roles", RequestSpec.json("""
                    {"behaviours":["PROVIDE_CLOUD_SERVICE","DECIDE_SECURITY_CAPABILITY"]}""")),
            Map.entry(
                    "POST /systems/{id}/responsibility/agreements",
                    RequestSpec.form(Map.of(
                            "name",
                            "矩阵表单协议${rand}",
                            "partyA",
                            "${customer}",
                            "partyB",
                            "${provider}",
                            "clauses",
                            "7.3"))),
            Map.entry(
                    "POST /systems/{id}/responsibility/sign-off",
                    RequestSpec.form(Map.of("side", "CUSTOMER", "confirm", "true"))),
            // issue 36 agreements: an approved exception to the "原则上" rule 5 a) 2) (the customer approves)
            // issue 59: the client's permission to subcontract under the matrix's agreement (JR/T 7.3)
            Map.entry("POST /api/systems/{id}/responsibility/agreements/consent", RequestSpec.json("""
                    {"agreement":"矩阵协议","customerConsentOn":"2026-01-04"}""")),
            Map.entry(
                    "POST /systems/{id}/responsibility/agreements/consent",
                    RequestSpec.form(Map.of("agreement", "矩阵协议", "customerConsentOn", "2026-01-04"))),
            Map.entry("POST /api/systems/{id}/responsibility/exceptions", RequestSpec.json("""
                    {"check":"PROVIDER_DELEGATES_ALL_WORK","organisation":"${provider}","reason":"矩阵例外"}""")),
            Map.entry(
                    "POST /systems/{id}/responsibility/exceptions",
                    RequestSpec.form(Map.of(
                            "check",
                            "PROVIDER_DELEGATES_ALL_WORK",
                            "organisation",
                            "${provider}",
                            "reason",
                            "矩阵表单例外"))),
            Map.entry(
                    "POST /systems/{id}/responsibility/rows/{duty}/hops",
                    RequestSpec.form(Map.of(
                            "organisation",
                            "${provider}",
                            "role",
                            "PROVIDER",
                            "to",
                            "${customer}",
                            "agreement",
                            "矩阵协议",
                            "clause",
                            "7.3"))),
            Map.entry(
                    "POST /systems/{id}/responsibility/participants/{org}",
                    RequestSpec.form(Map.of("behaviours", "PROVIDE_CLOUD_SERVICE", "action", "confirm"))),
            // issue 36 matrix
            Map.entry(
                    "PUT /api/systems/{id}/responsibility/questions/{question}",
                    RequestSpec.json("{\"answer\":false}")),
            Map.entry(
                    "POST /systems/{id}/responsibility/questions/{question}", RequestSpec.form(Map.of("answer", "no"))),
            // incidents: recorded by the system's customer and provider
            Map.entry("POST /api/systems/{id}/incidents", RequestSpec.json(INCIDENT_JSON)),
            Map.entry(
                    "POST /systems/{id}/incidents",
                    RequestSpec.form(Map.of(
                            "incident",
                            "TCCIA004-B-9",
                            "occurredAt",
                            "2026-11-20T16:30",
                            "title",
                            "矩阵事件",
                            "description",
                            "矩阵"))),
            // a supervision incident opened from a monitoring alert (issue 38): whoever handles the alert and records
            // incidents on the system — its customer and provider
            Map.entry(
                    "POST /api/monitoring/alerts/{id}/incident", RequestSpec.json("{\"incident\":\"TCCIA004-B-12\"}")),
            Map.entry(
                    "POST /monitoring/alerts/{id}/incident",
                    RequestSpec.form(Map.of(
                            "incident",
                            "TCCIA004-B-12",
                            "occurredAt",
                            "2026-11-20T16:30",
                            "title",
                            "矩阵监测事件",
                            "description",
                            "矩阵"))),
            // an emergency step on a monitoring alert (issue 59): whoever handles the alert; the matrix's alert is an
            // availability alert, which has no emergency steps (409 once access is granted)
            Map.entry(
                    "POST /api/monitoring/alerts/{id}/emergency",
                    RequestSpec.json("{\"step\":\"REPORTED_TO_PROVIDER\",\"note\":\"矩阵\"}")),
            Map.entry(
                    "POST /monitoring/alerts/{id}/emergency",
                    RequestSpec.form(Map.of("step", "REPORTED_TO_PROVIDER", "stepNote", "矩阵"))),
            // exchange: an upload that is no OSCAL plan / no workbook is refused (400, or a page redirect) once the
            // caller's side may import at all
            Map.entry("POST /api/systems/{id}/responsibility/oscal-ssp", RequestSpec.file("序号,职责")),
            Map.entry("POST /api/systems/{id}/responsibility/workbook", RequestSpec.file("不是工作簿")),
            Map.entry("POST /systems/{id}/responsibility/workbook", RequestSpec.file("不是工作簿")),
            Map.entry("POST /systems/{id}/responsibility/oscal-ssp", RequestSpec.file("序号,职责")),
            // lifecycle acquisition documents (issue 13 item 3)
            Map.entry("PUT /api/systems/{id}/lifecycle/needs", RequestSpec.json("""
                    {"inventory":[{"name":"矩阵网站","classification":"GENERAL","sensitivity":"PUBLIC_ONLY"}],
                     "decision":"MIGRATE","reasons":"矩阵"}""")),
            Map.entry(
                    "POST /systems/{id}/lifecycle/needs",
                    RequestSpec.form(Map.of(
                            "itemName",
                            "矩阵网站",
                            "itemClassification",
                            "GENERAL",
                            "itemSensitivity",
                            "PUBLIC_ONLY",
                            "decision",
                            "MIGRATE",
                            "reasons",
                            "矩阵"))),
            Map.entry(
                    "POST /api/systems/{id}/lifecycle/selection/candidates",
                    RequestSpec.json("{\"name\":\"矩阵候选${rand}\"}")),
            Map.entry(
                    "POST /systems/{id}/lifecycle/selection/candidates",
                    RequestSpec.form(Map.of("name", "矩阵候选${rand}"))),
            Map.entry(
                    "PUT /api/systems/{id}/lifecycle/selection/candidates/{candidate}/judgements/{criterion}",
                    RequestSpec.json("{\"judgement\":\"MEETS\"}")),
            Map.entry(
                    "POST /systems/{id}/lifecycle/selection/candidates/{candidate}/judgements/{criterion}",
                    RequestSpec.form(Map.of("judgement", "MEETS"))),
            Map.entry(
                    "POST /api/systems/{id}/lifecycle/selection/candidates/{candidate}/judgements/{criterion}/evidence",
                    RequestSpec.file("不是证据")),
            Map.entry(
                    "POST /systems/{id}/lifecycle/selection/candidates/{candidate}/judgements/{criterion}/evidence",
                    RequestSpec.file("不是证据")),
            Map.entry(
                    "PUT /api/systems/{id}/lifecycle/selection/decision",
                    RequestSpec.json("{\"candidate\":\"x\",\"reasons\":\"矩阵\"}")),
            Map.entry(
                    "POST /systems/{id}/lifecycle/selection/decision",
                    RequestSpec.form(Map.of("candidate", "x", "reasons", "矩阵"))),
            Map.entry(
                    "PUT /api/systems/{id}/lifecycle/contract-review/clauses/{clause}",
                    RequestSpec.json("{\"status\":\"MISSING\"}")),
            Map.entry(
                    "POST /systems/{id}/lifecycle/contract-review/clauses/{clause}",
                    RequestSpec.form(Map.of("status", "MISSING"))));

    record Row(String endpoint, Caller caller, Scope scope, int status) {
        @Override
        public String toString() {
            return endpoint + " as " + caller + " (" + scope + ") -> " + status;
        }
    }

    static List<Row> readTable() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(TABLE)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new Row(f[0], Caller.valueOf(f[1]), Scope.valueOf(f[2]), Integer.parseInt(f[3].strip())));
            }
        }
        return rows;
    }

    /** A lifecycle plan of the system, the first duty of its planning phase (LDn) and an evidence file of it (LEn). */
    private void lifecycleFixtures(String n, AccountPrincipal as, UUID system) throws Exception {
        UUID plan = create(as, "/api/systems/" + system + "/lifecycle", "");
        String duty = jdbc.sql(
                        "SELECT id FROM lifecycle_duty WHERE plan_id = ? AND phase = 'PLANNING' AND organisation_id = ? "
                                + "ORDER BY position")
                .params(plan, as.user().organizationId())
                .query(String.class)
                .list()
                .get(0);
        ids.put("LD" + n, UUID.fromString(duty));
        MvcResult upload = mvc.perform(multipart("/api/systems/" + system + "/lifecycle/duties/" + duty + "/evidence")
                        .file(new MockMultipartFile(
                                "file", "plan.txt", "text/plain", "需求报告".getBytes(StandardCharsets.UTF_8)))
                        .with(csrf())
                        .with(authentication(
                                UsernamePasswordAuthenticationToken.authenticated(as, null, as.getAuthorities()))))
                .andReturn();
        assertThat(upload.getResponse().getStatus())
                .as(upload.getResponse().getContentAsString())
                .isEqualTo(201);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"")
                .matcher(upload.getResponse().getContentAsString());
        assertThat(m.find()).isTrue();
        ids.put("LE" + n, UUID.fromString(m.group(1)));
    }

    private UUID create(AccountPrincipal as, String path, String json) throws Exception {
        MvcResult r = mvc.perform(request(HttpMethod.POST, path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json)
                        .with(csrf())
                        .with(authentication(
                                UsernamePasswordAuthenticationToken.authenticated(as, null, as.getAuthorities()))))
                .andReturn();
        assertThat(r.getResponse().getStatus())
                .as(path + " " + r.getResponse().getContentAsString())
                .isEqualTo(201);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"")
                .matcher(r.getResponse().getContentAsString());
        assertThat(m.find()).isTrue();
        return UUID.fromString(m.group(1));
    }

    private AccountPrincipal account(AccountPrincipal secadmin, String username, Role role, UUID org) throws Exception {
        UUID id = role == Role.USER
                ? member(username, org)
                : create(secadmin, "/api/users", userJson(username, role.name(), org));
        return principal(id, username, org, role);
    }

    private UUID member(String username, UUID organization) {
        return org.yunjian.security.TestAccounts.create(
                        users,
                        new org.yunjian.security.UserAdministration.NewUser(
                                username, "矩阵用户", Role.USER, organization, "Matrix-Passw0rd-Long"))
                .id();
    }

    private static AccountPrincipal principal(UUID id, String username, UUID org, Role role) {
        return new AccountPrincipal(new CurrentUser(id, username, org, role), "x", true, false, true);
    }

    private static String userJson(String username, String role, UUID org) {
        return """
                {"username":"%s","displayName":"矩阵用户","role":"%s","organizationId":%s,"password":"Matrix-Passw0rd-Long"}""".formatted(username, role, org == null ? "null" : "\"" + org + "\"");
    }

    private static String systemJson(String name, UUID customer, UUID provider) {
        return """
                {"name":"%s","customerId":"%s","protectionLevel":"3","deploymentModel":"PUBLIC","serviceModel":"IAAS",
                 "industry":"GOVERNMENT_WEBSITE","dataClassification":"IMPORTANT","regions":["北京"],
                 "providerId":"%s","agents":[]}""".formatted(name, customer, provider);
    }

    private static String engagementJson(String name, UUID system, UUID customer, UUID provider) {
        return """
                {"name":"%s","systemId":"%s","phase":"MIGRATION","description":"矩阵",
                 "participants":[{"organizationId":"%s","role":"CUSTOMER"},{"organizationId":"%s","role":"PROVIDER"}]}""".formatted(name, system, customer, provider);
    }

    static String creditCode() {
        return BrowserJourneyTests.randomCreditCode();
    }
}
