package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.RawHttp;
import org.yunjian.support.RawHttp.Response;

/**
 * The HTTP edge against a real server on a real socket: no session for anonymous visitors, request bodies
 * refused before they are read, the security headers, and TLS facts (Secure cookie, HSTS) believed only
 * from the trusted reverse proxy (127.0.0.1 by default; 127.0.0.2 plays an untrusted neighbour).
 */
@org.yunjian.support.OnePass
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({HttpHardeningTests.SessionCounter.class, org.yunjian.party.Fixtures.class})
@Tag("database")
class HttpHardeningTests {

    static final String PASSWORD = "Hardening-Test-9f3kQx";

    @TestConfiguration
    static class SessionCounter {
        static final AtomicInteger CREATED = new AtomicInteger();

        @Bean
        HttpSessionListener countingSessions() {
            return new HttpSessionListener() {
                @Override
                public void sessionCreated(HttpSessionEvent se) {
                    CREATED.incrementAndGet();
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration users;

    @Autowired
    org.yunjian.party.Fixtures fixtures;

    String username;

    @BeforeEach
    void account() {
        username = "edge-" + UUID.randomUUID().toString().substring(0, 8);
        UUID organization = fixtures.organization("边界测试 " + username, org.yunjian.catalog.PartyRole.CUSTOMER)
                .id();
        users.createDemoAccount(username, "边界测试", Role.USER, organization, PASSWORD, null);
    }

    // ---- a minimal HTTP/1.1 client (support.RawHttp): one request per connection, from a chosen local address

    Response send(String from, String head, byte[] body) throws IOException {
        return RawHttp.send(port, from, head, body);
    }

    Response get(String path, String... extraHeaders) throws IOException {
        return send("127.0.0.1", "GET " + path + " HTTP/1.1\r\n" + String.join("", extraHeaders), null);
    }

    static Response read(InputStream in) throws IOException {
        return RawHttp.read(in);
    }

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** GET /login then POST /login as the test account, both from {@code from} with the extra headers. */
    Response login(String from, String extraHeaders) throws IOException {
        return login(from, extraHeaders, PASSWORD);
    }

    Response login(String from, String extraHeaders, String password) throws IOException {
        Response page = send(from, "GET /login HTTP/1.1\r\n" + extraHeaders, null);
        Matcher m = CSRF_INPUT.matcher(page.body());
        assertThat(m.find()).as("login form carries a CSRF token").isTrue();
        String cookies = String.join(
                "; ",
                page.header("Set-Cookie").stream().map(c -> c.split(";")[0]).toList());
        byte[] form = ("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        return send(
                from,
                "POST /login HTTP/1.1\r\n" + extraHeaders + "Cookie: " + cookies + "\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length + "\r\n",
                form);
    }

    static String sessionCookie(Response r) {
        return r.header("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElse(null);
    }

    // ---- sessions

    @Test
    void anonymousRequestsCreateNoServerSessionButALoginDoes() throws IOException {
        int before = SessionCounter.CREATED.get();
        for (int i = 0; i < 100; i++) {
            for (String path : List.of(
                    "/login",
                    "/",
                    "/catalog",
                    "/api/csrf",
                    "/api/organizations",
                    "/assessments/" + UUID.randomUUID(),
                    "/css/app.css",
                    "/no-such-page",
                    "/setup",
                    "/v3/api-docs")) {
                Response r = get(path, i % 2 == 0 ? "Accept: application/json\r\n" : "Accept: text/html\r\n");
                assertThat(r.status()).as(path).isLessThan(500);
                assertThat(sessionCookie(r)).as(path).isNull();
            }
        }
        // a failed login (wrong password) begins no session either
        Response failed = login("127.0.0.1", "", "wrong-password-1");
        assertThat(failed.status()).isEqualTo(302);
        assertThat(failed.first("Location")).contains("/login?error");
        assertThat(sessionCookie(failed)).isNull();
        assertThat(SessionCounter.CREATED.get())
                .as("sessions created by anonymous requests")
                .isEqualTo(before);

        Response ok = login("127.0.0.1", "");
        assertThat(ok.status()).isEqualTo(302);
        assertThat(sessionCookie(ok)).isNotNull();
        assertThat(SessionCounter.CREATED.get())
                .as("a login begins exactly one session")
                .isEqualTo(before + 1);
    }

    // ---- body limits

    @Test
    void aDeclaredHundredMegabyteBodyIsRefusedWithoutBeingRead() throws IOException {
        // the head alone: the server answers before a single byte of the body is sent
        Response r = send(
                "127.0.0.1",
                "POST /api/organizations HTTP/1.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 104857600\r\nAccept: application/json\r\n",
                null);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.first("Content-Type")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"status\":413").contains("urn:yunjian:problem:too-large");
    }

    @Test
    void aHundredMegabyteChunkedBodyIsRefusedOnceItPassesTheLimit() throws IOException {
        long sent = 0;
        long total = 100L * 1024 * 1024;
        Response answer = null;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /api/organizations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            chunk[0] = '[';
            byte[] chunkHead = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            try {
                while (sent < total && in.available() == 0) {
                    out.write(chunkHead);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    sent += chunk.length;
                }
                if (sent >= total) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush();
            } catch (IOException closedByServer) {
                // the server answered and closed the connection while we were still sending
            }
            answer = read(in);
        }
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("urn:yunjian:problem:too-large");
        assertThat(sent).as("bytes sent before the refusal").isLessThan(total);
    }

    @Test
    void aBodyWithinTheLimitStillReachesTheApplication() throws IOException {
        byte[] json = ("{\"name\":\"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Response r = send(
                "127.0.0.1",
                "POST /api/organizations HTTP/1.1\r\nContent-Type: application/json\r\n"
                        + "Accept: application/json\r\nContent-Length: " + json.length + "\r\n",
                json);
        // not too large: it went on to the CSRF and login checks
        assertThat(r.status()).isIn(401, 403);
        assertThat(r.body()).doesNotContain("too-large");
    }

    // ---- headers, TLS behind a proxy

    @Test
    void everyPageCarriesReferrerAndPermissionsPolicies() throws IOException {
        for (String path : List.of("/login", "/api/csrf", "/api/organizations")) {
            Response r = get(path);
            assertThat(r.first("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(r.first("Permissions-Policy"))
                    .as(path)
                    .contains("camera=()")
                    .contains("microphone=()")
                    .contains("geolocation=()");
            assertThat(r.first("Strict-Transport-Security"))
                    .as("plain HTTP: no HSTS on " + path)
                    .isNull();
        }
    }

    @Test
    void overTlsAtTheTrustedProxyTheSessionCookieIsSecureAndHstsIsSent() throws IOException {
        String https = "X-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.9\r\n";
        Response page = send("127.0.0.1", "GET /login HTTP/1.1\r\n" + https, null);
        assertThat(page.first("Strict-Transport-Security"))
                .contains("max-age=31536000")
                .contains("includeSubDomains");
        assertThat(page.header("Set-Cookie")).allSatisfy(c -> assertThat(c).contains("Secure"));

        Response r = login("127.0.0.1", https);
        assertThat(r.status()).isEqualTo(302);
        assertThat(sessionCookie(r)).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(r.first("Strict-Transport-Security")).isNotNull();
    }

    @Test
    void forwardedHeadersFromAnUntrustedAddressAreIgnored() throws IOException {
        String https = "X-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.9\r\n";
        Response page = send("127.0.0.2", "GET /login HTTP/1.1\r\n" + https, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.first("Strict-Transport-Security")).isNull();
        Response r = login("127.0.0.2", https);
        assertThat(r.status()).isEqualTo(302);
        assertThat(sessionCookie(r)).isNotNull().doesNotContain("Secure");
        assertThat(r.first("Strict-Transport-Security")).isNull();
    }
}
