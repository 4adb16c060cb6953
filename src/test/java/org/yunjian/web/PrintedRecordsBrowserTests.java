package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.demo.DemoData;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.Browser;
import org.yunjian.support.IfMatch;

/**
 * Issue 58 point 6, pages people read and print, in headless Chromium on the demo: an approved assessment's 测评报告
 * page and its risk register printed to PDF (as "Save as PDF" does) carry the record — the report number, the risk's
 * text, the register's last column with its value — and none of the page's chrome: navigation, user box, search,
 * buttons, filters, footer. So do the responsibility matrix (landscape, its last party's column on the page), a
 * monitoring alert and an exit project. The lifecycle plan groups its duties in a collapsible block per phase and per
 * responsible organisation, and prints them all open. The PDFs and PNGs of their first pages are left in
 * {@code target/print/} to look at.
 */
@org.yunjian.support.OnePass
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
class PrintedRecordsBrowserTests {

    /** What the page's chrome says (navigation, user box, search, footer, buttons) and a printed record never does. */
    static final List<String> CHROME = List.of(
            "我的待办",
            "标准目录",
            "退出登录",
            "演示模式",
            "演示邮箱",
            "云计算服务全生命周期安全治理",
            "下载Word报告",
            "下载PDF报告",
            "导出CSV",
            "导出Excel",
            "清除筛选",
            "创建复测测评",
            "报告真伪核验");

    static final String RISK = "打印核对：管理网段与业务网段未隔离";

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAdministration users;

    @Test
    void anApprovedReportAndItsRiskRegisterPrintTheRecordWithoutThePagesChrome() throws Exception {
        // MockMvc as @AutoConfigureMockMvc builds it (the application's filters too), without a context of its own
        var builder = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity());
        new org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer(context)
                .customize(builder);
        MockMvc mvc = builder.build();
        CurrentUser assessor = SeedActor.account(users, DemoData.ASSESSOR_USER).orElseThrow();
        String id = approvedWithFinding(mvc, assessor);
        String reportNumber = jdbc.sql("SELECT report_number FROM assessment WHERE id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single();
        // a follow-up assessment re-tests the finding: the register's last column (复测) then names it
        String followUp = JsonPath.read(
                mvc.perform(post("/api/assessments/{id}/follow-ups", id).with(as(assessor)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$.reportNumber");

        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            String base = "http://localhost:" + port;
            Browser.logIn(driver, wait, base, DemoData.ASSESSOR_USER, null);

            driver.get(base + "/assessments/" + id);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-revisions")));
            String report = printed(driver, "report");
            assertThat(report).contains(reportNumber, "测评报告", "第1版", "报告编号", compact(RISK));
            assertThat(report).doesNotContain(CHROME);

            driver.get(base + "/assessments/" + id + "/risks");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("risk-register")));
            List<WebElement> headers = driver.findElements(By.cssSelector("#risk-register thead th"));
            String lastHeader = headers.get(headers.size() - 1).getText();
            assertThat(lastHeader).isEqualTo("复测");
            String register = printed(driver, "risk-register");
            assertThat(register).contains(reportNumber, compact(RISK), compact(lastHeader), "复测中，尚无结论", followUp);
            assertThat(register).doesNotContain(CHROME).doesNotContain("筛选");
        } finally {
            driver.quit();
        }
    }

