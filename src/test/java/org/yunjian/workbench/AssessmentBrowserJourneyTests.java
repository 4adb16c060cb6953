package org.yunjian.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yunjian.crypto.Sm3;
import org.yunjian.demo.DemoData;
import org.yunjian.support.Browser;
import org.yunjian.support.PdfInspection;

/**
 * The assessor's journey in headless Chromium: creates an assessment of the demo portal, starts it, records
 * verdicts with an uploaded evidence file, is refused review with the list of what is missing, submits, the
 * 审核人 approves the review and the 批准人 the report, downloads the PDF and DOCX
 * reports through the page's links and reads them back; afterwards the item page offers no way to change anything.
 */
@org.yunjian.support.OnePass
@Tag("database")
// beside the suite, on a demo of its own: the one-thread lane was the pass's last minutes alone (docs/performance.md,
// "CI time")
@org.yunjian.support.RunsBesideTheSuite
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@org.junit.jupiter.api.Order(2)
class AssessmentBrowserJourneyTests {

    @org.springframework.test.context.DynamicPropertySource
    static void database(org.springframework.test.context.DynamicPropertyRegistry registry) {
        org.yunjian.support.TestDatabases.freshDemo("assessment_journey", registry);
    }

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @TempDir
    Path tmp;

    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        // transitions reload the page: an element read while it reloads goes stale, and the wait retries
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void assessorCreatesRecordsWithEvidenceAndCompletesAnAssessment() throws Exception {
        logIn(DemoData.ASSESSOR_USER);
        open("/assessments");
        assertThat(driver.findElement(By.id("assessments")).getText()).contains(DemoData.PORTAL_SYSTEM);

        driver.findElement(By.id("new-assessment")).click();
        new Select(driver.findElement(By.id("systemId"))).selectByVisibleText(DemoData.PORTAL_SYSTEM);
        driver.findElement(By.id("choose")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assessment-form")));
        WebElement name = driver.findElement(By.id("name"));
        name.clear();
        name.sendKeys("浏览器测评");
        assertThat(new Select(driver.findElement(By.id("assessor")))
                        .getFirstSelectedOption()
                        .getText())
                .contains(DemoData.ASSESSOR.name());
        assertThat(driver.findElement(By.id("scope-MLPS-L3")).isSelected()).isTrue();
        new Select(driver.findElement(By.id("reviewer"))).selectByVisibleText("质量审核 周工");
        new Select(driver.findElement(By.id("approver"))).selectByVisibleText("技术负责人 吴工");
        driver.findElement(By.id("create")).click();
        wait.until(ExpectedConditions.urlMatches("/assessments/[0-9a-f-]{36}$"));
        String assessmentUrl = driver.getCurrentUrl();
        assertThat(status()).isEqualTo("DRAFT");

        driver.findElement(By.id("to-IN_PROGRESS")).click();
        wait.until(d -> status().equals("IN_PROGRESS"));

        // first item: compliant, with an evidence file
        driver.findElements(By.cssSelector("#items a.item-link")).get(0).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict-form")));
        assertThat(driver.findElement(By.id("verdict-choices")).getText()).contains("符合");
        driver.findElement(By.id("verdict-COMPLIANT")).click();
        driver.findElement(By.id("reason")).sendKeys("机房位于境内");
        driver.findElement(By.id("save-verdict")).click();
        wait.until(ExpectedConditions.textToBe(By.id("current-verdict"), "符合"));
        Path pdf = tmp.resolve("机房照片.pdf");
        Files.write(pdf, PDF);
        driver.findElement(By.id("file")).sendKeys(pdf.toString());
        driver.findElement(By.id("upload")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#evidence code.evidence-sm3")));
        assertThat(driver.findElement(By.cssSelector("#evidence code.evidence-sm3"))
                        .getText())
                .isEqualTo(Sm3.hex(PDF));
        assertThat(driver.findElement(By.id("evidence")).getText()).contains("机房照片.pdf");

        // second item: non-compliant, medium risk → a remediation task
        driver.get(assessmentUrl);
        driver.findElements(By.cssSelector("#items a.item-link")).get(1).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict-form")));
        driver.findElement(By.id("verdict-NON_COMPLIANT")).click();
        new Select(driver.findElement(By.id("riskLevel"))).selectByValue("MEDIUM");
        driver.findElement(By.id("riskReason")).sendKeys("未划分安全区域");
        driver.findElement(By.id("noEvidenceReason")).sendKeys("现场不允许拍照");
        driver.findElement(By.id("finding")).sendKeys("门户网站与内部系统位于同一网段");
        driver.findElement(By.id("save-verdict")).click();
        wait.until(ExpectedConditions.textToBe(By.id("current-verdict"), "不符合"));
        assertThat(driver.findElement(By.id("verdict-history")).getText()).contains("不符合");

        driver.get(assessmentUrl);
        assertThat(driver.findElement(By.id("risk-register")).getText()).contains("未划分安全区域");
        assertThat(driver.findElement(By.id("score-policy")).getText()).isEqualTo("云鉴三档结论规则（判定阈值由平台设定，标准未规定）（第 2 版）");
        // submitting with unrecorded items is refused with the list of what is missing
        driver.findElement(By.id("submit-review")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("missing-list")));
        assertThat(driver.findElement(By.id("missing-list")).getText()).contains("未记录结论");
        assertThat(status()).isEqualTo("IN_PROGRESS");
        // the other items are recorded elsewhere (table mode, workbook): here straight into the database
        UUID assessment = UUID.fromString(assessmentUrl.substring(assessmentUrl.lastIndexOf('/') + 1));
        jdbc.sql("UPDATE assessment_item SET verdict = 'COMPLIANT' WHERE assessment_id = ? AND verdict IS NULL")
                .param(assessment)
                .update();
        org.yunjian.assessment.SignOffFixture.fillGaps(jdbc, assessment.toString()); // each 符合 with its 现场记录
        driver.get(assessmentUrl);
        driver.findElement(By.id("submit-review")).click();
        wait.until(d -> status().equals("IN_REVIEW"));

        // the 审核人 approves the review, the 批准人 signs: approving the report cannot be undone, so the button does
        // nothing until the confirmation is ticked (no JavaScript)
        driver.manage().deleteAllCookies();
        logIn(DemoData.ASSESSMENT_REVIEWER);
        driver.get(assessmentUrl);
        driver.findElement(By.id("approve-review")).click();
        wait.until(d -> status().equals("APPROVAL"));
        driver.manage().deleteAllCookies();
        logIn(DemoData.ASSESSMENT_APPROVER);
        driver.get(assessmentUrl);
        driver.findElement(By.id("approve-report")).click();
        assertThat(status()).isEqualTo("APPROVAL");
        driver.findElement(By.id("confirm-approve-report")).click();
        driver.findElement(By.id("approve-report")).click();
        wait.until(d -> status().equals("COMPLETED"));
        assertThat(driver.findElement(By.id("review-history")).getText()).contains("提交审核", "审核通过", "批准报告");

        // the reports, downloaded through the page's links
        Path downloads = Files.createDirectories(tmp.resolve("downloads"));
        driver.executeCdpCommand(
                "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        assertThat(driver.findElements(By.id("report-draft"))).isEmpty();
        driver.findElement(By.id("download-pdf")).click();
        Path pdfFile = Browser.awaitDownload(driver, downloads, ".pdf");
        PdfInspection report = new PdfInspection(Files.readAllBytes(pdfFile));
        assertThat(report.text(1, 4)).contains("云计算安全扩展要求等级测评报告", "等级测评结论", DemoData.PORTAL_SYSTEM);
        assertThat(report.missingGlyphs(1, 4)).isEmpty();
        assertThat(PdfInspection.inkCoverage(report.image(1, 72))).isGreaterThan(0.002);
        assertThat(report.text(1, report.pages()))
                .contains(
                        "主要安全问题及整改建议",
                        "安全计算环境",
                        "云鉴三档结论规则（判定阈值由平台设定，标准未规定）（第 2 版）",
                        "机房照片.pdf",
                        Sm3.hex(PDF),
                        "未划分安全区域");
        driver.findElement(By.id("download-docx")).click();
        Path docxFile = Browser.awaitDownload(driver, downloads, ".docx");
        try (XWPFDocument docx = new XWPFDocument(Files.newInputStream(docxFile))) {
            assertThat(docx.getParagraphs().stream()
                            .filter(p -> "Heading1".equals(p.getStyle()))
                            .map(p -> p.getText()))
                    .contains("等级测评结论", "主要安全问题及整改建议", "3 单项测评结果分析");
        }

        driver.findElements(By.cssSelector("#items a.item-link")).get(0).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("closed")));
        assertThat(driver.findElements(By.id("verdict-form"))).isEmpty();
        assertThat(driver.findElements(By.id("evidence-form"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("#evidence a.evidence-download"))
                        .getAttribute("href"))
                .contains("/evidence/");
    }

    private String status() {
        return String.valueOf(Browser.attributeWhileLoading(driver, By.id("assessment-status"), "data-status"));
    }

    private void logIn(String username) {
        Browser.logIn(driver, wait, "http://localhost:" + port, username, null);
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }
}
