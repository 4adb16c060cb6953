package org.yunjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
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
import org.yunjian.assessment.ApiAssessments;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;
import org.yunjian.support.PdfInspection;

/**
 * Issue 34: the report says what the assessor recorded — the finding (安全问题) apart from the risk reason, the
 * assessor's own 整改建议, interviews (who, role, when in Beijing time, summary), the no-evidence reason, the
 * observations of a 符合 item — and labels only verdict changes after a review 复测. The finding and the
 * recommendation are saved through REST and the item page, checked like every free text.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class ReportFindingsTests {

    static final String FINDING = "管理口令明文存放在运维共享文档中";
    static final String RISK_REASON = "可被内部人员获取后登录管理平台";
    static final String ADVICE = "将管理口令迁入堡垒机托管并启用双因素认证";
    static final String NO_EVIDENCE = "被测单位不允许复制共享文档";
    static final String OBSERVED = "核查安全组策略：生产与测试子网之间仅开放 443 端口";
    static final String CORRECTED_FINDING = "未开启登录失败锁定";
    static final String RETEST_FINDING = "复核发现审计日志仅保存 30 天";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAdministration users;

    Fixtures.World w;
    CurrentUser assessor;
    String id;
    List<String> items;

    @BeforeEach
    void assessmentWithAFindingAnInterviewAndACorrection() throws Exception {
        w = fixtures.world();
        assessor = user(w.assessor().id());
        id = JsonPath.read(ApiAssessments.post(mvc, assessor, w, "报告内容测评"), "$.id");
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk());
        String itemsJson = AssessmentItems.json(mvc, id, as(assessor));
        items = JsonPath.read(itemsJson, "$[*].id");
        // item 1: 符合 with what was observed, no reason
        verdict(items.get(0), "{\"verdict\":\"COMPLIANT\"}").andExpect(status().isOk());
        mvc.perform(put("/api/assessment-items/{id}/observations", items.get(0))
                        .with(IfMatch.item(jdbc, items.get(0)))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"observations\":\"" + OBSERVED + "\"}"))
                .andExpect(status().isOk());
        // item 2: a finding with its text, the recommendation, no evidence and an interview
        verdict(items.get(1), """
                {"verdict":"NON_COMPLIANT","riskLevel":"HIGH","riskReason":"%s","finding":"%s",
                 "recommendation":"%s","noEvidenceReason":"%s"}""".formatted(RISK_REASON, FINDING, ADVICE, NO_EVIDENCE))
                .andExpect(status().isOk());
        mvc.perform(post("/api/assessment-items/{id}/interviews", items.get(1))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"interviewee":"张建国","role":"运维主管","heldAt":"2026-03-02T02:05:00Z",
                         "notes":"口令由运维组共用，未使用堡垒机"}"""))
                .andExpect(status().isOk());
        // item 3: 部分符合 recorded by mistake, corrected to a 不符合 before any review — a correction, no re-test
        verdict(items.get(2), "{\"verdict\":\"COMPLIANT\"}").andExpect(status().isOk());
        verdict(items.get(2), """
                {"verdict":"NON_COMPLIANT","riskLevel":"MEDIUM","riskReason":"可暴力破解","finding":"%s",
                 "recommendation":"配置连续五次失败锁定十分钟"}""".formatted(CORRECTED_FINDING)).andExpect(status().isOk());
        // item 4: 符合, then changed after the reviewer sent the assessment back — a re-test
        verdict(items.get(3), "{\"verdict\":\"COMPLIANT\",\"reason\":\"审计策略已配置\"}")
                .andExpect(status().isOk());
    }

    @Test
    void reportPrintsFindingRecommendationInterviewsNoEvidenceReasonAndReTestsOnlyAfterReview() throws Exception {
        SignOffFixture.Signers s = SignOffFixture.prepare(mvc, users, jdbc, id, assessor);
        review("/api/assessments/{id}/review/submit", assessor, "");
        review("/api/assessments/{id}/review/send-back", s.reviewer(), "{\"comment\":\"审计日志保存期需复核\"}");
        verdict(items.get(3), """
                {"verdict":"NON_COMPLIANT","riskLevel":"MEDIUM","riskReason":"无法追溯","finding":"%s",
                 "recommendation":"审计日志至少保存六个月"}""".formatted(RETEST_FINDING)).andExpect(status().isOk());
        SignOffFixture.fillGaps(jdbc, id);
        review("/api/assessments/{id}/review/submit", assessor, "");
        review("/api/assessments/{id}/review/approve", s.reviewer(), "{}");
        review("/api/assessments/{id}/review/approve-report", s.approver(), "{\"confirm\":true}");

        byte[] docx = mvc.perform(get("/api/assessments/{id}/report.docx", id).with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            // 主要安全问题及整改建议: the finding and the assessor's recommendation, not the risk reason or boilerplate
            XWPFTable issues = doc.getTables().stream()
                    .filter(t -> t.getRow(0).getTableCells().stream()
                            .map(c -> c.getText())
                            .toList()
                            .containsAll(List.of("序号", "安全问题", "整改建议")))
                    .findFirst()
                    .orElseThrow();
            XWPFTableRow high = row(issues, "2");
            assertThat(high.getCell(3).getText()).isEqualTo(FINDING);
            assertThat(high.getCell(4).getText()).isEqualTo(ADVICE);
            assertThat(ReportTests.cellText(doc)).doesNotContain("按要求整改");
            // the item's own results
            List<List<String>> finding = itemRows(doc, 1);
            assertThat(finding)
                    .contains(
                            List.of("安全问题", FINDING),
                            List.of("风险理由", RISK_REASON),
                            List.of("整改建议", ADVICE),
                            List.of("无证据说明", NO_EVIDENCE),
                            List.of("访谈记录", "访谈 张建国（运维主管），2026-03-02 10:05：口令由运维组共用，未使用堡垒机"));
            // a 符合 item shows what was observed, and no empty reason or risk rows
            List<List<String>> compliant = itemRows(doc, 0);
            assertThat(compliant).contains(List.of("现场记录", OBSERVED));
            // issue 58: without a file it rests on that observation, not on "无证据"
            assertThat(compliant).contains(List.of("证据", "未附证据文件，结论依据上列现场记录"));
            assertThat(compliant).extracting(r -> r.get(1)).doesNotContain("无证据");
            assertThat(compliant).extracting(r -> r.get(0)).doesNotContain("结论理由", "风险等级", "风险理由");
            assertThat(compliant).extracting(r -> r.get(1)).doesNotContain("—");
            // the correction before the review is no re-test; the change after the send-back is
            assertThat(history(itemRows(doc, 2))).contains("不符合").doesNotContain("复测");
            assertThat(history(itemRows(doc, 3))).contains("不符合（复测）");
        }

        byte[] pdf = mvc.perform(get("/api/assessments/{id}/report.pdf", id).with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfInspection inspection = new PdfInspection(pdf);
        String text = inspection.text(1, inspection.pages()).replaceAll("\\s+", "");
        assertThat(text)
                .contains(
                        "访谈张建国（运维主管），2026-03-0210:05",
                        "无证据说明",
                        NO_EVIDENCE,
                        FINDING,
                        ADVICE,
                        OBSERVED.replaceAll("\\s+", ""),
                        "未附证据文件，结论依据上列现场记录",
                        "不符合（复测）")
                .doesNotContain("按要求整改");
        assertThat(text.split("（复测）", -1)).hasSize(2);

        // the OSCAL results carry the finding and the recommendation
        String oscal = mvc.perform(
                        get("/api/assessments/{id}/oscal-results.json", id).with(as(assessor)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> props = JsonPath.read(
                oscal,
                "$['assessment-results'].results[0].findings[*].props[?(@.name == " + "'recommendation')].value");
        assertThat(props).contains(ADVICE);
    }

    @Test
    void submissionListsAFindingWithoutItsTextOrRecommendation() throws Exception {
        verdict(
                        items.get(4),
                        "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"LOW\",\"riskReason\":\"部分\","
                                + "\"noEvidenceReason\":\"现场\"}")
                .andExpect(status().isOk());
        SignOffFixture.nameSigners(mvc, users, id, assessor);
        jdbc.sql("UPDATE assessment_item SET verdict = 'NOT_APPLICABLE', verdict_reason = 'x' WHERE assessment_id = ? "
                        + "AND verdict IS NULL")
                .param(UUID.fromString(id))
                .update();
        String body = mvc.perform(post("/api/assessments/{id}/review/submit", id)
                        .with(as(assessor))
                        .with(IfMatch.assessment(jdbc, id)))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String mine = "$.missing[?(@.itemId == '" + items.get(4) + "')]";
        assertThat(JsonPath.<List<String>>read(body, mine + ".gaps[*]")).containsExactly("FINDING", "RECOMMENDATION");
        assertThat(JsonPath.<List<String>>read(body, mine + ".gapTexts[*]")).containsExactly("缺少安全问题描述", "缺少整改建议");
    }

    @Test
    void restSavesFindingAndRecommendationAndRefusesBadTextNamingTheField() throws Exception {
        String item = items.get(4);
        verdict(
                        item,
                        "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"LOW\",\"riskReason\":\"r\",\"finding\":\"%s\"}"
                                .formatted("x".repeat(4001)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.finding").exists());
        verdict(
                        item,
                        "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"LOW\",\"riskReason\":\"r\","
                                + "\"recommendation\":\"改\\u0007正\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.recommendation").exists());
        verdict(
                        item,
                        "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"LOW\",\"riskReason\":\"r\",\"finding\":\"问题\","
                                + "\"recommendation\":\"建议\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.finding").value("问题"))
                .andExpect(jsonPath("$.recommendation").value("建议"));
        int history = historySize(item);
        // changing only the texts stores them without a new verdict in the history
        verdict(
                        item,
                        "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"LOW\",\"riskReason\":\"r\",\"finding\":\"问题二\","
                                + "\"recommendation\":\"建议二\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.finding").value("问题二"));
        assertThat(historySize(item)).isEqualTo(history);
        // a 符合 keeps no finding text
        verdict(item, "{\"verdict\":\"COMPLIANT\",\"finding\":\"问题\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.finding").doesNotExist());
    }

    @Test
    void itemPageSavesFindingPrefillsTheRecommendationAndShowsBadInputByItsField() throws Exception {
        String item = items.get(4);
        String page = mvc.perform(get("/assessment-items/{id}", item).with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // the recommendation starts from the catalog's 符合 criteria, for the assessor to edit
        assertThat(page).contains("id=\"finding\"", "id=\"recommendation\"", "建议整改至以下状态：");
        String refused = mvc.perform(post("/assessment-items/{id}", item)
                        .with(as(assessor))
                        .with(IfMatch.formField(jdbc, "assessment_item", UUID.fromString(item)))
                        .param("verdict", "NON_COMPLIANT")
                        .param("riskLevel", "LOW")
                        .param("riskReason", "r")
                        .param("finding", "问\u0001题")
                        .param("recommendation", "建议"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"finding-error\"");
        mvc.perform(post("/assessment-items/{id}", item)
                        .with(as(assessor))
                        .with(IfMatch.formField(jdbc, "assessment_item", UUID.fromString(item)))
                        .param("verdict", "NON_COMPLIANT")
                        .param("riskLevel", "LOW")
                        .param("riskReason", "r")
                        .param("finding", "网页端记录的问题")
                        .param("recommendation", "网页端写的建议"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/assessment-items/{id}", item).with(as(assessor)))
                .andExpect(jsonPath("$.item.finding").value("网页端记录的问题"))
                .andExpect(jsonPath("$.item.recommendation").value("网页端写的建议"));
    }

    // --- helpers

    ResultActions verdict(String itemId, String json) throws Exception {
        return mvc.perform(put("/api/assessment-items/{id}/verdict", itemId)
                .with(IfMatch.item(jdbc, itemId))
                .with(as(assessor))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    void review(String path, CurrentUser who, String json) throws Exception {
        var request = post(path, id).with(as(who)).with(IfMatch.assessment(jdbc, id));
        if (!json.isEmpty()) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        mvc.perform(request).andExpect(status().isOk());
    }

    int historySize(String itemId) throws Exception {
        return JsonPath.<List<?>>read(
                        mvc.perform(get("/api/assessment-items/{id}", itemId).with(as(assessor)))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.history")
                .size();
    }

    static XWPFTableRow row(XWPFTable t, String first) {
        return t.getRows().stream()
                .filter(r -> r.getCell(0).getText().equals(first))
                .findFirst()
                .orElseThrow();
    }

    /** The rows (label, content) of the per-item table of the item at {@code position} (0-based, item order). */
    static List<List<String>> itemRows(XWPFDocument doc, int position) {
        List<List<List<String>>> tables = new ArrayList<>();
        for (XWPFTable t : doc.getTables()) {
            List<List<String>> rows = new ArrayList<>();
            t.getRows()
                    .forEach(r -> rows.add(
                            r.getTableCells().stream().map(c -> c.getText()).toList()));
            if (rows.stream().anyMatch(r -> r.size() == 2 && r.get(0).equals("要求编号"))) {
                tables.add(rows);
            }
        }
        return tables.get(position);
    }

    static String history(List<List<String>> rows) {
        return rows.stream()
                .filter(r -> r.get(0).equals("结论历史"))
                .map(r -> r.get(1))
                .findFirst()
                .orElse("");
    }
}
