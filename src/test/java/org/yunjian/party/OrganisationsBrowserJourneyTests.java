package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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
 * Issue 57 in headless Chromium, on the demo: every organisation with people has its 组织管理员; the customer asks the
 * provider to take part (it can no longer invite into the provider's organisation); the provider's administrator finds
 * the request in 我的待办, accepts it naming its own engineer, and the customer is notified; the security agent's
 * administrator declines the demo's pending request with a reason, which the customer reads; the provider's
 * administrator invites a new colleague of its own (GreenMail receives the link; the colleague registers and logs in)
 * and later removes them — the colleague's open session ends at once.
 */
@org.yunjian.support.OnePass
@DirtiesContext
@org.yunjian.support.JourneyBesideTheSuite
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@Tag("database")
class OrganisationsBrowserJourneyTests {

    static final String PASSWORD = "Engineer-Pass-2026!";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.freshDemo("organisations_journey", registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @LocalServerPort
    int port;

    ChromeDriver driver;
    WebDriverWait wait;
    String base;

    @Test
    void requestsAreDecidedByTheAskedOrganisationAndAMemberRemovedLosesTheSession() throws Exception {
        driver = Browser.start();
        try {
            wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            base = "http://localhost:" + port;

            // every organisation of the demo that has people has an administrator, who sees its members
            for (String admin : new String[] {
                DemoData.CUSTOMER_USER,
                DemoData.SECURITIES_USER,
                DemoData.PROVIDER_USER,
                DemoData.INTEGRATOR_USER,
                DemoData.SECURITY_SERVICE_USER,
                DemoData.ASSESSMENT_APPROVER
            }) {
                as(admin);
                driver.get(base + "/organization/membership");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("membership")));
                assertThat(driver.findElement(By.id("membership-" + admin)).getText())
                        .as(admin)
                        .contains("组织管理员");
            }
            shot("membership");

            // need to know: the provider's engineer sees the portal he is assigned to, nothing else of the provider's
            as(DemoData.PROVIDER_ENGINEER);
            driver.get(base + "/systems");
            String seen = driver.findElement(By.tagName("main")).getText();
            assertThat(seen)
                    .contains(DemoData.PORTAL_SYSTEM)
                    .doesNotContain(DemoData.SERVICE_SYSTEM, DemoData.SECURITIES_SYSTEM);
            // his administrator assigns him to the customer's second system too, and gives and takes the grant
            as(DemoData.PROVIDER_USER);
            driver.get(base + "/organization/membership");
            String row = "membership-" + DemoData.PROVIDER_ENGINEER;
            assertThat(driver.findElement(By.id(row)).getText()).contains("仅被指派的系统", DemoData.PORTAL_SYSTEM);
            new Select(driver.findElement(By.id("assign-" + DemoData.PROVIDER_ENGINEER)))
                    .selectByVisibleText(DemoData.SERVICE_SYSTEM);
            driver.findElement(By.id(row))
                    .findElement(By.cssSelector("form[action$='/assignments'] button"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
            assertThat(driver.findElement(By.id(row)).getText()).contains(DemoData.SERVICE_SYSTEM);
            shot("membership-assigned");
            driver.findElement(By.id("whole-" + DemoData.PROVIDER_ENGINEER)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
            assertThat(driver.findElement(By.id(row)).getText()).contains("本组织参与的全部系统");
            driver.findElement(By.id("whole-" + DemoData.PROVIDER_ENGINEER)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
            assertThat(driver.findElement(By.id(row)).getText()).contains("仅被指派的系统");
            as(DemoData.PROVIDER_ENGINEER);
            driver.get(base + "/systems");
            seen = driver.findElement(By.tagName("main")).getText();
            assertThat(seen)
                    .contains(DemoData.PORTAL_SYSTEM, DemoData.SERVICE_SYSTEM)
                    .doesNotContain(DemoData.SECURITIES_SYSTEM);
            // an administrator (the 测评机构's) may connect the organisation's own directory
            as(DemoData.ASSESSMENT_APPROVER);
            driver.get(base + "/organization/directory");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("directory-form")));
            shot("directory");

            // the platform's 系统管理员 sees the organisation that has nobody to govern it, and may invite one
            driver.manage().deleteAllCookies();
            Browser.logIn(driver, wait, base, DemoData.SYSTEM_ADMIN, DemoData.SYSTEM_ADMIN_TOTP);
            driver.get(base + "/organizations");
            driver.findElement(By.linkText(DemoData.HARDWARE.name())).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("administrator-form")));
            assertThat(driver.findElements(By.id("no-administrator"))).hasSize(1);
            shot("organisation-without-administrator");

            // the customer asks the provider; the demo's own request to the security agent is listed, pending
            as(DemoData.CUSTOMER_USER);
            driver.findElement(By.id("nav-participation-requests")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-form")));
            assertThat(driver.findElement(By.id("sent-list")).getText())
                    .contains(DemoData.SECURITY_SERVICE.name(), "待处理");
            new Select(driver.findElement(By.id("systemId"))).selectByVisibleText(DemoData.PORTAL_SYSTEM);
            new Select(driver.findElement(By.id("engagementId"))).selectByVisibleText(DemoData.MIGRATION_ENGAGEMENT);
            new Select(driver.findElement(By.id("organizationId"))).selectByVisibleText(DemoData.PROVIDER.name());
            new Select(driver.findElement(By.id("role"))).selectByValue("PARTNER_OM_SERVICE");
            driver.findElement(By.id("message")).sendKeys("请指定迁移期间的运维人员");
            shot("request-form");
            driver.findElement(By.id("send-request")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-sent")));
            assertThat(driver.findElement(By.id("request-status")).getAttribute("data-status"))
                    .isEqualTo("PENDING");
            // the invitation form offers no other organisation to put people into
            driver.get(base + "/invitations");
            assertThat(new Select(driver.findElement(By.id("organizationId")))
                            .getOptions().stream().map(o -> o.getText()).toList())
                    .doesNotContain(DemoData.PROVIDER.name(), DemoData.SECURITY_SERVICE.name());

            // the provider's administrator: 我的待办 → the request → accept, naming its engineer (himself)
            as(DemoData.PROVIDER_USER);
            driver.get(base + "/my-work");
            driver.findElement(By.partialLinkText("处理参与请求")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accept-form")));
            assertThat(driver.findElement(By.id("request-from")).getText()).contains(DemoData.CUSTOMER.name());
            driver.findElement(By.id("person-" + DemoData.PROVIDER_USER)).click();
            shot("accept");
            driver.findElement(By.id("accept-request")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-accepted")));
            assertThat(driver.findElement(By.id("request-assigned")).getText()).contains("政务云运营 李工");
            driver.get(base + "/my-work");
            assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("处理参与请求");

            // the security agent's administrator declines the demo's request, with a reason and a confirmation
            as(DemoData.SECURITY_SERVICE_USER);
            driver.get(base + "/my-work");
            driver.findElement(By.partialLinkText("处理参与请求")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decline-form")));
            driver.findElement(By.id("reason")).sendKeys("本季度人手已满，请于下季度再联系");
            driver.findElement(By.id("confirm-decline")).click();
            driver.findElement(By.id("decline-request")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-declined")));
            assertThat(driver.findElement(By.id("request-status")).getAttribute("data-status"))
                    .isEqualTo("DECLINED");
            shot("declined");

            // the customer is told of both decisions
            as(DemoData.CUSTOMER_USER);
            driver.get(base + "/notifications");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notification-list")));
            String told = driver.findElement(By.id("notification-list")).getText();
            assertThat(told)
                    .contains("“" + DemoData.PROVIDER.name() + "”接受了")
                    .contains("“" + DemoData.SECURITY_SERVICE.name() + "”拒绝了");
            shot("customer-notified");

            // the provider's administrator invites a colleague of its own, who registers from the e-mailed link
            as(DemoData.PROVIDER_USER);
            driver.get(base + "/invitations");
            String email = "zhao." + UUID.randomUUID().toString().substring(0, 6) + "@gov-cloud.example.cn";
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("displayName")).sendKeys("赵工程师");
            new Select(driver.findElement(By.id("systemId"))).selectByValue("");
            driver.findElement(By.id("send-invitation")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invitation-sent")));
            assertThat(driver.findElement(By.id("invitation-list")).getText())
                    .contains("赵工程师", DemoData.INVITED_ENGINEER_NAME);
            String token = InvitationTests.tokenMailedTo(SMTP, email);
            driver.manage().deleteAllCookies();
            driver.get(base + "/invitation/" + token);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accept-invitation")));
            assertThat(driver.findElement(By.id("invitation-summary")).getText())
                    .contains(DemoData.PROVIDER.name());
            String username = driver.findElement(By.id("username")).getAttribute("value");
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.id("confirm")).sendKeys(PASSWORD);
            driver.findElement(By.id("accept-invitation")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-invited")));
            assertThat(driver.findElement(By.id("username")).getAttribute("value"))
                    .isEqualTo(username);
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
            driver.get(base + "/my-work");
            Cookie engineerSession = sessionCookie();

            // the administrator removes the colleague: the colleague's open session ends at once
            as(DemoData.PROVIDER_USER);
            driver.get(base + "/organization/users");
            driver.findElement(By.linkText(username)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("remove-form")));
            driver.findElement(By.id("confirm-remove")).click();
            shot("remove");
            driver.findElement(By.id("remove-member")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("member-removed")));
            assertThat(driver.findElement(By.id("members")).getText()).doesNotContain(username);
            driver.manage().deleteAllCookies();
            driver.get(base + "/login");
            driver.manage().addCookie(engineerSession);
            driver.get(base + "/my-work");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));
            assertThat(driver.findElements(By.id("logout"))).isEmpty();
        } finally {
            driver.quit();
        }
    }

    private void as(String username) {
        driver.manage().deleteAllCookies();
        Browser.logIn(driver, wait, base, username, null);
    }

    private Cookie sessionCookie() {
        return driver.manage().getCookies().stream()
                .filter(c -> c.getName().toUpperCase(java.util.Locale.ROOT).contains("SESSION"))
                .findFirst()
                .orElseThrow();
    }

    private void shot(String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("organisations-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
