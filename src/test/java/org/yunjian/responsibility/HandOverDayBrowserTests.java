package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yunjian.demo.DemoData;
import org.yunjian.support.Browser;

/**
 * Issue 36 (finishing) as the demo customer reads it in headless Chromium: the demo's one hand-over (8.2.3 b) 3), to
 * the security service provider) shows the day it was handed over, the hand-on form asks for the day (T/CCIA 004-2024
 * 5 b) 2) "实施工作转移至云服务合作者前需签署合同协议"), and the statement the matrix page offers carries the agreements'
 * §5 contents. Read-only on the demo. Screenshot {@code target/screenshots/handover-row.png}, the statement
 * {@code target/screenshots/handover-statement.docx} (rendered through LibreOffice for a look).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@Tag("database")
@org.yunjian.support.OnePass
class HandOverDayBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void theDemoHandOverShowsItsDayAndTheFormAsksForIt() throws Exception {
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            String base = "http://localhost:" + port;
            Browser.logIn(driver, wait, base, DemoData.CUSTOMER_USER, null);
            driver.get(base + "/systems");
            driver.findElement(By.linkText(DemoData.PORTAL_SYSTEM)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("system-name")));
            String system = driver.getCurrentUrl().replaceAll("^.*/systems/([^/?#]+).*$", "$1");

            driver.get(base + "/systems/" + system + "/responsibility/rows/TCCIA004-8.2.3-b-3");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assignment-0")));
            String chain =
                    driver.findElement(By.cssSelector("#assignment-0 .chain")).getText();
            assertThat(chain)
                    .contains(DemoData.SECURITY_SERVICE.name())
                    .containsPattern("第4\\.2条，\\d{4}-\\d{2}-\\d{2}转移")
                    .doesNotContain("未登记转移日期");
            assertThat(driver.findElement(By.cssSelector("label[for='handedOverOn-0']"))
                            .getText())
                    .isEqualTo("转移日期");
            assertThat(driver.findElement(By.id("handedOverOn-0")).getAttribute("type"))
                    .isEqualTo("date");
            Path dir = Files.createDirectories(Path.of("target/screenshots"));
            Files.write(dir.resolve("handover-row.png"), driver.getScreenshotAs(OutputType.BYTES));
            driver.executeScript(
                    "arguments[0].scrollIntoView({block: 'center'})", driver.findElement(By.id("handedOverOn-0")));
            Files.write(dir.resolve("handover-form.png"), driver.getScreenshotAs(OutputType.BYTES));

            driver.get(base + "/systems/" + system + "/responsibility");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("download-docx")));
            String href = driver.findElement(By.id("download-docx")).getAttribute("href");
            Browser.Fetched statement = Browser.fetch(driver, href);
            assertThat(statement.status()).isEqualTo(200);
            byte[] docx = statement.body();
            assertThat(docx).isNotEmpty();
            Files.write(dir.resolve("handover-statement.docx"), docx);
            try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
                String text = doc.getTables().stream()
                        .map(org.apache.poi.xwpf.usermodel.XWPFTable::getText)
                        .reduce("", String::concat);
                assertThat(text).contains("签署日期", "监督权利和责任条款", "问责机制条款").containsPattern("\\d{4}-\\d{2}-\\d{2}转移");
            }
        } finally {
            driver.quit();
        }
    }
}
