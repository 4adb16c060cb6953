package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.Fixtures;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;

/**
 * The documented nginx set-up (the {@code nginx} block of docs/operations.md, run as written but for ports,
 * certificate paths and the upstream port) in front of a real server: over TLS the session cookie is
 * {@code Secure} and HSTS is sent. Needs Debian's nginx; skipped without it, mandatory under {@code CI=true}.
 */
@org.yunjian.support.OnePass
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the context of the other classes on a real port with MockMvc and the party fixtures (docs/performance.md, "CI time")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Import({org.yunjian.support.HandlerProbe.class, Fixtures.class})
@Tag("database")
class NginxTlsProxyTests {

    static final String PASSWORD = "Hardening-Test-9f3kQx";
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int appPort;

    @Autowired
    UserAdministration users;

    @Autowired
    Fixtures fixtures;

    @TempDir
    Path dir;

    Process nginx;

    @AfterEach
    void stopNginx() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static Path nginxBinary() {
        for (String p : List.of("/usr/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        String msg = "nginx is not installed (Debian: apt-get install nginx-light)";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(msg + "; CI=true makes this test mandatory");
        }
        Assumptions.abort(msg + ": skipped");
        return null;
    }

    static String documentedConfig() throws IOException {
        String doc = Files.readString(Path.of("docs/operations.md"));
        Matcher m = Pattern.compile("```nginx\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("an nginx block in docs/operations.md").isTrue();
        return m.group(1);
    }

    static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
    }

    @Test
    void behindTheDocumentedNginxTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        Path binary = nginxBinary();
        run(
                dir,
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout",
                "tls.key",
                "-out",
                "tls.crt");
        int tls = org.yunjian.support.ChildPorts.free();
        int plain = org.yunjian.support.ChildPorts.free();
        String server = documentedConfig()
                .replace("listen 443 ssl;", "listen 127.0.0.1:" + tls + " ssl;")
                .replace("listen 80;", "listen 127.0.0.1:" + plain + ";")
                .replace("/etc/nginx/tls/yunjian.crt", dir.resolve("tls.crt").toString())
                .replace("/etc/nginx/tls/yunjian.key", dir.resolve("tls.key").toString())
                .replace("http://127.0.0.1:8080", "http://127.0.0.1:" + appPort);
        assertThat(server).doesNotContain(":8080").doesNotContain("/etc/nginx");
        for (String temp : List.of("body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            Files.createDirectories(dir.resolve(temp));
        }
        String conf = "daemon off;\nworker_processes 1;\npid " + dir.resolve("nginx.pid") + ";\nerror_log "
                + dir.resolve("error.log") + ";\n" + ("0".equals(uid()) ? "user root;\n" : "")
                + "events { worker_connections 64; }\nhttp {\n  access_log off;\n"
                + "  client_body_temp_path " + dir.resolve("body") + ";\n  proxy_temp_path " + dir.resolve("proxy")
                + ";\n  fastcgi_temp_path " + dir.resolve("fastcgi") + ";\n  uwsgi_temp_path " + dir.resolve("uwsgi")
                + ";\n  scgi_temp_path " + dir.resolve("scgi") + ";\n" + server + "}\n";
        Files.writeString(dir.resolve("nginx.conf"), conf);
        nginx = new ProcessBuilder(
                        binary.toString(),
                        "-p",
                        dir.toString(),
                        "-c",
                        dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        awaitPort(tls);

        String username = "tls-" + UUID.randomUUID().toString().substring(0, 8);
        UUID organization =
                fixtures.organization("TLS 测试 " + username, PartyRole.CUSTOMER).id();
        users.createDemoAccount(username, "TLS 测试", Role.USER, organization, PASSWORD, null);

        HttpClient client = HttpClient.newBuilder()
                .sslContext(trusting(dir.resolve("tls.crt")))
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String base = "https://localhost:" + tls;
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(log()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .get()
                .asString()
                .contains("max-age=31536000");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        Matcher m = CSRF_INPUT.matcher(page.body());
        assertThat(m.find()).isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(log()).isEqualTo(302);
        // never sent back to plain HTTP
        assertThat(login.headers().firstValue("Location")).get().asString().doesNotStartWith("http:");
        String session = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(session).contains("Secure").contains("HttpOnly");

        // plain HTTP on the proxy only redirects to HTTPS
        HttpResponse<String> redirect = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plain + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).get().asString().startsWith("https://");
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("error.log"));
        } catch (IOException e) {
            return "(no nginx error log)";
        }
    }

    private static String uid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("id", "-u").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }

    private void awaitPort(int port) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx stopped: " + Files.readString(dir.resolve("nginx.out")) + log());
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + ": " + log());
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry(
                    "proxy", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
