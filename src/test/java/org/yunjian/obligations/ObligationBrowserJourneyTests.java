package org.yunjian.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yunjian.demo.DemoData;
import org.yunjian.shared.Formats;
import org.yunjian.support.Browser;
import org.yunjian.support.TestDatabases;

/**
 * The demo customer's journey in headless Chromium: the start page flags the overdue drill, the calendar lists it
 * and gives a feed address once, the portal's obligations page records the drill and the flag is gone.
 */
// single use: its database is its own, so its context (and the connections it holds) closes after it
@org.yunjian.support.OnePass
@DirtiesContext
@org.yunjian.support.JourneyBesideTheSuite
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@Tag("database")
class ObligationBrowserJourneyTests {

    /** A database of its own: the journey records the demo's overdue drill, which other demo-mode tests expect. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.freshDemo("obligation_journey", registry);
    }

    @LocalServerPort
    int port;

    @Test
    void theCustomerSeesTheOverdueDrillAndRecordsIt() throws Exception {
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            String base = "http://localhost:" + port;
            Browser.logIn(driver, wait, base, DemoData.CUSTOMER_USER, null);
            driver.get(base + "/");
            assertThat(driver.findElement(By.id("home-overdue-link")).getText()).isEqualTo("逾期事项 1");
            driver.findElement(By.id("home-overdue-link")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-title")));
            assertThat(driver.findElement(By.id("calendar-due")).getText()).contains("应急演练", DemoData.PORTAL_SYSTEM);
            driver.findElement(By.id("feed-create")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("feed-url")));
            assertThat(driver.findElement(By.id("feed-url")).getText())
                    .startsWith(base + "/lifecycle/calendar/")
                    .endsWith(".ics");
            shot(driver, "calendar");

            driver.findElement(By.cssSelector("#calendar-due tr[data-status=OVERDUE] a"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("obligations-title")));
            assertThat(driver.findElement(By.id("obligations-overdue")).getText())
                    .isEqualTo("逾期事项 1");
            shot(driver, "obligations");
            String today = LocalDate.now(Formats.zone()).format(DateTimeFormatter.ofPattern("MM/dd/yyyy"));
            driver.findElement(By.id("doneOn-DRILL_NETWORK_ATTACK")).sendKeys(today);
            driver.findElement(By.cssSelector("#complete-DRILL_NETWORK_ATTACK button"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("completed")));
            assertThat(driver.findElements(By.id("obligations-overdue"))).isEmpty();
            assertThat(driver.findElement(By.id("obligation-DRILL_NETWORK_ATTACK"))
                            .getAttribute("data-status"))
                    .isEqualTo("UPCOMING");

            driver.get(base + "/lifecycle/overview");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("overview-systems")));
            assertThat(driver.findElement(By.id("overview-overdue")).getText()).contains("暂无逾期事项");
            shot(driver, "overview");
        } finally {
            driver.quit();
        }
    }

    static void shot(ChromeDriver driver, String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("obligations-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
