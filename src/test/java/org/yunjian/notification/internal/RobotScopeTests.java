package org.yunjian.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.SeedActor;
import org.yunjian.security.TestAccounts;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkOpened;
import org.yunjian.shared.work.WorkTask;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 57, need to know for robots: a group chat's readers learn only of the systems its robot is scoped to. The
 * provider has two robots on a loopback receiver — one scoped to system A, one hearing every system of the
 * organisation; what each receives is what the platform posted to it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.RunsBesideTheSuite
class RobotScopeTests {

    @DynamicPropertySource
    static void robots(DynamicPropertyRegistry registry) {
        // a database of its own: another context's delivery job would otherwise claim this class's deliveries
        org.yunjian.support.TestDatabases.fresh("robot_scope", registry);
        registry.add("yunjian.outbound.webhooks.allowed-ranges.test-robots", () -> "127.0.0.0/8");
        registry.add("yunjian.notifications.base-url", () -> "https://yunjian.example.gov.cn");
        registry.add("yunjian.notifications.delivery-interval", () -> "1h");
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a robot's group read: the path it was posted to and the text. */
    record Received(String path, String body) {}

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
    JdbcClient jdbc;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    String base;
    Fixtures.World w;
    CloudSystem systemA;
    CloudSystem systemB;
    CurrentUser carol;
    CurrentUser dave;
    CurrentUser alice;

    @BeforeEach
    void world() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new Received(
                    exchange.getRequestURI().getPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] out = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        receiver.start();
        base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        w = fixtures.world();
        systemA = w.system();
        systemB = fixtures.system("交易系统 " + UUID.randomUUID().toString().substring(0, 6), w.customer(), w.provider());
        carol = user("carol", w.provider().id());
        dave = user("dave", w.provider().id());
        alice = user("alice", w.customer().id());
        // carol and alice are their organisations' 组织管理员; dave is a member of the provider, not an administrator
        jdbc.sql("UPDATE user_account SET org_admin = TRUE WHERE id IN (?, ?)")
                .params(carol.userId(), alice.userId())
                .update();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    CurrentUser user(String prefix, UUID org) {
        return SeedActor.of(TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        prefix + "-" + UUID.randomUUID().toString().substring(0, 8),
                        prefix,
                        Role.USER,
                        org,
                        "Robot-Scope-2026!")));
    }

    UUID robot(String path, String scope) throws Exception {
        String created = mvc.perform(post("/api/organizations/" + w.provider().id() + "/webhooks")
                        .with(as(carol))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"GENERIC\",\"name\":\"值班群 %s\",\"url\":\"%s\",\"secret\":\"s3cret\"%s}"
                                .formatted(path, base + path, scope)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return UUID.fromString(JSON.readTree(created).get("id").asString());
    }

    void open(WorkAddressee to, String name) {
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
                                null),
                        Instant.now(),
                        null)));
        deliveries.runDue();
    }

    /** The paths of the robots that received the task named {@code name}. */
    List<String> heardOf(String name) {
        return received.stream()
                .filter(r -> r.body().contains(name))
                .map(Received::path)
                .sorted()
                .toList();
    }

    String scope(UUID robot, String body, CurrentUser as, int expected) throws Exception {
        return mvc.perform(put("/api/organizations/" + w.provider().id() + "/webhooks/" + robot + "/scope")
                        .with(as(as))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aRobotScopedToASystemHearsOfThatSystemAloneAndAWholeOrganisationRobotOfEverything() throws Exception {
        robot("/a", ",\"systems\":[\"" + systemA.id() + "\"]");
        robot("/whole", "");

        open(WorkAddressee.organization(w.provider().id(), systemB.id()), "B 系统的事项");
        assertThat(heardOf("B 系统的事项")).as("the A group learns nothing of B").containsExactly("/whole");

        open(WorkAddressee.organization(w.provider().id(), systemA.id()), "A 系统的事项");
        assertThat(heardOf("A 系统的事项")).containsExactly("/a", "/whole");

        open(WorkAddressee.user(dave.userId()), "个人事项");
        assertThat(heardOf("个人事项")).as("a task about no system").containsExactly("/whole");

        open(WorkAddressee.organization(w.provider().id()), "组织事项");
        assertThat(heardOf("组织事项")).containsExactly("/whole");

        // one delivery per robot per task, as before
        assertThat(received).hasSize(5);
    }

    @Test
    void changingTheScopeOverRestTakesEffectAndIsAudited() throws Exception {
        UUID a = robot("/a", ",\"systems\":[\"" + systemA.id() + "\"]");

        String answer = scope(a, "{\"systems\":[\"" + systemB.id() + "\"]}", carol, 200);
        assertThat(JSON.readTree(answer).get("wholeOrganization").asBoolean()).isFalse();
        assertThat(JSON.readTree(answer).get("systems").get(0).get("name").asString())
                .isEqualTo(systemB.name());
        open(WorkAddressee.organization(w.provider().id(), systemB.id()), "改为 B 之后");
        open(WorkAddressee.organization(w.provider().id(), systemA.id()), "不再接收 A");
        assertThat(heardOf("改为 B 之后")).containsExactly("/a");
        assertThat(heardOf("不再接收 A")).isEmpty();

        scope(a, "{\"wholeOrganization\":true}", carol, 200);
        open(WorkAddressee.user(dave.userId()), "全组织之后");
        assertThat(heardOf("全组织之后")).containsExactly("/a");
        mvc.perform(get("/api/organizations/" + w.provider().id() + "/webhooks").with(as(carol)))
                .andExpect(jsonPath("$[0].wholeOrganization").value(true))
                .andExpect(jsonPath("$[0].systems").isEmpty());

        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'notification.webhook.scope' "
                                + "AND object_id = ? ORDER BY seq")
                        .param(a.toString())
                        .query(String.class)
                        .list())
                .hasSize(2)
                .first()
                .asString()
                .contains("webhookScopeSystems");
    }

    @Test
    void aSystemOfAnotherOrganisationIsRefusedInTheCallersLanguageAndNothingIsWritten() throws Exception {
        UUID a = robot("/a", ",\"systems\":[\"" + systemA.id() + "\"]");
        String stranger = "{\"systems\":[\"" + w.strangersSystem().id() + "\"]}";

        assertThat(JSON.readTree(scope(a, stranger, carol, 400))
                        .get("errors")
                        .get("systems")
                        .asString())
                .isEqualTo("只能选择本组织参与的系统。");
        mvc.perform(put("/api/organizations/" + w.provider().id() + "/webhooks/" + a + "/scope")
                        .with(as(carol))
                        .locale(Locale.ENGLISH)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(stranger))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.systems").value("Choose only systems your organisation takes part in."));
        // a system of the organisation together with a stranger's: all refused, nothing half-written
        scope(
                a,
                "{\"systems\":[\"" + systemB.id() + "\",\""
                        + w.strangersSystem().id() + "\"]}",
                carol,
                400);
        scope(a, "{\"wholeOrganization\":true,\"systems\":[\"" + systemB.id() + "\"]}", carol, 400);
        assertThat(JSON.readTree(scope(a, "{\"wholeOrganization\":false}", carol, 400))
                        .get("errors")
                        .has("systems"))
                .isTrue();
        mvc.perform(get("/api/organizations/" + w.provider().id() + "/webhooks").with(as(carol)))
                .andExpect(jsonPath("$[0].wholeOrganization").value(false))
                .andExpect(jsonPath("$[0].systems.length()").value(1))
                .andExpect(jsonPath("$[0].systems[0].id").value(systemA.id().toString()));

        // a new robot for a stranger's system is not added at all
        mvc.perform(post("/api/organizations/" + w.provider().id() + "/webhooks")
                        .with(as(carol))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"GENERIC\",\"name\":\"越权\",\"url\":\"" + base + "/x\",\"secret\":\"s\","
                                + "\"systems\":[\"" + w.strangersSystem().id() + "\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.systems").exists());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_webhook WHERE organization_id = ?")
                        .param(w.provider().id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the organisation's other member, and another organisation's administrator, change nothing
        scope(a, "{\"wholeOrganization\":true}", dave, 403);
        scope(a, "{\"wholeOrganization\":true}", alice, 404);
        // another organisation's robot under one's own organisation: unknown
        mvc.perform(put("/api/organizations/" + w.customer().id() + "/webhooks/" + a + "/scope")
                        .with(as(alice))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"wholeOrganization\":true}"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'notification.webhook.scope' "
                                + "AND outcome = 'SUCCESS' AND object_id = ?")
                        .param(a.toString())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRobotStoredBeforeScopesHearsTheWholeOrganisation() throws Exception {
        // a row as the release before wrote it: no scope column named, the migration's default decides
        UUID old = UUID.randomUUID();
        jdbc.sql("INSERT INTO notification_webhook (id, organization_id, kind, name, url, secret_sealed, language, "
                        + "created_at) VALUES (?,?,?,?,?,?,?,?)")
                .params(
                        old,
                        w.provider().id(),
                        "WECOM",
                        "升级前的群",
                        "sealed-elsewhere",
                        null,
                        "zh-CN",
                        java.sql.Timestamp.from(Instant.now()))
                .update();
        mvc.perform(get("/api/organizations/" + w.provider().id() + "/webhooks").with(as(carol)))
                .andExpect(jsonPath("$[0].id").value(old.toString()))
                .andExpect(jsonPath("$[0].wholeOrganization").value(true));
    }

    @Test
    void theRobotsPageShowsEachScopeByNameAndChangesIt() throws Exception {
        UUID a = robot("/a", ",\"systems\":[\"" + systemA.id() + "\"]");
        robot("/whole", "");
        String page = mvc.perform(
                        get("/organizations/" + w.provider().id() + "/webhooks").with(as(carol)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String cellA = cell(page, a);
        assertThat(cellA).contains(systemA.name()).doesNotContain("<li>" + systemA.id());
        assertThat(page).contains("本组织全部系统", "接收范围");

        // the page form: tick B only; then a stranger's system is refused with the field named
        mvc.perform(post("/organizations/" + w.provider().id() + "/webhooks/" + a + "/scope")
                        .with(as(carol))
                        .param("scope", "systems")
                        .param("systems", systemB.id().toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/organizations/" + w.provider().id() + "/webhooks").with(as(carol)))
                .andExpect(jsonPath("$[0].systems[0].name").value(systemB.name()));
        mvc.perform(post("/organizations/" + w.provider().id() + "/webhooks/" + a + "/scope")
                        .with(as(carol))
                        .param("scope", "systems")
                        .param("systems", w.strangersSystem().id().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("接收范围：只能选择本组织参与的系统。")))
                .andExpect(
                        content().string(not(containsString(w.strangersSystem().name()))));
        // added from the page, scoped to A
        mvc.perform(post("/organizations/" + w.provider().id() + "/webhooks")
                        .with(as(carol))
                        .param("kind", "WECOM")
                        .param("name", "页面添加的群")
                        .param("url", base + "/page")
                        .param("language", "zh-CN")
                        .param("scope", "systems")
                        .param("systems", systemA.id().toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/organizations/" + w.provider().id() + "/webhooks").with(as(carol)))
                .andExpect(jsonPath("$[2].name").value("页面添加的群"))
                .andExpect(jsonPath("$[2].wholeOrganization").value(false))
                .andExpect(jsonPath("$[2].systems[0].name").value(systemA.name()));
    }

    /** The scope cell of a robot's row. */
    static String cell(String page, UUID robot) {
        int start = page.indexOf("data-robot=\"" + robot + "\"");
        assertThat(start).as("the scope cell of %s", robot).isPositive();
        return page.substring(start, page.indexOf("</td>", start));
    }
}
