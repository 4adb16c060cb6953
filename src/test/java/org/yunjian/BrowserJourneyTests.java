package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yunjian.demo.DemoData;
import org.yunjian.support.Browser;

/**
 * The foundation's user journey in headless Chromium: the system administrator logs in with TOTP, creates
 * an organisation and a cloud system through the pages; the audit administrator then finds both
 * creations in the audit log and the log verifies.
 */
@org.yunjian.support.OnePass
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
class BrowserJourneyTests {

    @LocalServerPort
    int port;

    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void administratorCreatesOrganizationAndSystemAndAuditorSeesTheEntries() {
        logIn(DemoData.SYSTEM_ADMIN, DemoData.SYSTEM_ADMIN_TOTP);

        String orgName = "浏览器测试客户单位-" + ThreadLocalRandom.current().nextInt(1_000_000);
        open("/organizations/new");
        driver.findElement(By.id("name")).sendKeys(orgName);
        driver.findElement(By.id("creditCode")).sendKeys(randomCreditCode());
        driver.findElement(By.id("region")).sendKeys("北京市");
        driver.findElement(By.id("role-CUSTOMER")).click();
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.urlMatches("/organizations/[0-9a-f-]{36}$"));
        String orgId = lastPathSegment(driver.getCurrentUrl());
        assertThat(driver.getPageSource()).contains(orgName);

        String systemName = "浏览器测试门户网站-" + ThreadLocalRandom.current().nextInt(1_000_000);
        open("/systems/new");
        driver.findElement(By.id("name")).sendKeys(systemName);
        new Select(driver.findElement(By.id("customerId"))).selectByVisibleText(orgName);
        new Select(driver.findElement(By.id("protectionLevel"))).selectByValue("3");
        new Select(driver.findElement(By.id("deploymentModel"))).selectByValue("PUBLIC");
        new Select(driver.findElement(By.id("serviceModel"))).selectByValue("IAAS");
        new Select(driver.findElement(By.id("industry"))).selectByValue("GOVERNMENT_WEBSITE");
        new Select(driver.findElement(By.id("dataClassification"))).selectByValue("IMPORTANT");
        driver.findElement(By.id("regions")).sendKeys("北京");
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.urlMatches("/systems/[0-9a-f-]{36}$"));
        String systemId = lastPathSegment(driver.getCurrentUrl());
        assertThat(driver.getPageSource()).contains(systemName);

        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login"));

        logIn(DemoData.AUDIT_ADMIN, DemoData.AUDIT_ADMIN_TOTP);
        open("/audit?action=organization.create");
        assertThat(driver.findElement(By.id("audit-table")).getText())
                .contains(orgId)
                .contains(DemoData.SYSTEM_ADMIN);
        open("/audit?action=system.create");
        assertThat(driver.findElement(By.id("audit-table")).getText()).contains(systemId);

        open("/audit");
        driver.findElement(By.id("audit-verify")).click();
        wait.until(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.id("verify-ok")),
                ExpectedConditions.visibilityOfElementLocated(By.id("verify-failed"))));
        assertThat(driver.findElements(By.id("verify-ok")))
                .as(
                        "audit verification: %s",
                        driver.findElement(By.id("verify-result")).getText())
                .hasSize(1);
    }

    @Test
    void auditorCannotOpenPartyPagesAndBusinessUserCannotOpenTheAuditLog() {
        logIn(DemoData.CUSTOMER_USER, null);
        open("/audit");
        assertThat(driver.getPageSource()).doesNotContain("audit-table");
        open("/systems");
        assertThat(driver.getPageSource()).contains(DemoData.PORTAL_SYSTEM);
    }

    private void logIn(String username, String totpSecret) {
        Browser.logIn(driver, wait, "http://localhost:" + port, username, totpSecret);
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private static String lastPathSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** A random 统一社会信用代码 with a correct GB 32100-2015 check character. */
    static String randomCreditCode() {
        String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        StringBuilder sb = new StringBuilder("91110108");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (sb.length() < 17) {
            sb.append(r.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += charset.indexOf(sb.charAt(i)) * weights[i];
        }
        return sb.append(charset.charAt((31 - sum % 31) % 31)).toString();
    }
}
