package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.demo.DemoData;
import org.yunjian.support.PostgresForTests;
import org.yunjian.support.ServerProcess;
import org.yunjian.support.WebSession;

/**
 * Two application processes (the {@code serve} command, as an operator runs it) on one PostgreSQL database,
 * behind Debian's nginx as the reverse proxy with both as upstreams (no sticky sessions): a user logs in through
 * the proxy, the node that served the request is killed with SIGKILL, and the user's next requests — a read and
 * a write — succeed on the other node without a new login (sessions in the database). Meanwhile both nodes tick
 * the audit anchor job every half second for a two-second interval; the anchors show one per interval, not one
 * per node. PostgreSQL run only; mandatory under {@code CI=true} (nginx and PostgreSQL from .ci/run).
 */
@Tag("postgres")
class TwoNodeTests {

    static final Duration ANCHOR_INTERVAL = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    Process nginx;
    final List<ServerProcess> nodes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        for (ServerProcess node : nodes) {
            node.close();
        }
    }

    @Test
    void userContinuesOnTheOtherNodeAfterTheServingNodeIsKilledAndAnchorsAreWrittenOncePerInterval()
            throws Exception {
        Path binary = nginxBinary();
        Map<String, String> db = newDatabase();
        Map<String, String> props = new LinkedHashMap<>(db);
        props.put("yunjian.sessions.store", "database");
        props.put("yunjian.key-dir", dir.resolve("keys").toString());      // one key set for both nodes
        props.put("yunjian.audit.anchor-interval", ANCHOR_INTERVAL.toMillis() + "ms");
        props.put("yunjian.audit.anchor-every", "1000000");                // only the scheduled anchors
        Path shared = dir.resolve("data");                                  // evidence and files: shared storage
        // the first node creates the keys (empty audit log) and seeds the demo; the second one finds both
        nodes.add(ServerProcess.start(shared, props, "--spring.profiles.active=demo"));
        nodes.add(ServerProcess.start(shared, props, "--spring.profiles.active=demo"));

        int proxyPort = freePort();
        startNginx(binary, proxyPort, nodes.get(0).uri("/").getPort(), nodes.get(1).uri("/").getPort());
        WebSession user = new WebSession(path -> URI.create("http://127.0.0.1:" + proxyPort + path));
        String home = user.login(DemoData.CUSTOMER_USER, DemoData.PASSWORD);
        assertThat(home).doesNotContain("error");
        java.time.Instant windowStart = java.time.Instant.now();

        // requests go round-robin: make a few, each writes an audit entry so the anchor job has work every interval
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> created = createSystem(user, "双节点-" + i);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Thread.sleep(400);
        }

        HttpResponse<String> served = user.get("/api/account");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).contains(DemoData.CUSTOMER_USER);
        int servingPort = Integer.parseInt(served.headers().firstValue("X-Upstream").orElseThrow()
                .replaceFirst(".*:", ""));
        ServerProcess killed = nodes.stream().filter(n -> n.uri("/").getPort() == servingPort).findFirst().orElseThrow();
        ServerProcess survivor = nodes.stream().filter(n -> n != killed).findFirst().orElseThrow();
        killed.kill();

        HttpResponse<String> again = user.get("/api/account");
        assertThat(again.statusCode()).as("the same session on the surviving node").isEqualTo(200);
        assertThat(again.body()).contains(DemoData.CUSTOMER_USER);
        assertThat(again.headers().firstValue("X-Upstream")).hasValue("127.0.0.1:" + survivor.uri("/").getPort());
        HttpResponse<String> write = createSystem(user, "双节点-节点失效后");
        assertThat(write.statusCode()).as(write.body()).isEqualTo(201);

        Map<Long, Integer> anchorsPerInterval = anchorsPerInterval(db, windowStart);
        assertThat(anchorsPerInterval).as("scheduled anchors were written").isNotEmpty();
        assertThat(anchorsPerInterval.values()).as("anchors per %s interval: %s", ANCHOR_INTERVAL, anchorsPerInterval)
                .allMatch(n -> n == 1);
        ServerProcess.CliResult verify = ServerProcess.cli(shared, props, "audit", "verify");
        assertThat(verify.exitCode()).as(verify.output()).isZero();
    }

    private static HttpResponse<String> createSystem(WebSession user, String name) throws Exception {
        return user.postJson("/api/systems", """
                {"name":"%s-%s","protectionLevel":3,"deploymentModel":"PUBLIC","serviceModel":"IAAS",
                 "industry":"GOVERNMENT_WEBSITE","dataClassification":"IMPORTANT","regions":["北京"],
                 "agents":[]}""".formatted(name, UUID.randomUUID().toString().substring(0, 8)));
    }

    /** The documented two-node proxy block (docs/operations.md), on test ports, naming the upstream that answered. */
    private void startNginx(Path binary, int port, int first, int second) throws Exception {
        for (String temp : List.of("body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            Files.createDirectories(dir.resolve(temp));
        }
        String conf = "daemon off;\nworker_processes 1;\npid " + dir.resolve("nginx.pid") + ";\nerror_log "
                + dir.resolve("error.log") + ";\n" + ("root".equals(System.getProperty("user.name")) ? "user root;\n" : "")
                + "events { worker_connections 64; }\nhttp {\n  access_log off;\n"
                + "  client_body_temp_path " + dir.resolve("body") + ";\n  proxy_temp_path " + dir.resolve("proxy")
                + ";\n  fastcgi_temp_path " + dir.resolve("fastcgi") + ";\n  uwsgi_temp_path " + dir.resolve("uwsgi")
                + ";\n  scgi_temp_path " + dir.resolve("scgi") + ";\n"
                + documentedTwoNodeConfig(port, first, second) + "}\n";
        Files.writeString(dir.resolve("nginx.conf"), conf);
        nginx = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        for (int i = 0; i < 200; i++) {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx stopped: " + Files.readString(dir.resolve("nginx.out")));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    /** The two-node block of docs/operations.md as written but for addresses, ports and TLS (off here). */
    static String documentedTwoNodeConfig(int port, int first, int second) throws IOException {
        String doc = Files.readString(Path.of("docs/operations.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("```nginx-two-nodes\\n(.*?)```",
                java.util.regex.Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("the two-node nginx block in docs/operations.md").isTrue();
        String config = m.group(1).replace("10.0.0.11:8080", "127.0.0.1:" + first)
                .replace("10.0.0.12:8080", "127.0.0.1:" + second)
                .replace("listen 443 ssl;", "listen 127.0.0.1:" + port + ";")
                .replaceAll("(?m)^\\s*ssl_.*\\n", "")
                .replace("proxy_pass http://yunjian;", "proxy_pass http://yunjian;\n"
                        + "        add_header X-Upstream $upstream_addr always;");
        assertThat(config).doesNotContain("10.0.0.").doesNotContain(":8080").doesNotContain("ssl");
        return config;
    }

    /** Scheduled anchors since {@code from}, counted per epoch-aligned anchor interval. */
    private static Map<Long, Integer> anchorsPerInterval(Map<String, String> db, java.time.Instant from)
            throws Exception {
        Map<Long, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db.get("spring.flyway.url"), db.get("spring.flyway.user"),
                db.get("spring.flyway.password"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT created_at FROM audit_anchor")) {
            while (rs.next()) {
                java.time.Instant at = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
                if (!at.isBefore(from)) {
                    out.merge(at.toEpochMilli() / ANCHOR_INTERVAL.toMillis(), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    private static Map<String, String> newDatabase() throws Exception {
        assertThat(System.getProperty(PostgresForTests.ADMIN_URL)).as("the PostgreSQL run starts the test cluster").isNotNull();
        return PostgresForTests.newDatabase("nodes");
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
        org.junit.jupiter.api.Assumptions.abort(msg + ": skipped");
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
