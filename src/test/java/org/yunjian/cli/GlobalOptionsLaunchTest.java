package org.yunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 56: {@code yunjian --server URL monitors list} — the global option before the command — started a whole
 * server with the default profile in the working directory, which wrote {@code data/} and new keys there. Global
 * options ({@code --server}, {@code --lang}) may stand anywhere on the line, and no command but {@code serve} starts a
 * server or creates a data directory: each run here is a JVM of its own in an empty working directory.
 */
@org.yunjian.support.RunsBesideTheSuite
class GlobalOptionsLaunchTest {

    static final String SYSTEM = "00000000-0000-4000-8000-000000000001";

    @TempDir
    Path tmp;

    record Run(int status, String stdout, String stderr, String classes) {}

    private Run run(Map<String, String> env, String... args) throws Exception {
        Path log = tmp.resolve("classes.log");
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log,
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "org.yunjian.Application"));
        cmd.addAll(List.of(args));
        Path work = Files.createDirectories(tmp.resolve("work"));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(work.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().remove("YUNJIAN_DATA_DIR");
        pb.environment().remove("YUNJIAN_SERVER");
        pb.environment().remove("YUNJIAN_TOKEN");
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("still running (a server?): " + Files.readString(err));
        }
        Run r = new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8),
                Files.readString(log));
        try (var left = Files.list(work)) {
            assertThat(left.toList())
                    .as("nothing written in the working directory: " + r)
                    .isEmpty();
        }
        return r;
    }

    @Test
    void aServerNamedBeforeTheCommandIsCalledAndNothingStartsOrIsWritten() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            calls.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                            + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"items\":[{\"name\":\"门户\",\"url\":\"https://portal.example.gov.cn/\","
                            + "\"stateLabel\":\"正常\",\"id\":\"m1\"}],\"page\":1,\"size\":200,\"total\":1,\"pages\":1}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        try {
            String base = "http://127.0.0.1:" + stub.getAddress().getPort();
            Map<String, String> token = Map.of("YUNJIAN_TOKEN", "yj_test");
            for (List<String> line : List.of(
                    List.of("--server", base, "monitors", "list", "--system", SYSTEM),
                    List.of("--server=" + base, "--lang", "en", "monitors", "list", "--system", SYSTEM),
                    List.of("--lang=zh-CN", "--server", base, "monitors", "list", "--system", SYSTEM),
                    List.of("monitors", "--server", base, "list", "--system", SYSTEM))) {
                Run r = run(token, line.toArray(String[]::new));
                assertThat(r.status()).as(line + " " + r).isZero();
                assertThat(r.stdout()).as(line.toString()).contains("门户", "https://portal.example.gov.cn/");
                assertThat(r.stderr()).as(line.toString()).isEmpty();
                assertThat(r.classes()).doesNotContain("org.springframework.boot.SpringApplication ");
            }
            assertThat(calls)
                    .hasSize(4)
                    .allMatch(c -> c.equals("GET /api/systems/" + SYSTEM + "/monitors Bearer yj_test"));
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void anAbsentServerIsOneClearLineAndStillNothingStarts() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Run r = run(
                Map.of("YUNJIAN_TOKEN", "yj_test"),
                "--server",
                "http://127.0.0.1:" + closed,
                "--lang=en",
                "monitors",
                "list",
                "--system",
                SYSTEM);
        assertThat(r.status()).as(r.toString()).isNotZero();
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr().strip())
                .contains("127.0.0.1:" + closed)
                .doesNotContain("\n")
                .doesNotContain("Exception");
        assertThat(r.classes()).doesNotContain("org.springframework.boot.SpringApplication ");
    }

    @Test
    void aGlobalOptionWithoutACommandOrBeforeAnOfflineCommandStartsNoServerAndCreatesNoDataDirectory()
            throws Exception {
        Run alone = run(Map.of(), "--server", "http://127.0.0.1:9", "--lang=en");
        assertThat(alone.status()).as(alone.toString()).isEqualTo(2);
        assertThat(alone.stderr()).contains("yunjian --help");
        assertThat(alone.classes()).doesNotContain("org.springframework.boot.SpringApplication ");

        // a command on the database, no data directory here: refused before anything is created
        Run offline = run(Map.of(), "--lang=en", "catalog", "list");
        assertThat(offline.status()).as(offline.toString()).isEqualTo(2);
        assertThat(offline.stdout()).isEmpty();
        assertThat(offline.stderr()).contains("No data directory", "yunjian serve", "YUNJIAN_DATA_DIR");

        // a server option before a command is no server start either
        Run serverOption = run(Map.of(), "--server.port=0", "catalog", "list");
        assertThat(serverOption.status()).as(serverOption.toString()).isEqualTo(2);
        assertThat(serverOption.stderr()).doesNotContain("Tomcat started");
    }

    /**
     * Issue 61: the user's language is the one the environment names — {@code LANG=zh_CN.UTF-8} gives Chinese table
     * headers even where the machine has no zh_CN locale installed (the JVM alone then falls back to English), and
     * {@code --lang} still wins. {@code --json} prints the server's rows as they came, in any language.
     */
    @Test
    void tableHeadersFollowTheUsersLanguage() throws Exception {
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            byte[] body = ("{\"items\":[{\"name\":\"门户\",\"url\":\"https://portal.example.gov.cn/\","
                            + "\"stateLabel\":\"正常\",\"id\":\"m1\"}],\"page\":1,\"size\":200,\"total\":1,\"pages\":1}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        try {
            String base = "http://127.0.0.1:" + stub.getAddress().getPort();
            Map<String, String> zh = Map.of("YUNJIAN_TOKEN", "yj_test", "LANG", "zh_CN.UTF-8", "LC_ALL", "");
            Run chinese = run(zh, "monitors", "list", "--server", base, "--system", SYSTEM);
            assertThat(chinese.status()).as(chinese.toString()).isZero();
            assertThat(chinese.stdout().lines().findFirst().orElseThrow())
                    .startsWith("名称")
                    .contains("网址");

            Run english = run(zh, "monitors", "list", "--server", base, "--system", SYSTEM, "--lang", "en");
            assertThat(english.stdout().lines().findFirst().orElseThrow())
                    .startsWith("Name")
                    .contains("URL");

            Run json = run(zh, "monitors", "list", "--server", base, "--system", SYSTEM, "--json");
            assertThat(json.status()).as(json.toString()).isZero();
            assertThat(json.stdout().strip())
                    .startsWith("[")
                    .contains("\"name\"")
                    .doesNotContain("名称  ");
        } finally {
            stub.stop(0);
        }
    }
}
