package org.yunjian.lifecycle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yunjian.obligations.internal.ObligationWorkScheduler;
import org.yunjian.party.Fixtures;
import org.yunjian.responsibility.PublishedWork;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.MutableClock;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkSource;
import org.yunjian.shared.work.WorkTask;
import org.yunjian.support.IfMatch;

/**
 * The lifecycle hand-offs reach whoever must act, through the real REST API and database: a duty assigned to a
 * person waits on that person, once done on the customer (never on whoever did it) and on nobody once accepted; an
 * obligation's due date passing opens its task when the daily job runs (due soon, then overdue; once a day across
 * the nodes); a change request waits on the customer's decision, a provider report on its review; and a rebuild
 * ({@link LifecycleWork#publishAll}, the migration module's source for the supervision records) publishes what the
 * changes published. The inbox itself lands with another
 * change: {@link PublishedWork} keeps the snapshots as it would receive them.
 */
@SpringBootTest(properties = "yunjian.lifecycle.work-tick=PT24H")
@AutoConfigureMockMvc
@Import({Fixtures.class, PublishedWork.class, LifecycleWorkTests.Clocks.class})
@Tag("database")
@org.yunjian.support.OnePass
class LifecycleWorkTests {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock lifecycleWorkTestClock() {
            return new MutableClock();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublishedWork work;

    @Autowired
    LifecycleWork source;

    @Autowired
    List<WorkSource> sources;

    @Autowired
    ObligationWorkScheduler daily;

    @Autowired
    UserAdministration users;

    @Autowired
    MutableClock clock;

    Fixtures.World w;
    CurrentUser customer;
    CurrentUser customer2;
    CurrentUser provider;
    String base;

    @BeforeEach
    void world() {
        clock.set(Instant.now());
        w = fixtures.world();
        customer = user(w.customer().id());
        customer2 = user(w.customer().id());
        provider = user(w.provider().id());
        base = "/api/systems/" + w.system().id() + "/lifecycle";
        work.clear();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Formats.zone());
    }

    ResultActions send(MockHttpServletRequestBuilder b, CurrentUser u, String json) throws Exception {
        return mvc.perform(b.with(as(u)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    RequestPostProcessor read(String duty, CurrentUser u) throws Exception {
        return IfMatch.read(mvc, base + "/duties/" + duty, as(u));
    }

    List<WorkTask> open(String scope) {
        return work.of(scope)
                .orElseThrow(() -> new AssertionError("nothing published for " + scope))
                .open();
    }

    /** A person of the provider with an account, as the customer names an owner. */
    CurrentUser providerEngineer() {
        String username = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        var account = org.yunjian.security.TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        username, "王工程师", Role.USER, w.provider().id(), "Lifecycle-Owner-Test-2026!"));
        return new CurrentUser(account.id(), username, w.provider().id(), Role.USER);
    }

    /** The plan created by the customer; the id of one duty of the provider. */
    String planWithProviderDuty() throws Exception {
        String json = mvc.perform(post(base).with(as(customer)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.<List<String>>read(
                        json, "$.duties[?(@.organisation == '" + w.provider().id() + "')].id")
                .get(0);
    }

    /**
     * Need to know through the work (issue 57): a provider engineer without the whole-organisation grant and assigned
     * to nothing does not see the system; named a duty's owner by the customer, they are assigned to it and see it —
     * the suite's default grant (support.GrantAccountsCreatedInTests) taken away, so the assignment itself is tested.
     */
    @Test
    void aNamedOwnerWithoutTheGrantIsAssignedToTheSystemByTheWorkAndThenSeesIt() throws Exception {
        String duty = planWithProviderDuty();
        CurrentUser owner = providerEngineer();
        jdbc.sql("DELETE FROM visibility_grant WHERE user_id = ?")
                .param(owner.userId())
                .update();
        String system = "/api/systems/" + w.system().id();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(system)
                        .with(as(owner)))
                .andExpect(status().isNotFound());

        send(put(base + "/duties/" + duty + "/assignment").with(read(duty, customer)), customer, """
                {"organisation":"%s","owner":"%s","dueDate":"%s"}""".formatted(
                                w.provider().id(), owner.username(), today().plusDays(10)))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT system_id FROM system_assignment WHERE user_id = ?")
                        .param(owner.userId())
                        .query(java.util.UUID.class)
                        .list())
                .containsExactly(w.system().id());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(system)
                        .with(as(owner)))
                .andExpect(status().isOk());
        send(put(base + "/duties/" + duty + "/status").with(read(duty, owner)), owner, "{\"status\":\"DONE\"}")
                .andExpect(status().isOk());
    }

