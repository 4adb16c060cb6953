package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yunjian.demo.DemoData;

/**
 * Issue 35 in headless Chromium, as a newcomer meets the demo: the TOTP step shows the demo administrator's current
 * code, and says how long to wait when a code was already used in its window; the demo's two security administrators
 * complete the two-person rule, and the requester's own approval is refused naming the rule. Screenshots in
 * {@code target/screenshots/login-*.png}.
 */
@org.yunjian.support.OnePass
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@Tag("database")
@Tag("browser")
// beside the suite, on a demo of its own: no other class uses its administrators' codes, and its waits (the login
// throttle) fill a side lane instead of the one-thread lane's end (docs/performance.md, "CI time")
@org.yunjian.support.JourneyBesideTheSuite
@org.junit.jupiter.api.Order(2)
class DemoAdministratorLoginBrowserTest {

    @org.springframework.test.context.DynamicPropertySource
    static void database(org.springframework.test.context.DynamicPropertyRegistry registry) {
        org.yunjian.support.TestDatabases.freshDemo("demo_admin_login", registry);
    }

    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.yunjian.security.internal.login.AddressThrottle throttle;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = org.yunjian.support.Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    // the audit administrator here, the two security administrators in the two-person rule: no test logs in with a
    // code another has just used in its 30-second window (that waited up to 30 s for the next one)
    @Test
    void theTotpStepShowsTheDemoCodeAndSaysHowLongToWaitWhenItWasAlreadyUsed() throws Exception {
        passwordStep(DemoData.AUDIT_ADMIN);
        String shown = browser.findElement(By.id("demo-totp")).getText();
        assertThat(shown).contains("演示模式").contains(DemoData.AUDIT_ADMIN).contains("只在演示模式下显示");
        Instant now = Instant.now();
        assertThat(code(shown))
                .isIn(
                        Totp.code(DemoData.AUDIT_ADMIN_TOTP, now),
                        Totp.code(DemoData.AUDIT_ADMIN_TOTP, now.minusSeconds(Totp.STEP_SECONDS)));
        shot("totp-demo-code");
        String used = codeStep();

        browser.findElement(By.id("logout")).click();
        passwordStep(DemoData.AUDIT_ADMIN);
        browser.findElement(By.id("code")).sendKeys(used);
        browser.findElement(By.id("totp-submit")).click();
        String refusal = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("totp-error")))
                .getText();
        assertThat(refusal).contains("此动态口令已在本 30 秒时段内使用过").containsPattern("请等待约 [0-9]+ 秒");
        int seconds = Integer.parseInt(refusal.replaceAll(".*请等待约 ([0-9]+) 秒.*", "$1"));
        assertThat(seconds).isBetween(1, 60);
        shot("totp-code-used");
    }

    @Test
    void theDemosTwoSecurityAdministratorsCompleteTheTwoPersonRule() throws Exception {
        logInAdministrator(DemoData.SECURITY_ADMIN2);
        String name = "aud" + UUID.randomUUID().toString().substring(0, 8);
        open("/admin/users/new");
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("displayName")).sendKeys("第二位审计管理员");
        new Select(browser.findElement(By.id("role"))).selectByValue("AUDIT_ADMIN");
        browser.findElement(By.id("password")).sendKeys("Second-Passw0rd-2");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-admin-requested")));

        // the requester's own approval: refused, naming the rule, on the list it came from
        open("/admin/users/requests");
        browser.findElement(By.id("confirm-approve-" + name)).click();
        browser.findElement(By.id("approve-" + name)).click();
        String refused = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-refused")))
                .getText();
        assertThat(refused).isEqualTo("双人规则（三权分立）：管理员不能审批自己提出的申请，须由另一名安全管理员批准。");
        assertThat(browser.getPageSource()).doesNotContain("您无权执行此操作");
        assertThat(browser.findElement(By.id("request-" + name)).isDisplayed()).isTrue();
        shot("self-approval-refused");

        // the demo's other security administrator approves it
        browser.findElement(By.id("logout")).click();
        logInAdministrator(DemoData.SECURITY_ADMIN);
        open("/admin/users/requests");
        browser.findElement(By.id("confirm-approve-" + name)).click();
        browser.findElement(By.id("approve-" + name)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-approved")));
        assertThat(browser.findElements(By.id("request-" + name))).isEmpty();
        shot("second-administrator-approved");

        // a business account is its organisation's (issue 57): the 安全管理员 reads it, says whose, changes nothing
        String customer = jdbc.sql("SELECT id FROM user_account WHERE username = ?")
                .param(DemoData.CUSTOMER_USER)
                .query(String.class)
                .single();
        open("/admin/users/" + customer);
        String whose = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("business-account")))
                .getText();
        assertThat(whose).contains("只有该组织的组织管理员");
        assertThat(browser.findElements(By.id("save"))).isEmpty();
        assertThat(browser.findElements(By.id("delete"))).isEmpty();
        assertThat(browser.findElements(By.id("reset-password"))).isEmpty();
        shot("business-account-read-only");
    }

    /** An office behind one address: one person's mistyped name is refused, naming why; a colleague logs in. */
    @Test
    void aThrottledNameIsRefusedSayingWhyAndAColleagueAtTheSameAddressLogsIn() throws Exception {
        String name = "nobody" + UUID.randomUUID().toString().substring(0, 8);
        try {
            for (int i = 0; i <= 10; i++) {
                open("/login");
                browser.findElement(By.id("username")).sendKeys(name);
                browser.findElement(By.id("password")).sendKeys("Wrong-Passw0rd-" + i);
                org.openqa.selenium.WebElement submit = browser.findElement(By.id("login-submit"));
                submit.click();
                // the answer has come before the next attempt opens the form: a navigation started at once could
                // cancel the submission, and fewer attempts reached the server (the full run waited in vain)
                org.yunjian.support.Browser.waitUntilGone(wait, submit);
            }
            String refused = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-throttled")))
                    .getText();
            assertThat(refused).startsWith("此账户从此地址登录失败次数过多，请在 ").endsWith("同一地址的其他账户不受影响。");
            shot("name-throttled");
            org.yunjian.support.Browser.logIn(browser, wait, "http://localhost:" + port, DemoData.CUSTOMER_USER, null);
        } finally {
            throttle.clear();
        }
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void passwordStep(String username) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlContains("/login/totp"));
    }

    private void logInAdministrator(String username) throws Exception {
        passwordStep(username);
        codeStep();
    }

    /**
     * Gives the code the demo shows; if another login of the account used it in this window already, waits as the
     * page says and gives the next one. Returns the code that logged in.
     */
    private String codeStep() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            String code = code(browser.findElement(By.id("demo-totp")).getText());
            browser.findElement(By.id("code")).sendKeys(code);
            browser.findElement(By.id("totp-submit")).click();
            wait.until(ExpectedConditions.or(
                    ExpectedConditions.presenceOfElementLocated(By.id("logout")),
                    ExpectedConditions.presenceOfElementLocated(By.id("totp-error"))));
            if (browser.findElements(By.id("totp-error")).isEmpty()) {
                return code;
            }
            Thread.sleep((Totp.STEP_SECONDS - Instant.now().getEpochSecond() % Totp.STEP_SECONDS + 1) * 1000);
            open("/login/totp");
        }
        throw new AssertionError("no demo code logged in");
    }

    private static String code(String text) {
        Matcher m = CODE.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private void shot(String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("login-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
