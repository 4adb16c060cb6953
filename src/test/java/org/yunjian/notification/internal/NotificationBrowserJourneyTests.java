package org.yunjian.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.demo.DemoData;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkOpened;
import org.yunjian.shared.work.WorkTask;
import org.yunjian.support.Browser;
import org.yunjian.support.TestDatabases;

/**
 * The demo customer in headless Chromium: a task opens for them; the bell in the navigation shows one unread, the
 * list names what waits, opening it goes where it links and the bell empties; the demo mailbox shows the e-mail
 * that went out at once; the settings page offers immediately / daily digest / off.
 */
@DirtiesContext
@org.yunjian.support.JourneyBesideTheSuite
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"yunjian.demo=true", "yunjian.notifications.delivery-interval=1h"})
@org.yunjian.support.OnePass
@Tag("database")
class NotificationBrowserJourneyTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.freshDemo("notification_journey", registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    UserAdministration users;

    @Autowired
    Deliveries deliveries;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theCustomerSeesTheBellReadsTheNotificationAndFindsTheMailInTheDemoMailbox() throws Exception {
        UserView customer = users.list().stream()
                .filter(u -> u.username().equals(DemoData.CUSTOMER_USER))
                .findFirst()
                .orElseThrow();
        // the demo's own hand-offs already notified the customer: start from nothing unread, so the count is ours
        jdbc.sql("UPDATE notification SET read_at = CURRENT_TIMESTAMP WHERE user_id = ? AND read_at IS NULL")
                .param(customer.id())
                .update();
        deliveries.runDue(); // the demo's own pending mails first: ours is then the newest in the mailbox
        UUID taskId = UUID.randomUUID();
        new TransactionTemplate(transactions)
                .executeWithoutResult(s -> events.publishEvent(new WorkOpened(
                        taskId,
                        "assessment:" + taskId,
                        new WorkTask(
                                "review",
                                "work.test.review",
                                List.of(DemoData.PORTAL_SYSTEM, "msg:enum.AssessmentStatus.IN_PROGRESS"),
                                "/lifecycle/calendar",
                                WorkAddressee.user(customer.id()),
                                null),
                        Instant.now(),
                        null)));
        deliveries.runDue();

        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            String base = "http://localhost:" + port;
            Browser.logIn(driver, wait, base, DemoData.CUSTOMER_USER, null);
            driver.get(base + "/");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bell-count")));
            assertThat(driver.findElement(By.id("bell-count")).getText()).isEqualTo("1");
            assertThat(driver.findElement(By.id("nav-bell")).getText()).startsWith("通知");
            shot(driver, "bell");

            driver.findElement(By.id("nav-bell")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notification-list")));
            assertThat(driver.findElement(By.id("notification-list")).getText())
                    .contains("审核测评“" + DemoData.PORTAL_SYSTEM + "”（测评中）", "未读");
            shot(driver, "list");

            driver.findElement(By.cssSelector("#notification-list .notification-open"))
                    .click();
            wait.until(ExpectedConditions.urlContains("/lifecycle/calendar"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-bell")));
            assertThat(driver.findElements(By.id("bell-count")))
                    .as("nothing unread any more")
                    .isEmpty();

            driver.get(base + "/demo/mail");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".demo-mail")));
            assertThat(driver.findElement(By.cssSelector(".demo-mail")).getText())
                    .contains(
                            "【云鉴】待办：审核测评“" + DemoData.PORTAL_SYSTEM + "”",
                            "/lifecycle/calendar",
                            DemoData.CUSTOMER_USER + "@demo.example.gov.cn");
            shot(driver, "demo-mail");

            driver.get(base + "/notifications/settings?lang=en");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings-form")));
            assertThat(driver.findElement(By.id("settings-form")).getText())
                    .contains("At once", "Daily digest", "None");
            assertThat(driver.findElement(By.id("mode-IMMEDIATE")).isSelected()).isTrue();
            shot(driver, "settings-en");

            driver.get(base + "/notifications?lang=zh-CN");
            driver.findElement(By.id("robots-link")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("robot-form")));
            assertThat(driver.findElement(By.id("webhook-org")).getText()).isEqualTo(customer.organizationName());
            assertThat(driver.findElement(By.id("robots-empty")).getText()).isEqualTo("尚未配置群机器人。");
            shot(driver, "robots");

            // issue 57: a robot for the portal's group only (a public literal address; nothing is sent here)
            driver.findElement(By.id("name")).sendKeys("门户网站值班群");
            driver.findElement(By.id("url")).sendKeys("https://8.8.8.8/cgi-bin/webhook/send?key=journey");
            driver.findElement(By.id("new-systems")).click();
            driver.findElement(By.xpath(
                            "//form[@id='robot-form']//label[contains(., '" + DemoData.PORTAL_SYSTEM + "')]/input"))
                    .click();
            driver.findElement(By.id("robot-add")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("robot-added")));
            assertThat(driver.findElement(By.cssSelector("#robot-list .robot-scope"))
                            .getText())
                    .startsWith(DemoData.PORTAL_SYSTEM);
            driver.findElement(By.cssSelector("#robot-list .robot-scope-change summary"))
                    .click();
            shot(driver, "robots-scoped");
        } finally {
            driver.quit();
        }
    }

    static void shot(ChromeDriver driver, String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("notifications-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
