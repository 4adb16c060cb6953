package org.yunjian.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.assessment.ApiAssessments;
import org.yunjian.cli.CliRunner;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.CliCapture;
import org.yunjian.support.IfMatch;
import org.yunjian.support.PdfInspection;

/** {@code yunjian assessment ...} acting as a named user: list, workbook round trip, reports. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class AssessmentCommandTests {

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
        String body = ApiAssessments.post(mvc, assessor, w, "命令行测评");
        id = JsonPath.read(body, "$.id");
    }

    /** Runs a command in English (as {@code --lang en} does), the language most assertions here read. */
    int run(String... args) {
        return run(java.util.Locale.ENGLISH, args);
    }

    int run(java.util.Locale language, String... args) {
        return capture.run(cli, language, args);
    }

    @Test
    void listsTheAssessmentsTheUserTakesPartIn() {
        assertThat(run("assessment", "list", "--as", username)).isZero();
        assertThat(out.toString())
                .contains(id, "命令行测评", "Draft", "Third-party assessment")
                .containsPattern("YJ-\\d{4}-\\d{6}")
                .doesNotContain("DRAFT")
                .doesNotContain("THIRD_PARTY");
        out.getBuffer().setLength(0);
        assertThat(run(java.util.Locale.SIMPLIFIED_CHINESE, "assessment", "list", "--as", username))
                .isZero();
        assertThat(out.toString()).contains("报告编号", "草稿", "第三方测评");
    }

    @Test
    void helpAndOutputFollowTheChosenLanguage() {
        assertThat(run(java.util.Locale.SIMPLIFIED_CHINESE, "assessment", "list", "--help"))
                .isZero();
        assertThat(out.toString()).contains("列出该用户参与的测评。", "以该用户身份操作").doesNotContain("List the assessments");
        out.getBuffer().setLength(0);
        assertThat(run(java.util.Locale.ENGLISH, "assessment", "report", "--help"))
                .isZero();
        assertThat(out.toString())
                .contains("Write the assessment report", "docx, pdf, oscal-json (results), oscal-plan")
                .doesNotContain("写出测评报告");
        assertThat(run(java.util.Locale.SIMPLIFIED_CHINESE, "assessment", "list", "--as", "nobody-x"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("没有名为“nobody-x”的已启用业务用户或系统管理员");
    }

    @Test
    void refusesAnUnknownUser() {
        assertThat(run("assessment", "list", "--as", "nobody-" + UUID.randomUUID()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("No enabled business user");
    }

    @Test
    void anotherOrganisationsUserDoesNotSeeTheAssessment() throws Exception {
        String stranger = "cli-x-" + UUID.randomUUID().toString().substring(0, 8);
        org.yunjian.security.TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        stranger, "外人", Role.USER, w.stranger().id(), "Assessor-Cli-Test-2026!"));
        assertThat(run(
                        "assessment",
                        "report",
                        id,
                        "--format",
                        "docx",
                        "-o",
                        dir.resolve("r.docx").toString(),
                        "--as",
                        stranger))
                .isEqualTo(1);
        assertThat(err.toString()).contains("Not found");
        assertThat(dir.resolve("r.docx")).doesNotExist();
    }

    @Test
    void workbookRoundTripThroughTheCommandLine() throws Exception {
        Path xlsx = dir.resolve("items.xlsx");
        assertThat(run(
                        java.util.Locale.SIMPLIFIED_CHINESE,
                        "assessment",
                        "export-workbook",
                        id,
                        "-o",
                        xlsx.toString(),
                        "--as",
                        username))
                .isZero();
        byte[] exported = Files.readAllBytes(xlsx);
        String item1;
        String item2;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(exported))) {
            item1 = wb.getSheet("测评项").getRow(1).getCell(0).getStringCellValue();
            item2 = wb.getSheet("测评项").getRow(2).getCell(0).getStringCellValue();
        }
        mvc.perform(put("/api/assessment-items/{id}/verdict", item2)
                        .with(IfMatch.item(jdbc, item2))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"COMPLIANT\"}"))
                .andExpect(status().isOk());
        byte[] filled = WorkbookRoundTripTests.edit(exported, wb -> {
            WorkbookRoundTripTests.set(wb, 1, WorkbookRoundTripTests.VERDICT, "符合");
            WorkbookRoundTripTests.set(wb, 2, WorkbookRoundTripTests.VERDICT, "不适用");
            WorkbookRoundTripTests.set(wb, 2, WorkbookRoundTripTests.REASON, "无此设施");
        });
        Files.write(xlsx, filled);

        assertThat(run("assessment", "import-workbook", id, xlsx.toString(), "--as", username))
                .isZero();
        assertThat(out.toString())
                .contains(
                        "Applied 1 row(s)",
                        "1 conflict(s)",
                        "conflict: row 3",
                        "platform \"Compliant\", workbook \"Not applicable\"");
        mvc.perform(get("/api/assessment-items/{id}", item1).with(as(assessor)))
                .andExpect(jsonPath("$.item.verdict").value("COMPLIANT"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'cli.act-as' AND username = ?")
                        .param(username)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void printsEveryProblemOfARejectedWorkbookWithSheetRowAndColumn() throws Exception {
        Path xlsx = dir.resolve("items.xlsx");
        assertThat(run(
                        java.util.Locale.SIMPLIFIED_CHINESE,
                        "assessment",
                        "export-workbook",
                        id,
                        "-o",
                        xlsx.toString(),
                        "--as",
                        username))
                .isZero();
        Files.write(xlsx, WorkbookRoundTripTests.edit(Files.readAllBytes(xlsx), wb -> {
            WorkbookRoundTripTests.set(wb, 2, WorkbookRoundTripTests.VERDICT, "不适用");
            WorkbookRoundTripTests.set(wb, 4, WorkbookRoundTripTests.VERDICT, "大概符合");
        }));
        assertThat(run(
                        java.util.Locale.SIMPLIFIED_CHINESE,
                        "assessment",
                        "import-workbook",
                        id,
                        xlsx.toString(),
                        "--as",
                        username))
                .isEqualTo(1);
        assertThat(err.toString())
                .contains(
                        "测评表被拒绝，未应用任何内容。共 2 个问题：",
                        "  「测评项」工作表第 3 行 K 列：选择“不适用”时须说明理由",
                        "  「测评项」工作表第 5 行 J 列：“大概符合”不是有效结论");
        mvc.perform(get("/api/assessments/{id}/items", id).with(as(assessor)).param("verdict", "NONE"))
                .andExpect(jsonPath("$.total").value(58));
    }

    @Test
    void rejectsAMalformedWorkbookWithExitCodeOne() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.xlsx"), "not a workbook", StandardCharsets.UTF_8);
        assertThat(run("assessment", "import-workbook", id, bad.toString(), "--as", username))
                .isEqualTo(1);
        assertThat(err.toString()).contains("Workbook rejected, nothing applied");
    }

    @Test
    void writesTheReportsInEveryFormat() throws Exception {
        Path docx = dir.resolve("report.docx");
        Path pdf = dir.resolve("report.pdf");
        Path oscal = dir.resolve("results.json");
        var zh = java.util.Locale.SIMPLIFIED_CHINESE;
        assertThat(run(zh, "assessment", "report", id, "--format", "docx", "-o", docx.toString(), "--as", username))
                .isZero();
        assertThat(out.toString())
                .contains("已写出", "Word 文档", "测评报告-" + w.system().name().replace(' ', '_'));
        assertThat(run(zh, "assessment", "report", id, "--format", "pdf", "-o", pdf.toString(), "--as", username))
                .isZero();
        assertThat(run(
                        zh,
                        "assessment",
                        "report",
                        id,
                        "--format",
                        "oscal-json",
                        "-o",
                        oscal.toString(),
                        "--as",
                        username))
                .isZero();
        try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(docx))) {
            assertThat(doc.getParagraphs().stream().map(p -> p.getText())).contains("等级测评结论", "主要安全问题及整改建议");
        }
        assertThat(new PdfInspection(Files.readAllBytes(pdf)).text(1, 3)).contains("测评结论", "草稿");
        assertThat(Files.readString(oscal)).contains("\"assessment-results\"");
        // the documents beside the results: the assessment plan (JSON) and the POA&M (XML); the message on stdout
        Path plan = dir.resolve("plan.json");
        Path poam = dir.resolve("poam.xml");
        out.getBuffer().setLength(0);
        assertThat(run(
                        zh,
                        "assessment",
                        "report",
                        id,
                        "--format",
                        "oscal-plan",
                        "-o",
                        plan.toString(),
                        "--as",
                        username))
                .isZero();
        assertThat(out.toString()).contains("已写出", "OSCAL 评估计划", "评估计划-");
        assertThat(run(
                        zh,
                        "assessment",
                        "report",
                        id,
                        "--format",
                        "oscal-poam-xml",
                        "-o",
                        poam.toString(),
                        "--as",
                        username))
                .isZero();
        assertThat(Files.readString(plan)).contains("\"assessment-plan\"", "\"import-ssp\"");
        assertThat(Files.readString(poam))
                .contains("<plan-of-action-and-milestones", "http://csrc.nist.gov/ns/oscal/1.0");
        assertThat(org.yunjian.catalog.OscalSchemas.validate(
                        org.yunjian.catalog.OscalSchemas.Model.POAM,
                        org.yunjian.catalog.OscalFormat.XML,
                        Files.readAllBytes(poam)))
                .isEmpty();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'assessment.report.export' AND object_id = ? "
                                        + "AND detail LIKE '%\"cli:%'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
        assertThat(run("assessment", "report", id, "--format", "odt", "-o", docx.toString(), "--as", username))
                .isEqualTo(2);
        assertThat(err.toString()).contains("format: use docx, pdf, oscal-json, oscal-plan");
    }
}