    @Test
    void aDutyWaitsOnItsOwnerThenOnTheCustomerButNotOnWhoDidItAndOnNobodyOnceAccepted() throws Exception {
        String duty = planWithProviderDuty();
        String scope = "lifecycle-duty:" + duty;
        assertThat(open(scope))
                .as("a generated duty nobody was named for waits on no one person")
                .isEmpty();

        CurrentUser owner = providerEngineer();
        LocalDate due = today().plusDays(10);
        send(put(base + "/duties/" + duty + "/assignment").with(read(duty, customer)), customer, """
                {"organisation":"%s","owner":"%s","dueDate":"%s"}""".formatted(
                                w.provider().id(), owner.username(), due))
                .andExpect(status().isOk());
        assertThat(open(scope)).singleElement().satisfies(t -> {
            assertThat(t.to()).isEqualTo(WorkAddressee.user(owner.userId()));
            assertThat(t.kind()).isEqualTo("work.lifecycle.duty.do");
            assertThat(t.due()).isEqualTo(due);
            assertThat(t.href()).isEqualTo("/systems/" + w.system().id() + "/lifecycle/duties/" + duty);
            assertThat(t.args()).hasSize(2).first().isEqualTo(w.system().name());
            // the clause as printed, not the catalog id, read in the reader's language when the task is shown
            Object clause = org.yunjian.shared.work.WorkTask.shown(t.args().get(1));
            assertThat(clause).isInstanceOf(org.yunjian.shared.Msg.class);
            assertThat(((org.yunjian.shared.Msg) clause).text(java.util.Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("6.2.2 a)");
        });

        send(put(base + "/duties/" + duty + "/status").with(read(duty, owner)), owner, "{\"status\":\"DONE\"}")
                .andExpect(status().isOk());
        assertThat(open(scope)).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo("accept");
            assertThat(t.kind()).isEqualTo("work.lifecycle.duty.accept");
            assertThat(t.to())
                    .isEqualTo(WorkAddressee.organization(
                                    w.customer().id(), w.system().id())
                            .except(owner.userId()));
        });
        WorkSnapshot waiting = work.of(scope).orElseThrow();
        work.clear();
        source.publishAll();
        assertThat(work.of(scope))
                .as("a rebuild publishes what the change published")
                .contains(waiting);

        mvc.perform(post(base + "/duties/" + duty + "/acceptance")
                        .with(read(duty, customer2))
                        .with(as(customer2)))
                .andExpect(status().isOk());
        assertThat(open(scope)).isEmpty();
    }

