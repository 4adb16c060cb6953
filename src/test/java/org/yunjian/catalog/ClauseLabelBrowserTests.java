package org.yunjian.catalog;

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
 * Issue 36 (catalog, low) as the demo customer reads it in headless Chromium: the catalog page, the portal's lifecycle
 * plan and the responsibility matrix's rule check label clauses by the one rule (GB/T 31167 9.1 1. as printed,
 * T/CCIA 7.3 第1段, JR/T 6.3.3 第3段 第2项, gov guide 6.1 第1段) — no "7.3 1)", no "6.6 c) 4) 1)". Read-only on the demo.
 * Screenshots in {@code target/screenshots/labels-*.png}.
 */
@org.yunjian.support.OnePass
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@Tag("database")
class ClauseLabelBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void theCatalogThePlanAndTheMatrixCheckShowOneLabelPerClause() throws Exception {
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            String base = "http://localhost:" + port;
            Browser.logIn(driver, wait, base, DemoData.CUSTOMER_USER, null);

            driver.get(base + "/catalog/requirements/GBT31167-9.1-a");
            assertThat(label(driver, wait)).isEqualTo("9.1 1.");
            shot(driver, "catalog-gbt");
            driver.get(base + "/catalog/requirements/TCCIA004-7.3-1");
            assertThat(label(driver, wait)).isEqualTo("7.3 第1段");
            driver.get(base + "/catalog?standard=JRT-SF&q="
                    + java.net.URLEncoder.encode("独立第三方的信息管理体系认证", java.nio.charset.StandardCharsets.UTF_8));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.className("requirement-label")));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("6.3.3 第3段 第2项");
            shot(driver, "catalog-list");

            driver.get(base + "/systems");
            driver.findElement(By.linkText(DemoData.PORTAL_SYSTEM)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("system-name")));
            String system = driver.getCurrentUrl().replaceAll("^.*/systems/([^/?#]+).*$", "$1");

            driver.get(base + "/systems/" + system + "/lifecycle");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
            // the plan's duties sit in collapsible groups per phase and organisation (issue 58): open them all, as
            // a reader clicking through the groups would
            ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("document.querySelectorAll('main details').forEach(d => d.open = true)");
            String plan = driver.findElement(By.tagName("main")).getText();
            assertThat(plan).contains("6.1 第1段").doesNotContainPattern("\\b6\\.1 1\\)");
            shot(driver, "plan");

            driver.get(base + "/systems/" + system + "/responsibility");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("check")));
            String matrix = driver.findElement(By.tagName("main")).getText();
            assertThat(matrix).contains("7.3 第1段", "6.6 c) 4) 第1项").doesNotContain("7.3 1)", "6.6 c) 4) 1)");
            driver.findElement(By.id("check")).click();
            shot(driver, "matrix-check");
        } finally {
            driver.quit();
        }
    }

    private static String label(ChromeDriver driver, WebDriverWait wait) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("requirement-label")))
                .getText();
    }

    private static void shot(ChromeDriver driver, String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("labels-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
