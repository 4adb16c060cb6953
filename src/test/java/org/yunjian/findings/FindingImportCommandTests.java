package org.yunjian.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.assessment.ApiAssessments;
import org.yunjian.cli.CliRunner;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.CliCapture;
import org.yunjian.support.Scratch;

/** {@code yunjian assessment import-results | import-poam | imported-findings} acting as a named assessor. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({Fixtures.class, FindingImportTests.Crosswalk.class})
@Tag("database")
class FindingImportCommandTests {

    @Autowired
    CliRunner cli;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAdministration users;

    final CliCapture capture = new CliCapture();
    final StringWriter out = capture.out;
    final StringWriter err = capture.err;
    String username;
    String id;

    @BeforeEach
    void assessorAccountAndAssessment() throws Exception {
        Fixtures.World w = fixtures.world();
        username = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        var account = org.yunjian.security.TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        username, "命令行测评员", Role.USER, w.assessor().id(), "Assessor-Cli-Test-2026!"));
        CurrentUser assessor =
                new CurrentUser(account.id(), username, w.assessor().id(), Role.USER);
        id = JsonPath.read(ApiAssessments.post(mvc, assessor, w, "命令行导入"), "$.id");
    }

    @Test
    void importsResultsAndPoamListingMappedAndUnmappedAndRefusesABrokenFile() throws Exception {
        Path dir = Scratch.directory("findings-cli");
        Path ar = FindingImportTests.EXAMPLES.resolve("ifa_assessment-results-example.json");
        assertThat(capture.run(
                        cli,
                        java.util.Locale.SIMPLIFIED_CHINESE,
                        "assessment",
                        "import-results",
                        id,
                        ar.toString(),
                        "--as",
                        username))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains("已导入 ifa_assessment-results-example.json：2 条，其中 1 条未映射", "已映射", "ac-6.1")
                .contains(FindingImportTests.MAPPED_ITEM, "部分重叠", "未映射", "GoodRead Developer Role");

        Path poam = FindingImportTests.EXAMPLES.resolve("ifa_plan-of-action-and-milestones.json");
        assertThat(capture.run(
                        cli,
                        java.util.Locale.ENGLISH,
                        "assessment",
                        "import-poam",
                        id,
                        poam.toString(),
                        "--as",
                        username))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("Imported ifa_plan-of-action-and-milestones.json: 2 entries, 1 of them");

        assertThat(capture.run(cli, java.util.Locale.ENGLISH, "assessment", "imported-findings", id, "--as", username))
                .isZero();
        assertThat(out.toString()).contains("assessment results", "POA&M");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"assessment-results\": {}}", StandardCharsets.UTF_8);
        assertThat(capture.run(
                        cli,
                        java.util.Locale.ENGLISH,
                        "assessment",
                        "import-results",
                        id,
                        broken.toString(),
                        "--as",
                        username))
                .isNotZero();
        assertThat(err.toString()).contains("official OSCAL schema");
    }
}
