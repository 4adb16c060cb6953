package org.yunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.demo.DemoData;
import org.yunjian.support.RunsBesideTheSuite;
import org.yunjian.support.ServerProcess;
import org.yunjian.support.ServerProcess.ClientResult;
import org.yunjian.support.WebSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI against a running server (issue 35): the platform runs as its own process with the demo data, the demo
 * customer makes an API token on its account, and {@code yunjian …} runs as another process, as a user would run it
 * next to the server. Its stdout holds the table and nothing else (no Spring start, no log line), {@code --json}
 * parses, a wrong token is one line on stderr with a non-zero exit, {@code login} keeps the token in an owner-only
 * file and {@code logout} removes it. Only what a process proves runs as one; the other commands run the same
 * client code in this JVM ({@link ServerProcess#clientInProcess}, which says which stay processes and why).
 */
@RunsBesideTheSuite
@org.junit.jupiter.api.Order(2)
class RemoteCliTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern UUID_AT_START =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}  ");
    static final Pattern LOG_LINE = Pattern.compile("(?i)\\b(INFO|WARN|DEBUG|ERROR)\\b|SLF4J|Spring|:: ");

    static ServerProcess server;
    static String token;
    static String assessorToken;
    static List<String> assessmentIds;

    @TempDir
    static Path dir;

    @BeforeAll
    static void serverWithAToken() throws Exception {
        // the demo in place, copied, not seeded by the server (issue 37, CI time)
        Map<String, String> db = new java.util.LinkedHashMap<>();
        server = ServerProcess.start(
                org.yunjian.support.TestDatabases.demoForServer("remote_cli", db), db, "--spring.profiles.active=demo");
        WebSession customer = new WebSession(server::uri);
        customer.login(DemoData.CUSTOMER_USER, DemoData.PASSWORD);
        HttpResponse<String> made =
                customer.postJson("/api/account/tokens", "{\"name\":\"命令行\",\"scope\":\"READ_WRITE\",\"validDays\":7}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        token = JSON.readTree(made.body()).path("value").asString();
        WebSession assessor = new WebSession(server::uri);
        assessor.login(DemoData.ASSESSOR_USER, DemoData.PASSWORD);
        HttpResponse<String> mine = assessor.postJson(
                "/api/account/tokens", "{\"name\":\"测评命令行\",\"scope\":\"READ_WRITE\",\"validDays\":7}");
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(201);
        assessorToken = JSON.readTree(mine.body()).path("value").asString();
        // the demo seeds its assessments after the server answers: the list as it stands once it stops changing
        String last = "";
        for (int same = 0; same < 3; ) {
            HttpResponse<String> list = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(server.uri("/api/assessments?size=200"))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            same = list.body().equals(last) ? same + 1 : 0;
            last = list.body();
            Thread.sleep(1000);
        }
        assessmentIds = JSON.readTree(last)
                .path("items")
                .valueStream()
                .map(a -> a.path("id").asString())
                .toList();
        assertThat(assessmentIds)
                .as("the demo customer takes part in assessments")
                .isNotEmpty();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    Map<String, String> env(String token) {
        Map<String, String> env = new HashMap<>();
        env.put("YUNJIAN_SERVER", base());
        env.put("YUNJIAN_TOKEN", token);
        env.put("XDG_CONFIG_HOME", dir.resolve("no-login").toString());
        return env;
    }

    static String base() {
        return server.uri("").toString();
    }

    @Test
    void assessmentListPrintsOnlyTheTableWhileTheServerRuns() throws Exception {
        ClientResult r = ServerProcess.client(env(token), "", "assessment", "list", "--lang=en");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).isEmpty();
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines.get(0)).matches("ID +Report number +Status +Kind +Created +Name");
        assertThat(lines).hasSize(1 + assessmentIds.size());
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line).containsPattern(UUID_AT_START).doesNotContainPattern(LOG_LINE);
            assertThat(line)
                    .containsAnyOf("In progress", "Completed", "Draft", "In review", "Awaiting approval", "Archived");
        }
        assertThat(lines.subList(1, lines.size()).stream()
                        .map(l -> l.substring(0, 36))
                        .toList())
                .containsExactlyInAnyOrderElementsOf(assessmentIds);
        // the columns line up: every row's status starts where the header's does
        int status = lines.get(0).indexOf("Status");
        assertThat(lines.subList(1, lines.size()))
                .allSatisfy(l -> assertThat(l.charAt(status - 1)).isEqualTo(' '));

        ClientResult zh = ServerProcess.client(env(token), "", "--lang", "zh-CN", "assessment", "list");
        assertThat(zh.stdout().lines().findFirst().orElseThrow()).matches("ID +报告编号 +状态 +类型 +创建日期 +名称");
        assertThat(zh.stdout()).doesNotContainPattern(LOG_LINE);
    }

    @Test
    void jsonIsTheServersRowsAndParses() throws Exception {
        ClientResult r = ServerProcess.clientInProcess(env(token), "", "assessment", "list", "--json");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode rows = JSON.readTree(r.stdout());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows.valueStream().map(a -> a.path("id").asString()).toList())
                .containsExactlyInAnyOrderElementsOf(assessmentIds);
    }

    @Test
    void wrongTokenIsOneLineOnStderrAndExitOne() throws Exception {
        ClientResult r = ServerProcess.client(
                env("yj_aaaaaaaaaaaaaaaa_" + "A".repeat(43)), "", "assessment", "list", "--lang=en");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr().lines().toList()).singleElement().asString().startsWith("Refused by the server (401)");
    }

    @Test
    void aCommandWithoutARemoteFormSaysSoInOneLine() throws Exception {
        ClientResult r = ServerProcess.clientInProcess(
                env(token), "", "assessment", "revise-report", assessmentIds.get(0), "--lang=en");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr().lines().toList())
                .singleElement()
                .asString()
                .contains("yunjian assessment revise-report")
                .contains("yunjian api");
    }

    @Test
    void loginKeepsTheTokenForItsOwnerOnlyAndLogoutRemovesIt() throws Exception {
        Path config = dir.resolve("config");
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString());
        ClientResult login = ServerProcess.client(env, token + "\n", "login", "--server", base(), "--lang=en");
        assertThat(login.exitCode()).as(login.stderr()).isZero();
        assertThat(login.stdout()).contains("Logged in to " + base()).contains(DemoData.CUSTOMER_USER);
        Path file = config.resolve("yunjian/credentials");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(login.stdout()).doesNotContain(token);

        // neither YUNJIAN_SERVER nor YUNJIAN_TOKEN: the kept login names both
        ClientResult list = ServerProcess.client(env, "", "assessment", "list", "--json");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(JSON.readTree(list.stdout()).size()).isEqualTo(assessmentIds.size());

        ClientResult logout = ServerProcess.client(env, "", "logout");
        assertThat(logout.exitCode()).isZero();
        assertThat(file).doesNotExist();
    }

    @Test
    void loginRefusesAWrongTokenAndKeepsNothing() throws Exception {
        Path config = dir.resolve("config-wrong");
        ClientResult login = ServerProcess.clientInProcess(
                Map.of("XDG_CONFIG_HOME", config.toString()),
                "yj_aaaaaaaaaaaaaaaa_" + "A".repeat(43) + "\n",
                "login",
                "--server",
                base());
        assertThat(login.exitCode()).isEqualTo(1);
        assertThat(login.stdout()).isEmpty();
        assertThat(login.stderr().lines().toList()).singleElement().asString().contains("401");
        assertThat(config.resolve("yunjian/credentials")).doesNotExist();
    }

    static byte[] get(String path, String bearer) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri(path))
                                .header("Authorization", "Bearer " + bearer)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    @Test
    void catalogListShowsEachStandardsCountsAndJsonParses() throws Exception {
        ClientResult r = ServerProcess.clientInProcess(env(token), "", "catalog", "list", "--lang=en");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).isEmpty();
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines.get(0)).matches("CODE +NODES +ITEMS +SOURCE +TITLE");
        assertThat(lines).hasSizeGreaterThan(3).doesNotContain("");
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l)
                .matches("\\S+ +\\d+ +\\d+ +(built-in|imported) +.+")
                .doesNotContainPattern(LOG_LINE));
        ClientResult json = ServerProcess.clientInProcess(env(token), "", "catalog", "list", "--json");
        JsonNode rows = JSON.readTree(json.stdout());
        assertThat(rows.valueStream().map(s -> s.path("nodes").asInt()).toList())
                .allSatisfy(n -> assertThat(n).isPositive());
    }

    @Test
    void catalogExportWritesTheServersBytesAndSearchShowsHits() throws Exception {
        String code = JSON.readTree(ServerProcess.clientInProcess(env(token), "", "catalog", "list", "--json")
                        .stdout())
                .get(0)
                .path("code")
                .asString();
        Path file = dir.resolve("catalog.csv");
        ClientResult r = ServerProcess.clientInProcess(
                env(token),
                "",
                "catalog",
                "export",
                "--format",
                "csv",
                "--standard",
                code,
                "--out",
                file.toString(),
                "--lang=en");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).isEmpty();
        byte[] served = get(
                "/api/catalog/standards/" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8)
                        + "/csv",
                token);
        assertThat(Files.readAllBytes(file)).isEqualTo(served);
        assertThat(r.stderr().lines().toList())
                .singleElement()
                .asString()
                .startsWith("Wrote " + file)
                .contains(org.yunjian.crypto.Sm3.hex(served));

        ClientResult search =
                ServerProcess.clientInProcess(env(token), "", "catalog", "search", "访问控制", "--limit", "3", "--lang=en");
        assertThat(search.exitCode()).as(search.stderr()).isZero();
        assertThat(search.stdout().lines().toList())
                .hasSize(4)
                .last()
                .asString()
                .endsWith("matches");
        ClientResult none = ServerProcess.clientInProcess(
                env(token), "", "catalog", "versions", "--standard", "NO-SUCH", "--lang=en");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.stderr().lines().toList())
                .singleElement()
                .asString()
                .isEqualTo("nothing was imported under the code NO-SUCH");
    }

    @Test
    void reportRisksAndReviewHistoryRunThroughTheServer() throws Exception {
        String id = assessmentIds.get(0);
        Path file = dir.resolve("report.docx");
        ClientResult r = ServerProcess.clientInProcess(
                env(token), "", "assessment", "report", id, "--format", "docx", "-o", file.toString(), "--lang=en");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        byte[] written = Files.readAllBytes(file);
        assertThat(new String(written, 0, 2, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("PK");
        assertThat(r.stdout().lines().toList())
                .singleElement()
                .asString()
                .startsWith("Wrote " + file)
                .contains(org.yunjian.crypto.Sm3.hex(written));
        // the OSCAL POA&M beside the results, in XML: the file written, one line on stdout naming it
        Path poam = dir.resolve("poam.xml");
        ClientResult p = ServerProcess.clientInProcess(
                env(token),
                "",
                "assessment",
                "report",
                id,
                "--format",
                "oscal-poam-xml",
                "-o",
                poam.toString(),
                "--lang=en");
        assertThat(p.exitCode()).as(p.stderr()).isZero();
        assertThat(Files.readString(poam)).startsWith("<?xml").contains("<plan-of-action-and-milestones");
        assertThat(p.stdout().lines().toList()).singleElement().asString().startsWith("Wrote " + poam);

        ClientResult risks = ServerProcess.clientInProcess(env(token), "", "assessment", "risks", id, "--lang=en");
        assertThat(risks.exitCode()).as(risks.stderr()).isZero();
        assertThat(risks.stdout()).startsWith("Findings").doesNotContainPattern(LOG_LINE);
        assertThat(JSON.readTree(ServerProcess.clientInProcess(env(token), "", "assessment", "risks", id, "--json")
                                .stdout())
                        .path("summary")
                        .isObject())
                .isTrue();

        ClientResult history = ServerProcess.clientInProcess(env(token), "", "assessment", "review-history", id);
        assertThat(history.exitCode()).as(history.stderr()).isZero();
        assertThat(history.stdout()).isNotEmpty().doesNotContainPattern(LOG_LINE);

        ClientResult unconfirmed =
                ServerProcess.clientInProcess(env(token), "", "assessment", "approve-report", id, "--lang=en");
        assertThat(unconfirmed.exitCode()).isEqualTo(1);
        assertThat(unconfirmed.stderr()).contains("--confirm");
    }

    @Test
    void workbookUploadIsAppliedAndARefusedOneListsEveryProblem() throws Exception {
        JsonNode mine = JSON.readTree(ServerProcess.clientInProcess(
                        env(assessorToken), "", "assessment", "list", "--status", "IN_PROGRESS", "--json")
                .stdout());
        assertThat(mine.size())
                .as("the demo assessor has an assessment in progress")
                .isPositive();
        String id = mine.get(0).path("id").asString();
        Path xlsx = dir.resolve("items.xlsx");
        ClientResult export = ServerProcess.clientInProcess(
                env(assessorToken), "", "assessment", "export-workbook", id, "-o", xlsx.toString(), "--lang=en");
        assertThat(export.exitCode()).as(export.stderr()).isZero();
        ClientResult applied = ServerProcess.clientInProcess(
                env(assessorToken), "", "assessment", "import-workbook", id, xlsx.toString(), "--lang=en");
        assertThat(applied.exitCode()).as(applied.stderr()).isZero();
        assertThat(applied.stdout().lines().findFirst().orElseThrow())
                .matches("Applied 0 row\\(s\\), \\d+ unchanged, 0 conflict\\(s\\)\\.");

        Path junk = dir.resolve("junk.xlsx");
        Files.writeString(junk, "not a workbook");
        ClientResult refused = ServerProcess.clientInProcess(
                env(assessorToken), "", "assessment", "import-workbook", id, junk.toString(), "--lang=en");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stdout()).isEmpty();
        assertThat(refused.stderr().lines().findFirst().orElseThrow())
                .startsWith("Workbook rejected, nothing applied.");
        assertThat(refused.stderr().lines().count()).isGreaterThan(1);
    }

    @Test
    void usersListIsRefusedToABusinessUsersTokenAndAnotherActingUserIsRefused() throws Exception {
        ClientResult users = ServerProcess.clientInProcess(env(token), "", "users", "list", "--lang=en");
        assertThat(users.exitCode()).isEqualTo(1);
        assertThat(users.stdout()).isEmpty();
        assertThat(users.stderr().lines().toList())
                .singleElement()
                .asString()
                .startsWith("Refused by the server (403)");

        ClientResult other = ServerProcess.clientInProcess(
                env(token), "", "assessment", "list", "--as", DemoData.ASSESSOR_USER, "--lang=en");
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.stdout()).isEmpty();
        assertThat(other.stderr().lines().toList()).singleElement().asString().contains(DemoData.CUSTOMER_USER);
        ClientResult self = ServerProcess.clientInProcess(
                env(token), "", "assessment", "list", "--as", DemoData.CUSTOMER_USER, "--json");
        assertThat(self.exitCode()).as(self.stderr()).isZero();
    }

    @Test
    void usersListAndRequestsWorkWithASecurityAdministratorsToken() throws Exception {
        WebSession admin = new WebSession(server::uri);
        admin.login(DemoData.SECURITY_ADMIN, DemoData.PASSWORD);
        admin.refreshCsrf();
        HttpResponse<String> step = admin.postJson(
                "/api/login/totp",
                "{\"code\":\"" + org.yunjian.security.Totp.code(DemoData.SECURITY_ADMIN_TOTP, java.time.Instant.now())
                        + "\"}");
        assertThat(step.statusCode()).as(step.body()).isEqualTo(200);
        admin.refreshCsrf();
        HttpResponse<String> made =
                admin.postJson("/api/account/tokens", "{\"name\":\"账户只读\",\"scope\":\"READ_ONLY\",\"validDays\":1}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String adminToken = JSON.readTree(made.body()).path("value").asString();

        ClientResult users = ServerProcess.clientInProcess(env(adminToken), "", "users", "list", "--lang=en");
        assertThat(users.exitCode()).as(users.stderr()).isZero();
        assertThat(users.stderr()).isEmpty();
        List<String> lines = users.stdout().lines().toList();
        assertThat(lines.get(0)).matches("ID +USERNAME +ROLE +STATE +DISPLAY NAME");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).contains(DemoData.CUSTOMER_USER))
                .allSatisfy(l -> assertThat(l).doesNotContainPattern(LOG_LINE));
        ClientResult requests = ServerProcess.clientInProcess(env(adminToken), "", "users", "requests", "--json");
        assertThat(requests.exitCode()).as(requests.stderr()).isZero();
        assertThat(JSON.readTree(requests.stdout()).isArray()).isTrue();
    }

    @Test
    void lifecycleAndResponsibilityViewsRunThroughTheServer() throws Exception {
        JsonNode systems = JSON.readTree(get("/api/systems?size=200", token)).path("items");
        assertThat(systems.size()).isPositive();
        String system = systems.get(0).path("id").asString();
        for (List<String> command : List.of(
                List.of("lifecycle", "show-plan"),
                List.of("lifecycle", "show-drills"),
                List.of("lifecycle", "show-supervision"))) {
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(List.of("--system", system, "--lang=en"));
            ClientResult r = ServerProcess.clientInProcess(env(token), "", args.toArray(String[]::new));
            assertThat(r.exitCode()).as(command + ": " + r.stderr()).isZero();
            assertThat(r.stderr()).as(command.toString()).isEmpty();
            assertThat(r.stdout()).as(command.toString()).isNotEmpty().doesNotContainPattern(LOG_LINE);
        }
        ClientResult json =
                ServerProcess.clientInProcess(env(token), "", "lifecycle", "show-drills", "--system", system, "--json");
        assertThat(JSON.readTree(json.stdout()).path("plans").isArray()).isTrue();

        ClientResult view = ServerProcess.clientInProcess(
                env(token), "", "responsibility", "view", "--system", system, "--view", "mlps", "--lang=en");
        assertThat(view.exitCode()).as(view.stderr()).isZero();
        assertThat(view.stdout().lines().findFirst().orElseThrow()).startsWith("Cloud system \"");
        Path statement = dir.resolve("statement.docx");
        ClientResult doc = ServerProcess.clientInProcess(
                env(token),
                "",
                "responsibility",
                "statement",
                "--system",
                system,
                "-o",
                statement.toString(),
                "--lang=en");
        assertThat(doc.exitCode()).as(doc.stderr()).isZero();
        assertThat(doc.stdout()).startsWith("Wrote " + statement);
        assertThat(Files.size(statement)).isPositive();
    }

    @Test
    void monitorsListAlertsAndRunThroughTheServer() throws Exception {
        String portal = portalSystem();
        ClientResult list =
                ServerProcess.clientInProcess(env(token), "", "monitors", "list", "--system", portal, "--lang=en");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(list.stderr()).isEmpty();
        assertThat(list.stdout())
                .startsWith("Name")
                .contains(DemoData.PORTAL_MONITOR)
                .doesNotContainPattern(LOG_LINE);
        String monitor = JSON.readTree(
                        ServerProcess.clientInProcess(env(token), "", "monitors", "list", "--system", portal, "--json")
                                .stdout())
                .get(0)
                .path("id")
                .asString();
        ClientResult alerts = ServerProcess.clientInProcess(
                env(token), "", "monitors", "alerts", "--monitor", monitor, "--open", "--lang=en");
        assertThat(alerts.exitCode())
                .as("an open alert: exit 3 " + alerts.stderr())
                .isEqualTo(3);
        assertThat(alerts.stdout()).contains("Tampering").doesNotContainPattern(LOG_LINE);
        ClientResult run =
                ServerProcess.clientInProcess(env(token), "", "monitors", "run", "--monitor", monitor, "--lang=en");
        assertThat(run.exitCode()).as(run.stderr()).isIn(0, 3);
        assertThat(run.stdout()).startsWith("Probe: ").doesNotContainPattern(LOG_LINE);
        ClientResult probes =
                ServerProcess.clientInProcess(env(token), "", "monitors", "probes", "--monitor", monitor, "--lang=en");
        assertThat(probes.exitCode()).as(probes.stderr()).isZero();
        assertThat(probes.stdout()).startsWith("Probed at").doesNotContainPattern(LOG_LINE);
        // the probes' sealed chain verified (helper seal): the verdict in words, exit 0 while intact
        ClientResult verify =
                ServerProcess.clientInProcess(env(token), "", "monitors", "verify", "--monitor", monitor, "--lang=en");
        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        assertThat(verify.stdout()).startsWith("Evidence chain intact").doesNotContainPattern(LOG_LINE);

        // the open alert handled from the command line: acknowledged, then closed with a note
        String alert = JSON.readTree(ServerProcess.clientInProcess(
                                env(token), "", "monitors", "alerts", "--monitor", monitor, "--open", "--json")
                        .stdout())
                .get(0)
                .path("id")
                .asString();
        // issue 59: the tamper alert's emergency steps (guide 7.3.7 b) 1)): the demo's two recorded, the rest open
        String tamper = JSON.readTree(ServerProcess.clientInProcess(
                                env(token), "", "monitors", "alerts", "--monitor", monitor, "--open", "--json")
                        .stdout())
                .valueStream()
                .filter(a -> a.path("kind").asString().equals("TAMPERING"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        ClientResult steps =
                ServerProcess.clientInProcess(env(token), "", "monitors", "emergency", "--alert", tamper, "--lang=en");
        assertThat(steps.exitCode()).as(steps.stderr()).isZero();
        assertThat(steps.stdout())
                .startsWith("Step")
                .contains("REPORTED_TO_PROVIDER", "SITE_STOPPED", "Not recorded (only in serious cases)")
                .doesNotContainPattern(LOG_LINE);
        ClientResult stopped = ServerProcess.clientInProcess(
                env(token),
                "",
                "monitors",
                "emergency-record",
                "--alert",
                tamper,
                "--step",
                "SITE_STOPPED",
                "--note",
                "关闭首页访问，切换到维护页",
                "--lang=en");
        assertThat(stopped.exitCode()).as(stopped.stderr()).isZero();
        assertThat(stopped.stdout()).startsWith("Emergency step “").doesNotContainPattern(LOG_LINE);
        ClientResult again = ServerProcess.clientInProcess(
                env(token),
                "",
                "monitors",
                "emergency-record",
                "--alert",
                tamper,
                "--step",
                "SITE_STOPPED",
                "--note",
                "改写",
                "--lang=en");
        assertThat(again.exitCode()).as("recorded once, never changed").isNotZero();
        assertThat(again.stdout()).isEmpty();
        assertThat(again.stderr()).isNotBlank();

        ClientResult ack =
                ServerProcess.clientInProcess(env(token), "", "monitors", "ack", "--alert", alert, "--lang=en");
        assertThat(ack.exitCode()).as(ack.stderr()).isZero();
        assertThat(ack.stdout()).contains("acknowledged").doesNotContainPattern(LOG_LINE);
        ClientResult close = ServerProcess.clientInProcess(
                env(token), "", "monitors", "close", "--alert", alert, "--note", "已恢复页面并复核", "--lang=en");
        assertThat(close.exitCode()).as(close.stderr()).isZero();
        assertThat(close.stdout()).contains("closed").doesNotContainPattern(LOG_LINE);

        // the customer's organisation administrator imports its word list
        String org =
                JSON.readTree(get("/api/account", token)).path("organizationId").asString();
        Path words = dir.resolve("words.txt");
        Files.writeString(words, "# 本单位词表\n违规词甲\n违规词乙\n");
        ClientResult imported = ServerProcess.clientInProcess(
                env(token), "", "monitors", "words-import", "--org", org, "--file", words.toString(), "--lang=en");
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        assertThat(imported.stdout()).startsWith("Version 1 imported (2 words").doesNotContainPattern(LOG_LINE);
        ClientResult versions =
                ServerProcess.clientInProcess(env(token), "", "monitors", "words", "--org", org, "--lang=en");
        assertThat(versions.exitCode()).as(versions.stderr()).isZero();
        assertThat(versions.stdout()).startsWith("Version").contains("2");

        // the customer issues last month's 安全运行报告 as a record: only when confirmed, then listed
        String last = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"))
                .minusMonths(1)
                .toString();
        ClientResult unconfirmed = ServerProcess.clientInProcess(
                env(token), "", "monitors", "issue-report", "--system", portal, "--month", last, "--lang=en");
        assertThat(unconfirmed.exitCode()).isNotZero();
        assertThat(unconfirmed.stderr()).contains("confirm");
        ClientResult issued = ServerProcess.clientInProcess(
                env(token),
                "",
                "monitors",
                "issue-report",
                "--system",
                portal,
                "--month",
                last,
                "--confirm",
                "--lang=en");
        assertThat(issued.exitCode()).as(issued.stderr()).isZero();
        assertThat(issued.stdout())
                .startsWith("Issued the website security monitoring report of " + last + ": number YJ-SOR-")
                .doesNotContainPattern(LOG_LINE);
        ClientResult reports =
                ServerProcess.clientInProcess(env(token), "", "monitors", "reports", "--system", portal, "--lang=en");
        assertThat(reports.exitCode()).as(reports.stderr()).isZero();
        assertThat(reports.stdout()).startsWith("Month").contains(last, "YJ-SOR-");
    }

    @Test
    void monitorSettingsRoundTripThroughTheCliAndAnIncidentFromAnAlert() throws Exception {
        String portal = portalSystem();
        ClientResult added = ServerProcess.clientInProcess(
                env(token),
                "",
                "monitors",
                "add",
                "--system",
                portal,
                "--name",
                "命令行监测",
                "--url",
                "https://www.example.gov.cn/cli",
                "--failures",
                "2",
                "--slow-above-ms",
                "800",
                "--domain",
                "www.example.gov.cn",
                "--approved-address",
                "203.0.113.10",
                "--region",
                "华北-北京: 203.0.113.0/24, 198.51.100.0/24",
                "--expiry-warning-days",
                "20",
                "--json");
        assertThat(added.exitCode()).as(added.stderr()).isZero();
        JsonNode m = JSON.readTree(added.stdout());
        String id = m.path("id").asString();
        assertThat(m.path("failuresBeforeAlert").asInt()).isEqualTo(2);
        assertThat(m.path("slowAboveMillis").asInt()).isEqualTo(800);
        assertThat(m.path("domainName").asString()).isEqualTo("www.example.gov.cn");
        assertThat(m.path("approvedAddresses").get(0).asString()).isEqualTo("203.0.113.10");
        assertThat(m.path("approvedRegions").get(0).path("name").asString()).isEqualTo("华北-北京");
        assertThat(m.path("approvedRegions").get(0).path("ranges").get(1).asString())
                .isEqualTo("198.51.100.0/24");
        assertThat(m.path("expiryWarningDays").asInt()).isEqualTo(20);

        // an edit changes only what it names, and names the version it read
        ClientResult edited = ServerProcess.clientInProcess(
                env(token),
                "",
                "monitors",
                "edit",
                "--monitor",
                id,
                "--slow-above-ms",
                "off",
                "--region",
                "华东-上海: 192.0.2.0/24",
                "--lang=en");
        assertThat(edited.exitCode()).as(edited.stderr()).isZero();
        assertThat(edited.stdout()).startsWith("Monitor “命令行监测” changed").doesNotContainPattern(LOG_LINE);
        JsonNode after = JSON.readTree(get("/api/monitors/" + id, token));
        assertThat(after.path("slowAboveMillis").isNull()).isTrue();
        assertThat(after.path("approvedRegions")).hasSize(1);
        assertThat(after.path("approvedRegions").get(0).path("name").asString()).isEqualTo("华东-上海");
        assertThat(after.path("failuresBeforeAlert").asInt()).isEqualTo(2);
        assertThat(after.path("approvedAddresses").get(0).asString()).isEqualTo("203.0.113.10");
        assertThat(after.path("version").asInt()).isEqualTo(1);

        ClientResult refused = ServerProcess.clientInProcess(
                env(token), "", "monitors", "edit", "--monitor", id, "--region", "华北: 203.0.113.0/33", "--lang=en");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr())
                .contains("approvedRegions")
                .contains("Region 1")
                .contains("203.0.113.0/33");

        // a supervision incident from the demo's tamper alert
        String portalMonitor = JSON.readTree(
                        ServerProcess.clientInProcess(env(token), "", "monitors", "list", "--system", portal, "--json")
                                .stdout())
                .valueStream()
                .filter(x -> x.path("name").asString().equals(DemoData.PORTAL_MONITOR))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        String tamper = JSON.readTree(ServerProcess.clientInProcess(
                                env(token), "", "monitors", "alerts", "--monitor", portalMonitor, "--json")
                        .stdout())
                .valueStream()
                .filter(a -> a.path("kind").asString().equals("TAMPERING"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        ClientResult incident = ServerProcess.clientInProcess(
                env(token),
                "",
                "monitors",
                "incident",
                "--alert",
                tamper,
                "--duty",
                "B.14",
                "--title",
                "首页被篡改",
                "--lang=en");
        assertThat(incident.exitCode()).as(incident.stderr()).isZero();
        assertThat(incident.stdout()).startsWith("Security incident B.14 “首页被篡改” recorded: /");
    }

    /** The demo's portal system's id. */
    static String portalSystem() throws Exception {
        JsonNode systems = JSON.readTree(get("/api/systems?size=200", token)).path("items");
        return systems.valueStream()
                .filter(s -> s.path("name").asString().equals(DemoData.PORTAL_SYSTEM))
                .map(s -> s.path("id").asString())
                .findFirst()
                .orElseThrow();
    }
}
