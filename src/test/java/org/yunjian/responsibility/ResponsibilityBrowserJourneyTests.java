package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yunjian.demo.DemoData;
import org.yunjian.support.Browser;
import org.yunjian.support.TestDatabases;

/**
 * The demo portal's responsibility matrix in headless Chromium: the customer opens the approved demo matrix from the
 * system page, runs the Annex A role assistant for the hardware provider and confirms its proposal, hands the work of
 * a provider duty (8.2.3 b) 1)) on to the security service provider citing the security service agreement's clause,
 * sees a third level of hand-on refused with T/CCIA 004-2024 5 b) 1) quoted, takes the second level back, and signs
 * off; the provider signs off too and the version is approved.
 */
@org.yunjian.support.OnePass
@Tag("database")
@org.yunjian.support.JourneyBesideTheSuite
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
class ResponsibilityBrowserJourneyTests {

    static final String DUTY = "TCCIA004-8.2.3-b-1";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.freshDemo("responsibility_journey", registry);
    }

    @LocalServerPort
    int port;

    @TempDir
    Path tmp;

    ChromeDriver driver;
    WebDriverWait wait;
    Path downloads;

    @BeforeEach
    void startBrowser() throws IOException {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        downloads = Files.createDirectories(tmp.resolve("downloads"));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void theCustomerDelegatesADutyAndBothSidesSignOff() throws Exception {
        logIn(DemoData.CUSTOMER_USER);
        open("/systems");
        driver.findElement(By.linkText(DemoData.PORTAL_SYSTEM)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("system-name")));
        driver.findElement(By.partialLinkText("责任分工矩阵")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
        String matrixUrl = driver.getCurrentUrl();
        assertThat(status()).isEqualTo("APPROVED");
        assertThat(driver.findElement(By.id("participant-table")).getText())
                .contains(
                        DemoData.CUSTOMER.name(),
                        DemoData.PROVIDER.name(),
                        DemoData.INTEGRATOR.name(),
                        DemoData.SECURITY_SERVICE.name(),
                        DemoData.HARDWARE.name())
                .contains("运维服务提供者", "安全服务提供者", "硬件提供者");
        assertThat(driver.findElement(By.id("check-clean")).getText()).contains("未发现");
        // the demo's one delegation shows in the matrix: the security service provider implements 8.2.3 b) 3)
        assertThat(driver.findElement(By.id("row-TCCIA004-8.2.3-b-3")).getText())
                .contains("责", "实");

        // the role assistant for the hardware provider: it supplies the physical servers
        WebElement hardwareRow = driver.findElements(By.cssSelector("#participant-table tbody tr")).stream()
                .filter(r -> r.getText().contains(DemoData.HARDWARE.name()))
                .findFirst()
                .orElseThrow();
        hardwareRow.findElement(By.partialLinkText("角色认定助手")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assistant-form")));
        // issue 36: the demo already recorded what it does (Annex A 提供物理服务器), so the box comes ticked
        assertThat(driver.findElement(By.id("b-PROVIDE_PHYSICAL_SERVERS")).isSelected())
                .isTrue();
        submit("propose");
        WebElement proposed =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposed-PARTNER_HARDWARE")));
        assertThat(proposed.getText()).contains("硬件提供者").containsPattern("表A\\.\\d第\\d+行");
        submit("confirm-roles");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertThat(status()).isEqualTo("DRAFT");
        assertThat(driver.findElement(By.id("participant-table")).getText()).contains("经角色认定助手确认");

        // the customer hands the provider's work on 8.2.3 b) 1) to the security service provider, citing the clause
        open(path(matrixUrl) + "/rows/" + DUTY);
        handOn(DemoData.SECURITY_SERVICE.name(), "政务云安全服务协议", "4.2");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertThat(driver.findElement(By.cssSelector("#assignment-0 .implementer"))
                        .getText())
                .isEqualTo(DemoData.SECURITY_SERVICE.name());
        assertThat(driver.findElement(By.id("assignment-0")).getText()).contains("政务云安全服务协议", "4.2");

        // a second level is saved as a draft; a third is refused with the rule quoted
        handOn(DemoData.INTEGRATOR.name(), "政务云运维服务协议", "2.1");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        handOn(DemoData.HARDWARE.name(), "服务器供货及维保协议", "6.3");
        String refusal = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("conflict")))
                .getText();
        assertThat(refusal).contains("5 b) 1)", "相关责任的实施工作转移原则上不应超过2层", "3");
        assertThat(driver.findElements(By.cssSelector("#assignment-0 .chain li")))
                .hasSize(2);
        submit("withdraw-0");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertThat(driver.findElements(By.cssSelector("#assignment-0 .chain li")))
                .hasSize(1);

        // both sides sign off
        open(path(matrixUrl));
        assertThat(driver.findElement(By.id("check-clean")).getText()).contains("未发现");
        driver.findElement(By.id("sign-CUSTOMER")).click(); // the confirmation is required: nothing is sent
        assertThat(driver.findElement(By.id("sign-off-CUSTOMER")).getText()).contains("未签认");
        driver.findElement(By.id("confirm-CUSTOMER")).click();
        submit("sign-CUSTOMER");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertThat(driver.findElement(By.id("sign-off-CUSTOMER")).getText()).contains("张工");
        assertThat(status()).isEqualTo("DRAFT");

        driver.manage().deleteAllCookies();
        logIn(DemoData.PROVIDER_USER);
        driver.get(matrixUrl);
        driver.findElement(By.id("confirm-PROVIDER")).click();
        submit("sign-PROVIDER");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertThat(status()).isEqualTo("APPROVED");
        assertThat(driver.findElement(By.id("version-table")).getText()).contains("已批准", "修改职责 8.2.3 b) 1)");

        // the approved version's documents, downloaded from the links on the page as the browser would
        try (var docx = new XWPFDocument(new ByteArrayInputStream(download(
                "download-docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")))) {
            String text =
                    docx.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", String::concat)
                            + docx.getTables().stream().map(XWPFTable::getText).reduce("", String::concat);
            assertThat(text).contains("云服务安全责任分工说明", DemoData.SECURITY_SERVICE.name(), "政务云安全服务协议", "已批准");
        }
        try (var xlsx = new XSSFWorkbook(new ByteArrayInputStream(
                download("download-xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))) {
            assertThat(xlsx.getSheet("责任分工")).as("the workbook's main sheet").isNotNull();
            StringBuilder cells = new StringBuilder();
            xlsx.getSheet("责任分工")
                    .forEach(r -> r.forEach(c -> cells.append(c.toString()).append('|')));
            assertThat(cells).contains("8.2.3", DemoData.SECURITY_SERVICE.name(), "政务云安全服务协议");
        }
    }

    /** Fetches the link {@code id} of the page with the browser's own session and returns the body. */
    private byte[] download(String id, String contentType) {
        String href = driver.findElement(By.id(id)).getAttribute("href");
        Browser.Fetched r = Browser.fetch(driver, href);
        assertThat(r.status()).as("status of %s", href).isEqualTo(200);
        assertThat(r.contentType()).startsWith(contentType);
        return r.body();
    }

    private void handOn(String to, String agreement, String clause) {
        new Select(driver.findElement(By.id("to-0"))).selectByVisibleText(to);
        new Select(driver.findElement(By.id("agreement-0"))).selectByValue(agreement);
        WebElement c = driver.findElement(By.id("clause-0"));
        c.clear();
        c.sendKeys(clause);
        submit("hand-on-0");
    }

    /** Clicks a submit button and waits for the next page (the old page's elements go stale). */
    private void submit(String id) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.id(id)).click();
        Browser.waitUntilGone(wait, page);
    }

    private String status() {
        try {
            return driver.findElement(By.id("status")).getAttribute("data-status");
        } catch (org.openqa.selenium.WebDriverException reloading) {
            return "";
        }
    }

    private static String path(String url) {
        return java.net.URI.create(url).getPath();
    }

    private void logIn(String username) {
        Browser.logIn(driver, wait, "http://localhost:" + port, username, null);
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }
}