    @Test
    void theDailyJobOpensAnObligationsTaskWhenItsDateComesAndOnceADayAcrossTheNodes() throws Exception {
        LocalDate start = today().plusDays(45);
        String body = send(post(base + "/obligations/generate"), customer, "{\"startDate\":\"" + start + "\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ids = JsonPath.read(body, "$[*].id");
        String report = JsonPath.<List<String>>read(body, "$[?(@.kind == 'PROVIDER_REPORT')].id")
                .get(0);
        assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat(open("lifecycle-obligation:" + id))
                .isEmpty());

        clock.advance(Duration.ofDays(20)); // 25 days before the due date: due soon
        work.clear();
        assertThat(daily.tick()).isTrue();
        assertThat(daily.tick()).as("the day's run is taken").isFalse();
        assertThat(open("lifecycle-obligation:" + report)).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo("due:" + start);
            assertThat(t.kind()).isEqualTo("work.lifecycle.obligation.dueSoon");
            assertThat(t.to())
                    .isEqualTo(WorkAddressee.organization(
                            w.provider().id(), w.system().id()));
            assertThat(t.due()).isEqualTo(start);
            assertThat(t.args())
                    .containsExactly(
                            "msg:enum.ObligationKind.PROVIDER_REPORT",
                            w.system().name(),
                            Formats.date(start));
            assertThat(t.href()).isEqualTo("/systems/" + w.system().id() + "/lifecycle/obligations");
        });

        clock.advance(Duration.ofDays(26)); // the day after the due date
        work.clear();
        assertThat(daily.tick()).isTrue();
        assertThat(open("lifecycle-obligation:" + report)).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo("overdue:" + start);
            assertThat(t.kind()).isEqualTo("work.lifecycle.obligation.overdue");
        });

        mvc.perform(post(base + "/obligations/PROVIDER_REPORT/completions")
                        .with(as(provider))
                        .with(IfMatch.current(
                                jdbc,
                                "lifecycle_obligation",
                                Map.of("system_id", w.system().id(), "kind", "PROVIDER_REPORT")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"doneOn\":\"" + today().minusDays(1) + "\"}"))
                .andExpect(status().isOk());
        assertThat(open("lifecycle-obligation:" + report))
                .extracting(WorkTask::key)
                .as("done: the next due date is another wait")
                .doesNotContain("overdue:" + start);
    }

    @Test
    void aChangeRequestWaitsOnTheCustomersDecisionAndAReportOnItsReview() throws Exception {
        String changes = base + "/supervision/changes";
        String change = JsonPath.read(
                send(post(changes), provider, """
                {"title":"云主机操作系统升级","reason":"旧版本停止安全更新","windowStart":"2026-12-05T22:00",
                 "windowEnd":"2026-12-06T02:00","risk":"MEDIUM","riskNotes":"中断约 30 分钟"}""")
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String scope = "lifecycle-supervision-change:" + change;
        assertThat(open(scope)).singleElement().satisfies(t -> {
            assertThat(t.to())
                    .isEqualTo(WorkAddressee.organization(
                            w.customer().id(), w.system().id()));
            assertThat(t.kind()).isEqualTo("work.lifecycle.supervision.change");
            assertThat(t.args()).containsExactly(w.system().name(), "云主机操作系统升级");
            assertThat(t.href()).isEqualTo("/systems/" + w.system().id() + "/lifecycle/supervision#decision-" + change);
        });
        send(
                        post(changes + "/" + change + "/decision").with(IfMatch.version(0)),
                        customer,
                        "{\"decision\":\"APPROVE\"}")
                .andExpect(status().isOk());
        assertThat(open(scope)).isEmpty();

        String own = JsonPath.read(
                send(post(changes), customer, """
                {"title":"调整备份策略","reason":"保留期延长","windowStart":"2026-12-07T22:00",
                 "windowEnd":"2026-12-08T02:00","risk":"LOW","riskNotes":"无中断"}""")
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        assertThat(open("lifecycle-supervision-change:" + own))
                .as("the customer does not decide its own request")
                .isEmpty();

        String reportJson = mvc.perform(multipart(base + "/supervision/reports")
                        .file(new MockMultipartFile(
                                "file", "月报.txt", "text/plain", "可用性 99.98%".getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "MONTHLY_OPERATION")
                        .param("periodStart", today().minusDays(31).toString())
                        .param("periodEnd", today().minusDays(2).toString())
                        .param("receivedOn", today().minusDays(1).toString())
                        .with(as(provider)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String report = JsonPath.read(reportJson, "$.id");
        assertThat(open("lifecycle-supervision-report:" + report))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.to())
                            .isEqualTo(WorkAddressee.organization(
                                    w.customer().id(), w.system().id()));
                    assertThat(t.kind()).isEqualTo("work.lifecycle.supervision.report");
                    assertThat(t.args().get(1)).isEqualTo("msg:enum.SupervisionReportKind.MONTHLY_OPERATION");
                });
        WorkSnapshot waiting = work.of("lifecycle-supervision-report:" + report).orElseThrow();
        work.clear();
        // the supervision records' work is the migration module's own source (MigrationWork)
        sources.stream()
                .filter(x -> x.getClass().getPackageName().startsWith("org.yunjian.migration"))
                .forEach(WorkSource::publishAll);
        assertThat(work.of("lifecycle-supervision-report:" + report)).contains(waiting);

        send(
                        post(base + "/supervision/reports/" + report + "/review")
                                .with(IfMatch.version(0)),
                        customer,
                        "{\"conclusion\":\"ACCEPTED\"}")
                .andExpect(status().isOk());
        assertThat(open("lifecycle-supervision-report:" + report)).isEmpty();
    }

    @Test
    void aDrillsFollowUpTaskWaitsOnTheOrganisationGivenItUntilDone() throws Exception {
        LocalDate due = today().plusDays(20);
        String body = send(post(base + "/drills"), provider, """
                {"heldOn":"%s","scenario":"网页篡改","participants":"客户；云服务商","findings":"切换用时 25 分钟。",
                 "tasks":[{"description":"备份页面切换脚本化","ownerOrg":"%s","dueOn":"%s"}]}""".formatted(
                                today().minusDays(3), w.agent().id(), due))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String task = JsonPath.read(body, "$.tasks[0].id");
        String drill = JsonPath.read(body, "$.id");
        assertThat(open("lifecycle-drill-task:" + task)).singleElement().satisfies(t -> {
            assertThat(t.to())
                    .isEqualTo(WorkAddressee.organization(
                            w.agent().id(), w.system().id()));
            assertThat(t.kind()).isEqualTo("work.lifecycle.drill.task");
            assertThat(t.args()).containsExactly(w.system().name(), "备份页面切换脚本化");
            assertThat(t.due()).isEqualTo(due);
            assertThat(t.href()).isEqualTo("/systems/" + w.system().id() + "/lifecycle/drills#drill-" + drill);
        });
        send(
                        put(base + "/drills/tasks/" + task).with(IfMatch.version(0)),
                        user(w.agent().id()),
                        "{\"status\":\"DONE\"}")
                .andExpect(status().isOk());
        assertThat(open("lifecycle-drill-task:" + task)).isEmpty();
    }
}
