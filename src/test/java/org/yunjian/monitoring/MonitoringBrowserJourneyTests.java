package org.yunjian.monitoring;

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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yunjian.demo.DemoData;
import org.yunjian.support.Browser;
import org.yunjian.support.TestDatabases;

/**
 * Website monitoring in headless Chromium on the demo: the provider and the security service agent find the demo's
 * 篡改 alert in 我的待办; the
 * customer opens it from the portal's monitoring page, reads the diff, records a supervision incident from it (T/CCIA
 * 004-2024 B.14, drafted from the alert; the incident page shows the Annex B analysis), adds a monitor on a page of the
 * sample site the platform serves, probes it, approves its baseline and closes the demo's alert with a note — the
 * provider's task says the incident was recorded while the alert is open and is gone once it is closed.
 */
@org.yunjian.support.OnePass
@DirtiesContext
@org.yunjian.support.JourneyBesideTheSuite
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@Tag("database")
class MonitoringBrowserJourneyTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.freshDemo("monitoring_journey", registry);
    }

    @LocalServerPort
    int port;

    @Test
    void theCustomerHandlesTheTamperAlertTheProviderWasToldOf() throws Exception {
        String base = "http://localhost:" + port;
        // the provider and the security service agent are told (我的待办; the notifications follow from it)
        for (String user : java.util.List.of(DemoData.PROVIDER_USER, DemoData.SECURITY_SERVICE_USER)) {
            ChromeDriver told = Browser.start();
            try {
                WebDriverWait wait = new WebDriverWait(told, Duration.ofSeconds(20));
                Browser.logIn(told, wait, base, user, null);
                told.get(base + "/my-work");
                assertThat(told.findElement(By.tagName("main")).getText())
                        .as(user)
                        .contains("处置网页篡改告警", DemoData.PORTAL_MONITOR);
                shot(told, user + "-inbox");
            } finally {
                told.quit();
            }
        }

        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            Browser.logIn(driver, wait, base, DemoData.CUSTOMER_USER, null);
            driver.get(base + "/systems");
            driver.findElement(By.linkText(DemoData.PORTAL_SYSTEM)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.partialLinkText("个监测项")));
            driver.findElement(By.partialLinkText("个监测项")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("monitoring-title")));
            shot(driver, "system");
            driver.findElement(By.cssSelector("#open-alerts .alert-row a")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("alert-title")));
            assertThat(driver.findElement(By.id("alert-title")).getText()).isEqualTo("网页篡改告警");
            assertThat(driver.findElement(By.id("alert-detail-text")).getText())
                    .contains("-示例市政务服务中心自 12 月 1 日起延长周六办理时间至 17:00。")
                    .contains("+示例市政务服务中心自 12 月 1 日起暂停办理业务");
            shot(driver, "alert");
            String alertPage = driver.getCurrentUrl();

            // a supervision incident from the alert: B.14 chosen among the likely rows, the rest drafted from it
            driver.findElement(By.id("open-incident")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-form")));
            assertThat(driver.findElement(By.id("likely-incidents")).getAttribute("label"))
                    .isEqualTo("最可能的事件");
            assertThat(driver.findElement(By.id("title")).getAttribute("value"))
                    .isEqualTo("网页篡改告警：" + DemoData.PORTAL_MONITOR);
            assertThat(driver.findElement(By.id("description")).getAttribute("value"))
                    .contains("+示例市政务服务中心自 12 月 1 日起暂停办理业务");
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("incident")))
                    .selectByValue("TCCIA004-B-14");
            shot(driver, "incident-form");
            driver.findElement(By.id("record-incident")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("analysis")));
            assertThat(driver.findElement(By.id("incident-title")).getText())
                    .isEqualTo("网页篡改告警：" + DemoData.PORTAL_MONITOR);
            assertThat(driver.findElement(By.id("incident-type")).getText()).startsWith("B.14 ");
            assertThat(driver.findElement(By.id("liable-roles")).getText()).contains("客户");
            shot(driver, "incident");
            driver.get(alertPage);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-link")));
            assertThat(driver.findElement(By.id("incident-link")).getText()).startsWith("B.14 ");
            assertThat(driver.findElements(By.id("open-incident"))).isEmpty();
            shot(driver, "alert-incident");

            // a monitor on another page of the sample site, probed now and its baseline approved
            driver.findElement(By.id("monitor-link")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("monitoring-link")));
            driver.findElement(By.id("monitoring-link")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("monitor-form")));
            driver.findElement(By.id("monitor-name")).sendKeys("政府信息公开");
            driver.findElement(By.id("monitor-url")).sendKeys(base + "/demo-site/open.html");
            driver.findElement(By.id("add-monitor-button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("created")));
            driver.findElement(By.id("run-now")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ran")));
            assertThat(driver.findElement(By.id("monitor-state")).getText()).isEqualTo("正常");
            driver.findElement(By.id("approve-baseline")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("baseline-approved")));
            assertThat(driver.findElement(By.id("baseline-state")).getText()).contains("办公厅信息中心 张工");
            shot(driver, "monitor");

            ChromeDriver told = Browser.start();
            try {
                WebDriverWait w2 = new WebDriverWait(told, Duration.ofSeconds(20));
                Browser.logIn(told, w2, base, DemoData.PROVIDER_USER, null);
                told.get(base + "/my-work");
                assertThat(told.findElement(By.tagName("main")).getText()).contains("已登记安全责任事件");
                shot(told, "provider-inbox-incident");
            } finally {
                told.quit();
            }

            driver.get(alertPage);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("close-note")));
            driver.findElement(By.id("acknowledge")).click();
            wait.until(ExpectedConditions.textToBe(By.id("alert-status"), "已确认"));
            driver.findElement(By.id("close-note")).sendKeys("已恢复原通知内容，排查发布账号，修改口令。");
            driver.findElement(By.id("close-alert")).click();
            wait.until(ExpectedConditions.textToBe(By.id("alert-status"), "已关闭"));
            assertThat(driver.findElement(By.id("alert-note")).getText()).contains("已恢复原通知内容");
            shot(driver, "closed");
        } finally {
            driver.quit();
        }

        ChromeDriver again = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(again, Duration.ofSeconds(20));
            Browser.logIn(again, wait, base, DemoData.PROVIDER_USER, null);
            again.get(base + "/my-work");
            assertThat(again.findElement(By.tagName("main")).getText()).doesNotContain("处置网页篡改告警");
        } finally {
            again.quit();
        }
    }

    static void shot(ChromeDriver driver, String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("monitoring-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
