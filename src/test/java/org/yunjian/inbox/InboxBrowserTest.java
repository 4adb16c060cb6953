package org.yunjian.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.demo.DemoData;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkTask;
import org.yunjian.support.Browser;

/**
 * 我的待办 in headless Chromium on the demo installation: the provider finds the demo exit project's next step
 * (its manifest signing key) counted in the navigation and listed, and the link leads to the form; the customer
 * reads a task addressed to its organisation in English with its due date. Screenshots in {@code /tmp/inbox-*.png}.
 */
@org.yunjian.support.OnePass
@Tag("database")
@Tag("browser")
@org.yunjian.support.JourneyBesideTheSuite
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
class InboxBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) throws IOException {
        org.yunjian.support.TestDatabases.freshDemo("inbox_browser", registry);
    }

    String base() {
        return "http://localhost:" + port;
    }

    static void screenshot(ChromeDriver driver, String name) throws IOException {
        Files.copy(
                driver.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("/tmp", "inbox-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theProviderAndTheCustomerFindWhatWaitsForThemCountedInTheNavigation() throws Exception {
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            Browser.logIn(driver, wait, base(), DemoData.PROVIDER_USER, null);
            String count = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("my-work-count")))
                    .getText();
            assertThat(Integer.parseInt(count)).isPositive();
            driver.findElement(By.id("nav-my-work")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-work-table")));
            screenshot(driver, "provider");
            String rows = driver.findElement(By.id("my-work-table")).getText();
            assertThat(rows).contains("登记数据清单签名公钥：").doesNotContain("msg:", "exitproject.work");
            driver.findElements(By.cssSelector("a.my-work-link")).stream()
                    .filter(a -> a.getText().startsWith("登记数据清单签名公钥"))
                    .findFirst()
                    .orElseThrow()
                    .click();
            wait.until(ExpectedConditions.urlContains("#inventory"));
            assertThat(driver.findElement(By.id("provider-key-form")).isDisplayed())
                    .isTrue();
            driver.findElement(By.id("logout")).click();

            UUID customerOrg = jdbc.sql("SELECT organization_id FROM user_account WHERE username = ?")
                    .param(DemoData.CUSTOMER_USER)
                    .query(UUID.class)
                    .single();
            tx.executeWithoutResult(s -> events.publishEvent(new WorkSnapshot(
                    "browser-test:1",
                    List.of(new WorkTask(
                            "approve",
                            "exitproject.work.approveInventory",
                            List.of("门户网站退出"),
                            "/exit-projects",
                            WorkAddressee.organization(customerOrg),
                            LocalDate.of(2026, 12, 31))))));
            Browser.logIn(driver, wait, base(), DemoData.CUSTOMER_USER, null);
            driver.get(base() + "/my-work?lang=en");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-work-table")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("my-work-count")));
            screenshot(driver, "customer-en");
            assertThat(driver.findElement(By.id("my-work-table")).getText())
                    .contains("Review and approve the hand-over inventory: 门户网站退出", "2026-12-31");
            assertThat(driver.findElement(By.id("nav-my-work")).getText()).startsWith("My work");
            driver.get(base() + "/my-work?lang=zh-CN");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-work-table")));
            screenshot(driver, "customer");
        } finally {
            driver.quit();
        }
    }
}
