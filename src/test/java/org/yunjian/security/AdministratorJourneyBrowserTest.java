package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The security administrator's first day in headless Chromium: set-up with the token, login, TOTP
 * enrolment, creating an auditor, logout. Skipped when Chromium is missing, unless {@code CI=true}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"yunjian.security.setup-token=browser-journey-token"})
@org.yunjian.support.OnePass
@Tag("database")
@Tag("browser")
@org.yunjian.support.JourneyBesideTheSuite
class AdministratorJourneyBrowserTest {

    @org.springframework.test.context.DynamicPropertySource
    static void databaseOfItsOwn(org.springframework.test.context.DynamicPropertyRegistry registry) {
        org.yunjian.support.TestDatabases.fresh("browser_tests", registry);
    }

    @LocalServerPort
    int port;

    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = org.yunjian.support.Browser.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void type(String id, String text) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(text);
    }

    @Test
    void securityAdministratorSetsUpEnrolsTotpAndCreatesAnAuditor() {
        open("/setup");
        type("token", "browser-journey-token");
        type("username", "secadmin");
        type("displayName", "安全管理员");
        type("password", "First-Admin-Passw0rd");
        browser.findElement(By.id("save")).click();
        assertThat(browser.findElement(By.id("login-setup")).isDisplayed()).isTrue();

        type("username", "secadmin");
        type("password", "First-Admin-Passw0rd");
        browser.findElement(By.id("login-submit")).click();
        String secret = browser.findElement(By.id("totp-secret")).getText();
        assertThat(browser.findElement(By.id("totp-uri")).getText()).startsWith("otpauth://totp/");
        type("code", Totp.code(secret, Instant.now()));
        browser.findElement(By.id("totp-submit")).click();
        assertThat(browser.findElement(By.id("nav-users")).isDisplayed()).isTrue();

        browser.findElement(By.id("nav-users")).click();
        browser.findElement(By.id("new-user")).click();
        type("username", "auditor");
        type("displayName", "审计管理员");
        new Select(browser.findElement(By.id("role"))).selectByValue("AUDIT_ADMIN");
        type("password", "Second-Passw0rd-2");
        browser.findElement(By.id("save")).click();
        // two-person rule: the new administrator waits for a second administrator's approval
        assertThat(browser.findElement(By.id("user-admin-requested")).isDisplayed())
                .isTrue();

        browser.findElement(By.id("logout")).click();
        assertThat(browser.findElement(By.id("login-logout")).isDisplayed()).isTrue();
    }
}
