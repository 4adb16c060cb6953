package org.yunjian.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.demo.DemoData;
import org.yunjian.support.Browser;

/**
 * Issue 60 as the demo assessor does it in headless Chromium: NIST's assessment results uploaded on an open demo
 * assessment's imported-findings page, the result page with the mapped finding (its item and relationship) and the
 * unmapped observation, then the finding adopted with the confirmation box ticked. Screenshots in
 * {@code target/screenshots/findings-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@Import(FindingImportTests.Crosswalk.class)
@Tag("database")
@org.yunjian.support.OnePass
class FindingImportBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAssessorImportsNistResultsSeesMappedAndUnmappedAndAdoptsTheFinding() throws Exception {
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            String base = "http://localhost:" + port;
            Browser.logIn(driver, wait, base, DemoData.ASSESSOR_USER, null);
            List<UUID> open = jdbc.sql("SELECT id FROM assessment WHERE status = 'IN_PROGRESS'")
                    .query(UUID.class)
                    .list();
            String page = null;
            for (UUID id : open) {
                driver.get(base + "/assessments/" + id + "/finding-imports");
                if (!driver.findElements(By.id("import-results-form")).isEmpty()) {
                    page = base + "/assessments/" + id + "/finding-imports";
                    break;
                }
            }
            assertThat(page)
                    .as("an open demo assessment the demo assessor tests")
                    .isNotNull();
            shot(driver, "imports");
            Path ar = FindingImportTests.EXAMPLES
                    .resolve("ifa_assessment-results-example.json")
                    .toAbsolutePath()
                    .normalize();
            driver.findElement(By.id("results-file")).sendKeys(ar.toString());
            driver.findElement(By.id("import-results")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mapped-title")));
            String main = driver.findElement(By.tagName("main")).getText();
            assertThat(main)
                    .contains("已导入 ifa_assessment-results-example.json", "ac-6.1", "部分重叠", "未映射的条目（1）")
                    .contains("AwesomeCloud IAM Roles Test - GoodRead Developer Role");
            shot(driver, "result");

            WebElement placement = driver.findElements(By.cssSelector("tr.placement")).stream()
                    .filter(r ->
                            !r.findElements(By.cssSelector("form.adopt-form")).isEmpty())
                    .findFirst()
                    .orElseThrow();
            ((JavascriptExecutor) driver)
                    .executeScript("arguments[0].querySelectorAll('details').forEach(d => d.open = true)", placement);
            WebElement form = placement.findElement(By.cssSelector("form.adopt-form"));
            new Select(form.findElement(By.name("verdict"))).selectByValue("NON_COMPLIANT");
            new Select(form.findElement(By.name("riskLevel"))).selectByValue("HIGH");
            form.findElement(By.name("riskReason")).sendKeys("系统工程师角色可删除审计日志");
            form.findElement(By.name("confirm")).click();
            shot(driver, "adopt-form");
            form.findElement(By.cssSelector("button.adopt")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
            assertThat(driver.findElement(By.id("notice")).getText()).startsWith("已采纳到");
            assertThat(driver.findElements(By.cssSelector("tr.placement[data-state='ADOPTED']")))
                    .isNotEmpty();
            shot(driver, "adopted");
        } finally {
            driver.quit();
        }
    }

    private static void shot(ChromeDriver driver, String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("findings-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