    @Test
    void thePlanGroupsItsDutiesInACollapsibleBlockPerPhaseWithLinksToEach() throws Exception {
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            String base = "http://localhost:" + port;
            Browser.logIn(driver, wait, base, DemoData.CUSTOMER_USER, null);
            UUID portal = jdbc.sql("SELECT id FROM cloud_system WHERE name = ?")
                    .param(DemoData.PORTAL_SYSTEM)
                    .query(UUID.class)
                    .single();
            driver.get(base + "/systems/" + portal + "/lifecycle");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));

            List<WebElement> phases = driver.findElements(By.cssSelector("section.stage > details.phase-duties"));
            assertThat(phases).hasSizeGreaterThanOrEqualTo(3);
            // exactly one phase open: the one being worked on; each summary names the phase and counts its duties
            assertThat(phases.stream().filter(d -> d.getAttribute("open") != null))
                    .hasSize(1);
            for (WebElement phase : phases) {
                String section = phase.findElement(By.xpath("..")).getAttribute("id");
                assertThat(section).isEqualTo("stage-" + phase.getAttribute("data-phase"));
                int rows = phase.findElements(By.cssSelector("table.duties tbody tr"))
                        .size();
                String summary =
                        phase.findElement(By.cssSelector(":scope > summary")).getAttribute("textContent");
                assertThat(summary).contains("共 " + rows + " 项职责", "已完成", "未完成");
                // inside a phase, one block per responsible organisation, each counting its own duties
                List<WebElement> groups = phase.findElements(By.cssSelector(":scope > details.duty-group"));
                assertThat(groups).isNotEmpty();
                assertThat(groups.stream()
                                .mapToInt(g -> g.findElements(By.cssSelector("tbody tr"))
                                        .size())
                                .sum())
                        .isEqualTo(rows);
            }
            // the timeline's phase names jump to the phase, and the jump opens it
            WebElement closed = phases.stream()
                    .filter(d -> d.getAttribute("open") == null)
                    .findFirst()
                    .orElseThrow();
            String phase = closed.getAttribute("data-phase");
            WebElement jump = driver.findElement(By.id("jump-" + phase));
            assertThat(jump.getAttribute("href")).endsWith("#stage-" + phase);
            jump.click();
            wait.until(d -> d.findElement(By.id("phase-duties-" + phase)).getAttribute("open") != null);

            String plan = printed(driver, "plan");
            assertThat(plan).doesNotContain(CHROME).doesNotContain("应用于所选职责", "全选");
        } finally {
            driver.quit();
        }
    }

    @Test
    void theMatrixAMonitoringAlertAndAnExitProjectPrintTheirRecordWithoutThePagesChrome() throws Exception {
        UUID portal = jdbc.sql("SELECT id FROM cloud_system WHERE name = ?")
                .param(DemoData.PORTAL_SYSTEM)
                .query(UUID.class)
                .single();
        UUID alert = jdbc.sql("SELECT id FROM monitor_alert WHERE system_id = ? ORDER BY opened_at LIMIT 1")
                .param(portal)
                .query(UUID.class)
                .single();
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            String base = "http://localhost:" + port;
            Browser.logIn(driver, wait, base, DemoData.CUSTOMER_USER, null);

            // the matrix is wide (one column per party): landscape, and its last party's column is on the page
            driver.get(base + "/systems/" + portal + "/responsibility");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("matrix-table")));
            List<WebElement> parties = driver.findElements(By.cssSelector("#matrix-table thead th"));
            String lastParty = parties.get(parties.size() - 1).getText();
            String matrix = printed(driver, "matrix");
            assertThat(matrix).contains("责任分工矩阵", compact(lastParty), compact(DemoData.PORTAL_SYSTEM));
            assertThat(matrix).doesNotContain(CHROME);

            driver.get(base + "/monitoring/alerts/" + alert);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("alert-title")));
            String title = driver.findElement(By.id("alert-title")).getText();
            String printedAlert = printed(driver, "alert");
            assertThat(printedAlert).contains(compact(title), compact(DemoData.PORTAL_SYSTEM));
            assertThat(printedAlert).doesNotContain(CHROME).doesNotContain("关闭告警", "确认告警");

            // the demo's exit project (in 移交): its checklist and inventory print, its forms do not
            // by its name (demo.exit.name): classes sharing this context add exit projects of their own
            UUID exit = jdbc.sql("SELECT id FROM exit_project WHERE name LIKE ? ORDER BY name LIMIT 1")
                    .param("%迁出政务云")
                    .query(UUID.class)
                    .single();
            driver.get(base + "/exit-projects/" + exit);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checklist-table")));
            String name = driver.findElement(By.id("project-name")).getText();
            String project = printed(driver, "exit-project");
            assertThat(project).contains(compact(name), compact(DemoData.SERVICE_SYSTEM));
            assertThat(project).doesNotContain(CHROME);
        } finally {
            driver.quit();
        }
    }

    /** An approved assessment of the demo portal by the demo assessor, with one high finding ({@link #RISK}). */
    private String approvedWithFinding(MockMvc mvc, CurrentUser assessor) throws Exception {
        CurrentUser checker =
                SeedActor.account(users, DemoData.ASSESSMENT_REVIEWER).orElseThrow();
        CurrentUser approver =
                SeedActor.account(users, DemoData.ASSESSMENT_APPROVER).orElseThrow();
        UUID portal = jdbc.sql("SELECT id FROM cloud_system WHERE name = ?")
                .param(DemoData.PORTAL_SYSTEM)
                .query(UUID.class)
                .single();
        String id = JsonPath.read(
                mvc.perform(post("/api/assessments")
                                .with(as(assessor))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                {"name":"打印核对测评-%s","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY","assessors":["%s"],"reviewer":"%s","approver":"%s","scope":["MLPS-L3"]}""".formatted(
                                                UUID.randomUUID().toString().substring(0, 8),
                                                portal,
                                                assessor.organizationId(),
                                                assessor.userId(),
                                                checker.userId(),
                                                approver.userId())))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$.id");
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk());
        String items = AssessmentItems.json(mvc, id, as(assessor));
        String item = JsonPath.<List<String>>read(items, "$[?(@.side == 'CUSTOMER_SYSTEM')].id")
                .get(0);
        mvc.perform(put("/api/assessment-items/{id}/verdict", item)
                        .with(as(assessor))
                        .with(IfMatch.item(jdbc, item))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"HIGH\",\"riskReason\":\"" + RISK
                                + "\"}"))
                .andExpect(r -> assertThat(r.getResponse().getStatus())
                        .as(r.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .isEqualTo(200));
        // the demo's 审核人 and 批准人 sign it off (the fixture's gaps filled as the submission check asks)
        SignOffFixture.fillGaps(jdbc, id);
        review(mvc, id, "submit", assessor, "{}");
        review(mvc, id, "approve", checker, "{}");
        review(mvc, id, "approve-report", approver, "{\"confirm\":true}");
        return id;
    }

    private void review(MockMvc mvc, String id, String step, CurrentUser who, String json) throws Exception {
        mvc.perform(post("/api/assessments/{id}/review/" + step, id)
                        .with(as(who))
                        .with(IfMatch.assessment(jdbc, id))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(r -> assertThat(r.getResponse().getStatus())
                        .as(step + ": " + r.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .isEqualTo(200));
    }

    /**
     * The open page printed to PDF, its text with the white space taken out (a table cell wraps its words across
     * lines); the PDF and its first page as PNG are kept in {@code target/print/} for a person to look at.
     */
    private static String printed(ChromeDriver driver, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/print"));
        Path pdf = dir.resolve(name + ".pdf");
        Files.write(pdf, Browser.printToPdf(driver));
        Path pdftoppm = Path.of("/usr/bin/pdftoppm");
        if (Files.isExecutable(pdftoppm)) {
            new ProcessBuilder(
                            pdftoppm.toString(),
                            "-png",
                            "-r",
                            "60",
                            "-f",
                            "1",
                            "-l",
                            "3",
                            pdf.toString(),
                            dir.resolve(name).toString())
                    .inheritIO()
                    .start()
                    .waitFor();
        }
        return compact(Browser.pdfText(pdf));
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }
}
