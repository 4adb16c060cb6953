package org.yunjian.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yunjian.migration.internal.DrillService;
import org.yunjian.migration.internal.MigrationService;
import org.yunjian.migration.internal.SupervisionService;
import org.yunjian.party.Fixtures;
import org.yunjian.procurement.internal.ContractReviewService;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.support.ConcurrentWriters;
import org.yunjian.support.IfMatch;
import org.yunjian.support.StaleForms;

/**
 * Optimistic locking of the operation records of a lifecycle plan — emergency plans, drill follow-up tasks, the
 * migration plan and its steps, the review of a contract clause, supervision reports and change requests: a
 * change names the version read (If-Match or the form's hidden field), a stale one gets 409 naming when the record
 * changed (zh and en), none gets 428, a stale or version-less page form comes back with the typed input and the clear
 * refusal, and of two writers of the same version exactly one wins.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class OpsLockingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DrillService drills;

    @Autowired
    MigrationService migration;

    @Autowired
    ContractReviewService contracts;

    @Autowired
    SupervisionService supervision;

    Fixtures.World w;
    CurrentUser customer;
    String api;
    String page;

    @BeforeEach
    void world() {
        w = fixtures.world();
        customer = user(w.customer().id());
        api = "/api/systems/" + w.system().id() + "/lifecycle";
        page = "/systems/" + w.system().id() + "/lifecycle";
    }

    ResultActions send(MockHttpServletRequestBuilder b, String json) throws Exception {
        return mvc.perform(
                b.with(as(customer)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    String emergencyPlan() throws Exception {
        String body = send(
                        post(api + "/drills/plans"),
                        PLAN.formatted("网页篡改", w.customer().id()))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    static final String PLAN = """
            {"scenario":"%s","summary":"断开访问，启用备份页面。","responsibleOrg":"%s","contacts":"值班电话 010-12345678"}""";

    String task() throws Exception {
        String body = send(post(api + "/drills"), """
                {"heldOn":"%s","scenario":"DDoS","participants":"客户","findings":"切换用时过长",
                 "tasks":[{"description":"切换脚本化","ownerOrg":"%s","dueOn":"%s"}]}""".formatted(
                                LocalDate.now().minusDays(2),
                                w.customer().id(),
                                LocalDate.now().plusMonths(1)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.tasks[0].id");
    }

    String stored(String table, String column, String id) {
        return jdbc.sql("SELECT " + column + " FROM " + table + " WHERE id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single();
    }

    @Test
    void anEmergencyPlanChangeNamesTheVersionReadAndAStaleOneGets412InBothLanguages() throws Exception {
        String plan = emergencyPlan();
        String url = api + "/drills/plans/" + plan;
        send(
                        put(url).param("lang", "en"),
                        PLAN.formatted("网页篡改（修订）", w.customer().id()))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-required"));
        send(
                        put(url).with(IfMatch.version(0)),
                        PLAN.formatted("网页篡改（修订）", w.customer().id()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1));
        send(
                        put(url).param("lang", "en").with(IfMatch.version(0)),
                        PLAN.formatted("旧版本", w.customer().id()))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-failed"))
                .andExpect(jsonPath("$.title").value("Record changed by someone else"))
                .andExpect(jsonPath("$.detail").value(containsString("Someone else changed this record at 20")))
                .andExpect(jsonPath("$.currentVersion").value(1));
        send(
                        put(url).with(IfMatch.version(0)),
                        PLAN.formatted("旧版本", w.customer().id()))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.detail").value(containsString("他人已于 20")));
        // the body's version field serves as well as the header
        send(
                        put(url),
                        PLAN.replace("}", ",\"version\":1}")
                                .formatted("第三版", w.customer().id()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        mvc.perform(get(api + "/drills").with(as(customer)))
                .andExpect(jsonPath("$.plans[0].version").value(2))
                .andExpect(jsonPath("$.plans[0].scenario").value("第三版"));
        mvc.perform(put(url).with(as(user(w.stranger().id())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN.formatted("x", w.customer().id())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aStaleEmergencyPlanFormComesBackWithTheTypedInputAndTheRefusal() throws Exception {
        String plan = emergencyPlan();
        send(
                        put(api + "/drills/plans/" + plan).with(IfMatch.version(0)),
                        PLAN.formatted("他人的修订", w.customer().id()))
                .andExpect(status().isOk());
        assertThat(StaleForms.pageAfter(
                        mvc,
                        post(page + "/drills/plans/" + plan)
                                .param("version", "0")
                                .param("scenario", "我刚输入的场景")
                                .param("summary", "我刚输入的要点")
                                .param("responsibleOrg", w.customer().id().toString())
                                .param("contacts", "我刚输入的联系人"),
                        page + "/drills",
                        as(customer)))
                .contains("他人已于 20", "我刚输入的场景", "我刚输入的要点", "name=\"version\" value=\"1\"");
        assertThat(stored("lifecycle_emergency_plan", "scenario", plan)).isEqualTo("他人的修订");

        assertThat(StaleForms.pageAfter(
                        mvc,
                        post(page + "/drills/plans/" + plan)
                                .param("scenario", "没有版本的场景")
                                .param("summary", "要点")
                                .param("responsibleOrg", w.customer().id().toString())
                                .param("contacts", "联系人"),
                        page + "/drills",
                        as(customer)))
                .contains("此表单没有说明打开时记录的版本", "没有版本的场景");
        assertThat(stored("lifecycle_emergency_plan", "scenario", plan)).isEqualTo("他人的修订");
    }

    @Test
    void aFollowUpTaskIsMarkedOverTheVersionReadAndOfTwoWritersExactlyOneWins() throws Exception {
        String task = task();
        String url = api + "/drills/tasks/" + task;
        send(put(url), "{\"status\":\"DONE\"}").andExpect(status().isPreconditionRequired());
        send(put(url).with(IfMatch.version(0)), "{\"status\":\"DONE\"}")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        send(put(url).with(IfMatch.version(0)), "{\"status\":\"OPEN\"}")
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(1));
        mvc.perform(post(page + "/drills/tasks/" + task)
                        .with(as(customer))
                        .param("status", "OPEN")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat((String) result.getFlashMap().get("stale"))
                        .endsWith("，任务状态未更改。请查看当前记录；如仍需更改，请再次操作。"));
        assertThat(stored("lifecycle_drill_task", "status", task)).isEqualTo("DONE");

        List<String> tried = List.of("OPEN", "DONE");
        int winner = ConcurrentWriters.exactlyOneWins(tried.stream()
                .map(s -> (Callable<Object>) () -> {
                    runAs(
                            customer,
                            () -> drills.setTaskStatus(
                                    w.system().id(), UUID.fromString(task), ExpectedVersion.exactly(1), s));
                    return s;
                })
                .toList());
        assertThat(stored("lifecycle_drill_task", "status", task)).isEqualTo(tried.get(winner));
        assertThat(IfMatch.stored(jdbc, "lifecycle_drill_task", "id", UUID.fromString(task)))
                .isEqualTo(2);
    }

    static final String ROLLBACK = """
            {"rollbackPlan":"%s","rollbackTrigger":"首页中断超过 30 分钟"}""";

    @Test
    void theMigrationPlanIsFirstSavedOverVersionZeroAndAStaleFormKeepsTheTypedInput() throws Exception {
        String url = api + "/migration";
        mvc.perform(get(url).with(as(customer))).andExpect(header().string("ETag", "\"0\""));
        send(put(url), ROLLBACK.formatted("切回原机房")).andExpect(status().isPreconditionRequired());
        send(put(url).with(IfMatch.version(0)), ROLLBACK.formatted("切回原机房"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        send(put(url).param("lang", "en").with(IfMatch.version(0)), ROLLBACK.formatted("另一个第一版"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(jsonPath("$.title").value("Record changed by someone else"));
        mvc.perform(get(page + "/migration").with(as(customer)))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
        send(put(url).with(IfMatch.read(mvc, url, as(customer))), ROLLBACK.formatted("他人的回退方案"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        assertThat(StaleForms.pageAfter(
                        mvc,
                        post(page + "/migration")
                                .param("version", "1")
                                .param("rollbackPlan", "我刚输入的回退方案")
                                .param("rollbackTrigger", "我刚输入的触发条件"),
                        page + "/migration",
                        as(customer)))
                .contains("我刚输入的回退方案", "我刚输入的触发条件", "name=\"version\" value=\"2\"");
        mvc.perform(get(url).with(as(customer)))
                .andExpect(jsonPath("$.rollback.rollbackPlan").value("他人的回退方案"));
    }

    @Test
    void aMigrationStepIsChangedOverItsVersionAndOfTwoWritersExactlyOneWins() throws Exception {
        String body = send(post(api + "/migration/steps"), """
                {"description":"迁移网站程序","ownerOrg":"%s","windowStart":"2026-10-10T22:00","windowEnd":"2026-10-11T04:00"}""".formatted(
                                w.customer().id()))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String step = JsonPath.read(body, "$.id");
        String change = """
                {"description":"%s","windowStart":"2026-10-10T22:00","windowEnd":"2026-10-11T04:00"}""";
        send(put(api + "/migration/steps/" + step), change.formatted("改")).andExpect(status().isPreconditionRequired());
        assertThat(StaleForms.pageAfter(
                        mvc,
                        post(page + "/migration/steps/" + step)
                                .param("version", "5")
                                .param("description", "我刚输入的步骤")
                                .param("windowStart", "2026-10-10T22:00")
                                .param("windowEnd", "2026-10-11T04:00"),
                        page + "/migration",
                        as(customer)))
                .contains("我刚输入的步骤", "name=\"version\" value=\"0\"");

        List<String> tried = List.of("甲的修改", "乙的修改");
        int winner = ConcurrentWriters.exactlyOneWins(tried.stream()
                .map(d -> (Callable<Object>) () -> runAs(
                        customer,
                        () -> migration.updateStep(
                                w.system().id(),
                                UUID.fromString(step),
                                ExpectedVersion.exactly(0),
                                new MigrationService.StepInput(
                                        null, d, null, "2026-10-10T22:00", "2026-10-11T04:00", null, null))))
                .toList());
        assertThat(stored("lifecycle_migration_step", "content", step)).isEqualTo(tried.get(winner));
        assertThat(IfMatch.stored(jdbc, "lifecycle_migration_step", "id", UUID.fromString(step)))
                .isEqualTo(1);
    }

    /** The government-website guide's 6.6.1 d), a mandatory contract clause of the fixture's system. */
    static final String CLAUSE = "GOVWEB-6.6.1-d";

    @Test
    void aContractClauseIsMarkedOverItsReviewVersionAndAStaleFormKeepsTheTypedInput() throws Exception {
        String url = api + "/contract-review/clauses/" + CLAUSE;
        mvc.perform(get(url).with(as(customer))).andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""));
        send(put(url), "{\"status\":\"MISSING\"}").andExpect(status().isPreconditionRequired());
        send(put(url).with(IfMatch.read(mvc, url, as(customer))), "{\"status\":\"MISSING\"}")
                .andExpect(status().isOk());
        mvc.perform(get(url).with(as(customer)))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1));
        send(put(url).param("lang", "en").with(IfMatch.version(0)), "{\"status\":\"NEGOTIATED\",\"note\":\"n\"}")
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(1));

        mvc.perform(post(page + "/contract-review/clauses/" + CLAUSE)
                        .with(as(customer))
                        .param("version", "0")
                        .param("status", "PRESENT")
                        .param("reference", "我刚输入的第12条"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("他人已于 20")))
                .andExpect(content().string(containsString("我刚输入的第12条")));
        mvc.perform(post(page + "/contract-review/clauses/" + CLAUSE)
                        .with(as(customer))
                        .param("status", "PRESENT")
                        .param("reference", "无版本的第12条"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("此表单没有说明打开时记录的版本")))
                .andExpect(content().string(containsString("无版本的第12条")));
        mvc.perform(get(url).with(as(customer)))
                .andExpect(jsonPath("$.status.code").value("MISSING"));

        List<String> tried = List.of("第1条", "第2条");
        int winner = ConcurrentWriters.exactlyOneWins(tried.stream()
                .map(ref -> (Callable<Object>) () -> runAs(
                        customer,
                        () -> contracts.mark(
                                w.system().id(), CLAUSE, ExpectedVersion.exactly(1), "PRESENT", ref, null)))
                .toList());
        mvc.perform(get(url).with(as(customer)))
                .andExpect(jsonPath("$.reference").value(tried.get(winner)))
                .andExpect(header().string("ETag", "\"2\""));
    }

    @Test
    void aChangeRequestIsDecidedOverTheVersionReadAndOfTwoDecidersExactlyOneWins() throws Exception {
        CurrentUser provider = user(w.provider().id());
        String body = mvc.perform(post(api + "/supervision/changes")
                        .with(as(provider))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"云主机操作系统升级","reason":"旧版本停止安全更新","windowStart":"2026-12-05T22:00",
                                 "windowEnd":"2026-12-06T02:00","risk":"MEDIUM","riskNotes":"中断约 30 分钟"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String change = JsonPath.read(body, "$.id");
        String url = api + "/supervision/changes/" + change + "/decision";
        send(post(url), "{\"decision\":\"APPROVE\"}").andExpect(status().isPreconditionRequired());
        send(post(url).with(IfMatch.version(3)), "{\"decision\":\"APPROVE\"}")
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(0));
        assertThat(StaleForms.pageAfter(
                        mvc,
                        post(page + "/supervision/changes/" + change + "/decision")
                                .param("version", "3")
                                .param("decision", "REFUSE")
                                .param("reason", "我刚输入的拒绝理由")
                                .param("confirm", "true"),
                        page + "/supervision",
                        as(customer)))
                .contains("我刚输入的拒绝理由", "name=\"version\" value=\"0\"");

        List<String> tried = List.of("APPROVE", "REFUSE");
        int winner = ConcurrentWriters.exactlyOneWins(tried.stream()
                .map(d -> (Callable<Object>) () -> runAs(
                        customer,
                        () -> supervision.decide(
                                w.system().id(),
                                UUID.fromString(change),
                                ExpectedVersion.exactly(0),
                                new SupervisionService.DecisionInput(d, "理由", null))))
                .toList());
        assertThat(stored("lifecycle_supervision_change", "status", change))
                .isEqualTo(tried.get(winner).equals("APPROVE") ? "APPROVED" : "REFUSED");
        assertThat(IfMatch.stored(jdbc, "lifecycle_supervision_change", "id", UUID.fromString(change)))
                .isEqualTo(1);
    }
}
