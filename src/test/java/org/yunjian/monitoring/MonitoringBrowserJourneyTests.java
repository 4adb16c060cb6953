package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
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
 * Website monitoring in headless Chromium on the demo (issue 38's journey): the security service agent finds the demo's
 * 篡改 alert in 我的待办 and the provider does not (issue 59: monitoring is the customer's duty, done through its security
 * agent; the provider is told, not tasked); the customer adds a monitor on a page served on loopback, probes it, finds
 * approving its baseline in 我的待办 and approves it; the page is tampered with, the next probe raises 篡改 and the
 * customer reads the diff, records a supervision incident from it (T/CCIA 004-2024 B.14, drafted from the alert; the
 * incident page shows the Annex B analysis) — the agent is told of the alert and the incident — records an emergency
 * step of the guide's 7.3.7 b) 1) and closes the alert with a note, which closes the tasks.
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
    void theCustomerAddsAMonitorSeesATamperAlertAppearAndHandlesItWithAnIncident() throws Exception {
        String base = "http://localhost:" + port;
        // the demo's alert waits on the security service agent (我的待办; notifications follow), not on the provider
        assertThat(inbox(base, DemoData.SECURITY_SERVICE_USER, "inbox")).contains("处置网页篡改告警", DemoData.PORTAL_MONITOR);
        assertThat(inbox(base, DemoData.PROVIDER_USER, "inbox-provider")).doesNotContain("处置网页篡改告警");

        // the customer's own page, served on loopback so that it can be tampered with
        AtomicReference<String> page = new AtomicReference<>(PAGE.formatted("暂停办理业务的通知：无。"));
        try (LoopbackPage site = LoopbackPage.serving(page::get)) {
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

                // adds a monitor, probes it; approving its baseline waits in the customer's 我的待办 until done
                driver.findElement(By.id("monitor-name")).sendKeys(MONITOR);
                driver.findElement(By.id("monitor-url")).sendKeys(site.url());
                driver.findElement(By.id("add-monitor-button")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("created")));
                String monitorPage = driver.getCurrentUrl();
                driver.findElement(By.id("run-now")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ran")));
                assertThat(driver.findElement(By.id("monitor-state")).getText()).isEqualTo("正常");
                driver.get(base + "/my-work");
                assertThat(driver.findElement(By.tagName("main")).getText()).contains("审核并批准监测项“" + MONITOR + "”");
                driver.get(monitorPage);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approve-baseline")));
                driver.findElement(By.id("approve-baseline")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("baseline-approved")));
                assertThat(driver.findElement(By.id("baseline-state")).getText())
                        .contains("办公厅信息中心 张工");
                shot(driver, "monitor");

                // the page is tampered with: the next probe raises 篡改 with the diff
                page.set(PAGE.formatted("暂停办理业务的通知：即日起暂停办理，详情请访问 www.example-lottery.test。"));
                driver.findElement(By.id("run-now")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ran")));
                WebElement row = driver.findElement(By.cssSelector("#monitor-alerts .alert-row"));
                assertThat(row.getText()).contains("网页篡改", "未处理");
                shot(driver, "tampered");
                row.findElement(By.tagName("a")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("alert-title")));
                assertThat(driver.findElement(By.id("alert-title")).getText()).isEqualTo("网页篡改告警");
                assertThat(driver.findElement(By.id("alert-detail-text")).getText())
                        .contains("-暂停办理业务的通知：无。")
                        .contains("+暂停办理业务的通知：即日起暂停办理");
                shot(driver, "alert");
                String alertPage = driver.getCurrentUrl();

                // a supervision incident from the alert: B.14 chosen among the likely rows, the rest drafted from it
                driver.findElement(By.id("open-incident")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-form")));
                assertThat(driver.findElement(By.id("likely-incidents")).getAttribute("label"))
                        .isEqualTo("最可能的事件");
                assertThat(driver.findElement(By.id("title")).getAttribute("value"))
                        .isEqualTo("网页篡改告警：" + MONITOR);
                assertThat(driver.findElement(By.id("description")).getAttribute("value"))
                        .contains("+暂停办理业务的通知：即日起暂停办理");
                new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("incident")))
                        .selectByValue("TCCIA004-B-14");
                shot(driver, "incident-form");
                driver.findElement(By.id("record-incident")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("analysis")));
                assertThat(driver.findElement(By.id("incident-title")).getText())
                        .isEqualTo("网页篡改告警：" + MONITOR);
                assertThat(driver.findElement(By.id("incident-type")).getText()).startsWith("B.14 ");
                assertThat(driver.findElement(By.id("liable-roles")).getText()).contains("客户");
                shot(driver, "incident");

                // the security service agent was told of the new alert, and of the incident
                assertThat(inbox(base, DemoData.SECURITY_SERVICE_USER, "inbox-incident"))
                        .contains("处置网页篡改告警：监测项“" + MONITOR + "”", "已登记安全责任事件");

                // an emergency step of the guide's 7.3.7 b) 1): reported to the leadership, said to whom
                driver.get(alertPage);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("emergency-form")));
                new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("emergency-step")))
                        .selectByValue("REPORTED_TO_LEADERSHIP");
                driver.findElement(By.id("emergency-note")).sendKeys("电话报告办公厅分管副主任");
                driver.findElement(By.id("record-step")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("emergency-done-REPORTED_TO_LEADERSHIP")));
                assertThat(driver.findElement(By.id("emergency-done-REPORTED_TO_LEADERSHIP"))
                                .getText())
                        .contains("向上级领导报告", "电话报告办公厅分管副主任", "办公厅信息中心 张工");
                assertThat(driver.findElement(By.id("emergency-open-SITE_STOPPED"))
                                .getText())
                        .contains("尚未记录");
                shot(driver, "emergency");

                // the customer closes the alert with a note
                driver.get(alertPage);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-link")));
                assertThat(driver.findElement(By.id("incident-link")).getText()).startsWith("B.14 ");
                assertThat(driver.findElements(By.id("open-incident"))).isEmpty();
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
        }
        // closing it closed the tasks about it
        assertThat(inbox(base, DemoData.SECURITY_SERVICE_USER, "inbox-after")).doesNotContain("监测项“" + MONITOR + "”");
    }

    static final String MONITOR = "便民服务公告";

    static final String PAGE = """
            <html><head><title>示例市人民政府 便民服务</title></head><body>
            <h1>便民服务公告</h1><p>%s</p><p>主办单位：示例市人民政府办公厅</p></body></html>""";

    /** What {@code user}'s 我的待办 says, screenshot as {@code name}. */
    String inbox(String base, String user, String name) throws Exception {
        ChromeDriver told = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(told, Duration.ofSeconds(20));
            Browser.logIn(told, wait, base, user, null);
            told.get(base + "/my-work");
            shot(told, user + "-" + name);
            return told.findElement(By.tagName("main")).getText();
        } finally {
            told.quit();
        }
    }

    static void shot(ChromeDriver driver, String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("monitoring-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
