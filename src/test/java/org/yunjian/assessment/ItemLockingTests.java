package org.yunjian.assessment;

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
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;
import org.yunjian.support.OneWriterWins;
import org.yunjian.support.WorldMvcTests;

/**
 * Optimistic locking of test items (verdict and observations) in REST, the item form, table mode and the REST batch:
 * a stale write never overwrites, it is refused with when the item changed; a write naming no version gets 428.
 */
class ItemLockingTests extends WorldMvcTests {

    static final String FIRST = "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"HIGH\",\"riskReason\":\"先到者\"}";
    static final String SECOND = "{\"verdict\":\"COMPLIANT\",\"reason\":\"后到者\"}";

    CurrentUser assessor;
    String assessment;
    List<String> items;

    @BeforeEach
    void startAnAssessment() throws Exception {
        assessor = user(w.assessor().id());
        assessment = JsonPath.read(ApiAssessments.post(mvc, assessor, w, "并发测评"), "$.id");
        items = JsonPath.read(AssessmentItems.json(mvc, assessment, as(assessor)), "$[*].id");
    }

    MockHttpServletRequestBuilder verdict(String item, String json) {
        return put("/api/assessment-items/{id}/verdict", item)
                .with(as(assessor))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }

    String stored(String item, String column) {
        return jdbc.sql("SELECT " + column + " FROM assessment_item WHERE id = ?")
                .param(UUID.fromString(item))
                .query(String.class)
                .list()
                .get(0);
    }

