package org.yunjian.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
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
import org.springframework.test.web.servlet.MvcResult;
import org.yunjian.assessment.ApiAssessments;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;

/** The workbench: item list with texts and progress, previous / next, the one item form, table mode and its REST batch. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class WorkbenchTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Fixtures.World w;
    CurrentUser assessor;

    @BeforeEach
    void world() {
        w = fixtures.world();
        assessor = user(w.assessor().id());
    }

    String create() throws Exception {
        String body = ApiAssessments.post(mvc, assessor, w, "工作台测评");
        return JsonPath.read(body, "$.id");
    }

    /** Item ids in list order. */
    List<String> items(String id) throws Exception {
        return JsonPath.read(AssessmentItems.json(mvc, id, as(assessor)), "$[*].id");
    }

    String page(String url, Object... vars) throws Exception {
        return mvc.perform(get(url, vars).with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    int history(String itemId) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_verdict_history WHERE item_id = ?")
                .param(UUID.fromString(itemId))
                .query(Integer.class)
                .single();
    }

    @Test
    void itemListShowsRequirementTextControlPointAndProgress() throws Exception {
        String id = create();
        List<String> items = items(id);
        mvc.perform(post("/assessment-items/{id}", items.get(0))
                        .with(IfMatch.itemForm(jdbc, items.get(0)))
                        .with(as(assessor))
                        .param("verdict", "COMPLIANT"))
                .andExpect(status().is3xxRedirection());
        String page = page("/assessments/{id}", id);
        assertThat(page)
                .contains(
                        "id=\"progress-overall\"",
                        "已记录 1 / " + items.size() + " 项",
                        "<progress value=\"1\" max=\"" + items.size() + "\"",
                        "class=\"progress-row progress-layer\"",
                        "class=\"item-text\"",
                        "data-verbatim",
                        "id=\"table-mode\"",
                        "id=\"q\"",
                        "id=\"layer\"");
        // the requirement text of the catalog (等保 L3 云计算扩展要求, 基础设施位置), not only the id
        assertThat(page).contains("应保证云计算基础设施位于中国境内");
        assertThat(page).doesNotContain("style=");
    }

    @Test
    void filtersByTextAndVerdictAndCarriesTheFilterIntoItemLinks() throws Exception {
        String id = create();
        String page = page("/assessments/{id}?verdict=NONE&q=中国境内", id);
        assertThat(page).contains("?verdict=NONE&amp;q=", "应保证云计算基础设施位于中国境内").doesNotContain("显示 0 /", "显示 58 /");
        assertThat(page("/assessments/{id}?q=zzzz-nothing", id)).contains("没有符合筛选条件的测评项");
    }

    @Test
    void itemListAndTableAreOnePageAtATimeWithTheSharedPagerKeepingTheFilter() throws Exception {
        String id = create();
        List<String> items = items(id);
        String second = page("/assessments/{id}?side=CUSTOMER_SYSTEM&size=5&page=2", id);
        assertThat(second)
                .contains("id=\"items-pager\"", "第 2 / ", "side=CUSTOMER_SYSTEM&amp;page=3&amp;size=5")
                .containsPattern("共 \\d+ 条");
        assertThat(second.split("class=\"item-number\"", -1)).hasSize(6);
        assertThat(page("/assessments/{id}/table?size=5&page=2", id))
                .contains("id=\"items-pager\"", "name=\"size\" value=\"5\"", "共 " + items.size() + " 条");
        assertThat(page("/assessments/{id}?q=zzzz-nothing&page=1", id)).contains("没有符合筛选条件的测评项", "共 0 条");
        mvc.perform(get("/assessments/{id}?size=0", id).with(as(assessor))).andExpect(status().isBadRequest());
    }

    @Test
    void itemPageOffersPreviousAndNextWithinTheFilterWithItsPosition() throws Exception {
        String id = create();
        List<String> items = items(id);
        String second = page("/assessment-items/{id}", items.get(1));
        assertThat(second)
                .contains(
                        "第 2 / " + items.size() + " 项",
                        "id=\"previous-item\" href=\"/assessment-items/" + items.get(0) + "\"",
                        "id=\"next-item\" href=\"/assessment-items/" + items.get(2) + "\"");
        assertThat(page("/assessment-items/{id}", items.get(0))).doesNotContain("id=\"previous-item\"");
        // within a filter: the unrecorded items of one side
        String cloud = page("/assessment-items/{id}?side=CUSTOMER_SYSTEM", items.get(1));
        assertThat(cloud).contains("（筛选后）");
    }

    @Test
    void oneFormSavesVerdictRiskAndObservationsAndSaysSaved() throws Exception {
        String id = create();
        String item = items(id).get(0);
        MvcResult r = mvc.perform(post("/assessment-items/{id}", item)
                        .with(IfMatch.itemForm(jdbc, item))
                        .with(as(assessor))
                        .param("verdict", "NON_COMPLIANT")
                        .param("riskLevel", "HIGH")
                        .param("riskReason", "无防水")
                        .param("observations", "机房位于地下一层")
                        .param("filter", "verdict=NONE"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/assessment-items/" + item + "?verdict=NONE"))
                .andExpect(flash().attribute("saved", true))
                .andReturn();
        String page = mvc.perform(get("/assessment-items/{id}?verdict=NONE", item)
                        .with(as(assessor))
                        .flashAttrs(r.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"saved\"", "已保存", "机房位于地下一层", "无防水");
        // saved again unchanged: no second history entry
        mvc.perform(post("/assessment-items/{id}", item)
                        .with(IfMatch.itemForm(jdbc, item))
                        .with(as(assessor))
                        .param("verdict", "NON_COMPLIANT")
                        .param("riskLevel", "HIGH")
                        .param("riskReason", "无防水")
                        .param("observations", "机房位于地下一层"))
                .andExpect(flash().attribute("unchanged", true));
        assertThat(history(item)).isEqualTo(1);
    }

    @Test
    void refusedSaveKeepsTheTypedInputWithEachProblemBesideItsField() throws Exception {
        String id = create();
        String item = items(id).get(0);
        String page = mvc.perform(post("/assessment-items/{id}", item)
                        .with(IfMatch.itemForm(jdbc, item))
                        .with(as(assessor))
                        .param("verdict", "NON_COMPLIANT")
                        .param("reason", "我写的理由")
                        .param("observations", "我写的现场记录"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "id=\"refused\"",
                        "id=\"riskLevel-error\"",
                        "id=\"riskReason-error\"",
                        "我写的理由",
                        "我写的现场记录",
                        "id=\"verdict-NON_COMPLIANT\" checked");
        assertThat(page).doesNotContain("id=\"saved\"");
        assertThat(history(item)).isZero();
    }

    @Test
    void tableSavesTheGoodRowsAndKeepsTheBadRowsInputAndErrors() throws Exception {
        String id = create();
        List<String> items = items(id);
        assertThat(page("/assessments/{id}/table", id))
                .contains(
                        "id=\"table-form\"",
                        "id=\"verdict-1\"",
                        "id=\"risk-1\"",
                        "id=\"reason-1\"",
                        "id=\"table-save\"",
                        "id=\"verdict-" + items.size() + "\"");
        String page = mvc.perform(post("/assessments/{id}/table", id)
                        .with(as(assessor))
                        .param("row", "1", "2", "3", "4")
                        .with(IfMatch.tableRows(jdbc, id, 1, 2, 3, 4))
                        .param("verdict-1", "COMPLIANT")
                        .param("verdict-2", "NON_COMPLIANT")
                        .param("reason-2", "二号行的理由") // no risk: refused
                        .param("verdict-3", "NOT_APPLICABLE") // no reason: refused
                        .param("verdict-4", "NON_COMPLIANT")
                        .param("risk-4", "LOW")
                        .param("riskReason-4", "部分"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "id=\"saved-count\"",
                        "已保存 2 项",
                        "id=\"refused-count\"",
                        "2 项未保存",
                        "id=\"risk-error-2\"",
                        "id=\"riskReason-error-2\"",
                        "id=\"reason-error-3\"",
                        "二号行的理由",
                        "id=\"row-2\" class=\"refused\"");
        assertThat(history(items.get(0))).isEqualTo(1);
        assertThat(history(items.get(1))).isZero();
        assertThat(history(items.get(2))).isZero();
        assertThat(history(items.get(3))).isEqualTo(1);
        // the bad rows kept their typed verdicts
        assertThat(page)
                .containsPattern("id=\"verdict-3\"[^>]*>\\s*<option value=\"\">未测评</option>"
                        + "[\\s\\S]*?<option value=\"NOT_APPLICABLE\" selected=\"selected\">");
    }

    @Test
    void tableDoesNotRecordUnchangedRowsAgain() throws Exception {
        String id = create();
        List<String> items = items(id);
        mvc.perform(post("/assessments/{id}/table", id)
                        .with(as(assessor))
                        .param("row", "1", "2")
                        .with(IfMatch.tableRows(jdbc, id, 1, 2))
                        .param("verdict-1", "COMPLIANT")
                        .param("reason-1", " 现场核查 "))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("savedCount", 1L))
                .andExpect(flash().attribute("unchangedCount", 1L));
        mvc.perform(post("/assessments/{id}/table", id)
                        .with(as(assessor))
                        .param("row", "1", "2")
                        .with(IfMatch.tableRows(jdbc, id, 1, 2))
                        .param("verdict-1", "COMPLIANT")
                        .param("reason-1", "现场核查"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("savedCount", 0L))
                .andExpect(flash().attribute("unchangedCount", 2L));
        assertThat(history(items.get(0))).isEqualTo(1);
        assertThat(history(items.get(1))).isZero();
    }

    /** Issue 34: table mode and the REST batch carry the finding and the recommendation; a row without them keeps them. */
    @Test
    void tableAndBatchSaveTheFindingAndTheRecommendation() throws Exception {
        String id = create();
        List<String> items = items(id);
        assertThat(page("/assessments/{id}/table", id)).contains("id=\"finding-1\"", "id=\"recommendation-1\"");
        mvc.perform(post("/assessments/{id}/table", id)
                        .with(as(assessor))
                        .param("row", "1")
                        .with(IfMatch.tableRows(jdbc, id, 1))
                        .param("verdict-1", "NON_COMPLIANT")
                        .param("risk-1", "MEDIUM")
                        .param("riskReason-1", "可横向渗透")
                        .param("finding-1", "表格里写的安全问题")
                        .param("recommendation-1", "表格里写的整改建议"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("savedCount", 1L));
        assertThat(page("/assessments/{id}/table", id)).contains("表格里写的安全问题", "表格里写的整改建议");
        // a too long recommendation refuses the row, beside its field
        assertThat(mvc.perform(post("/assessments/{id}/table", id)
                                .with(as(assessor))
                                .param("row", "1")
                                .with(IfMatch.tableRows(jdbc, id, 1))
                                .param("verdict-1", "NON_COMPLIANT")
                                .param("risk-1", "MEDIUM")
                                .param("riskReason-1", "可横向渗透")
                                .param("finding-1", "表格里写的安全问题")
                                .param("recommendation-1", "长".repeat(4001)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"recommendation-error-1\"");
        // a REST row leaving them out changes only the reason and keeps them
        mvc.perform(put("/api/assessments/{id}/verdicts", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(("[{\"itemId\":\"%s\",\"verdict\":\"NON_COMPLIANT\","
                                        + "\"riskLevel\":\"MEDIUM\",\"riskReason\":\"可横向渗透\",\"reason\":\"批量补充的理由\","
                                        + "\"version\":1}]")
                                .formatted(items.get(0))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.saved").value(1));
        mvc.perform(get("/api/assessment-items/{id}", items.get(0)).with(as(assessor)))
                .andExpect(jsonPath("$.item.verdictReason").value("批量补充的理由"))
                .andExpect(jsonPath("$.item.finding").value("表格里写的安全问题"))
                .andExpect(jsonPath("$.item.recommendation").value("表格里写的整改建议"));
    }

    @Test
    void restBatchAnswersPerRowProblemsAndSavesTheGoodRows() throws Exception {
        String id = create();
        List<String> items = items(id);
        String body = """
                [{"itemId":"%s","verdict":"COMPLIANT","version":0},
                 {"itemId":"%s","verdict":"NON_COMPLIANT","version":0},
                 {"itemId":"%s","verdict":"COMPLIANT","version":0}]""".formatted(items.get(0), items.get(1), UUID.randomUUID());
        mvc.perform(put("/api/assessments/{id}/verdicts", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:verdict-rows-refused"))
                .andExpect(jsonPath("$.saved").value(1))
                .andExpect(jsonPath("$.refused").value(2))
                .andExpect(jsonPath("$.rows[0].outcome").value("SAVED"))
                .andExpect(jsonPath("$.rows[1].outcome").value("REFUSED"))
                .andExpect(jsonPath("$.rows[1].number").value(2))
                .andExpect(jsonPath("$.rows[1].errors.riskLevel").exists())
                .andExpect(jsonPath("$.rows[2].errors.itemId").exists());
        mvc.perform(put("/api/assessments/{id}/verdicts", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"itemId\":\"%s\",\"verdict\":\"COMPLIANT\",\"version\":1}]"
                                .formatted(items.get(0))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged").value(1))
                .andExpect(jsonPath("$.rows[0].outcome").value("UNCHANGED"));
        assertThat(history(items.get(0))).isEqualTo(1);
        // audited as single verdicts
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'assessment.verdict' AND object_id = ?")
                        .param(items.get(0))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /** Issue 58: a REST row carries what a verdict rests on — 现场记录 and 无证据说明 — like a row of table mode. */
    @Test
    void restBatchRowCarriesObservationsAndNoEvidenceReason() throws Exception {
        String id = create();
        List<String> items = items(id);
        mvc.perform(put("/api/assessments/{id}/verdicts", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                [{"itemId":"%s","verdict":"COMPLIANT","observations":"在控制台核对了安全组规则","version":0},
                                 {"itemId":"%s","verdict":"NON_COMPLIANT","riskLevel":"MEDIUM","riskReason":"可横向渗透",
                                  "noEvidenceReason":"现场不允许截屏","version":0}]""".formatted(items.get(0), items.get(1))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.saved").value(2));
        mvc.perform(get("/api/assessment-items/{id}", items.get(0)).with(as(assessor)))
                .andExpect(jsonPath("$.item.verdict").value("COMPLIANT"))
                .andExpect(jsonPath("$.item.observations").value("在控制台核对了安全组规则"));
        mvc.perform(get("/api/assessment-items/{id}", items.get(1)).with(as(assessor)))
                .andExpect(jsonPath("$.item.noEvidenceReason").value("现场不允许截屏"));
        // only the observations change: saved under the same verdict; too long a record refuses the row, by field
        long version = jdbc.sql("SELECT version FROM assessment_item WHERE id = ?")
                .param(UUID.fromString(items.get(0)))
                .query(Long.class)
                .single();
        mvc.perform(put("/api/assessments/{id}/verdicts", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "[{\"itemId\":\"%s\",\"verdict\":\"COMPLIANT\",\"observations\":\"%s\",\"version\":%d}]"
                                        .formatted(items.get(0), "记".repeat(20001), version)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rows[0].outcome").value("REFUSED"))
                .andExpect(jsonPath("$.rows[0].errors.observations").exists());
        mvc.perform(get("/api/assessment-items/{id}", items.get(0)).with(as(assessor)))
                .andExpect(jsonPath("$.item.observations").value("在控制台核对了安全组规则"));
    }

    @Test
    void strangersAndReadersCannotUseTheTable() throws Exception {
        String id = create();
        CurrentUser stranger = user(w.stranger().id());
        mvc.perform(get("/assessments/{id}/table", id).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(put("/api/assessments/{id}/verdicts", id)
                        .with(as(stranger))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[]"))
                .andExpect(status().isNotFound());
        CurrentUser customer = user(w.customer().id());
        assertThat(mvc.perform(get("/assessments/{id}/table", id).with(as(customer)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("id=\"table-save\"");
        mvc.perform(put("/api/assessments/{id}/verdicts", id)
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[]"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/assessments/{id}/table", id)
                        .with(as(customer))
                        .param("row", "1")
                        .param("verdict-1", "COMPLIANT"))
                .andExpect(status().isForbidden());
    }
}
