package org.yunjian.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.demo.DemoData;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.Browser;
import org.yunjian.support.IfMatch;

/**
 * Issue 35's first acceptance point, on the demo installation in headless Chromium: each hand-off between people
 * reaches the receiver's 我的待办 (counted in the navigation, listed, the link leads to where they act), the bell and
 * the notification list, and an e-mail (GreenMail, in place of the demo's mail sink); once the receiver acts, the task
 * is gone. The senders act through the REST API. Screenshots in {@code /tmp/handoff-*.png}.
 */
@Tag("database")
@Tag("browser")
@org.yunjian.support.JourneyBesideTheSuite
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AutoConfigureMockMvc
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"yunjian.demo=true", "yunjian.notifications.delivery-interval=1s"})
@org.yunjian.support.OnePass
@org.junit.jupiter.api.Order(2)
class HandOffJourneyTests {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-");

    /** Started here, not by GreenMail's extension: the per-class test instance loads the context before it. */
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void ownDatabaseAndMail(DynamicPropertyRegistry registry) throws IOException {
        org.yunjian.support.TestDatabases.freshDemo("handoff_journey", registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    /** The notifications go to GreenMail rather than to the demo's in-memory mailbox. */
    @TestConfiguration(proxyBeanMethods = false)
    static class GreenMailSender {
        @Bean
        @Primary
        JavaMailSender greenMail(@Value("${spring.mail.host}") String host, @Value("${spring.mail.port}") int port) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost(host);
            sender.setPort(port);
            sender.setDefaultEncoding("UTF-8");
            return sender;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAdministration users;

    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeAll
    void chromium() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterAll
    void quit() {
        if (driver != null) {
            driver.quit();
        }
        SMTP.stop();
    }

    // --- helpers

    String base() {
        return "http://localhost:" + port;
    }

    CurrentUser demo(String username) {
        return SeedActor.account(users, username).orElseThrow();
    }

    UUID organizationOf(String username) {
        return jdbc.sql("SELECT organization_id FROM user_account WHERE username = ?")
                .param(username)
                .query(UUID.class)
                .single();
    }

    UUID portal() {
        return jdbc.sql("SELECT id FROM cloud_system WHERE name = ?")
                .param(DemoData.PORTAL_SYSTEM)
                .query(UUID.class)
                .single();
    }

    static String body(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    ResultActions json(MockHttpServletRequestBuilder request, CurrentUser u, String json) throws Exception {
        return mvc.perform(
                request.with(as(u)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** An assessment of the demo portal by the demo assessor organisation, in progress. */
    String started(String name, String roles) throws Exception {
        CurrentUser assessor = demo(DemoData.ASSESSOR_USER);
        String id = JsonPath.read(
                body(json(post("/api/assessments"), assessor, """
                {"name":"%s","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY",%s"scope":["MLPS-L3"]}""".formatted(
                                        name, portal(), organizationOf(DemoData.ASSESSOR_USER), roles))
                        .andExpect(status().isCreated())),
                "$.id");
        json(post("/api/assessments/{id}/transitions", id), assessor, "{\"to\":\"IN_PROGRESS\"}")
                .andExpect(status().isOk());
        return id;
    }

    ResultActions review(String path, String id, CurrentUser u, String json) throws Exception {
        return json(post("/api/assessments/{id}/review/" + path, id).with(IfMatch.assessment(jdbc, id)), u, json);
    }

    /** The texts of {@code username}'s 我的待办 as the REST API gives them. */
    List<String> myWork(String username) throws Exception {
        return JsonPath.read(
                body(mvc.perform(get("/api/my-work?size=100").with(as(demo(username))))
                        .andExpect(status().isOk())),
                "$.items[*].text");
    }

    static void screenshot(ChromeDriver driver, String name) throws IOException {
        Files.copy(
                driver.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("/tmp", "handoff-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * {@code username} (administrators: with {@code totp}) signs in and finds the task whose text starts with
     * {@code text}: counted in the navigation, in 我的待办 with a link to {@code hrefPart}, behind the bell, in the
     * notification list, and in an e-mail to the demo address.
     */
    void receives(String username, String totp, String text, String hrefPart, String shot) throws Exception {
        receivesInTheApplication(username, totp, text, hrefPart, shot);
        String address = username + "@demo.example.gov.cn";
        long until =
                System.nanoTime() + Duration.ofSeconds(60).toNanos(); // a loaded machine delays the 1 s delivery job
        List<String> subjects = new ArrayList<>();
        while (System.nanoTime() < until) {
            subjects.clear();
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(address)) {
                    subjects.add(m.getSubject() + "\n" + m.getContent());
                }
            }
            if (subjects.stream().anyMatch(s -> s.contains(text))) {
                return;
            }
            Thread.sleep(250);
        }
        assertThat(subjects).as("e-mails to %s", address).anyMatch(s -> s.contains(text));
    }

    /** {@link #receives} but the e-mail: counted, listed and linked in 我的待办, behind the bell and in the list. */
    void receivesInTheApplication(String username, String totp, String text, String hrefPart, String shot)
            throws Exception {
        Browser.logIn(driver, wait, base(), username, totp);
        try {
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("my-work-count")))
                            .getText())
                    .matches("[1-9][0-9]*\\+?");
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bell-count")))
                            .getText())
                    .matches("[1-9][0-9]*\\+?");
            assertThat(driver.findElement(By.id("nav-my-work")).getAttribute("href"))
                    .endsWith("/my-work");
            // the demo's people have many tasks waiting (those with a due date come first): one long page
            driver.get(base() + "/my-work?size=200");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-work-table")));
            screenshot(driver, shot);
            String rows = driver.findElement(By.id("my-work-table")).getText();
            assertThat(rows).contains(text).doesNotContain("msg:", "work.").doesNotContainPattern(UUID_TEXT);
            WebElement link = driver.findElements(By.cssSelector("a.my-work-link")).stream()
                    .filter(a -> a.getText().startsWith(text))
                    .findFirst()
                    .orElseThrow();
            link.click();
            wait.until(ExpectedConditions.urlContains(hrefPart));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
            assertThat(driver.getTitle()).doesNotContain("出错了");
            screenshot(driver, shot + "-target");

            driver.findElement(By.id("nav-bell")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notification-list")));
            assertThat(driver.findElement(By.id("notification-list")).getText()).contains(text);
            screenshot(driver, shot + "-notifications");
        } finally {
            driver.findElement(By.id("logout")).click();
        }
    }

    // --- the hand-offs

    @Test
    void aCheckersSendBackReachesTheTesterAndLeavesOnceResubmitted() throws Exception {
        CurrentUser tester = demo(DemoData.ASSESSOR_USER);
        CurrentUser checker = demo(DemoData.ASSESSMENT_REVIEWER);
        String id = started("交接测评一", """
                "assessors":["%s"],"reviewer":"%s","approver":"%s",""".formatted(
                        tester.userId(),
                        checker.userId(),
                        demo(DemoData.ASSESSMENT_APPROVER).userId()));
        SignOffFixture.fillGaps(jdbc, id);
        review("submit", id, tester, "").andExpect(status().isOk());
        List<String> items = JsonPath.read(AssessmentItems.json(mvc, id, as(tester)), "$[*].id");
        review("send-back", id, checker, """
                {"comment":"两处需修改","items":[{"itemId":"%s","comment":"请补充机房照片"}]}""".formatted(items.get(0))).andExpect(status().isOk());

        String text = "测评“交接测评一”（" + DemoData.PORTAL_SYSTEM + "）被退回修改";
        receives(DemoData.ASSESSOR_USER, null, text, "/assessments/" + id, "1-tester");
        assertThat(myWork(DemoData.ASSESSMENT_REVIEWER)).noneMatch(t -> t.contains("交接测评一"));

        String comment = JsonPath.read(
                body(mvc.perform(get("/api/assessments/{id}/review", id).with(as(tester)))), "$.comments[0].id");
        mvc.perform(post("/api/review-comments/{id}/resolve", comment)
                        .with(as(tester))
                        .with(IfMatch.assessment(jdbc, id)))
                .andExpect(status().isOk());
        review("submit", id, tester, "").andExpect(status().isOk());
        assertThat(myWork(DemoData.ASSESSOR_USER)).noneMatch(t -> t.startsWith(text));
        assertThat(myWork(DemoData.ASSESSMENT_REVIEWER)).anyMatch(t -> t.contains("交接测评一"));
    }

    @Test
    void aProposedHighRiskAcceptanceReachesTheSecondCustomerPersonNotTheProposer() throws Exception {
        CurrentUser assessor = demo(DemoData.ASSESSOR_USER);
        CurrentUser customer = demo(DemoData.CUSTOMER_USER);
        String id = started("交接测评二", "");
        String items = AssessmentItems.json(mvc, id, as(assessor), "side", "CUSTOMER_SYSTEM");
        String item = JsonPath.read(items, "$[0].id");
        json(
                        put("/api/assessment-items/{id}/verdict", item).with(IfMatch.item(jdbc, item)),
                        assessor,
                        "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"HIGH\",\"riskReason\":\"未划分安全区域\"}")
                .andExpect(status().isOk());
        String task = JsonPath.<List<String>>read(
                        body(mvc.perform(
                                get("/api/assessments/{id}/risk-register", id).with(as(assessor)))),
                        "$.entries[*].id")
                .get(0);
        json(put("/api/remediations/{id}/plan", task).with(IfMatch.remediation(jdbc, task)), customer, """
                {"treatment":"ACCEPT","acceptanceReason":"补偿措施：门禁与视频监控","acceptanceExpiresOn":"%s"}""".formatted(
                                LocalDate.now().plusMonths(6)))
                .andExpect(status().isOk());

        String text = "批准风险接受：";
        receives(DemoData.CUSTOMER_REVIEWER, null, text, "/remediations/" + task, "2-reviewer");
        assertThat(myWork(DemoData.CUSTOMER_USER)).noneMatch(t -> t.startsWith(text) && t.contains("交接测评二"));

        mvc.perform(post("/api/remediations/{id}/acceptance/approval", task)
                        .with(as(demo(DemoData.CUSTOMER_REVIEWER)))
                        .with(IfMatch.remediation(jdbc, task)))
                .andExpect(status().isOk());
        assertThat(myWork(DemoData.CUSTOMER_REVIEWER)).noneMatch(t -> t.startsWith(text) && t.contains("交接测评二"));
    }

    @Test
    void anEvidenceRequestReachesTheOrganisationAndTheAnswerTheTester() throws Exception {
        CurrentUser assessor = demo(DemoData.ASSESSOR_USER);
        CurrentUser provider = demo(DemoData.PROVIDER_USER);
        String id = started("交接测评四", "");
        List<String> platform =
                JsonPath.read(AssessmentItems.json(mvc, id, as(assessor), "side", "CLOUD_PLATFORM"), "$[*].id");
        String line = JsonPath.<List<String>>read(
                        body(json(post("/api/assessments/{id}/evidence-requests", id), assessor, """
                        {"lines":[{"title":"交接隔离说明","itemIds":["%s"],"dueDate":"%s"}]}""".formatted(
                                                platform.get(0), LocalDate.now().plusDays(14)))
                                .andExpect(status().isCreated())),
                        "$[*].id")
                .get(0);

        receives(DemoData.PROVIDER_USER, null, "提交资料“交接隔离说明”", "/evidence-requests", "4-provider");

        mvc.perform(multipart("/api/evidence-request-lines/{id}/evidence", line)
                        .file(new MockMultipartFile("file", "说明.pdf", "application/pdf", PDF))
                        .with(as(provider))
                        .with(IfMatch.requestLine(jdbc, line)))
                .andExpect(status().isCreated());
        assertThat(myWork(DemoData.PROVIDER_USER)).noneMatch(t -> t.contains("交接隔离说明"));
        List<String> testers = myWork(DemoData.ASSESSOR_USER);
        String decide =
                testers.stream().filter(t -> t.contains("交接隔离说明")).findFirst().orElseThrow();
        receives(DemoData.ASSESSOR_USER, null, decide, "/assessments/" + id + "/evidence-requests", "4-tester");

        json(
                        put("/api/evidence-request-lines/{id}/decision", line).with(IfMatch.requestLine(jdbc, line)),
                        assessor,
                        "{\"accept\":true}")
                .andExpect(status().isOk());
        assertThat(myWork(DemoData.ASSESSOR_USER)).noneMatch(t -> t.contains("交接隔离说明"));
    }

    @Test
    void theCustomersMatrixSignOffReachesTheProviderWhoMustSignNext() throws Exception {
        CurrentUser customer = demo(DemoData.CUSTOMER_USER);
        CurrentUser provider = demo(DemoData.PROVIDER_USER);
        UUID system = portal();
        String base = "/api/systems/" + system + "/responsibility";
        // the demo matrix is approved: a further agreement makes a draft for both sides to sign
        matrix(post(base + "/agreements"), system, customer, """
                {"name":"交接补充协议","partyA":"%s","partyB":"%s","clauses":["3.1"]}""".formatted(
                                organizationOf(DemoData.CUSTOMER_USER), organizationOf(DemoData.PROVIDER_USER)))
                .andExpect(status().isCreated());
        matrix(post(base + "/sign-offs"), system, customer, "{\"side\":\"CUSTOMER\"}")
                .andExpect(status().isOk());

        String text = "签认“" + DemoData.PORTAL_SYSTEM + "”的责任分工矩阵";
        receives(DemoData.PROVIDER_USER, null, text, "/systems/" + system + "/responsibility", "3-provider");
        assertThat(myWork(DemoData.CUSTOMER_USER)).noneMatch(t -> t.startsWith(text));

        matrix(post(base + "/sign-offs"), system, provider, "{\"side\":\"PROVIDER\"}")
                .andExpect(status().isOk());
        assertThat(myWork(DemoData.PROVIDER_USER)).noneMatch(t -> t.startsWith(text));
    }

    ResultActions matrix(MockHttpServletRequestBuilder b, UUID system, CurrentUser u, String json) throws Exception {
        return mvc.perform(b.with(IfMatch.currentMatrix(jdbc, system))
                .with(as(u))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void aLifecycleDutyReachesItsOwnerAndOnceDoneTheCustomer() throws Exception {
        CurrentUser customer = demo(DemoData.CUSTOMER_USER);
        CurrentUser owner = demo(DemoData.PROVIDER_USER);
        UUID providerOrg = organizationOf(DemoData.PROVIDER_USER);
        String base = "/api/systems/" + portal() + "/lifecycle";
        var existing = mvc.perform(get(base).with(as(customer))).andReturn().getResponse();
        String plan = existing.getStatus() == 200
                ? existing.getContentAsString(StandardCharsets.UTF_8)
                : body(mvc.perform(post(base).with(as(customer))).andExpect(status().isCreated()));
        // a duty of the provider nobody was named for, in a phase still open (the demo closed its first phase)
        String duty = null;
        for (String d : JsonPath.<List<String>>read(
                plan,
                "$.duties[?(@.organisation == '" + providerOrg + "' && @.owner == null && @.settled == false)].id")) {
            String detail = body(
                    mvc.perform(get(base + "/duties/" + d).with(as(customer))).andExpect(status().isOk()));
            if (!JsonPath.<Boolean>read(detail, "$.frozen")) {
                duty = d;
                break;
            }
        }
        assertThat(duty).as("an open duty of the provider in the demo plan").isNotNull();
        String dutyUrl = base + "/duties/" + duty;
        json(put(dutyUrl + "/assignment").with(IfMatch.read(mvc, dutyUrl, as(customer))), customer, """
                {"organisation":"%s","owner":"%s","dueDate":"%s"}""".formatted(
                                providerOrg, owner.username(), LocalDate.now().plusDays(10)))
                .andExpect(status().isOk());

        String toDo = myWork(DemoData.PROVIDER_USER).stream()
                .filter(t -> t.startsWith("完成“") && t.contains("生命周期计划的职责"))
                .findFirst()
                .orElseThrow();
        receives(DemoData.PROVIDER_USER, null, toDo, "/lifecycle/duties/" + duty, "5-owner");

        json(put(dutyUrl + "/status").with(IfMatch.read(mvc, dutyUrl, as(owner))), owner, "{\"status\":\"DONE\"}")
                .andExpect(status().isOk());
        assertThat(myWork(DemoData.PROVIDER_USER)).doesNotContain(toDo).noneMatch(t -> t.startsWith("验收“"));
        String accept = "验收" + toDo.substring(2).replace("生命周期计划的职责", "生命周期计划中已完成的职责");
        // acceptances are bulk work (issue 58): in the application at once, by e-mail in the daily digest
        // (NotificationDeliveryTests.tasksOfOneGroupNotifyOnceAndBulkWorkWaitsForTheDailyDigest)
        receivesInTheApplication(DemoData.CUSTOMER_USER, null, accept, "/lifecycle/duties/" + duty, "5-customer");

        mvc.perform(post(dutyUrl + "/acceptance")
                        .with(IfMatch.read(mvc, dutyUrl, as(customer)))
                        .with(as(customer)))
                .andExpect(status().isOk());
        assertThat(myWork(DemoData.CUSTOMER_USER)).doesNotContain(accept);
    }

    /** The two-person rule (the demo gives the security administrators an address too, as a business user). */
    @Test
    void aSecurityAdministratorsRequestReachesTheSecondSecurityAdministrator() throws Exception {
        CurrentUser first = demo(DemoData.SECURITY_ADMIN);
        CurrentUser second = demo(DemoData.SECURITY_ADMIN2);
        String name = "handoff-sys";
        String request = JsonPath.read(
                body(json(post("/api/users").with(csrf()), first, """
                {"username":"%s","displayName":"交接系统管理员","role":"SYSTEM_ADMIN","password":"Handoff-Journey-2026!q"}""".formatted(name))
                        .andExpect(status().isCreated())),
                "$.pendingRequest");

        String text = "批准管理员申请：" + name;
        receives(DemoData.SECURITY_ADMIN2, DemoData.SECURITY_ADMIN2_TOTP, text, "/admin/users/requests", "6-secadmin2");
        assertThat(myWork(DemoData.SECURITY_ADMIN)).noneMatch(t -> t.startsWith(text));

        mvc.perform(post("/api/users/admin-requests/{id}/approve", request)
                        .with(as(second))
                        .with(csrf()))
                .andExpect(status().isOk());
        assertThat(myWork(DemoData.SECURITY_ADMIN2)).noneMatch(t -> t.startsWith(text));
    }
}
