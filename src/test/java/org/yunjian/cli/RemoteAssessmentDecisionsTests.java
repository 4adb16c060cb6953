package org.yunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yunjian.demo.DemoData;
import org.yunjian.support.RunsBesideTheSuite;
import org.yunjian.support.ServerProcess;
import org.yunjian.support.ServerProcess.ClientResult;
import org.yunjian.support.WebSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 61, the command line's gaps: the assessor's inheritance decisions ({@code assessment inherit},
 * {@code withdraw-inheritance}, one item or {@code --all}), the findings import ({@code import-results},
 * {@code imported-findings}, {@code adopt-finding}, {@code dismiss-finding}) and {@code catalog crosswalk}, each run
 * as the demo assessor against a running server with the demo data: what the command prints, and what the REST API
 * shows changed afterwards.
 */
@RunsBesideTheSuite
@org.junit.jupiter.api.Order(2)
class RemoteAssessmentDecisionsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static ServerProcess server;
    static String token;

    @BeforeAll
    static void serverWithAnAssessorsToken() throws Exception {
        Map<String, String> db = new java.util.LinkedHashMap<>();
        server = ServerProcess.start(
                org.yunjian.support.TestDatabases.demoForServer("remote_decisions", db),
                db,
                "--spring.profiles.active=demo");
        WebSession assessor = new WebSession(server::uri);
        assessor.login(DemoData.ASSESSOR_USER, DemoData.PASSWORD);
        HttpResponse<String> mine = assessor.postJson(
                "/api/account/tokens", "{\"name\":\"测评命令行\",\"scope\":\"READ_WRITE\",\"validDays\":7}");
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(201);
        token = JSON.readTree(mine.body()).path("value").asString();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("YUNJIAN_SERVER", server.uri("").toString());
        env.put("YUNJIAN_TOKEN", token);
        env.put("XDG_CONFIG_HOME", "/nonexistent-yunjian-config");
        return env;
    }

    static ClientResult yunjian(String... args) {
        return ServerProcess.clientInProcess(env(), "", args);
    }

    static JsonNode api(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri(path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** The demo assessment that inherits from the provider's recorded conclusion (the demo seeds it after start). */
    static String inheritingAssessment() throws Exception {
        for (int tries = 0; tries < 60; tries++) {
            for (JsonNode a : api("/api/assessments?size=200").path("items")) {
                String id = a.path("id").asString();
                boolean inherits = api("/api/assessments/" + id + "/items?size=200")
                        .path("items")
                        .valueStream()
                        .anyMatch(i -> !i.path("inherited").isNull()
                                && !i.path("inherited").isMissingNode());
                if (inherits) {
                    return id;
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the demo assessment that inherits was not seeded");
    }

    static List<JsonNode> items(String assessment) throws Exception {
        return api("/api/assessments/" + assessment + "/items?size=200")
                .path("items")
                .valueStream()
                .toList();
    }

    static long inherited(String assessment) throws Exception {
        return items(assessment).stream()
                .filter(i ->
                        !i.path("inherited").isNull() && !i.path("inherited").isMissingNode())
                .count();
    }

    @Test
    void inheritanceIsDecidedAndWithdrawnFromTheCommandLine() throws Exception {
        String assessment = inheritingAssessment();
        long before = inherited(assessment);
        assertThat(before).isPositive();
        JsonNode item = items(assessment).stream()
                .filter(i ->
                        !i.path("inherited").isNull() && !i.path("inherited").isMissingNode())
                .findFirst()
                .orElseThrow();
        String source = item.path("inherited").path("source").path("id").asString();
        String requirement = item.path("requirementId").asString();

        // one item, named by its ID: withdrawn, then inherited again named by its requirement number
        ClientResult withdrawn = yunjian(
                "assessment",
                "withdraw-inheritance",
                assessment,
                "--item",
                item.path("id").asString(),
                "--lang=en");
        assertThat(withdrawn.exitCode()).as(withdrawn.stderr()).isZero();
        assertThat(withdrawn.stdout()).contains(requirement, "Cloud platform");
        assertThat(inherited(assessment)).isEqualTo(before - 1);
        assertThat(api("/api/assessment-items/" + item.path("id").asString())
                        .path("item")
                        .path("inherited")
                        .isNull())
                .isTrue();

        ClientResult again =
                yunjian("assessment", "inherit", assessment, "--source", source, "--item", requirement, "--lang=en");
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stdout()).contains(requirement, "Compliant");
        assertThat(inherited(assessment)).isEqualTo(before);
        JsonNode back =
                api("/api/assessment-items/" + item.path("id").asString()).path("item");
        assertThat(back.path("verdict").asString()).isEqualTo("COMPLIANT");
        assertThat(back.path("inherited").path("source").path("id").asString()).isEqualTo(source);

        // every item at once: --all is the confirmation, and --item and --all together are bad input
        ClientResult both =
                yunjian("assessment", "withdraw-inheritance", assessment, "--item", requirement, "--all", "--lang=en");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(inherited(assessment)).isEqualTo(before);

        ClientResult all = yunjian("assessment", "withdraw-inheritance", assessment, "--all", "--lang=en");
        assertThat(all.exitCode()).as(all.stderr()).isZero();
        assertThat(all.stdout()).contains(String.valueOf(before));
        assertThat(inherited(assessment)).isZero();

        ClientResult inheritAll =
                yunjian("assessment", "inherit", assessment, "--source", source, "--all", "--lang=zh-CN");
        assertThat(inheritAll.exitCode()).as(inheritAll.stderr()).isZero();
        assertThat(inheritAll.stdout()).startsWith("已继承");
        assertThat(inherited(assessment)).isGreaterThanOrEqualTo(before);
    }

    @Test
    void importedFindingsAreImportedListedAdoptedAndDismissedFromTheCommandLine() throws Exception {
        String assessment = inheritingAssessment();
        Path file = Path.of("../shared/oscal/examples/ifa_assessment-results-example.json");
        assertThat(file).exists();
        ClientResult imported = yunjian("assessment", "import-results", assessment, file.toString(), "--lang=en");
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        assertThat(imported.stdout()).startsWith("Imported ifa_assessment-results-example.json");

        ClientResult list = yunjian("assessment", "imported-findings", assessment, "--lang=en");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        List<String> lines = list.stdout().lines().toList();
        assertThat(lines.get(0)).startsWith("ID").contains("File");
        assertThat(lines).hasSize(2);
        String importId = lines.get(1).substring(0, 36);
        JsonNode json = JSON.readTree(
                yunjian("assessment", "imported-findings", assessment, "--json").stdout());
        assertThat(json.path(0).path("id").asString()).isEqualTo(importId);

        ClientResult shown = yunjian("assessment", "imported-findings", assessment, importId, "--lang=en");
        assertThat(shown.exitCode()).as(shown.stderr()).isZero();
        List<String> mapped =
                shown.stdout().lines().filter(l -> l.startsWith("mapped  ")).toList();
        assertThat(mapped).as(shown.stdout()).isNotEmpty();
        assertThat(mapped).allSatisfy(l -> assertThat(l).contains("to decide"));
        // the demo assessment's scope holds none of the example's items: a dismissal is possible, an adoption is
        // refused by the server in one line, and nothing changes
        JsonNode view = api("/api/finding-imports/" + importId);
        List<String> placements = view.path("mapped")
                .valueStream()
                .flatMap(e -> e.path("placements").valueStream())
                .map(t -> t.path("id").asString())
                .toList();
        assertThat(placements).hasSizeGreaterThanOrEqualTo(2);
        String first = placements.get(0);
        String second = placements.get(1);
        assertThat(mapped).anyMatch(l -> l.startsWith("mapped  " + first));

        // final decisions: without --confirm nothing is sent
        ClientResult unconfirmed =
                yunjian("assessment", "dismiss-finding", importId, first, "--reason", "不适用于本系统", "--lang=en");
        assertThat(unconfirmed.exitCode()).isEqualTo(1);
        assertThat(unconfirmed.stderr()).contains("--confirm");
        assertThat(state(importId, first)).isEqualTo("PROPOSED");

        ClientResult noReason = yunjian("assessment", "dismiss-finding", importId, first, "--confirm", "--lang=en");
        assertThat(noReason.exitCode()).isEqualTo(2);

        ClientResult dismissed = yunjian(
                "assessment", "dismiss-finding", importId, first, "--reason", "不适用于本系统", "--confirm", "--lang=en");
        assertThat(dismissed.exitCode()).as(dismissed.stderr()).isZero();
        assertThat(dismissed.stdout()).contains("Dismissed");
        assertThat(state(importId, first)).isEqualTo("DISMISSED");

        // decided once: a second decision is refused by the server, exit 1
        ClientResult twice =
                yunjian("assessment", "dismiss-finding", importId, first, "--reason", "再次", "--confirm", "--lang=en");
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.stderr()).startsWith("Refused by the server (409)");

        ClientResult adopted = yunjian(
                "assessment",
                "adopt-finding",
                importId,
                second,
                "--verdict",
                "NON_COMPLIANT",
                "--risk",
                "MEDIUM",
                "--risk-reason",
                "外部测评发现的问题",
                "--confirm",
                "--lang=en");
        boolean inScope = view.path("mapped")
                .valueStream()
                .flatMap(e -> e.path("placements").valueStream())
                .anyMatch(t -> t.path("id").asString().equals(second)
                        && !t.path("itemId").isNull());
        if (inScope) {
            assertThat(adopted.exitCode()).as(adopted.stderr()).isZero();
            assertThat(state(importId, second)).isEqualTo("ADOPTED");
        } else {
            assertThat(adopted.exitCode()).isEqualTo(1);
            assertThat(adopted.stderr())
                    .startsWith("Refused by the server (409)")
                    .contains("scope");
            assertThat(state(importId, second)).isEqualTo("PROPOSED");
        }
    }

    static String state(String importId, String placement) throws Exception {
        for (JsonNode e : api("/api/finding-imports/" + importId).path("mapped")) {
            for (JsonNode t : e.path("placements")) {
                if (t.path("id").asString().equals(placement)) {
                    return t.path("state").asString();
                }
            }
        }
        throw new AssertionError("no placement " + placement);
    }

    @Test
    void theReportTemplateIsShownAndSetFromTheCommandLine() throws Exception {
        String assessment = inheritingAssessment();
        ClientResult shown = yunjian("assessment", "report-template", assessment, "--lang=en");
        assertThat(shown.exitCode()).as(shown.stderr()).isZero();
        assertThat(shown.stdout()).startsWith("This assessment follows the MLPS assessment report template");
        assertThat(shown.stdout()).contains("Contract date: ");

        ClientResult set = yunjian("assessment", "report-template", assessment, "--template", "2021", "--lang=en");
        assertThat(set.exitCode()).as(set.stderr()).isZero();
        assertThat(set.stdout()).contains("(2021 edition)");
        assertThat(api("/api/assessments/" + assessment + "/report-template")
                        .path("template")
                        .asString())
                .isEqualTo("T2021");

        ClientResult bad = yunjian("assessment", "report-template", assessment, "--template", "1999", "--lang=en");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("2025", "2021");

        JsonNode json = JSON.readTree(
                yunjian("assessment", "report-template", assessment, "--json").stdout());
        assertThat(json.path("template").asString()).isEqualTo("T2021");
    }

    @Test
    void aFollowUpIsCreatedFromACompletedAssessmentAndRefusedForAnOpenOne() throws Exception {
        String open = inheritingAssessment();
        ClientResult refused = yunjian("assessment", "follow-up", open, "--lang=en");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stdout()).isEmpty();
        assertThat(refused.stderr()).startsWith("Refused by the server (409)");

        List<String> completed = api("/api/assessments?size=200&status=COMPLETED")
                .path("items")
                .valueStream()
                .map(a -> a.path("id").asString())
                .toList();
        for (String id : completed) {
            ClientResult made = yunjian("assessment", "follow-up", id, "--lang=en");
            if (made.exitCode() == 0) {
                assertThat(made.stdout()).startsWith("Follow-up assessment ");
                String created = made.stdout().substring("Follow-up assessment ".length(), 57);
                assertThat(api("/api/assessments/" + created).path("id").asString())
                        .isEqualTo(created);
                return;
            }
            assertThat(made.stderr()).startsWith("Refused by the server (409)");
        }
    }

    @Test
    void theCrosswalkIsTheServersMappingCollection() throws Exception {
        ClientResult all = yunjian("catalog", "crosswalk", "--lang=en");
        assertThat(all.exitCode()).as(all.stderr()).isZero();
        List<String> lines = all.stdout().lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches("\\d+ maps, \\d+ items that no control meets\\.");
        assertThat(lines).anyMatch(l -> l.startsWith("AC-2 — "));

        ClientResult one = yunjian("catalog", "crosswalk", "--control", "ac-2", "--lang=en");
        assertThat(one.exitCode()).as(one.stderr()).isZero();
        assertThat(one.stdout().lines().toList()).isNotEmpty().allMatch(l -> l.startsWith("AC-2 — "));

        ClientResult bad = yunjian("catalog", "crosswalk", "--control", "not-a-control", "--lang=en");
        assertThat(bad.exitCode()).isEqualTo(2);

        Path out = Files.createTempFile(org.yunjian.support.Scratch.directory("crosswalk"), "cw", ".xml");
        ClientResult written = yunjian("catalog", "crosswalk", "--format", "xml", "-o", out.toString());
        assertThat(written.exitCode()).as(written.stderr()).isZero();
        byte[] served = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri("/api/catalog/crosswalks/nist-sp800-53r5/oscal?format=xml"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body();
        assertThat(Files.readAllBytes(out)).isEqualTo(served);
    }
}
