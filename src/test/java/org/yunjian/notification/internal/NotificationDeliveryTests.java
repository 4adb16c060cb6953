package org.yunjian.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.obligations.OverdueDrill;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.SeedActor;
import org.yunjian.security.TestAccounts;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkClosed;
import org.yunjian.shared.work.WorkOpened;
import org.yunjian.shared.work.WorkTask;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What opens reaches its people: after the commit of the change that opened a task (published here as the inbox
 * publishes it), the addressed people get an in-application notification, an e-mail at once (GreenMail) or in the
 * daily digest in the language they chose, and their organisation's robots a correctly signed message on a loopback
 * receiver — 企业微信, 钉钉 (加签), 飞书 (签名校验) and the generic HMAC-SHA256 webhook. A receiver that keeps failing
 * is retried and then shown as failed to the organisation; a rolled-back change notifies nobody.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.RunsBesideTheSuite
class NotificationDeliveryTests {

    @RegisterExtension
    static final GreenMailExtension SMTP = OverdueDrill.smtp();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        // a database of its own: another cached context's delivery job (every 30 s by default) would otherwise claim
        // this class's deliveries between its own runDue calls (the full run's PostgreSQL pass saw attempts 1 of 2)
        org.yunjian.support.TestDatabases.fresh("notification_delivery", registry);
        OverdueDrill.remindersThrough(SMTP, registry);
        // the robots of these tests are loopback servers: allowed by name, as an administrator of a closed network
        // would
        registry.add("yunjian.outbound.webhooks.allowed-ranges.test-robots", () -> "127.0.0.0/8");
        registry.add("yunjian.notifications.base-url", () -> "https://yunjian.example.gov.cn");
        registry.add("yunjian.notifications.delivery-interval", () -> "1h");
        registry.add("yunjian.notifications.first-retry", () -> "0s");
        registry.add("yunjian.notifications.max-attempts", () -> "3");
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Received(String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(e -> e.getValue().get(0))
                    .orElse(null);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAdministration users;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Deliveries deliveries;

    @Autowired
    MailDelivery mail;

    @Autowired
    JdbcClient jdbc;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Map<String, String> answers = new ConcurrentHashMap<>();
    Fixtures.World w;
    CurrentUser alice;
    CurrentUser bob;
    CurrentUser carol;
    String base;

    @BeforeEach
    void world() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8)));
            String answer = answers.getOrDefault(path, "200 {}");
            byte[] out = answer.substring(4).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(answer.substring(0, 3)), out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        receiver.start();
        base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        answers.put("/wecom", "200 {\"errcode\":0,\"errmsg\":\"ok\"}");
        answers.put("/ding", "200 {\"errcode\":0,\"errmsg\":\"ok\"}");
        answers.put("/feishu", "200 {\"code\":0,\"msg\":\"success\"}");
        answers.put("/generic", "200 ok");
        answers.put("/broken", "500 down");

        w = fixtures.world();
        alice = user("alice", "张三", w.customer().id());
        bob = user("bob", "Bob Li", w.customer().id());
        carol = user("carol", "王五", w.provider().id());
        // alice and carol are their organisations' 组织管理员 (they manage the robots); bob is not
        jdbc.sql("UPDATE user_account SET org_admin = TRUE WHERE id IN (?, ?)")
                .param(alice.userId())
                .param(carol.userId())
                .update();
        settings(alice, "IMMEDIATE", "zh-CN", alice.username() + "@example.gov.cn");
        settings(bob, "DIGEST", "en", bob.username() + "@example.gov.cn");
        settings(carol, "OFF", "zh-CN", "");
        SMTP.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    CurrentUser user(String prefix, String displayName, UUID org) {
        return SeedActor.of(TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        prefix + "-" + UUID.randomUUID().toString().substring(0, 8),
                        displayName,
                        Role.USER,
                        org,
                        "Notify-Tests-2026!")));
    }

    void settings(CurrentUser u, String mode, String language, String email) throws Exception {
        mvc.perform(put("/api/notifications/settings")
                        .with(as(u))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"emailMode\":\"%s\",\"language\":\"%s\",\"email\":\"%s\"}"
                                .formatted(mode, language, email)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.emailMode").value(mode));
        if (!email.isBlank()) {
            // issue 56: the address takes effect when its owner, signed in, opens the link mailed to it
            org.yunjian.obligations.OverdueDrill.confirm(mvc, SMTP, u, email);
        }
    }

    void robot(CurrentUser as, UUID org, String kind, String path, String secret) throws Exception {
        mvc.perform(post("/api/organizations/" + org + "/webhooks")
                        .with(as(as))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"%s\",\"name\":\"值班群 %s\",\"url\":\"%s\",\"secret\":%s}"
                                .formatted(kind, kind, base + path, secret == null ? "null" : "\"" + secret + "\"")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.host").value("127.0.0.1"));
    }

    UUID open(WorkAddressee to, String name) {
        return open(to, name, null);
    }

    UUID open(WorkAddressee to, String name, WorkTask.Group group) {
        UUID taskId = UUID.randomUUID();
        new TransactionTemplate(transactions)
                .executeWithoutResult(s -> events.publishEvent(new WorkOpened(
                        taskId,
                        "assessment:" + taskId,
                        new WorkTask(
                                "review",
                                "work.test.review",
                                List.of(name, "msg:enum.AssessmentStatus.IN_PROGRESS"),
                                "/assessments/" + taskId,
                                to,
                                null,
                                group),
                        Instant.now(),
                        null)));
        return taskId;
    }

    List<MimeMessage> mailTo(CurrentUser u) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(u.username() + "@example.gov.cn")) {
                out.add(m);
            }
        }
        return out;
    }

    Received only(String path) {
        List<Received> r = received.stream().filter(x -> x.path().equals(path)).toList();
        assertThat(r).as("requests to %s", path).hasSize(1);
        return r.get(0);
    }

    static byte[] hmac(byte[] key, String data) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anOpenedTaskReachesTheBellTheMailboxAndEveryRobotOfTheOrganisationCorrectlySigned() throws Exception {
        robot(alice, w.customer().id(), "WECOM", "/wecom?key=wecom-key", null);
        robot(alice, w.customer().id(), "DINGTALK", "/ding?access_token=ding-token", "SECding-secret");
        robot(alice, w.customer().id(), "FEISHU", "/feishu", "feishu-secret");
        robot(alice, w.customer().id(), "GENERIC", "/generic", "generic-secret");
        robot(carol, w.provider().id(), "GENERIC", "/generic-provider", "provider-secret");

        UUID task = open(WorkAddressee.organization(w.customer().id()), "2026 年度等保测评");
        assertThat(deliveries.runDue()).isEqualTo(5); // alice's e-mail, four robots; bob's digest comes later

        // the bell and the list, in the reader's language, linking to the task
        mvc.perform(get("/api/notifications/unread-count").with(as(alice)))
                .andExpect(jsonPath("$.unread").value(1));
        mvc.perform(get("/api/notifications").with(as(alice)))
                .andExpect(jsonPath("$.items[0].text").value("审核测评“2026 年度等保测评”（测评中）"))
                .andExpect(jsonPath("$.items[0].href").value("/assessments/" + task));
        mvc.perform(get("/api/notifications/unread-count").with(as(carol)))
                .andExpect(jsonPath("$.unread").value(0));

        // alice: at once, in Chinese, naming what waits and linking to it
        List<MimeMessage> toAlice = mailTo(alice);
        assertThat(toAlice).hasSize(1);
        assertThat(toAlice.get(0).getSubject()).isEqualTo("【云鉴】待办：审核测评“2026 年度等保测评”（测评中）");
        assertThat(toAlice.get(0).getContent().toString())
                .contains("张三，您好", "https://yunjian.example.gov.cn/assessments/" + task);
        assertThat(mailTo(bob)).as("bob chose the daily digest").isEmpty();

        // 企业微信: text message, no signature
        JsonNode wecom = JSON.readTree(only("/wecom").body());
        assertThat(only("/wecom").query()).isEqualTo("key=wecom-key");
        assertThat(wecom.get("msgtype").asString()).isEqualTo("text");
        assertThat(wecom.get("text").get("content").asString())
                .contains("审核测评“2026 年度等保测评”（测评中）", "https://yunjian.example.gov.cn/assessments/" + task);

        // 钉钉: timestamp (ms) and sign = urlencode(base64(HmacSHA256(secret, timestamp + "\n" + secret)))
        Received ding = only("/ding");
        Map<String, String> q = new java.util.HashMap<>();
        for (String pair : ding.query().split("&")) {
            q.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertThat(q.get("access_token")).isEqualTo("ding-token");
        long ts = Long.parseLong(q.get("timestamp"));
        assertThat(Math.abs(System.currentTimeMillis() - ts)).isLessThan(60_000);
        assertThat(URLDecoder.decode(q.get("sign"), StandardCharsets.UTF_8))
                .isEqualTo(Base64.getEncoder()
                        .encodeToString(
                                hmac("SECding-secret".getBytes(StandardCharsets.UTF_8), ts + "\nSECding-secret")));
        assertThat(JSON.readTree(ding.body()).get("text").get("content").asString())
                .contains("2026 年度等保测评");

        // 飞书: timestamp (s) and sign = base64(HmacSHA256(key = timestamp + "\n" + secret, data = "")) in the body
        JsonNode feishu = JSON.readTree(only("/feishu").body());
        String fts = feishu.get("timestamp").asString();
        assertThat(feishu.get("sign").asString())
                .isEqualTo(Base64.getEncoder()
                        .encodeToString(hmac((fts + "\nfeishu-secret").getBytes(StandardCharsets.UTF_8), "")));
        assertThat(feishu.get("msg_type").asString()).isEqualTo("text");
        assertThat(feishu.get("content").get("text").asString()).contains("2026 年度等保测评");

        // generic: X-Yunjian-Signature = sha256=hex(HmacSHA256(secret, timestamp + "." + body))
        Received generic = only("/generic");
        String gts = generic.header("X-Yunjian-Timestamp");
        assertThat(generic.header("X-Yunjian-Signature"))
                .isEqualTo("sha256="
                        + HexFormat.of()
                                .formatHex(hmac(
                                        "generic-secret".getBytes(StandardCharsets.UTF_8),
                                        gts + "." + generic.body())));
        assertThat(JSON.readTree(generic.body()).get("taskId").asString()).isEqualTo(task.toString());

        // the provider's robot hears nothing of the customer's task
        assertThat(received.stream().filter(r -> r.path().equals("/generic-provider")))
                .isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'notification.delivery.send' "
                                + "AND outcome = 'SUCCESS' AND object_id IN (SELECT CAST(id AS VARCHAR(64)) FROM notification_delivery "
                                + "WHERE task_id = ?)")
                        .param(task)
                        .query(Long.class)
                        .single())
                .isEqualTo(5);

        // bob's digest: one e-mail, in English
        mail.openDigests();
        deliveries.runDue();
        List<MimeMessage> toBob = mailTo(bob);
        assertThat(toBob).hasSize(1);
        assertThat(toBob.get(0).getSubject()).isEqualTo("[Yunjian] Daily digest: 1 waiting");
        assertThat(GreenMailUtil.getBody(toBob.get(0))).contains("Dear Bob Li");
        assertThat(toBob.get(0).getContent().toString()).contains("Review assessment \"2026 年度等保测评\" (In progress)");
        mail.openDigests();
        deliveries.runDue();
        assertThat(mailTo(bob)).as("nothing new, no second digest").hasSize(1);
    }

    /**
     * Issue 58, "notifications that ask someone to act, once": tasks of one group reach each person as one
     * notification that counts them (one e-mail, one robot message); bulk work waits for the daily digest even for
     * those who get e-mail at once; the same words and link again the same day notify nobody again.
     */
    @Test
    void tasksOfOneGroupNotifyOnceAndBulkWorkWaitsForTheDailyDigest() throws Exception {
        robot(alice, w.customer().id(), "GENERIC", "/generic", "generic-secret");
        WorkAddressee customer = WorkAddressee.organization(w.customer().id());
        WorkTask.Group roles = WorkTask.Group.of("matrix-roles:" + UUID.randomUUID());
        WorkTask.Group accept = WorkTask.Group.daily("lifecycle-accept:" + UUID.randomUUID());
        open(customer, "角色一", roles);
        open(customer, "角色二", roles);
        open(customer, "验收一", accept);
        open(customer, "验收二", accept);
        open(customer, "验收三", accept);
        deliveries.runDue();

        String list = mvc.perform(get("/api/notifications").with(as(alice)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> texts = new ArrayList<>();
        JSON.readTree(list).get("items").forEach(i -> texts.add(i.get("text").asString()));
        assertThat(texts)
                .containsExactlyInAnyOrder("审核测评“角色一”（测评中）（另有 1 项同类待办，见“我的待办”）", "审核测评“验收一”（测评中）（另有 2 项同类待办，见“我的待办”）");
        // one e-mail: the first of the group asking at once; the bulk group waits for the digest
        assertThat(mailTo(alice)).hasSize(1);
        assertThat(mailTo(alice).get(0).getSubject()).contains("角色一");
        // the robot heard of each group once
        assertThat(received.stream().filter(r -> r.path().equals("/generic"))).hasSize(2);

        // the same words and link again today: no second notification, no e-mail
        UUID again = UUID.randomUUID();
        long before = jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = ?")
                .param(alice.userId())
                .query(Long.class)
                .single();
        open(WorkAddressee.user(alice.userId()), "同一事项");
        deliveries.runDue();
        int mails = mailTo(alice).size();
        String first = jdbc.sql("SELECT href FROM notification WHERE user_id = ? AND args LIKE ?")
                .params(alice.userId(), "%同一事项%")
                .query(String.class)
                .single();
        new TransactionTemplate(transactions)
                .executeWithoutResult(s -> events.publishEvent(new WorkOpened(
                        again,
                        "assessment:again",
                        new WorkTask(
                                "review",
                                "work.test.review",
                                List.of("同一事项", "msg:enum.AssessmentStatus.IN_PROGRESS"),
                                first,
                                WorkAddressee.user(alice.userId()),
                                null),
                        Instant.now(),
                        null)));
        deliveries.runDue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = ?")
                        .param(alice.userId())
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 1);
        assertThat(mailTo(alice)).hasSize(mails);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE task_id = ?")
                        .param(again)
                        .query(Long.class)
                        .single())
                .as("the notification now stands for the new task")
                .isEqualTo(1);

        // the daily digest: alice's bulk work (nothing she was e-mailed of already), bob's everything
        mail.openDigests();
        deliveries.runDue();
        List<MimeMessage> toAlice = mailTo(alice);
        assertThat(toAlice).hasSize(mails + 1);
        String digest = toAlice.stream()
                .filter(m -> {
                    try {
                        return m.getSubject().contains("今日待办汇总");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow()
                .getContent()
                .toString();
        assertThat(digest).contains("验收一", "另有 2 项").doesNotContain("角色一");
        assertThat(mailTo(bob).get(0).getContent().toString())
                .contains("角色一", "and 1 more like it", "验收一", "and 2 more like it");
    }

    @Test
    void readingMarksReadAndNobodyReadsAnotherPersonsNotification() throws Exception {
        open(WorkAddressee.user(alice.userId()), "整改复核");
        String list = mvc.perform(get("/api/notifications").with(as(alice)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JSON.readTree(list).get("items").get(0).get("id").asString();
        mvc.perform(post("/api/notifications/" + id + "/read").with(as(bob))).andExpect(status().isNotFound());
        mvc.perform(post("/api/notifications/" + id + "/read").with(as(alice))).andExpect(status().isNoContent());
        mvc.perform(get("/api/notifications/unread-count").with(as(alice)))
                .andExpect(jsonPath("$.unread").value(0));
        open(WorkAddressee.user(alice.userId()), "二");
        open(WorkAddressee.user(alice.userId()), "三");
        // the unread ones only: the two new ones, not the one just read
        mvc.perform(get("/api/notifications").param("unread", "true").with(as(alice)))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')]").isEmpty());
        mvc.perform(post("/api/notifications/read-all").with(as(alice)))
                .andExpect(jsonPath("$.marked").value(2));
    }

    @Test
    void aTaskThatClosedLeavesTheBellButStaysInTheList() throws Exception {
        open(WorkAddressee.user(alice.userId()), "仍等待");
        UUID done = open(WorkAddressee.user(alice.userId()), "已办完");
        mvc.perform(get("/api/notifications/unread-count").with(as(alice)))
                .andExpect(jsonPath("$.unread").value(2));
        new TransactionTemplate(transactions)
                .executeWithoutResult(
                        s -> events.publishEvent(new WorkClosed(done, "assessment:" + done, "review", Instant.now())));
        mvc.perform(get("/api/notifications/unread-count").with(as(alice)))
                .andExpect(jsonPath("$.unread").value(1));
        // what still waits comes first, though the closed one is newer
        mvc.perform(get("/api/notifications").with(as(alice)))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].read").value(false))
                .andExpect(jsonPath("$.items[0].text").value(org.hamcrest.Matchers.containsString("仍等待")))
                .andExpect(jsonPath("$.items[1].read").value(true));
    }

    @Test
    void aSecondPersonRuleTaskSkipsTheProposerAndARolledBackChangeNotifiesNobody() throws Exception {
        open(WorkAddressee.organization(w.customer().id()).except(alice.userId()), "风险接受");
        mvc.perform(get("/api/notifications/unread-count").with(as(alice)))
                .andExpect(jsonPath("$.unread").value(0));
        mvc.perform(get("/api/notifications/unread-count").with(as(bob)))
                .andExpect(jsonPath("$.unread").value(1));

        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            events.publishEvent(new WorkOpened(
                    UUID.randomUUID(),
                    "assessment:x",
                    new WorkTask(
                            "review",
                            "work.test.review",
                            List.of("回滚", "x"),
                            "/assessments",
                            WorkAddressee.user(bob.userId()),
                            null),
                    Instant.now(),
                    null));
            s.setRollbackOnly();
        });
        mvc.perform(get("/api/notifications/unread-count").with(as(bob)))
                .andExpect(jsonPath("$.unread").value(1));
    }

    @Test
    void aFailingRobotIsRetriedThenShownAsFailedToTheOrganisation() throws Exception {
        robot(carol, w.provider().id(), "GENERIC", "/broken", "provider-secret");
        open(WorkAddressee.user(carol.userId()), "删除证明会签");
        deliveries.runDue();
        deliveries.runDue();
        mvc.perform(get("/api/organizations/" + w.provider().id() + "/notification-deliveries")
                        .with(as(carol)))
                .andExpect(jsonPath("$[0].status").value("PENDING"))
                .andExpect(jsonPath("$[0].attempts").value(2));
        deliveries.runDue();
        deliveries.runDue();
        assertThat(received.stream().filter(r -> r.path().equals("/broken"))).hasSize(3);
        mvc.perform(get("/api/organizations/" + w.provider().id() + "/notification-deliveries")
                        .with(as(carol)))
                .andExpect(jsonPath("$[0].status").value("FAILED"))
                .andExpect(jsonPath("$[0].attempts").value(3))
                .andExpect(jsonPath("$[0].error").value(org.hamcrest.Matchers.containsString("HTTP 500")))
                .andExpect(jsonPath("$[0].text").value("审核测评“删除证明会签”（测评中）"));
        mvc.perform(get("/organizations/" + w.provider().id() + "/webhooks").with(as(carol)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("id=\"deliveries-failed\"")));
        // another organisation's user learns nothing of them
        mvc.perform(get("/api/organizations/" + w.provider().id() + "/notification-deliveries")
                        .with(as(alice)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'notification.delivery.send' "
                                + "AND outcome = 'FAILURE'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void robotsAreRefusedWithoutTheirSecretOrIntoThePlatformsNetworkAndKeptSealed() throws Exception {
        mvc.perform(post("/api/organizations/" + w.customer().id() + "/webhooks")
                        .with(as(bob))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"GENERIC\",\"name\":\"群\",\"url\":\"" + base + "/generic\","
                                + "\"secret\":\"s\"}"))
                .andExpect(status().isForbidden()); // a user of the organisation, not its 组织管理员
        mvc.perform(post("/api/organizations/" + w.customer().id() + "/webhooks")
                        .with(as(alice))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"DINGTALK\",\"name\":\"群\",\"url\":\"ftp://x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.url").exists())
                .andExpect(jsonPath("$.errors.secret").exists());
        // the third attack: addresses the old check let through (mapped, NAT64, carrier-grade NAT, benchmarking)
        for (String inside : List.of(
                "http://[::ffff:169.254.169.254]/x",
                "http://[64:ff9b::a9fe:a9fe]/x",
                "http://100.100.100.200/x",
                "http://[::ffff:10.0.0.1]/x",
                "http://198.18.0.1/x")) {
            mvc.perform(post("/api/organizations/" + w.customer().id() + "/webhooks")
                            .with(as(alice))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"kind\":\"GENERIC\",\"name\":\"群\",\"url\":\"" + inside + "\","
                                    + "\"secret\":\"s\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.url").exists());
        }
        robot(alice, w.customer().id(), "DINGTALK", "/ding?access_token=sealed-token", "SECsealed");
        String stored = jdbc.sql(
                        "SELECT url || ' ' || secret_sealed FROM notification_webhook WHERE organization_id = ?")
                .param(w.customer().id())
                .query(String.class)
                .single();
        assertThat(stored)
                .doesNotContain("sealed-token")
                .doesNotContain("SECsealed")
                .startsWith("sm4gcm:");
        mvc.perform(get("/api/organizations/" + w.customer().id() + "/webhooks").with(as(alice)))
                .andExpect(jsonPath("$[0].host").value("127.0.0.1"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("sealed-token"))));
    }
}