    int history(String item) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_verdict_history WHERE item_id = ?")
                .param(UUID.fromString(item))
                .query(Integer.class)
                .single();
    }

    @Test
    void readingAnItemGivesItsVersionAsETagAndField() throws Exception {
        mvc.perform(get("/api/assessment-items/{id}", items.get(0)).with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.item.version").value(0));
        mvc.perform(get("/api/assessments/{id}/items", assessment).with(as(assessor)))
                .andExpect(jsonPath("$.items[0].version").value(0));
    }

    @Test
    void staleVerdictGets412InEnglishAndLeavesTheWinnersVerdict() throws Exception {
        String item = items.get(0);
        mvc.perform(verdict(item, FIRST).with(IfMatch.version(0)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(verdict(item, SECOND).param("lang", "en").with(IfMatch.version(0)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-failed"))
                .andExpect(jsonPath("$.title").value("Record changed by someone else"))
                .andExpect(jsonPath("$.detail").value(containsString("Someone else changed this record at 20")))
                .andExpect(jsonPath("$.currentVersion").value(1));
        assertThat(stored(item, "verdict")).isEqualTo("NON_COMPLIANT");
        assertThat(history(item)).isEqualTo(1);
        // the remediation task of the finding is not touched by the refused write either
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_remediation WHERE item_id = ?")
                        .param(UUID.fromString(item))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void staleVerdictIsNamedInChineseAndTheBodyVersionCounts() throws Exception {
        String item = items.get(0);
        mvc.perform(verdict(item, FIRST.replace("}", ",\"version\":0}"))).andExpect(status().isOk());
        mvc.perform(verdict(item, SECOND.replace("}", ",\"version\":0}")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("记录已被他人修改"))
                .andExpect(jsonPath("$.detail").value(containsString("他人已于 20")));
        assertThat(stored(item, "verdict")).isEqualTo("NON_COMPLIANT");
    }

    @Test
    void verdictNamingNoVersionGets428AndStoresNothing() throws Exception {
        String item = items.get(0);
        mvc.perform(verdict(item, SECOND).param("lang", "en"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-required"))
                .andExpect(jsonPath("$.detail").value(containsString("If-Match")));
        mvc.perform(verdict(item, SECOND).header("If-Match", "*")).andExpect(status().isPreconditionRequired());
        assertThat(stored(item, "verdict")).isNull();
        assertThat(history(item)).isZero();
        // a stranger without a version still learns nothing: 404, not 428
        mvc.perform(put("/api/assessment-items/{id}/verdict", item)
                        .with(as(user(w.stranger().id())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SECOND))
                .andExpect(status().isNotFound());
    }

    @Test
    void observationsAreVersionedLikeTheVerdict() throws Exception {
        String item = items.get(0);
        String url = "/api/assessment-items/{id}/observations";
        mvc.perform(put(url, item)
                        .with(as(assessor))
                        .with(IfMatch.version(0))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"observations\":\"机房在一层\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        mvc.perform(put(url, item)
                        .with(as(assessor))
                        .with(IfMatch.version(0))
                        .param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"observations\":\"机房在地下\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.detail").value(containsString("Someone else changed this record")));
        mvc.perform(put(url, item)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"observations\":\"机房在地下\"}"))
                .andExpect(status().isPreconditionRequired());
        // a verdict after the observations names the version they left
        mvc.perform(verdict(item, SECOND).with(IfMatch.version(1)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        assertThat(stored(item, "observations")).isEqualTo("机房在一层");
    }

    @Test
    void staleItemFormComesBackWithTheTypedInputAndTheMessage() throws Exception {
        String item = items.get(0);
        mvc.perform(verdict(item, FIRST).with(IfMatch.version(0))).andExpect(status().isOk());
        String page = mvc.perform(post("/assessment-items/{id}", item)
                        .with(as(assessor))
                        .param("version", "0")
                        .param("verdict", "NOT_APPLICABLE")
                        .param("reason", "我填写的理由")
                        .param("observations", "我填写的现场记录"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "id=\"stale-version\"",
                        "在您打开此表单之后，他人已于 20",
                        "我填写的理由",
                        "我填写的现场记录",
                        "id=\"verdict-NOT_APPLICABLE\" checked",
                        "name=\"version\" value=\"1\"");
        assertThat(page).doesNotContain("id=\"saved\"");
        assertThat(stored(item, "verdict")).isEqualTo("NON_COMPLIANT");
        assertThat(stored(item, "observations")).isNull();
        // saving the kept input again, over the version it now names, is a deliberate replacement
        mvc.perform(post("/assessment-items/{id}", item)
                        .with(as(assessor))
                        .param("version", "1")
                        .param("verdict", "NOT_APPLICABLE")
                        .param("reason", "我填写的理由")
                        .param("observations", "我填写的现场记录"))
                .andExpect(status().is3xxRedirection());
        assertThat(stored(item, "verdict")).isEqualTo("NOT_APPLICABLE");
        assertThat(stored(item, "observations")).isEqualTo("我填写的现场记录");
    }

    @Test
    void staleItemFormIsNamedInEnglishAndAFormWithoutVersionComesBackTheSameWay() throws Exception {
        String item = items.get(0);
        mvc.perform(verdict(item, FIRST).with(IfMatch.version(0))).andExpect(status().isOk());
        mvc.perform(post("/assessment-items/{id}", item)
                        .with(as(assessor))
                        .param("lang", "en")
                        .param("version", "0")
                        .param("verdict", "COMPLIANT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("after you opened this form; your change was not saved")));
        // a form naming no version comes back like a stale one: the alert, the typed input, the version stored now
        String page = mvc.perform(post("/assessment-items/{id}", item)
                        .with(as(assessor))
                        .accept(MediaType.TEXT_HTML)
                        .param("verdict", "COMPLIANT")
                        .param("reason", "没有版本的表单"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"stale-version\"", "此表单没有说明打开时记录的版本", "没有版本的表单", "name=\"version\" value=\"1\"");
        assertThat(stored(item, "verdict")).isEqualTo("NON_COMPLIANT");
    }

    @Test
    void staleTableRowIsRefusedInPlaceWithItsInputWhileTheOtherRowsSave() throws Exception {
        mvc.perform(verdict(items.get(0), FIRST).with(IfMatch.version(0))).andExpect(status().isOk());
        // the table was opened before that verdict: row 1 still names version 0
        String page = mvc.perform(post("/assessments/{id}/table", assessment)
                        .with(as(assessor))
                        .param("row", "1", "2")
                        .param("version-1", "0")
                        .param("version-2", "0")
                        .param("verdict-1", "COMPLIANT")
                        .param("reason-1", "表格里的理由")
                        .param("verdict-2", "COMPLIANT"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "id=\"version-error-1\"",
                        "他人已于 20",
                        "本行未保存",
                        "表格里的理由",
                        "id=\"row-1\" class=\"refused\"",
                        "name=\"version-1\" value=\"1\"",
                        "已保存 1 项");
        assertThat(stored(items.get(0), "verdict")).isEqualTo("NON_COMPLIANT");
        assertThat(stored(items.get(1), "verdict")).isEqualTo("COMPLIANT");
        mvc.perform(post("/assessments/{id}/table", assessment)
                        .with(as(assessor))
                        .param("lang", "en")
                        .param("row", "1")
                        .param("version-1", "0")
                        .param("verdict-1", "COMPLIANT"))
                .andExpect(content().string(containsString("Someone else changed this test item at 20")));
    }

    @Test
    void tableFormWithARowNamingNoVersionComesBackWholeWithTheAlert() throws Exception {
        mvc.perform(verdict(items.get(0), FIRST).with(IfMatch.version(0))).andExpect(status().isOk());
        String page = mvc.perform(post("/assessments/{id}/table", assessment)
                        .with(as(assessor))
                        .param("row", "1", "2")
                        .param("version-2", "0")
                        .param("verdict-1", "COMPLIANT")
                        .param("reason-1", "无版本的理由")
                        .param("verdict-2", "COMPLIANT")
                        .param("reason-2", "第二行的理由"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // nothing saved; every row's input kept over the versions stored now
        assertThat(page)
                .contains(
                        "id=\"stale-version\"",
                        "此表单没有说明打开时记录的版本",
                        "无版本的理由",
                        "第二行的理由",
                        "name=\"version-1\" value=\"1\"",
                        "name=\"version-2\" value=\"0\"");
        assertThat(stored(items.get(0), "verdict")).isEqualTo("NON_COMPLIANT");
        assertThat(stored(items.get(1), "verdict")).isNull();
    }

    @Test
    void restBatchRefusesAStaleRowAndNeedsAVersionOnEveryRow() throws Exception {
        mvc.perform(verdict(items.get(0), FIRST).with(IfMatch.version(0))).andExpect(status().isOk());
        String body = """
                [{"itemId":"%s","verdict":"COMPLIANT","version":0},
                 {"itemId":"%s","verdict":"COMPLIANT","version":0}]""".formatted(items.get(0), items.get(1));
        mvc.perform(put("/api/assessments/{id}/verdicts", assessment)
                        .with(as(assessor))
                        .param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rows[0].outcome").value("REFUSED"))
                .andExpect(jsonPath("$.rows[0].version").value(1))
                .andExpect(jsonPath("$.rows[0].errors.version").value(containsString("Someone else changed")))
                .andExpect(jsonPath("$.rows[1].outcome").value("SAVED"))
                .andExpect(jsonPath("$.rows[1].version").value(1));
        assertThat(stored(items.get(0), "verdict")).isEqualTo("NON_COMPLIANT");
        mvc.perform(put("/api/assessments/{id}/verdicts", assessment)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"itemId\":\"%s\",\"verdict\":\"NOT_APPLICABLE\",\"reason\":\"无\"}]"
                                .formatted(items.get(2))))
                .andExpect(status().isPreconditionRequired());
        assertThat(stored(items.get(2), "verdict")).isNull();
    }

    @Test
    void ofTwoConcurrentVerdictsOnOneItemExactlyOneWins() throws Exception {
        String item = items.get(0);
        boolean firstWon = OneWriterWins.race(
                mvc,
                verdict(item, FIRST).with(IfMatch.version(0)),
                verdict(item, SECOND).with(IfMatch.version(0)));
        assertThat(stored(item, "verdict")).isEqualTo(firstWon ? "NON_COMPLIANT" : "COMPLIANT");
        assertThat(history(item)).isEqualTo(1);
        assertThat(IfMatch.stored(jdbc, "assessment_item", "id", UUID.fromString(item)))
                .isEqualTo(1);
    }
}
