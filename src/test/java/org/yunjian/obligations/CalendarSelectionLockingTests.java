package org.yunjian.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.yunjian.party.Fixtures;
import org.yunjian.procurement.SelectionApiTests;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.Formats;
import org.yunjian.support.IfMatch;
import org.yunjian.support.OneWriterWins;
import org.yunjian.support.StaleForms;
import org.yunjian.support.StaleProblem;

/**
 * Optimistic locking of the obligations calendar, the provider selection and the plan's duty batch: a completion
 * names the obligation's version, an interval change the version of the organisation's setting for that kind, a
 * judgement, decision or candidate removal the version of the whole selection, and a batch each duty's own version.
 * A stale one gets 409 (zh and en), none gets 428, a stale page form comes back with the typed input and the clear
 * refusal, and of two writers of the same version exactly one wins; a stale batch row refuses the whole batch naming
 * the duty.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class CalendarSelectionLockingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Fixtures.World w;
    CurrentUser customer;
    String api;
    String page;
    LocalDate today;

    @BeforeEach
    void world() {
        w = fixtures.world();
        customer = user(w.customer().id());
        api = "/api/systems/" + w.system().id() + "/lifecycle";
        page = "/systems/" + w.system().id() + "/lifecycle";
        today = LocalDate.now(Formats.zone());
    }

    ResultActions send(MockHttpServletRequestBuilder b, String json) throws Exception {
        return mvc.perform(
                b.with(as(customer)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    String html(MockHttpServletRequestBuilder form) throws Exception {
        return mvc.perform(form.with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    // --- obligations: one version per obligation of a system (system and kind)

    String done(LocalDate on) {
        return "{\"doneOn\":\"" + on + "\"}";
    }

    String lastDone() {
        return jdbc.sql(
                        "SELECT last_done FROM lifecycle_obligation WHERE system_id = ? AND kind = 'DRILL_NETWORK_ATTACK'")
                .param(w.system().id())
                .query(String.class)
                .single();
    }

    @Test
    void aCompletionNamesTheObligationsVersionAndOfTwoRecordersExactlyOneWins() throws Exception {
        send(post(api + "/obligations/generate"), "{\"startDate\":\"" + today.plusMonths(1) + "\"}")
                .andExpect(status().isCreated());
        String one = api + "/obligations/DRILL_NETWORK_ATTACK";
        mvc.perform(get(one).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.version").value(0));
        send(post(one + "/completions"), done(today))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-required"));
        send(post(one + "/completions").with(IfMatch.read(mvc, one, as(customer))), done(today.minusDays(3)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        send(post(one + "/completions").param("lang", "en").with(IfMatch.version(0)), done(today))
                .andExpect(StaleProblem.inEnglish(1));
        send(post(one + "/completions").with(IfMatch.version(0)), done(today)).andExpect(StaleProblem.inChinese());
        assertThat(lastDone()).isEqualTo(today.minusDays(3).toString());
        // the body's version serves as well as the header
        send(post(one + "/completions"), "{\"doneOn\":\"" + today.minusDays(2) + "\",\"version\":1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));

        boolean firstWon = OneWriterWins.race(
                mvc,
                post(one + "/completions")
                        .with(as(customer))
                        .with(IfMatch.version(2))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(done(today)),
                post(one + "/completions")
                        .with(as(customer))
                        .with(IfMatch.version(2))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(done(today.minusDays(1))));
        assertThat(lastDone()).isEqualTo((firstWon ? today : today.minusDays(1)).toString());
        mvc.perform(get(one).with(as(customer))).andExpect(header().string("ETag", "\"3\""));
    }

    @Test
    void aStaleCompletionFormComesBackWithTheDateTypedAndTheRefusal() throws Exception {
        send(post(api + "/obligations/generate"), "{\"startDate\":\"" + today.plusMonths(1) + "\"}")
                .andExpect(status().isCreated());
        assertThat(html(get(page + "/obligations"))).contains("name=\"version\" value=\"0\"");
        send(
                        post(api + "/obligations/DRILL_NETWORK_ATTACK/completions")
                                .with(IfMatch.version(0)),
                        done(today.minusDays(5)))
                .andExpect(status().isOk());
        String typed = today.minusDays(1).toString();
        assertThat(html(post(page + "/obligations/DRILL_NETWORK_ATTACK/complete")
                        .param("version", "0")
                        .param("doneOn", typed)))
                .contains("id=\"stale-version\"", "他人已于 20", "value=\"" + typed + "\"", "name=\"version\" value=\"1\"");
        assertThat(html(post(page + "/obligations/DRILL_NETWORK_ATTACK/complete")
                        .param("doneOn", typed)))
                .contains("id=\"stale-version\"", "此表单没有说明打开时记录的版本", "value=\"" + typed + "\"");
        assertThat(lastDone()).isEqualTo(today.minusDays(5).toString());
    }

    // --- an organisation's own interval: one version per organisation and kind

    String interval(String months) {
        return "{\"kind\":\"DRILL_NETWORK_ATTACK\",\"months\":\"" + months + "\"}";
    }

    Integer storedMonths() {
        return jdbc.sql("SELECT months FROM lifecycle_obligation_interval WHERE organization_id = ? "
                        + "AND kind = 'DRILL_NETWORK_ATTACK'")
                .param(w.customer().id())
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    @Test
    void anIntervalIsSetOverTheSettingsVersionAndOfTwoWritersExactlyOneWins() throws Exception {
        String one = "/api/lifecycle/intervals/DRILL_NETWORK_ATTACK";
        mvc.perform(get(one).with(as(customer)))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.months").doesNotExist());
        send(put("/api/lifecycle/intervals"), interval("6")).andExpect(status().isPreconditionRequired());
        send(put("/api/lifecycle/intervals").with(IfMatch.read(mvc, one, as(customer))), interval("6"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        send(put("/api/lifecycle/intervals").param("lang", "en").with(IfMatch.version(0)), interval("9"))
                .andExpect(StaleProblem.inEnglish(1));
        // back to the default keeps the setting's version counting: an old "never set" stays stale
        send(put("/api/lifecycle/intervals").with(IfMatch.version(1)), "{\"kind\":\"DRILL_NETWORK_ATTACK\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        send(put("/api/lifecycle/intervals").with(IfMatch.version(0)), interval("9"))
                .andExpect(StaleProblem.inChinese());
        mvc.perform(get("/api/lifecycle/intervals").with(as(customer)))
                .andExpect(jsonPath("$.items[?(@.kind == 'DRILL_NETWORK_ATTACK')].version")
                        .value(2));
        assertThat(storedMonths()).isNull();

        boolean firstWon = OneWriterWins.race(
                mvc,
                put("/api/lifecycle/intervals")
                        .with(as(customer))
                        .with(IfMatch.version(2))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(interval("3")),
                put("/api/lifecycle/intervals")
                        .with(as(customer))
                        .with(IfMatch.version(2))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(interval("4")));
        assertThat(storedMonths()).isEqualTo(firstWon ? 3 : 4);
    }

    @Test
    void aStaleIntervalFormComesBackWithTheMonthsTypedAndTheRefusal() throws Exception {
        assertThat(html(get(page + "/obligations"))).contains("name=\"version-DRILL_NETWORK_ATTACK\" value=\"0\"");
        send(put("/api/lifecycle/intervals").with(IfMatch.version(0)), interval("6"))
                .andExpect(status().isOk());
        assertThat(html(post(page + "/obligations/intervals")
                        .param("kind", "DRILL_NETWORK_ATTACK")
                        .param("months", "7")
                        .param("version-DRILL_NETWORK_ATTACK", "0")))
                .contains(
                        "id=\"stale-version\"",
                        "他人已于 20",
                        "value=\"7\"",
                        "name=\"version-DRILL_NETWORK_ATTACK\" value=\"1\"");
        assertThat(storedMonths()).isEqualTo(6);
        // the form over the current version saves
        mvc.perform(post(page + "/obligations/intervals")
                        .with(as(customer))
                        .param("kind", "DRILL_NETWORK_ATTACK")
                        .param("months", "7")
                        .param("version-DRILL_NETWORK_ATTACK", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(storedMonths()).isEqualTo(7);
    }

    // --- the provider selection: one version for the whole selection

    static final String CRITERION = SelectionApiTests.CRITERION;

    String candidate() throws Exception {
        String body = send(
                        post(api + "/selection/candidates"),
                        "{\"organisation\":\"" + w.provider().id() + "\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.candidates[0].id");
    }

    String storedJudgementNote(String candidate) {
        return jdbc.sql("SELECT note FROM lifecycle_selection_judgement WHERE candidate_id = ? AND criterion = ?")
                .params(UUID.fromString(candidate), CRITERION)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void aJudgementNamesTheSelectionsVersionAndOfTwoDecidersExactlyOneWins() throws Exception {
        String c = candidate();
        String judge = api + "/selection/candidates/" + c + "/judgements/" + CRITERION;
        mvc.perform(get(api + "/selection").with(as(customer)))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1));
        send(put(judge), "{\"judgement\":\"MEETS\",\"note\":\"甲\"}").andExpect(status().isPreconditionRequired());
        send(
                        put(judge).with(IfMatch.read(mvc, api + "/selection", as(customer))),
                        "{\"judgement\":\"MEETS\",\"note\":\"甲\"}")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        send(put(judge).param("lang", "en").with(IfMatch.version(1)), "{\"judgement\":\"PARTLY\",\"note\":\"乙\"}")
                .andExpect(StaleProblem.inEnglish(2));
        // a decision made over the comparison read before that judgement is stale too
        send(
                        put(api + "/selection/decision").with(IfMatch.version(1)),
                        "{\"candidate\":\"" + c + "\",\"reasons\":\"r\"}")
                .andExpect(StaleProblem.inChinese());
        assertThat(storedJudgementNote(c)).isEqualTo("甲");
        send(put(judge), "{\"judgement\":\"MEETS\",\"note\":\"丙\",\"version\":2}")
                .andExpect(status().isOk());

        boolean firstWon = OneWriterWins.race(
                mvc,
                put(api + "/selection/decision")
                        .with(as(customer))
                        .with(IfMatch.version(3))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"candidate\":\"" + c + "\",\"reasons\":\"甲的理由\"}"),
                put(api + "/selection/decision")
                        .with(as(customer))
                        .with(IfMatch.version(3))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"candidate\":\"" + c + "\",\"reasons\":\"乙的理由\"}"));
        assertThat(jdbc.sql("SELECT reasons FROM lifecycle_selection_decision WHERE system_id = ?")
                        .param(w.system().id())
                        .query(String.class)
                        .single())
                .isEqualTo(firstWon ? "甲的理由" : "乙的理由");
        mvc.perform(get(api + "/selection").with(as(customer))).andExpect(header().string("ETag", "\"4\""));
        // removing a candidate changes the comparison: it names the version too
        String other = JsonPath.read(
                send(post(api + "/selection/candidates"), "{\"name\":\"另一云服务商\"}")
                        .andExpect(header().string("ETag", "\"5\""))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$.candidates[1].id");
        mvc.perform(delete(api + "/selection/candidates/" + other).with(as(customer)))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(delete(api + "/selection/candidates/" + other)
                        .with(as(customer))
                        .with(IfMatch.version(4)))
                .andExpect(StaleProblem.inChinese());
        mvc.perform(delete(api + "/selection/candidates/" + other)
                        .with(as(customer))
                        .with(IfMatch.version(5)))
                .andExpect(status().isNoContent());
    }

    @Test
    void staleSelectionFormsComeBackWithTheTypedInputAndTheRefusal() throws Exception {
        String c = candidate();
        assertThat(html(get(page + "/selection"))).contains("name=\"version\" value=\"1\"");
        send(
                        put(api + "/selection/candidates/" + c + "/judgements/" + CRITERION)
                                .with(IfMatch.version(1)),
                        "{\"judgement\":\"MEETS\",\"note\":\"他人的说明\"}")
                .andExpect(status().isOk());
        assertThat(html(post(page + "/selection/candidates/" + c + "/judgements/" + CRITERION)
                        .param("version", "1")
                        .param("judgement", "PARTLY")
                        .param("note", "我刚输入的说明")))
                .contains("id=\"stale-version\"", "他人已于 20", "我刚输入的说明", "name=\"version\" value=\"2\"");
        assertThat(storedJudgementNote(c)).isEqualTo("他人的说明");
        assertThat(html(post(page + "/selection/decision")
                        .param("version", "1")
                        .param("candidate", c)
                        .param("reasons", "我刚输入的决定理由")))
                .contains("id=\"stale-version\"", "我刚输入的决定理由");
        assertThat(html(post(page + "/selection/decision").param("candidate", c).param("reasons", "无版本的理由")))
                .contains("此表单没有说明打开时记录的版本", "无版本的理由");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_selection_decision WHERE system_id = ?")
                        .param(w.system().id())
                        .query(Long.class)
                        .single())
                .isZero();
        // removing a candidate takes it away: a stale removal says nothing was removed (nothing typed to keep)
        assertThat(html(post(page + "/selection/candidates/" + c + "/remove").param("version", "1")))
                .contains("id=\"stale-version\"", "在您打开此页面之后，他人已于 20", "，未移除任何内容。请查看当前记录；如仍需移除，请再次移除。")
                .doesNotContain("您的修改未保存");
        assertThat(html(post(page + "/selection/candidates/" + c + "/remove").param("lang", "en")))
                .contains("(perhaps a page opened before an upgrade); nothing was removed. Review the current "
                        + "record; if it should still go, remove it again.");
        assertThat(html(get(page + "/selection"))).contains("id=\"candidate-" + c + "\"");
    }

    // --- the duty batch: each row names its duty's own version

    List<Map<String, Object>> planning(String json) {
        return JsonPath.read(
                json,
                "$.duties[?(@.phase.code == 'PLANNING' && @.organisation == '"
                        + w.customer().id() + "')]");
    }

    List<Map<String, Object>> plan() throws Exception {
        return planning(mvc.perform(post(api).with(as(customer)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    String dutyStatus(Object id) {
        return jdbc.sql("SELECT status FROM lifecycle_duty WHERE id = ?")
                .param(UUID.fromString((String) id))
                .query(String.class)
                .single();
    }

    String row(Map<String, Object> d, Object version) {
        return "{\"id\":\"" + d.get("id") + "\",\"version\":" + version + "}";
    }

    @Test
    void aStaleRowRefusesTheWholeBatchNamingTheDutyAndOfTwoBatchesExactlyOneWins() throws Exception {
        List<Map<String, Object>> duties = plan();
        assertThat(duties).hasSizeGreaterThan(1);
        Map<String, Object> a = duties.get(0);
        Map<String, Object> b = duties.get(1);
        // b changed on its own page after the batch was read
        send(put(api + "/duties/" + b.get("id") + "/status").with(IfMatch.version(0)), "{\"status\":\"IN_PROGRESS\"}")
                .andExpect(status().isOk());
        String batch = "{\"duties\":[" + row(a, 0) + "," + row(b, 0) + "],\"status\":\"DONE\"}";
        send(post(api + "/batch/status").param("lang", "en"), batch)
                .andExpect(StaleProblem.bodyVersionInEnglish(1))
                .andExpect(jsonPath("$.duty").value(b.get("id")))
                .andExpect(jsonPath("$.detail").value(containsString("nothing in this batch was changed")));
        assertThat(dutyStatus(a.get("id"))).isEqualTo("NOT_STARTED");
        assertThat(dutyStatus(b.get("id"))).isEqualTo("IN_PROGRESS");
        send(
                        post(api + "/batch/status"),
                        "{\"duties\":[" + row(a, 0) + ",{\"id\":\"" + b.get("id") + "\"}],\"status\":\"DONE\"}")
                .andExpect(status().isPreconditionRequired());
        assertThat(dutyStatus(a.get("id"))).isEqualTo("NOT_STARTED");

        // both batches read a at version 0 and b at 1; both change both duties
        String rows = "{\"duties\":[" + row(a, 0) + "," + row(b, 1) + "],";
        boolean firstWon = OneWriterWins.race(
                mvc,
                post(api + "/batch/status")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rows + "\"status\":\"DONE\"}"),
                post(api + "/batch/status")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rows + "\"status\":\"NOT_APPLICABLE\",\"reason\":\"本系统不涉及\"}"));
        String won = firstWon ? "DONE" : "NOT_APPLICABLE";
        assertThat(List.of(dutyStatus(a.get("id")), dutyStatus(b.get("id")))).containsOnly(won);
    }

    @Test
    void aStaleBatchFormShowsWhichDutyAndKeepsTheTickedDuties() throws Exception {
        List<Map<String, Object>> duties = plan();
        Map<String, Object> a = duties.get(0);
        Map<String, Object> b = duties.get(1);
        assertThat(html(get(page))).contains("name=\"version-" + a.get("id") + "\" value=\"0\"");
        send(put(api + "/duties/" + b.get("id") + "/status").with(IfMatch.version(0)), "{\"status\":\"IN_PROGRESS\"}")
                .andExpect(status().isOk());
        String shown = StaleForms.pageAfter(
                mvc,
                post(page + "/batch/status")
                        .param("phase", "PLANNING")
                        .param("status", "NOT_APPLICABLE")
                        .param("reason", "我刚输入的原因")
                        .param("duty", (String) a.get("id"))
                        .param("version-" + a.get("id"), "0")
                        .param("duty", (String) b.get("id"))
                        .param("version-" + b.get("id"), "0"),
                page,
                as(customer));
        assertThat(shown)
                .contains("本批次未作任何更改", "他人已于 20", "我刚输入的原因", "name=\"version-" + b.get("id") + "\" value=\"1\"");
        assertThat(shown.split("checked=\"checked\"", -1).length - 1).isGreaterThanOrEqualTo(2);
        assertThat(dutyStatus(a.get("id"))).isEqualTo("NOT_STARTED");
    }

    /**
     * A refused batch heads its phase, a refused comment its duty's page, far from the form: each error names its
     * field by the label the form shows, in both languages.
     */
    @Test
    void refusedPlanAndDutyFormsNameTheirFields() throws Exception {
        List<Map<String, Object>> duties = plan();
        for (String lang : new String[] {"zh-CN", "en"}) {
            var none = mvc.perform(post(page + "/batch/status")
                            .param("phase", "PLANNING")
                            .param("status", "DONE")
                            .param("lang", lang)
                            .with(as(customer)))
                    .andExpect(status().is3xxRedirection())
                    .andReturn();
            assertThat(html(get(page).param("lang", lang).flashAttrs(none.getFlashMap())))
                    .contains(
                            lang.equals("en")
                                    ? "data-field=\"duties\">Duty: Tick at least one duty.</li>"
                                    : "data-field=\"duties\">职责：请至少勾选一项职责。</li>");
            String duty = page + "/duties/" + duties.get(0).get("id");
            var empty = mvc.perform(post(duty + "/comments")
                            .param("body", " ")
                            .param("lang", lang)
                            .with(as(customer)))
                    .andExpect(status().is3xxRedirection())
                    .andReturn();
            assertThat(html(get(duty).param("lang", lang).flashAttrs(empty.getFlashMap())))
                    .contains(
                            lang.equals("en")
                                    ? "data-field=\"body\">Comment: Write a comment</li>"
                                    : "data-field=\"body\">意见：请填写意见</li>");
        }
    }
}
