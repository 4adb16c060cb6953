package org.yunjian.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yunjian.demo.DemoData;
import org.yunjian.support.Browser;
import org.yunjian.support.TestDatabases;

/**
 * Issue 36: the demo securities company's person, in headless Chromium, opens its 行业云 trading system's hub, plan and
 * obligations calendar; the calendar lists the JR/T duties of a 行业云 with their clauses (JR/T 7.3 "行业云应参与证券期货业
 * 信息安全联合应急演练。"). Screenshots in target/screenshots/securities-*.png.
 */
@org.yunjian.support.OnePass
@DirtiesContext
@org.yunjian.support.JourneyBesideTheSuite
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@Tag("database")
class DemoSecuritiesBrowserTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.freshDemo("securities_journey", registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSecuritiesCompanySeesItsIndustryCloudSystemsJrtCalendar() throws Exception {
        UUID system = jdbc.sql("SELECT id FROM cloud_system WHERE name = ?")
                .param(DemoData.SECURITIES_SYSTEM)
                .query(UUID.class)
                .single();
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            String base = "http://localhost:" + port;
            Browser.logIn(driver, wait, base, DemoData.SECURITIES_USER, null);
            driver.get(base + "/systems/" + system);
            assertThat(driver.findElement(By.tagName("body")).getText()).contains(DemoData.SECURITIES_SYSTEM);
            shot(driver, "hub");
            driver.get(base + "/systems/" + system + "/lifecycle");
            assertThat(driver.findElement(By.tagName("body")).getText()).contains(DemoData.SECURITIES_SYSTEM);
            shot(driver, "plan");
            driver.get(base + "/systems/" + system + "/lifecycle/obligations");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("obligations-title")));
            assertThat(driver.findElement(By.id("obligation-OPERATOR_JOINT_DRILL"))
                            .getText())
                    .contains("行业云应参与证券期货业信息安全联合应急演练。");
            assertThat(driver.findElement(By.id("obligation-PROVIDER_RISK_ASSESSMENT"))
                            .getText())
                    .contains("受托方应开展周期性的风险评估和监测，保证安全能力持续符合委托方的要求。");
            shot(driver, "obligations");
        } finally {
            driver.quit();
        }
    }

    static void shot(ChromeDriver driver, String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        // the whole page, not only the window
        Number h = (Number) driver.executeScript("return document.body.scrollHeight");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, Math.min(8000, h.intValue() + 100)));
        Files.write(dir.resolve("securities-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
