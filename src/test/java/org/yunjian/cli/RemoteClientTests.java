package org.yunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.cli.remote.RemoteCli;
import org.yunjian.cli.remote.TokenFile;

/**
 * The remote CLI's own rules, in process against a loopback stub of the REST API: which command lines go to the
 * server (and which stay offline), where the token comes from and where it never goes, the owner-only token file,
 * and the server-side {@code audit verify} and {@code backup} printed in the user's language.
 */
class RemoteClientTests {

    @TempDir
    Path dir;

    HttpServer stub;
    final List<String> calls = new CopyOnWriteArrayList<>();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void stub() throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            String path = exchange.getRequestURI().getPath();
            String body =
                    switch (path) {
                        case "/api/audit/verify" ->
                            "{\"ok\":true,\"entries\":42,\"anchors\":3,\"summary\":\"x\",\"findings\":[],"
                                    + "\"offSite\":false,\"notes\":[\"没有异地锚点副本\"]}";
                        case "/api/backups" ->
                            "{\"name\":\"yunjian-backup-20261125\",\"createdAt\":\"2026-11-25T10:00:00Z\","
                                    + "\"database\":\"h2\",\"files\":12,\"bytes\":2048,\"manifestSm3\":\"ab12\"}";
                        default ->
                            path.endsWith("/probes/verification")
                                    ? "{\"intact\":false,\"verdict\":\"Evidence chain truncated: the chain in the "
                                            + "database ends at probe no. 5, but the signed checkpoint kept outside the "
                                            + "database confirms that probe no. 7 was stored\",\"broken\":{\"reason\":"
                                            + "\"TRUNCATED\"},\"checkpoint\":{\"status\":\"CONFIRMED\",\"seq\":7}}"
                                    : "{\"items\":[],\"page\":1,\"size\":200,\"total\":0,\"pages\":1}";
                    };
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(path.equals("/api/backups") ? 201 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    String base() {
        return "http://127.0.0.1:" + stub.getAddress().getPort();
    }

    Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CONFIG_HOME", dir.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    int run(Map<String, String> env, String stdin, String... args) {
        return RemoteCli.run(
                new PrintWriter(out),
                new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                null,
                env::get,
                args);
    }

    @Test
    void businessCommandsStayOfflineUntilAServerIsNamed() throws Exception {
        Map<String, String> none = env();
        assertThat(RemoteCli.handles(new String[] {"assessment", "list", "--as", "customer"}, none::get))
                .isFalse();
        assertThat(RemoteCli.handles(new String[] {"users", "list"}, none::get)).isFalse();
        // what must run without a server never goes to one
        Map<String, String> named = env("YUNJIAN_SERVER", base());
        for (String offline : List.of("exit", "keys", "restore", "serve", "api", "report")) {
            assertThat(RemoteCli.handles(new String[] {offline}, named::get))
                    .as(offline)
                    .isFalse();
        }
        assertThat(RemoteCli.handles(new String[] {"assessment", "list"}, named::get))
                .isTrue();
        assertThat(RemoteCli.handles(new String[] {"backup", "--server", base()}, none::get))
                .isTrue();
        assertThat(RemoteCli.handles(new String[] {"login"}, none::get)).isTrue();
        new TokenFile(dir.resolve("yunjian/credentials")).write(new TokenFile.Login(base(), "yj_x"));
        assertThat(RemoteCli.handles(new String[] {"audit", "verify"}, none::get))
                .isTrue();
    }

    @Test
    void keptTokenGoesOnlyToTheServerItWasKeptFor() throws Exception {
        new TokenFile(dir.resolve("yunjian/credentials"))
                .write(new TokenFile.Login("https://yunjian.example.cn", "yj_kept"));
        int status = run(env("YUNJIAN_SERVER", base()), "", "assessment", "list", "--lang=en");
        assertThat(status).isEqualTo(2);
        assertThat(calls).isEmpty();
        assertThat(err.toString().lines().toList())
                .singleElement()
                .asString()
                .contains("YUNJIAN_TOKEN")
                .contains("yunjian login");
    }

    @Test
    void refusesATokenFileOthersMayRead() throws Exception {
        Path file = dir.resolve("yunjian/credentials");
        new TokenFile(file).write(new TokenFile.Login(base(), "yj_kept"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        int status = run(env(), "", "assessment", "list", "--lang=en");
        assertThat(status).isEqualTo(2);
        assertThat(calls).isEmpty();
        assertThat(err.toString()).contains(file.toString()).contains("chmod 600");
    }

    @Test
    void refusesToSendATokenInClearToAnotherMachine() {
        int status = run(
                env("YUNJIAN_SERVER", "http://yunjian.example.cn", "YUNJIAN_TOKEN", "yj_x"),
                "",
                "assessment",
                "list",
                "--lang=en");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("unencrypted");
    }

    @Test
    void auditVerifyIsTheServersVerificationInTheUsersLanguage() {
        int status =
                run(env("YUNJIAN_SERVER", base(), "YUNJIAN_TOKEN", "yj_audit"), "", "audit", "verify", "--lang=zh-CN");
        assertThat(status).as(err.toString()).isZero();
        assertThat(calls).containsExactly("GET /api/audit/verify Bearer yj_audit");
        assertThat(out.toString().lines().toList())
                .containsExactly(
                        org.yunjian.shared.Texts.render(
                                org.yunjian.shared.Msg.of("audit.cli.ok", 42L, 3L), org.yunjian.shared.Texts.CHINESE),
                        org.yunjian.shared.Texts.render(
                                org.yunjian.shared.Msg.of("audit.cli.note", "没有异地锚点副本"),
                                org.yunjian.shared.Texts.CHINESE));
    }

    @Test
    void monitorsVerifyPrintsTheServersTruncationVerdictAndFails() {
        String monitor = "3f2a7c1e-0000-4000-8000-000000000001";
        int status = run(
                env("YUNJIAN_SERVER", base(), "YUNJIAN_TOKEN", "yj_monitor"),
                "",
                "monitors",
                "verify",
                "--monitor",
                monitor,
                "--lang=en");
        assertThat(status).as(err.toString()).isEqualTo(3);
        assertThat(calls).containsExactly("GET /api/monitors/" + monitor + "/probes/verification Bearer yj_monitor");
        assertThat(out.toString()).startsWith("Evidence chain truncated").contains("probe no. 7");
    }

    @Test
    void backupRunsOnTheServerAndRefusesLocalDirectories() {
        Map<String, String> env = env("YUNJIAN_SERVER", base(), "YUNJIAN_TOKEN", "yj_admin");
        assertThat(run(env, "", "backup", "--lang=en")).as(err.toString()).isZero();
        assertThat(calls).containsExactly("POST /api/backups Bearer yj_admin");
        assertThat(out.toString()).contains("yunjian-backup-20261125").contains("12 files");
        calls.clear();
        assertThat(run(env, "", "backup", "--to", dir.toString(), "--lang=en")).isEqualTo(2);
        assertThat(calls).isEmpty();
    }

    @Test
    void emptyListPrintsNothingOnStdout() {
        int status = run(env("YUNJIAN_SERVER", base(), "YUNJIAN_TOKEN", "yj_x"), "", "catalog", "list", "--lang=en");
        assertThat(status).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(calls).containsExactly("GET /api/catalog/standards?size=200&page=1 Bearer yj_x");
    }
}
