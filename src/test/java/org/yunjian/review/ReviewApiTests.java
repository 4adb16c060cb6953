package org.yunjian.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
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
import org.springframework.test.web.servlet.ResultActions;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.party.Fixtures;
import org.yunjian.report.internal.SignOffs;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;

/** Review and sign-off through the REST API and the pages: team, submission check, send-back, approval, history. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class ReviewApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAdministration users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SignOffs signOffs;

    @Autowired
    AssessmentService service;

    Fixtures.World w;
    CurrentUser tester;
    CurrentUser tester2;
    CurrentUser reviewer;
    CurrentUser approver;
    String id;
    List<String> items;

    @BeforeEach
    void assessmentWithATeam() throws Exception {
        w = fixtures.world();
        tester = SignOffFixture.account(users, w.assessor().id(), "tst", "测评师");
        tester2 = SignOffFixture.account(users, w.assessor().id(), "ts2", "测评师");
        reviewer = SignOffFixture.account(users, w.assessor().id(), "rev", "质量审核");
        approver = SignOffFixture.account(users, w.assessor().id(), "apr", "技术负责人");
        String body = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/assessments")
                                .with(as(tester))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                {"name":"审核测评","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY",
                                 "assessors":["%s","%s"],"reviewer":"%s","approver":"%s","scope":["MLPS-L3"]}""".formatted(
                                                w.system().id(),
                                                w.assessor().id(),
                                                tester.userId(),
                                                tester2.userId(),
                                                reviewer.userId(),
                                                approver.userId())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reviewer").value(reviewer.userId().toString()))
                .andExpect(jsonPath("$.approver").value(approver.userId().toString()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        id = JsonPath.read(body, "$.id");
        send("/api/assessments/{id}/transitions", tester, "{\"to\":\"IN_PROGRESS\"}")
                .andExpect(status().isOk());
        items = JsonPath.read(AssessmentItems.json(mvc, id, as(tester)), "$[*].id");
    }

    /** A review decision naming the assessment's version stored now (as a client that has just read it). */
    ResultActions send(String url, CurrentUser u, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url, id)
                .with(as(u))
                .with(IfMatch.assessment(jdbc, id))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    void verdict(String item, String json) throws Exception {
        mvc.perform(put("/api/assessment-items/{id}/verdict", item)
                        .with(IfMatch.item(jdbc, item))
                        .with(as(tester))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }

    String statusOf() throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/assessments/{id}", id).with(as(tester)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.status");
    }

    @Test
    void refusedSubmissionListsEveryKindOfGapAtOnceInRestAndPage() throws Exception {
        // an imported finding without risk level and reason, a finding without evidence, a 不适用 without a reason
        jdbc.sql("UPDATE assessment_item SET verdict = 'NON_COMPLIANT' WHERE id = ?")
                .param(UUID.fromString(items.get(0)))
                .update();
        verdict(items.get(1), "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"LOW\",\"riskReason\":\"部分\"}");
        jdbc.sql("UPDATE assessment_item SET verdict = 'NOT_APPLICABLE' WHERE id = ?")
                .param(UUID.fromString(items.get(2)))
                .update();
        verdict(
                items.get(3),
                "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"HIGH\",\"riskReason\":\"无\","
                        + "\"noEvidenceReason\":\"现场禁止拍照\",\"finding\":\"未启用登录失败处理\","
                        + "\"recommendation\":\"配置登录失败锁定策略\"}");
        verdict(items.get(4), "{\"verdict\":\"COMPLIANT\"}");
        send("/api/assessments/{id}/review/submit", tester, "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:submission-incomplete"))
                .andExpect(jsonPath("$.missing", hasSize(items.size() - 1)))
                .andExpect(jsonPath("$.missing[0].number").value(1))
                .andExpect(jsonPath(
                        "$.missing[0].gaps",
                        contains("RISK_LEVEL", "RISK_REASON", "FINDING", "RECOMMENDATION", "EVIDENCE")))
                .andExpect(jsonPath("$.missing[0].link").value("/assessment-items/" + items.get(0)))
                .andExpect(jsonPath("$.missing[0].controlPoint").isNotEmpty())
                .andExpect(jsonPath("$.missing[1].gaps", contains("FINDING", "RECOMMENDATION", "EVIDENCE")))
                .andExpect(jsonPath("$.missing[2].gaps", contains("NOT_APPLICABLE_REASON")))
                // a 符合 with nothing it rests on (no evidence, no 现场记录) is named too
                .andExpect(jsonPath("$.missing[3].number").value(5))
                .andExpect(jsonPath("$.missing[3].gaps", contains("SUPPORT")))
                .andExpect(jsonPath("$.missing[3].gapTexts[0]").value("符合/部分符合缺少证据或现场记录（写明在何处观察到什么）"))
                .andExpect(jsonPath("$.missing[4].number").value(6))
                .andExpect(jsonPath("$.missing[4].gaps", contains("VERDICT")))
                .andExpect(jsonPath("$.missing[4].gapTexts[0]").value("未记录结论"));
        assertThat(statusOf()).isEqualTo("IN_PROGRESS");
        mvc.perform(get("/api/assessments/{id}/review/missing", id).with(as(tester)))
                .andExpect(jsonPath("$.total").value(items.size() - 1));
        mvc.perform(get("/api/assessments/{id}/review/missing", id)
                        .param("size", "2")
                        .param("page", "2")
                        .with(as(tester)))
                .andExpect(jsonPath("$.total").value(items.size() - 1))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].gaps", contains("NOT_APPLICABLE_REASON")));
        mvc.perform(get("/api/assessments/{id}/review/missing", id)
                        .param("gap", "evidence")
                        .with(as(tester)))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[1].number").value(2));
        mvc.perform(get("/api/assessments/{id}/review/missing", id)
                        .param("q", "zzzz-nothing")
                        .with(as(tester)))
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(get("/api/assessments/{id}/review/missing", id)
                        .param("gap", "SOMETHING")
                        .with(as(tester)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.gap").exists());
        // the no-evidence reason is stored with the verdict and shown back
        mvc.perform(get("/api/assessment-items/{id}", items.get(3)).with(as(tester)))
                .andExpect(jsonPath("$.item.noEvidenceReason").value("现场禁止拍照"))
                .andExpect(jsonPath("$.item.finding").value("未启用登录失败处理"))
                .andExpect(jsonPath("$.item.recommendation").value("配置登录失败锁定策略"));

        MvcResult refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/assessments/{id}/review/submit", id)
                        .with(as(tester))
                        .with(IfMatch.assessmentForm(jdbc, id)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("missing", hasSize(10)))
                .andExpect(flash().attribute("missingTotal", items.size() - 1))
                .andReturn();
        String page = mvc.perform(get("/assessments/{id}", id).with(as(tester)).flashAttrs(refused.getFlashMap()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains(
                        "id=\"missing-list\"",
                        "/assessment-items/" + items.get(0),
                        "缺少风险等级",
                        "缺少证据或无证据说明",
                        "缺少安全问题描述",
                        "缺少整改建议",
                        "不适用缺少理由",
                        "符合/部分符合缺少证据或现场记录",
                        "未记录结论",
                        "id=\"missing-all\"",
                        "查看全部 " + (items.size() - 1) + " 个未完成的测评项");
        // the whole list on its own page: one page at a time, filtered by what is lacking and by text
        String all = mvc.perform(get("/assessments/{id}/review/missing", id)
                        .param("size", "2")
                        .param("page", "2")
                        .with(as(tester)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(all)
                .contains(
                        "id=\"missing-pager\"",
                        "共 " + (items.size() - 1) + " 条",
                        "不适用缺少理由",
                        "page=3&amp;size=2",
                        "/assessment-items/" + items.get(2))
                .doesNotContain("/assessment-items/" + items.get(0) + "\"");
        assertThat(mvc.perform(get("/assessments/{id}/review/missing", id)
                                .param("gap", "EVIDENCE")
                                .with(as(tester)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("共 2 条", "/assessment-items/" + items.get(1))
                .doesNotContain("/assessment-items/" + items.get(5) + "\"");
        assertThat(mvc.perform(get("/assessments/{id}/review/missing", id)
                                .param("q", "zzzz-nothing")
                                .with(as(tester)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("没有符合条件的记录", "共 0 条");
        mvc.perform(get("/assessments/{id}", id)
                        .with(as(tester))
                        .param("lang", "en")
                        .flashAttrs(refused.getFlashMap()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("no risk level")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'assessment.review.submit' "
                                + "AND outcome = 'FAILURE' AND object_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void reviewerSendsItemsBackWithCommentsTesterResolvesThemAndTheApproverSigns() throws Exception {
        fill();
        send("/api/assessments/{id}/review/submit", tester2, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));
        // only the reviewer reviews
        send("/api/assessments/{id}/review/send-back", tester, "{\"comment\":\"x\"}")
                .andExpect(status().isForbidden());
        send("/api/assessments/{id}/review/send-back", approver, "{\"comment\":\"x\"}")
                .andExpect(status().isForbidden());
        send("/api/assessments/{id}/review/send-back", reviewer, "{\"items\":[]}")
                .andExpect(status().isBadRequest());
        String reviewPage = mvc.perform(get("/assessments/{id}", id).with(as(reviewer)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(reviewPage)
                .contains("id=\"send-back\"", "id=\"review-comment-" + items.get(0) + "\"", "id=\"approve-review\"")
                .doesNotContain("id=\"submit-review\"");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/assessments/{id}/review/send-back", id)
                        .with(as(reviewer))
                        .with(IfMatch.assessmentForm(jdbc, id))
                        .param("comment-" + items.get(0), "请补充机房照片")
                        .param("comment-" + items.get(1), "")
                        .param("comment", "两处需修改"))
                .andExpect(status().is3xxRedirection());
        send("/api/assessments/{id}/review/send-back", reviewer, "{\"comment\":\"再退一次\"}")
                .andExpect(status().isConflict());
        assertThat(statusOf()).isEqualTo("IN_PROGRESS");
        String review = mvc.perform(get("/api/assessments/{id}/review", id).with(as(tester)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(review, "$.history[*].kind")).containsExactly("SUBMITTED", "SENT_BACK");
        assertThat(JsonPath.<Integer>read(review, "$.history[1].commentCount")).isEqualTo(1);
        assertThat(JsonPath.<String>read(review, "$.history[1].comment")).isEqualTo("两处需修改");
        String comment = JsonPath.read(review, "$.comments[0].id");
        assertThat(JsonPath.<String>read(review, "$.comments[0].itemId")).isEqualTo(items.get(0));
        // the tester sees it on the item, and cannot resubmit before resolving it
        assertThat(mvc.perform(get("/assessment-items/{id}", items.get(0)).with(as(tester)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("请补充机房照片", "id=\"resolve-" + comment + "\"");
        send("/api/assessments/{id}/review/submit", tester, "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.missing", hasSize(1)))
                .andExpect(jsonPath("$.missing[0].gaps", contains("OPEN_COMMENT")));
        send("/api/review-comments/" + comment + "/resolve", reviewer, "").andExpect(status().isForbidden());
        send("/api/review-comments/" + comment + "/resolve", tester, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.open").value(false));
        send("/api/review-comments/" + comment + "/resolve", tester, "").andExpect(status().isConflict());
        send("/api/assessments/{id}/review/submit", tester, "").andExpect(status().isOk());
        // only the reviewer approves the review; only the approver signs
        send("/api/assessments/{id}/review/approve", tester, "{}").andExpect(status().isForbidden());
        send("/api/assessments/{id}/review/approve", reviewer, "{\"comment\":\"同意\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVAL"));
        verdict403();
        send("/api/assessments/{id}/review/approve-report", reviewer, "{\"confirm\":true}")
                .andExpect(status().isForbidden());
        send("/api/assessments/{id}/review/approve-report", tester, "{\"confirm\":true}")
                .andExpect(status().isForbidden());
        send("/api/assessments/{id}/review/return", approver, "{}").andExpect(status().isBadRequest());
        send("/api/assessments/{id}/review/return", approver, "{\"comment\":\"结论表述需统一\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));
        send("/api/assessments/{id}/review/approve", reviewer, "{}").andExpect(status().isOk());
        send("/api/assessments/{id}/review/approve-report", approver, "{}").andExpect(status().isBadRequest());
        send("/api/assessments/{id}/review/approve-report", approver, "{\"confirm\":true}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"));
        review = mvc.perform(get("/api/assessments/{id}/review", id).with(as(approver)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(review, "$.history[*].kind"))
                .containsExactly(
                        "SUBMITTED",
                        "SENT_BACK",
                        "SUBMITTED",
                        "REVIEW_APPROVED",
                        "RETURNED",
                        "REVIEW_APPROVED",
                        "REPORT_APPROVED");
        String page = mvc.perform(get("/assessments/{id}", id).with(as(tester)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"review-history\"", "退回修改（测评项意见 1 条）", "结论表述需统一", "批准报告");
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE object_id = ? AND action LIKE 'assessment.review.%' "
                                + "ORDER BY seq")
                        .param(id)
                        .query(String.class)
                        .list())
                .contains(
                        "assessment.review.submitted",
                        "assessment.review.sent_back",
                        "assessment.review.review_approved",
                        "assessment.review.returned",
                        "assessment.review.report_approved");
        // the report's sign-off block: names and dates
        var sheet = runAs(
                tester, () -> signOffs.sheet(service.access(UUID.fromString(id)).assessment()));
        assertThat(sheet.testers()).hasSize(2).allSatisfy(s -> assertThat(s.at())
                .isNotNull());
        assertThat(sheet.reviewer().name())
                .isEqualTo(users.list().stream()
                        .filter(u -> u.id().equals(reviewer.userId()))
                        .findFirst()
                        .orElseThrow()
                        .displayName());
        assertThat(sheet.reviewer().at()).isNotNull();
        assertThat(sheet.approver().at()).isNotNull();
    }

    void verdict403() throws Exception {
        // verdicts are frozen while the report awaits approval
        mvc.perform(put("/api/assessment-items/{id}/verdict", items.get(0))
                        .with(IfMatch.item(jdbc, items.get(0)))
                        .with(as(tester))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"COMPLIANT\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void teamRefusesOnePersonInTwoRolesAndARecorderAsReviewer() throws Exception {
        String team = "{\"testers\":[\"%s\"],\"reviewer\":\"%s\",\"approver\":\"%s\"}";
        mvc.perform(put("/api/assessments/{id}/team", id)
                        .with(as(tester))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(team.formatted(tester.userId(), tester.userId(), approver.userId())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:team-role-clash"))
                .andExpect(jsonPath("$.detail").value(containsString("测评人员")))
                .andExpect(jsonPath("$.detail").value(containsString("审核人")));
        verdict(items.get(0), "{\"verdict\":\"COMPLIANT\"}");
        mvc.perform(put("/api/assessments/{id}/team", id)
                        .with(as(tester))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(team.formatted(tester2.userId(), tester.userId(), approver.userId())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:team-reviews-own-work"));
        // the reviewer does not pick the team; a stranger does not see it
        mvc.perform(put("/api/assessments/{id}/team", id)
                        .with(as(reviewer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(team.formatted(tester.userId(), reviewer.userId(), approver.userId())))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/assessments/{id}/team", id)
                        .with(as(user(w.stranger().id())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(team.formatted(tester.userId(), reviewer.userId(), approver.userId())))
                .andExpect(status().isNotFound());
        // the approver may change it; the page form keeps the typed choice and shows the refusal
        mvc.perform(put("/api/assessments/{id}/team", id)
                        .with(as(approver))
                        .with(IfMatch.current(jdbc, "assessment", UUID.fromString(id)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(team.formatted(tester.userId(), tester2.userId(), approver.userId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewer.id").value(tester2.userId().toString()));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/assessments/{id}/team", id)
                        .with(as(tester))
                        .param("testers", tester.userId().toString())
                        .param("reviewer", approver.userId().toString())
                        .param("approver", approver.userId().toString()))
                .andExpect(flash().attribute("conflict", containsString("批准人")))
                .andExpect(flash().attribute("errorsIn", "team"));
        // creating with one person in two roles is refused as well
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/assessments")
                        .with(as(tester))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"x","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY",
                                 "assessors":["%s"],"approver":"%s","scope":["MLPS-L3"]}""".formatted(w.system().id(), w.assessor().id(), tester.userId(), tester.userId())))
                .andExpect(status().isConflict());
    }

    @Test
    void submittingWithoutANamedReviewerIsRefusedClearly() throws Exception {
        mvc.perform(put("/api/assessments/{id}/team", id)
                        .with(as(tester))
                        .with(IfMatch.current(jdbc, "assessment", UUID.fromString(id)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"testers\":[\"" + tester.userId() + "\"]}"))
                .andExpect(status().isOk());
        fill();
        send("/api/assessments/{id}/review/submit", tester, "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:team-incomplete"))
                .andExpect(jsonPath("$.detail").value(containsString("审核人")));
    }

    /** Every item recorded as the submission check wants it. */
    /** Every unrecorded item 符合 with what the tester observed (what the submission check asks of a 符合). */
    void fill() {
        jdbc.sql("UPDATE assessment_item SET verdict = 'COMPLIANT', observations = ? "
                        + "WHERE assessment_id = ? AND verdict IS NULL")
                .params("现场核查配置与记录一致", UUID.fromString(id))
                .update();
    }
}
