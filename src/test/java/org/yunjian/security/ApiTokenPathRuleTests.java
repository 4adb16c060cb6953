package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yunjian.security.internal.token.ApiTokens;
import org.yunjian.support.HandlerProbe;

/**
 * Issue 33, finding 1: what an API token may reach is decided on the path Spring routes, not on the raw request
 * URI. Walks every handler mapping; for every route marked {@link InteractiveOnly}, every percent-encoded letter
 * (upper and lower hex), path parameter, trailing slash, double slash and dot-segment spelling is refused to a
 * security administrator's READ_WRITE token (403, or 400 from the firewall) and never reaches the handler, while a
 * login session still reaches the handler with the spellings Spring routes. And over a real connection, with the
 * path sent as is ({@code curl --path-as-is}), {@code POST /api/%75sers} with that token answers 403. Reading user
 * administration ({@code GET /api/users}, one account, the administrator requests) is open to that token (issue 35).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({HandlerProbe.class, org.yunjian.party.Fixtures.class})
@Tag("database")
class ApiTokenPathRuleTests {

    static final String PASSWORD = "Path-Rule-Passw0rd-9Kz";
    /** A request carrying this header is stopped right before its handler, which is noted as reached. */
    static final String PROBE = HandlerProbe.HEADER;

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    UserAdministration users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.yunjian.security.internal.login.AddressThrottle throttle;

    @Autowired
    org.yunjian.party.Fixtures fixtures;

    UserView secadmin;
    String token;

    @BeforeEach
    void securityAdministratorWithAReadWriteToken() {
        throttle.clear();
        String username = "path-sec-" + UUID.randomUUID().toString().substring(0, 8);
        secadmin = users.createDemoAccount(username, "路径安全管理员", Role.SECURITY_ADMIN, null, PASSWORD, null);
        AccountPrincipal p = principal(true);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
        try {
            token = tokens.create("路径规则", ApiTokenScope.READ_WRITE, 7).value();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A route of the handler mappings: one method and one pattern. */
    record Route(HttpMethod method, String pattern) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** Every interactive-only route the handler mappings hold, found from the handlers themselves. */
    List<Route> interactiveRoutes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mappings.getHandlerMethods().entrySet()) {
            HandlerMethod h = e.getValue();
            if (!AnnotatedElementUtils.hasAnnotation(h.getMethod(), InteractiveOnly.class)
                    && !AnnotatedElementUtils.hasAnnotation(h.getBeanType(), InteractiveOnly.class)) {
                continue;
            }
            var methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : e.getKey().getPatternValues()) {
                for (var m : methods) {
                    routes.add(new Route(HttpMethod.valueOf(m.name()), pattern));
                }
            }
        }
        return routes;
    }

    /** The routes under /api/users a security administrator's token may read (issue 35: yunjian users list). */
    static final Set<String> READABLE_BY_TOKEN =
            Set.of("GET /api/users", "GET /api/users/{id}", "GET /api/users/admin-requests");

    @Test
    void theInteractiveOnlyRoutesAreTheAccountStepsAndEveryChangeOfUserAdministration() {
        Set<String> marked = new TreeSet<>();
        interactiveRoutes().forEach(r -> marked.add(r.toString()));
        assertThat(marked)
                .contains(
                        "POST /api/account/tokens",
                        "POST /api/account/password",
                        "POST /api/login/totp",
                        "POST /api/users",
                        "PUT /api/users/{id}",
                        "DELETE /api/users/{id}",
                        "POST /api/users/{id}/password",
                        "POST /api/users/admin-requests/{id}/approve",
                        "GET /api/users/{id}/tokens");
        assertThat(marked).doesNotContainAnyElementsOf(READABLE_BY_TOKEN);
        // every route under /api/users is user administration: none but the three readings may be left unmarked
        Set<String> unmarked = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/api/users") || pattern.startsWith("/api/users/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> {
                        if (!marked.contains(m + " " + pattern)) {
                            unmarked.add(m + " " + pattern);
                        }
                    });
                }
            }
        }
        assertThat(unmarked).as("unmarked user administration routes").isEqualTo(READABLE_BY_TOKEN);
    }

    @Test
    void securityAdministratorsTokenReadsTheAccountsButChangesNone() throws Exception {
        Raw list = raw("GET /api/users", token, null);
        assertThat(list.status()).as(list.text()).isEqualTo(299);
        assertThat(list.reached()).isTrue();
        assertThat(raw("GET /api/users/" + secadmin.id(), token, null).reached())
                .isTrue();
        assertThat(raw("GET /api/users/admin-requests", token, null).reached()).isTrue();
        // the readings answer for real (no probe): the page of accounts holds the token's owner
        var answer = get("/api/users?q=" + secadmin.username(), token);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains(secadmin.id().toString());
        for (String line : List.of(
                "POST /api/users",
                "PUT /api/users/" + secadmin.id(),
                "DELETE /api/users/" + secadmin.id(),
                "POST /api/users/" + secadmin.id() + "/unlock",
                "GET /api/users/" + secadmin.id() + "/tokens")) {
            Raw r = raw(line, token, line.startsWith("GET") || line.startsWith("DELETE") ? null : "{}");
            assertThat(r.status()).as(line + "\n" + r.text()).isEqualTo(403);
            assertThat(r.reached()).as(line).isFalse();
            assertThat(r.text()).as(line).contains("apitoken-interactive-only");
        }
        // a business user's token is refused the readings as the business user is: 403
        UserView business = users.createDemoAccount(
                "path-user-" + UUID.randomUUID().toString().substring(0, 8),
                "路径业务用户",
                Role.USER,
                fixtures.organization("路径客户 " + UUID.randomUUID(), org.yunjian.catalog.PartyRole.CUSTOMER)
                        .id(),
                PASSWORD,
                null);
        AccountPrincipal p = new AccountPrincipal(
                new CurrentUser(business.id(), business.username(), business.organizationId(), Role.USER),
                null,
                true,
                false,
                true);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
        String businessToken;
        try {
            businessToken = tokens.create("业务", ApiTokenScope.READ_WRITE, 7).value();
        } finally {
            SecurityContextHolder.clearContext();
        }
        for (String path : List.of("/api/users", "/api/users/" + secadmin.id(), "/api/users/admin-requests")) {
            throttle.clear();
            assertThat(get(path, businessToken).statusCode()).as(path).isEqualTo(403);
        }
    }

    /** A GET with the token, answered by its handler (no probe). */
    private java.net.http.HttpResponse<String> get(String path, String bearer) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + bearer)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tokenIsRefusedEverySpellingOfEveryInteractiveRouteWhileASessionIsRoutedThere() throws Exception {
        List<Route> routes = interactiveRoutes();
        assertThat(routes).hasSizeGreaterThan(10);
        List<String> failures = new ArrayList<>();
        int probes = 0;
        int routedSpellings = 0;
        for (Route route : routes) {
            String path = concrete(route.pattern());
            for (Spelling s : spellings(route.pattern(), path)) {
                probes++;
                // firewall refusals count against the address like failed logins: each probe starts unthrottled
                throttle.clear();
                String sid = UUID.randomUUID().toString();
                MvcResult bySession = mvc.perform(request(route.method(), URI.create("http://localhost" + s.path()))
                                .with(session(route))
                                .with(csrf())
                                .header(PROBE, sid)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{}"))
                        .andReturn();
                boolean routed = HandlerProbe.REACHED.containsKey(sid);
                if (s.routed() && !routed) {
                    failures.add(route.method() + " " + s.path() + " with a session did not reach the handler: "
                            + bySession.getResponse().getStatus());
                }
                String id = UUID.randomUUID().toString();
                MvcResult byToken = mvc.perform(request(route.method(), URI.create("http://localhost" + s.path()))
                                .header("Authorization", "Bearer " + token)
                                .header(PROBE, id)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{}"))
                        .andReturn();
                int status = byToken.getResponse().getStatus();
                String body = byToken.getResponse().getContentAsString();
                // where Spring routes the spelling to the handler, the token is refused it: 403, or the firewall's
                // 400; where it routes it nowhere (a session is not let through either), the token is refused as
                // on any path that is not an API path as Spring routes it (401), or refused by the firewall
                boolean refused = status == 403 && body.contains("apitoken-interactive-only")
                        || status == 400
                        || !routed && status == 401 && body.contains("apitoken-api-only");
                if (HandlerProbe.REACHED.containsKey(id) || !refused) {
                    failures.add(route.method() + " " + s.path() + " with a token: " + status
                            + (routed ? " (a session reached the handler)" : "")
                            + (HandlerProbe.REACHED.containsKey(id)
                                    ? " and reached " + HandlerProbe.REACHED.get(id)
                                    : ""));
                }
                if (routed) {
                    routedSpellings++;
                }
            }
        }
        assertThat(failures).as("of %d spellings", probes).isEmpty();
        assertThat(probes).isGreaterThan(500);
        assertThat(routedSpellings).as("spellings Spring routes to the handler").isGreaterThan(300);
    }

    @Test
    void percentEncodedUsersPathWithASecurityAdministratorsTokenIs403OverARealConnection() throws Exception {
        UUID someone = secadmin.id();
        for (String line : List.of(
                "GET /api/%75sers/" + someone + "/tokens",
                "GET /api/user%73/" + someone + "/token%73",
                "DELETE /api/%75sers/" + someone,
                "POST /api/%75sers/" + someone + "/password",
                "POST /api/%75sers",
                "POST /api/account/toke%6Es",
                "POST /api/account/toke%6es",
                "POST /api/%61ccount/password")) {
            Raw r = raw(line, token, line.startsWith("POST") ? "{\"password\":\"Planted-Passw0rd-1x\"}" : null);
            assertThat(r.status()).as(line + "\n" + r.text()).isEqualTo(403);
            assertThat(r.reached()).as(line).isFalse();
            assertThat(r.text())
                    .as(line)
                    .contains("apitoken-interactive-only")
                    .doesNotContain(secadmin.username() + "\"");
        }
        // spellings Tomcat or the firewall normalise or refuse: never a handler, never a 2xx
        for (String line : List.of(
                "POST //api/users",
                "POST /api//users",
                "POST /api/./users",
                "POST /api/x/../users",
                "POST /api/%2e/users",
                "POST /api/users/",
                "POST /api/users;x=y",
                "POST /api;x=y/users",
                "POST /api/users%2f",
                "POST /api%2fusers",
                "POST /api/users/%2e",
                "POST /api/%5cusers")) {
            Raw r = raw(line, token, null);
            assertThat(r.reached()).as(line + "\n" + r.text()).isFalse();
            assertThat(r.status()).as(line + "\n" + r.text()).isIn(400, 401, 403, 404);
        }
        // the same token still reaches its owner's handlers where a token may go
        Raw allowed = raw("GET /api/account", token, null);
        assertThat(allowed.status()).isEqualTo(299);
        assertThat(allowed.reached()).isTrue();
        // the refusals are audited as the token's, each of them
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'access.denied' AND username = ? "
                                + "AND api_token_name = ?")
                        .params(secadmin.username(), "路径规则")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(8);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'access.denied' AND username = ? "
                                + "AND api_token_id IS NULL")
                        .param(secadmin.username())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void auditLogPageAndExportNameTheTokenAUserActedThrough() throws Exception {
        assertThat(raw("POST /api/%75sers", token, "{}").status()).isEqualTo(403);
        UUID tokenId = jdbc.sql("SELECT id FROM api_token WHERE user_id = ?")
                .param(secadmin.id())
                .query(UUID.class)
                .single();
        AccountPrincipal auditor = new AccountPrincipal(
                new CurrentUser(UUID.randomUUID(), "path-auditor", null, Role.AUDIT_ADMIN), null, true, false, true);
        RequestPostProcessor audit = authentication(
                UsernamePasswordAuthenticationToken.authenticated(auditor, null, auditor.getAuthorities()));
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/audit")
                        .param("user", secadmin.username())
                        .with(audit))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("经 API 令牌“路径规则”（" + tokenId + "）");
        String csv = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/audit/export")
                                .param("user", secadmin.username())
                                .with(audit))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // the stored columns the MAC covers (the token among them), then the entry in words
        assertThat(csv)
                .contains("prev_mac,mac,api_token_id,api_token_name,time_local,")
                .containsPattern("\"[0-9a-f]{64}\",\"" + tokenId + "\",\"路径规则\",\"");
        // the token's creation was the person's, in a session: no token named on it
        assertThat(csv.lines().filter(l -> l.contains("apitoken.create")).toList())
                .singleElement()
                .satisfies(l -> assertThat(l).containsPattern("\"[0-9a-f]{64}\",,,\""));
    }

    // ---- spellings

    /** One way to write a route's path; {@code routed}: Spring routes it to the handler (a session reaches it). */
    record Spelling(String path, boolean routed) {}

    /** The route's path with its variables filled in. */
    static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    /**
     * The path as written, each letter of its fixed segments percent-encoded alone (upper- and lower-case hex) and
     * all at once, a path parameter on each segment, a trailing slash, a double slash at each separator, and dot
     * segments plain and encoded.
     */
    static List<Spelling> spellings(String pattern, String path) {
        Set<Spelling> out = new LinkedHashSet<>();
        out.add(new Spelling(path, true));
        String[] fixed = pattern.split("/", -1);
        String[] segments = path.split("/", -1);
        StringBuilder all = new StringBuilder();
        for (int s = 1; s < segments.length; s++) {
            all.append('/');
            boolean literal = !fixed[s].startsWith("{");
            for (int i = 0; i < segments[s].length(); i++) {
                char c = segments[s].charAt(i);
                if (literal && Character.isLetter(c)) {
                    String upper = "%" + HexUpper.of(c);
                    String lower = upper.toLowerCase(Locale.ROOT);
                    all.append(upper);
                    for (String enc : new LinkedHashSet<>(List.of(upper, lower))) {
                        out.add(new Spelling(
                                join(segments, s, segments[s].substring(0, i) + enc + segments[s].substring(i + 1)),
                                true));
                    }
                } else {
                    all.append(c);
                }
            }
        }
        out.add(new Spelling(all.toString(), true));
        out.add(new Spelling(all.toString().toLowerCase(Locale.ROOT), true));
        for (int s = 1; s < segments.length; s++) {
            out.add(new Spelling(join(segments, s, segments[s] + ";x=y"), false));
            out.add(new Spelling(join(segments, s, segments[s] + ";"), false));
            out.add(new Spelling(join(segments, s, "/" + segments[s]), false));
            out.add(new Spelling(join(segments, s, "./" + segments[s]), false));
            out.add(new Spelling(join(segments, s, "x/../" + segments[s]), false));
            out.add(new Spelling(join(segments, s, "%2e/" + segments[s]), false));
            out.add(new Spelling(join(segments, s, "x/%2e%2e/" + segments[s]), false));
            out.add(new Spelling(join(segments, s, "x/%2E%2E/" + segments[s]), false));
        }
        out.add(new Spelling(path + "/", false));
        out.add(new Spelling(path + "//", false));
        out.add(new Spelling(path + "/.", false));
        out.add(new Spelling(path + ";x=y/", false));
        out.add(new Spelling("/" + path, false));
        return new ArrayList<>(out);
    }

    private static String join(String[] segments, int replaced, String with) {
        StringBuilder sb = new StringBuilder();
        for (int s = 1; s < segments.length; s++) {
            sb.append('/').append(s == replaced ? with : segments[s]);
        }
        return sb.toString();
    }

    private static final class HexUpper {
        static String of(char c) {
            return String.format(Locale.ROOT, "%02X", (int) c);
        }
    }

    // ---- callers

    private AccountPrincipal principal(boolean fully) {
        return new AccountPrincipal(
                new CurrentUser(secadmin.id(), secadmin.username(), null, Role.SECURITY_ADMIN),
                null,
                true,
                false,
                fully);
    }

    /** The security administrator's login session; on the TOTP step, the session between password and code. */
    private RequestPostProcessor session(Route route) {
        AccountPrincipal p = principal(!route.pattern().equals("/api/login/totp"));
        return authentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
    }

    /** The answer, and whether the request reached a handler. */
    record Raw(int status, String text, boolean reached) {}

    /** One HTTP/1.1 request written byte for byte: nothing between the test and the server normalises the path. */
    private Raw raw(String requestLine, String bearer, String json) throws IOException {
        throttle.clear();
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        String probe = UUID.randomUUID().toString();
        String head = requestLine + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + PROBE + ": " + probe
                + "\r\nAuthorization: Bearer " + bearer
                + "\r\nAccept: application/json\r\nConnection: close\r\n"
                + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                + "\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            return new Raw(status, text, HandlerProbe.REACHED.containsKey(probe));
        }
    }
}
