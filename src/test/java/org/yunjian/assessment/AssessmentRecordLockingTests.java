package org.yunjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yunjian.party.Fixtures;
import org.yunjian.review.Reviews;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.IfMatch;
import org.yunjian.support.OneWriterWins;
import org.yunjian.support.StaleForms;
import org.yunjian.support.StaleProblem;

/**
 * Optimistic locking of the assessment record's own changes — its team (测评人员 / 审核人 / 批准人) and its report
 * template — and of its risk register entries (plan, acceptance, milestones, progress), in REST and in their page
 * forms: each names the version it read, a stale change is refused with when the record changed (the typed input
 * kept on the page), a change naming no version gets 428.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class AssessmentRecordLockingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Fixtures.World w;
    CurrentUser tester;
    CurrentUser other;
    CurrentUser reviewer;
    String id;

    /** An assessment of the fixtures' system with two testers; a third user of the assessor may review. */
    @BeforeEach
    void assessment(@Autowired Fixtures fixtures, @Autowired UserAdministration users) throws Exception {
        w = fixtures.world();
        tester = SignOffFixture.account(users, w.assessor().id(), "tst", "测评师");
        other = SignOffFixture.account(users, w.assessor().id(), "ts2", "另一测评师");
        reviewer = SignOffFixture.account(users, w.assessor().id(), "rev", "质量审核");
        String body = mvc.perform(post("/api/assessments")
                        .with(as(tester))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"锁定测评","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY",
                                 "assessors":["%s","%s"],"scope":["MLPS-L3"]}""".formatted(w.system().id(), w.assessor().id(), tester.userId(), other.userId())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        id = JsonPath.read(body, "$.id");
    }

    long stored() {
        return IfMatch.stored(jdbc, "assessment", "id", UUID.fromString(id));
    }

    String template() {
        return jdbc.sql("SELECT report_template FROM assessment WHERE id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single();
    }

    /** A REST change of the report template; {@code extra}: more JSON members ({@code ,"version":0}). */
    MockHttpServletRequestBuilder setTemplate(String template, String contractDate, String extra) {
        return put("/api/assessments/{id}/report-template", id)
                .with(as(tester))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"template\":\"%s\",\"contractDate\":\"%s\"%s}".formatted(template, contractDate, extra));
    }

    MockHttpServletRequestBuilder setTemplate(String template, String contractDate) {
        return setTemplate(template, contractDate, "");
    }

    MockHttpServletRequestBuilder setTeam(CurrentUser reviewerChosen) {
        return put("/api/assessments/{id}/team", id)
                .with(as(tester))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"testers\":[\"%s\"],\"reviewer\":\"%s\"}"
                        .formatted(tester.userId(), reviewerChosen.userId()));
    }

    MockHttpServletRequestBuilder templateForm(String version, String contractDate) {
        return post("/assessments/{id}/report-template", id)
                .with(as(tester))
                .param("version", version)
                .param("template", "T2021")
                .param("contractDate", contractDate);
    }

    MockHttpServletRequestBuilder teamForm(String version, CurrentUser reviewerChosen) {
        return post("/assessments/{id}/team", id)
                .with(as(tester))
                .param("version", version)
                .param("testers", tester.userId().toString())
                .param("reviewer", reviewerChosen.userId().toString());
    }

    @Test
    void theAssessmentTheTeamAndTheTemplateAnswerTheAssessmentsVersionAsETag() throws Exception {
        for (String url : List.of(
                "/api/assessments/{id}", "/api/assessments/{id}/report-template", "/api/assessments/{id}/review")) {
            mvc.perform(get(url, id).with(as(tester)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"0\""));
        }
        mvc.perform(setTemplate("T2021", "2024-11-01").with(IfMatch.version(0)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(setTeam(reviewer).with(IfMatch.read(mvc, "/api/assessments/" + id + "/review", as(tester))))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(get("/api/assessments/{id}", id).with(as(tester)))
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void staleTemplateChangeGets412AndLeavesTheWinnersTemplate() throws Exception {
        mvc.perform(setTemplate("T2021", "2024-11-01").with(IfMatch.version(0))).andExpect(status().isOk());
        mvc.perform(setTemplate("T2025", "2025-06-01").param("lang", "en").with(IfMatch.version(0)))
                .andExpect(StaleProblem.inEnglish(1));
        mvc.perform(setTemplate("T2025", "2025-06-01", ",\"version\":0"))
                .andExpect(StaleProblem.bodyVersionInChinese());
        assertThat(template()).isEqualTo("T2021");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void changesNamingNoVersionGet428AndStoreNothing() throws Exception {
        mvc.perform(setTemplate("T2021", "2024-11-01").param("lang", "en"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-required"))
                .andExpect(jsonPath("$.detail").value(containsString("If-Match")));
        mvc.perform(setTeam(reviewer).header("If-Match", "*")).andExpect(status().isPreconditionRequired());
        // a stranger without a version still learns nothing: 404, not 428
        mvc.perform(setTemplate("T2021", "2024-11-01")
                        .with(as(org.yunjian.party.PartyTestSupport.user(
                                w.stranger().id()))))
                .andExpect(status().isNotFound());
        assertThat(template()).isEqualTo("T2025");
        assertThat(stored()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_assessor WHERE assessment_id = ? AND role = 'REVIEWER'")
                        .param(UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void staleTeamChangeGets412AfterAnotherChangeOfTheAssessment() throws Exception {
        // the template changed the assessment after the team was read: naming the team again is refused
        mvc.perform(setTemplate("T2021", "2024-11-01").with(IfMatch.version(0))).andExpect(status().isOk());
        mvc.perform(setTeam(reviewer).with(IfMatch.version(0)).param("lang", "en"))
                .andExpect(StaleProblem.inEnglish(1));
        mvc.perform(setTeam(reviewer).with(IfMatch.version(1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewer.id").value(reviewer.userId().toString()));
    }

    @Test
    void staleTemplateFormComesBackWithTheTypedInputAndTheMessage() throws Exception {
        mvc.perform(setTemplate("T2025", "2025-06-01").with(IfMatch.version(0))).andExpect(status().isOk());
        String page = mvc.perform(templateForm("0", "2024-12-31"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "id=\"stale-version\"",
                        "在您打开此表单之后，他人已于 20",
                        "value=\"2024-12-31\"",
                        "value=\"T2021\" selected",
                        "name=\"version\" value=\"1\"");
        assertThat(page).doesNotContain("id=\"saved\"");
        assertThat(template()).isEqualTo("T2025");
        mvc.perform(templateForm("0", "2024-12-31").param("lang", "en"))
                .andExpect(content().string(containsString("after you opened this form; your change was not saved")));
        // saving the kept input again, over the version it now names, is a deliberate replacement
        mvc.perform(templateForm("1", "2024-12-31")).andExpect(status().is3xxRedirection());
        assertThat(template()).isEqualTo("T2021");
        mvc.perform(get("/assessments/{id}/report-template", id).with(as(tester)))
                .andExpect(content().string(containsString("name=\"version\" value=\"2\"")));
        // a form naming no version comes back like a stale one, over the version stored now
        mvc.perform(post("/assessments/{id}/report-template", id)
                        .with(as(tester))
                        .accept(MediaType.TEXT_HTML)
                        .param("template", "T2025")
                        .param("contractDate", "2025-02-02"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("value=\"2025-02-02\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"2\"")));
        assertThat(template()).isEqualTo("T2021");
    }

    @Test
    void staleTeamFormComesBackWithTheChosenTeamAndTheMessage() throws Exception {
        mvc.perform(setTemplate("T2021", "2024-11-01").with(IfMatch.version(0))).andExpect(status().isOk());
        var flashed = mvc.perform(teamForm("0", reviewer))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("stale", containsString("在您打开此表单之后，他人已于 20")))
                .andExpect(flash().attribute("errorsIn", "team"))
                .andExpect(flash().attribute("reviewVersion", 1L))
                .andReturn()
                .getFlashMap();
        assertThat(((Reviews.TeamInput) flashed.get("teamInput")).reviewer()).isEqualTo(reviewer.userId());
        String page = mvc.perform(get("/assessments/{id}", id).with(as(tester)).flashAttrs(Map.copyOf(flashed)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "id=\"stale-version\"",
                        "他人已于 20",
                        "name=\"version\" value=\"1\"",
                        "value=\"" + reviewer.userId() + "\" data-verbatim selected=\"selected\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_assessor WHERE assessment_id = ? AND role = 'REVIEWER'")
                        .param(UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isZero();
        mvc.perform(teamForm("1", reviewer)).andExpect(flash().attribute("teamSaved", true));
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void ofTwoConcurrentTemplateChangesExactlyOneWins() throws Exception {
        boolean firstWon = OneWriterWins.race(
                mvc,
                setTemplate("T2021", "2024-11-01").with(IfMatch.version(0)),
                setTemplate("T2025", "2025-06-01").with(IfMatch.version(0)));
        assertThat(template()).isEqualTo(firstWon ? "T2021" : "T2025");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void ofTwoConcurrentTeamChangesExactlyOneWins() throws Exception {
        boolean firstWon = OneWriterWins.race(
                mvc, setTeam(reviewer).with(IfMatch.version(0)), setTeam(other).with(IfMatch.version(0)));
        UUID named = jdbc.sql("SELECT user_id FROM assessment_assessor WHERE assessment_id = ? AND role = 'REVIEWER'")
                .param(UUID.fromString(id))
                .query(UUID.class)
                .single();
        assertThat(named).isEqualTo(firstWon ? reviewer.userId() : other.userId());
        assertThat(stored()).isEqualTo(1);
    }

    // --- the risk register: one version per entry (its remediation task, risk plan, acceptance and milestones)

    /** Starts the assessment and records a high-risk finding on one item: its register entry's id. */
    String finding() throws Exception {
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(tester))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk());
        UUID item = jdbc.sql("SELECT id FROM assessment_item WHERE assessment_id = ? AND side = 'CUSTOMER_SYSTEM' "
                        + "ORDER BY position")
                .param(UUID.fromString(id))
                .query(UUID.class)
                .list()
                .get(0);
        mvc.perform(put("/api/assessment-items/{id}/verdict", item)
                        .with(as(tester))
                        .with(IfMatch.item(jdbc, item))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"HIGH\",\"riskReason\":\"未分区\"}"))
                .andExpect(status().isOk());
        return jdbc.sql("SELECT id FROM assessment_remediation WHERE item_id = ?")
                .param(item)
                .query(String.class)
                .single();
    }

    MockHttpServletRequestBuilder plan(String entry, String dueDate) {
        return put("/api/remediations/{id}/plan", entry)
                .with(as(tester))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"treatment\":\"REMEDIATE\",\"dueDate\":\"" + dueDate + "\"}");
    }

    String due(String entry) {
        return jdbc.sql("SELECT due_date FROM assessment_remediation WHERE id = ?")
                .param(UUID.fromString(entry))
                .query(String.class)
                .single();
    }

    long entryVersion(String entry) {
        return IfMatch.stored(jdbc, "assessment_remediation", "id", UUID.fromString(entry));
    }

    @Test
    void staleRiskPlanGets412AndEveryChangeOfTheEntryNamesItsVersion() throws Exception {
        String entry = finding();
        mvc.perform(get("/api/remediations/{id}", entry).with(as(tester)))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(plan(entry, "2027-03-01").with(IfMatch.version(0)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        mvc.perform(plan(entry, "2027-04-01").with(IfMatch.version(0)).param("lang", "en"))
                .andExpect(StaleProblem.inEnglish(1));
        mvc.perform(plan(entry, "2027-04-01")).andExpect(status().isPreconditionRequired());
        assertThat(due(entry)).isEqualTo("2027-03-01");
        // a milestone added over the version read before the plan is refused too; named right, it moves the entry on
        String milestone = "{\"description\":\"划分安全区域\",\"targetDate\":\"2027-02-01\"}";
        mvc.perform(post("/api/remediations/{id}/milestones", entry)
                        .with(as(tester))
                        .with(IfMatch.version(0))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(milestone))
                .andExpect(status().isPreconditionFailed());
        String added = mvc.perform(post("/api/remediations/{id}/milestones", entry)
                        .with(as(tester))
                        .with(IfMatch.version(1))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(milestone))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"2\""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                "/api/remediations/{id}/milestones/{m}", entry, JsonPath.read(added, "$.id"))
                        .with(as(tester))
                        .with(IfMatch.version(1)))
                .andExpect(status().isPreconditionFailed());
        // the task's own change (status, note) is a change of the same entry
        mvc.perform(put("/api/remediations/{id}", entry)
                        .with(as(tester))
                        .with(IfMatch.version(1))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"IN_PROGRESS\"}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(put("/api/remediations/{id}", entry)
                        .with(as(tester))
                        .with(IfMatch.version(2))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3));
        assertThat(entryVersion(entry)).isEqualTo(3);
    }

    @Test
    void staleRiskPlanFormComesBackWithTheTypedInputAndTheMessage() throws Exception {
        String entry = finding();
        mvc.perform(plan(entry, "2027-03-01").with(IfMatch.version(0))).andExpect(status().isOk());
        String page = mvc.perform(post("/remediations/{id}/plan", entry)
                        .with(as(tester))
                        .param("version", "0")
                        .param("treatment", "REMEDIATE")
                        .param("dueDate", "2027-05-05")
                        .param("description", "我写的风险描述"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "id=\"stale-version\"",
                        "在您打开此表单之后，他人已于 20",
                        "我写的风险描述",
                        "value=\"2027-05-05\"",
                        "name=\"version\" value=\"1\"");
        assertThat(due(entry)).isEqualTo("2027-03-01");
        // the item page's task form is refused the same way, its typed note kept
        String item = mvc.perform(post("/remediations/{id}", entry)
                        .with(as(tester))
                        .param("version", "0")
                        .param("status", "IN_PROGRESS")
                        .param("note", "我写的整改备注"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(item).contains("id=\"stale-version\"", "我写的整改备注");
        mvc.perform(post("/remediations/{id}/plan", entry)
                        .with(as(tester))
                        .param("version", "1")
                        .param("treatment", "REMEDIATE")
                        .param("dueDate", "2027-05-05"))
                .andExpect(status().is3xxRedirection());
        assertThat(due(entry)).isEqualTo("2027-05-05");
        mvc.perform(get("/remediations/{id}", entry).with(as(tester)))
                .andExpect(content().string(containsString("name=\"version\" value=\"2\"")));
        // deleting a milestone takes it away: a stale deletion says nothing was deleted, in both languages
        String added = mvc.perform(post("/api/remediations/{id}/milestones", entry)
                        .with(as(tester))
                        .with(IfMatch.version(2))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"划分安全区域\",\"targetDate\":\"2027-02-01\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String milestone = JsonPath.read(added, "$.id");
        String remediation = "/remediations/" + entry;
        assertThat(StaleForms.pageAfter(
                        mvc,
                        post("/remediations/{id}/milestones/{m}/delete", entry, milestone)
                                .param("confirm", "true")
                                .param("version", "2"),
                        remediation,
                        as(tester)))
                .contains("在您打开此页面之后，他人已于 20", "，未删除任何内容。请查看当前记录；如仍需删除，请再次删除。")
                .doesNotContain("您的修改未保存");
        assertThat(StaleForms.pageAfter(
                        mvc,
                        post("/remediations/{id}/milestones/{m}/delete", entry, milestone)
                                .param("confirm", "true")
                                .param("version", "2")
                                .param("lang", "en"),
                        remediation,
                        as(tester)))
                .contains("after you opened this page; nothing was deleted. Review the current record; if it "
                        + "should still go, delete it again.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_milestone WHERE id = ?")
                        .param(UUID.fromString(milestone))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void ofTwoConcurrentRiskPlansExactlyOneWins() throws Exception {
        String entry = finding();
        boolean firstWon = OneWriterWins.race(
                mvc,
                plan(entry, "2027-03-01").with(IfMatch.version(0)),
                plan(entry, "2027-04-01").with(IfMatch.version(0)));
        assertThat(due(entry)).isEqualTo(firstWon ? "2027-03-01" : "2027-04-01");
        assertThat(entryVersion(entry)).isEqualTo(1);
    }
}
