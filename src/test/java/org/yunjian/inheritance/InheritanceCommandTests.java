package org.yunjian.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.assessment.ApiAssessments;
import org.yunjian.cli.CliRunner;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.CliCapture;

/** {@code yunjian assessment sources | record-conclusion | inherit | withdraw-inheritance} acting as a named user. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class InheritanceCommandTests {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    CliRunner cli;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAdministration users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    final CliCapture capture = new CliCapture();
    final StringWriter out = capture.out;
    final StringWriter err = capture.err;
    Fixtures.World w;
    CurrentUser assessor;
    String username;
    String id;

    @BeforeEach
    void assessorAccountAndAssessment() throws Exception {
        w = fixtures.world();
        username = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        var account = org.yunjian.security.TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        username, "命令行测评员", Role.USER, w.assessor().id(), "Assessor-Cli-Test-2026!"));
        assessor = new CurrentUser(account.id(), username, w.assessor().id(), Role.USER);
        String body = ApiAssessments.post(mvc, assessor, w, "命令行继承");
        id = JsonPath.read(body, "$.id");
    }

    int run(java.util.Locale language, String... args) {
        return capture.run(cli, language, args);
    }

    int run(String... args) {
        return run(java.util.Locale.ENGLISH, args);
    }

    String items(String side) throws Exception {
        return AssessmentItems.json(mvc, id, as(assessor), "side", side);
    }

    @Test
    void recordsAConclusionWithItsPdfInheritsRefusesAndWithdraws() throws Exception {
        Path pdf = dir.resolve("平台测评结论.pdf");
        Files.write(pdf, PDF);
        assertThat(run(
                        java.util.Locale.SIMPLIFIED_CHINESE,
                        "assessment",
                        "record-conclusion",
                        id,
                        "--report-number",
                        "DJCP-2026-0001",
                        "--organisation",
                        "某某测评中心",
                        "--date",
                        LocalDate.now().minusMonths(1).toString(),
                        "--verdict",
                        "COMPLIANT",
                        "--pdf",
                        pdf.toString(),
                        "--as",
                        username))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("已登记外部测评结论", "DJCP-2026-0001", "某某测评中心");
        String source = out.toString()
                .lines()
                .filter(l -> l.startsWith("来源 ID："))
                .findFirst()
                .orElseThrow()
                .substring("来源 ID：".length())
                .strip();

        assertThat(run("assessment", "sources", id, "--as", username)).isZero();
        assertThat(out.toString()).contains(source, "External conclusion", "Valid");

        // a customer-system-only requirement is refused, naming it
        List<String> platformRequirements = JsonPath.read(items("CLOUD_PLATFORM"), "$[*].requirementId");
        List<String> customerRequirements = JsonPath.read(items("CUSTOMER_SYSTEM"), "$[*].requirementId");
        String customerOnly = customerRequirements.stream()
                .filter(r -> !platformRequirements.contains(r))
                .findFirst()
                .orElseThrow();
        assertThat(run("assessment", "inherit", id, "--source", source, "--item", customerOnly, "--as", username))
                .isEqualTo(1);
        assertThat(err.toString()).contains(customerOnly, "cannot be inherited");

        String first = platformRequirements.get(0);
        assertThat(run("assessment", "inherit", id, "--source", source, "--item", first, "--as", username))
                .isZero();
        assertThat(out.toString()).contains(first, "Compliant", "DJCP-2026-0001");
        assertThat(run("assessment", "inherit", id, "--source", source, "--all", "--as", username))
                .isZero();
        assertThat(out.toString()).contains((platformRequirements.size() - 1) + " items inherited");
        List<Object> inherited = JsonPath.read(items("CLOUD_PLATFORM"), "$[?(@.inherited != null)].id");
        assertThat(inherited).hasSize(platformRequirements.size());

        assertThat(run("assessment", "withdraw-inheritance", id, "--item", first, "--as", username))
                .isZero();
        assertThat(out.toString()).contains(first, "withdrawn");
        assertThat(run("assessment", "withdraw-inheritance", id, "--all", "--as", username))
                .isZero();
        assertThat(out.toString()).contains((platformRequirements.size() - 1) + " inheritances withdrawn");
        List<Object> left = JsonPath.read(items("CLOUD_PLATFORM"), "$[?(@.inherited != null)].id");
        assertThat(left).isEmpty();
        // --item and --all together are a usage error
        assertThat(run("assessment", "inherit", id, "--source", source, "--all", "--item", first, "--as", username))
                .isEqualTo(2);
    }

    @Test
    void aStaleConclusionIsRefusedWithItsValidity() {
        assertThat(run(
                        "assessment",
                        "record-conclusion",
                        id,
                        "--report-number",
                        "OLD-1",
                        "--organisation",
                        "某中心",
                        "--date",
                        LocalDate.now().minusMonths(14).toString(),
                        "--verdict",
                        "COMPLIANT",
                        "--as",
                        username))
                .isZero();
        String source = out.toString()
                .lines()
                .filter(l -> l.startsWith("Source id: "))
                .findFirst()
                .orElseThrow()
                .substring("Source id: ".length())
                .strip();
        assertThat(run("assessment", "inherit", id, "--source", source, "--all", "--as", username))
                .isEqualTo(1);
        assertThat(err.toString()).contains("OLD-1", "12-month validity");
    }
}
