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
 * Issue 60 as the demo customer reads it in headless Chromium: from the catalog to the NIST SP 800-53 crosswalk (each
 * item with its controls, the unmapped items with their reason, the OSCAL 1.2 download), and a requirement's own NIST
 * controls, in Chinese and English. Read-only on the demo. Screenshots in {@code target/screenshots/crosswalk-*.png}.
 */
@org.yunjian.support.OnePass
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@Tag("database")
class CrosswalkBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void theCustomerReadsTheCrosswalkAndARequirementsNistControls() throws Exception {
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            String base = "http://localhost:" + port;
            Browser.logIn(driver, wait, base, DemoData.CUSTOMER_USER, null);

            driver.get(base + "/catalog");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("catalog-crosswalk-link")))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("crosswalk-MLPS-L3")));
            String page = driver.findElement(By.tagName("main")).getText();
            assertThat(page)
                    .contains("NIST SP 800-53 第 5 版映射", "SA-9(5)", "部分重叠", "无对应控制", "40 个条款有映射，6 个条款没有对应控制")
                    .doesNotContain("catalog.crosswalk", "intersects-with");
            assertThat(driver.findElement(By.id("crosswalk-download-json")).getAttribute("href"))
                    .endsWith("/api/catalog/crosswalks/nist-sp800-53r5/oscal?format=json");
            shot(driver, "page-zh");
            ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("document.getElementById('crosswalk-item-MLPS-L3-8.2.2.1-c').scrollIntoView()");
            shot(driver, "table-zh");
            driver.get(base + "/catalog/crosswalk?lang=en");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("crosswalk-TCCIA004")));
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains("overlaps in part", "AC-6(1)", "Authorize Access to Security Functions");
            ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("document.getElementById('crosswalk-TCCIA004').scrollIntoView()");
            shot(driver, "page-en");

            driver.get(base + "/catalog/requirements/MLPS-L3-8.2.3.2-d?lang=zh-CN");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("requirement-nist")));
            assertThat(driver.findElement(By.id("requirement-nist")).getText())
                    .contains("SI-4(5)", "System-generated Alerts", "80%");
            ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("document.getElementById('requirement-nist').scrollIntoView()");
            shot(driver, "requirement");
        } finally {
            driver.quit();
        }
    }

    private static void shot(ChromeDriver driver, String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("crosswalk-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
