package org.yunjian.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 61: {@code responsibility answer} and {@code sign-off} ran only offline ("not through the server yet"), and
 * {@code assessment sources} had no remote form. Against a loopback stub of the REST API: the call each makes, the
 * version it names (the one just read, or {@code --base-version}), the confirmation a sign-off needs before any call
 * that changes something, and the lines and {@code --json} a person and a script read.
 */
class RemoteDecisionsAndSourcesTests {

    static final String SYSTEM = "00000000-0000-4000-8000-000000000001";
    static final String ASSESSMENT = "00000000-0000-4000-8000-000000000002";

    HttpServer stub;
    final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void stub() throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            calls.add(exchange.getRequestMethod() + " " + path + (body.isEmpty() ? "" : " " + body));
            String answer;
            if (path.endsWith("/inheritance-sources")) {
                answer = "{\"items\":[{\"kind\":\"EXTERNAL\",\"id\":\"" + SYSTEM + "\",\"label\":\"平台测评 2026\","
                        + "\"verdict\":\"COMPLIANT\",\"fresh\":true}],\"page\":1,\"size\":200,\"total\":1,\"pages\":1}";
            } else if (exchange.getRequestMethod().equals("GET")) {
                answer = "{\"version\":3,\"currentVersion\":3,\"details\":{\"statusLabel\":\"草稿\"},"
                        + "\"questions\":[{\"question\":\"Q1\",\"text\":\"客户自行负责机房管理\",\"condition\":\"7.2 a)\","
                        + "\"answer\":null}]}";
            } else {
                answer = "{\"version\":4,\"currentVersion\":4,\"details\":{\"statusLabel\":\"Draft\"}}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    record Run(int status, String out, String err) {}

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of(
                Server.SERVER_ENV,
                "http://127.0.0.1:" + stub.getAddress().getPort(),
                Server.TOKEN_ENV,
                "yj_test",
                "XDG_CONFIG_HOME",
                "/nonexistent-yunjian-config");
        int status = RemoteCli.run(
                new PrintWriter(out),
                new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]),
                null,
                env::get,
                args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void anAnswerIsOneCallOverTheVersionJustRead() {
        Run r = run("responsibility", "answer", "--system", SYSTEM, "--question", "Q1", "--answer", "no", "--lang=en");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out().strip()).isEqualTo("Saved as version 4 (Draft).");
        assertThat(calls)
                .containsExactly(
                        "GET /api/systems/" + SYSTEM + "/responsibility",
                        "PUT /api/systems/" + SYSTEM
                                + "/responsibility/questions/Q1 {\"answer\":false,\"baseVersion\":3}");

        calls.clear();
        Run listed = run("responsibility", "answer", "--system", SYSTEM, "--lang=en");
        assertThat(listed.out()).contains("Q1", "客户自行负责机房管理", "7.2 a)");
        assertThat(calls).containsExactly("GET /api/systems/" + SYSTEM + "/responsibility");

        calls.clear();
        Run wrong = run("responsibility", "answer", "--system", SYSTEM, "--question", "Q1", "--answer", "maybe");
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(calls).isEmpty();
    }

    @Test
    void aSignOffNeedsItsConfirmationBeforeAnyChange() {
        Run unconfirmed = run("responsibility", "sign-off", "--system", SYSTEM, "--side", "customer", "--lang=en");
        assertThat(unconfirmed.status()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("version 3", "--confirm");
        assertThat(calls).noneMatch(c -> c.startsWith("POST"));

        calls.clear();
        Run signed = run(
                "responsibility",
                "sign-off",
                "--system",
                SYSTEM,
                "--side",
                "customer",
                "--confirm",
                "--base-version",
                "2",
                "--json");
        assertThat(signed.status()).as(signed.toString()).isZero();
        assertThat(signed.out()).contains("\"version\":4");
        assertThat(calls)
                .containsExactly("POST /api/systems/" + SYSTEM
                        + "/responsibility/sign-offs {\"side\":\"CUSTOMER\",\"baseVersion\":2}");
    }

    @Test
    void sourcesAreATableInTheUsersLanguageOrTheServersJson() {
        Run en = run("assessment", "sources", ASSESSMENT, "--lang=en");
        assertThat(en.status()).as(en.toString()).isZero();
        List<String> lines = en.out().lines().toList();
        assertThat(lines.get(0)).startsWith("ID").contains("KIND", "SOURCE", "VERDICT", "VALIDITY");
        assertThat(lines.get(1)).contains(SYSTEM, "External conclusion", "平台测评 2026", "Compliant", "Valid");

        Run zh = run("assessment", "sources", ASSESSMENT, "--lang=zh-CN");
        assertThat(zh.out().lines().findFirst().orElseThrow()).contains("类型", "来源", "结论", "有效性");

        Run json = run("assessment", "sources", ASSESSMENT, "--json");
        assertThat(json.out().strip()).startsWith("[{").contains("\"kind\":\"EXTERNAL\"");
        assertThat(calls).allMatch(c -> c.equals("GET /api/assessments/" + ASSESSMENT + "/inheritance-sources"));
    }
}
