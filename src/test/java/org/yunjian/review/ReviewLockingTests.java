package org.yunjian.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;

import com.jayway.jsonpath.JsonPath;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.support.ConcurrentWriters;
import org.yunjian.support.IfMatch;
import org.yunjian.support.OneWriterWins;
import org.yunjian.support.StaleForms;
import org.yunjian.support.StaleProblem;

/**
 * Optimistic locking of the review decisions — submitting, sending back, approving the review, approving or
 * returning the report, resolving a comment: each names the assessment's version it was taken on (a comment keeps
 * none of its own), a stale decision is a 409 naming the assessment and changes nothing, one naming none a 428, and
 * a stale page form comes back to the review section with the alert and what was typed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class ReviewLockingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reviews reviews;

    CurrentUser tester;
    CurrentUser reviewer;
    CurrentUser approver;
    String id;
    List<String> items;

    /** An assessment in progress with its team, every gap filled: ready to submit. */
    @BeforeEach
    void readyToSubmit(@Autowired Fixtures fixtures, @Autowired UserAdministration users) throws Exception {
        Fixtures.World w = fixtures.world();
        tester = SignOffFixture.account(users, w.assessor().id(), "tst", "测评师");
        reviewer = SignOffFixture.account(users, w.assessor().id(), "rev", "质量审核");
        approver = SignOffFixture.account(users, w.assessor().id(), "apr", "技术负责人");
        id = JsonPath.read(
                mvc.perform(post("/api/assessments")
                                .with(as(tester))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                {"name":"锁定审核","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY",
                                 "assessors":["%s"],"reviewer":"%s","approver":"%s","scope":["MLPS-L3"]}""".formatted(
                                                w.system().id(),
                                                w.assessor().id(),
                                                tester.userId(),
                                                reviewer.userId(),
                                                approver.userId())))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(tester))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk());
        SignOffFixture.fillGaps(jdbc, id);
        items = jdbc.sql("SELECT id FROM assessment_item WHERE assessment_id = ? ORDER BY position")
                .param(UUID.fromString(id))
                .query(String.class)
                .list();
    }

    long stored() {
        return IfMatch.stored(jdbc, "assessment", "id", id);
    }

    String statusOf() {
        return jdbc.sql("SELECT status FROM assessment WHERE id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single();
    }

    MockHttpServletRequestBuilder decision(String step, CurrentUser who, String json) {
        return post("/api/assessments/{id}/review/" + step, id)
                .with(as(who))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }

    /** Submitted, then sent back with a comment on the first item: the comment's id. */
    String sentBackWithAComment() throws Exception {
        mvc.perform(decision("submit", tester, "{}").with(IfMatch.assessment(jdbc, id)))
                .andExpect(status().isOk());
        mvc.perform(decision(
                                "send-back",
                                reviewer,
                                "{\"items\":[{\"itemId\":\"%s\",\"comment\":\"请补充照片\"}]}".formatted(items.get(0)))
                        .with(IfMatch.assessment(jdbc, id)))
                .andExpect(status().isOk());
        return jdbc.sql("SELECT id FROM assessment_review_comment WHERE assessment_id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single();
    }

    @Test
    void everyDecisionNamesTheAssessmentsVersionAndMovesItOn() throws Exception {
        long v = stored();
        // naming no version, the refusal names the assessment as a stale one does, in both languages
        mvc.perform(decision("submit", tester, "{}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-required"))
                .andExpect(jsonPath("$.detail").value(containsString("测评“锁定审核”：更新必须说明所替换的版本")));
        mvc.perform(decision("submit", tester, "{}").param("lang", "en"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.detail")
                        .value(containsString("Assessment \"锁定审核\": An update must name the version it replaces")));
        mvc.perform(decision("submit", tester, "{\"version\":" + (v + 1) + "}").param("lang", "en"))
                .andExpect(StaleProblem.bodyVersionInEnglish(v))
                .andExpect(jsonPath("$.detail").value(containsString("Assessment \"锁定审核\": ")));
        assertThat(statusOf()).isEqualTo("IN_PROGRESS");
        mvc.perform(decision("submit", tester, "{}")
                        .with(IfMatch.read(mvc, "/api/assessments/" + id + "/review", as(tester))))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + (v + 1) + "\""))
                .andExpect(jsonPath("$.version").value(v + 1));
        // a decision over the version before the submission is stale, whatever its status check would say
        mvc.perform(decision("approve", reviewer, "{}").with(IfMatch.version(v)))
                .andExpect(StaleProblem.inChinese())
                .andExpect(jsonPath("$.detail").value(containsString("测评“锁定审核”：")));
        mvc.perform(decision("approve", reviewer, "{\"comment\":\"同意\"}")).andExpect(status().isPreconditionRequired());
        mvc.perform(decision("approve", reviewer, "{\"comment\":\"同意\",\"version\":" + (v + 1) + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVAL"));
        mvc.perform(decision("return", approver, "{\"comment\":\"再看\"}").with(IfMatch.version(v + 1)))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(decision("approve-report", approver, "{\"confirm\":true}"))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(decision("approve-report", approver, "{\"confirm\":true}").with(IfMatch.version(v + 1)))
                .andExpect(status().isPreconditionFailed());
        assertThat(statusOf()).isEqualTo("APPROVAL");
        mvc.perform(decision("return", approver, "{\"comment\":\"结论再统一\"}").with(IfMatch.version(v + 2)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(v + 3));
        mvc.perform(decision("send-back", reviewer, "{\"comment\":\"退回\"}").with(IfMatch.version(v + 2)))
                .andExpect(status().isPreconditionFailed());
        assertThat(statusOf()).isEqualTo("IN_REVIEW");
        // a refused caller still hears 403 before anything about versions
        mvc.perform(decision("approve", tester, "{}")).andExpect(status().isForbidden());
        assertThat(stored()).isEqualTo(v + 3);
    }

    @Test
    void resolvingACommentNamesTheAssessmentsVersion() throws Exception {
        String comment = sentBackWithAComment();
        long v = stored();
        MockHttpServletRequestBuilder resolve = post("/api/review-comments/{id}/resolve", comment)
                .with(as(tester))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}");
        mvc.perform(resolve).andExpect(status().isPreconditionRequired());
        mvc.perform(post("/api/review-comments/{id}/resolve", comment)
                        .with(as(tester))
                        .with(IfMatch.version(v - 1)))
                .andExpect(StaleProblem.inChinese());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_review_comment WHERE id = ? AND resolved_at IS NULL")
                        .param(UUID.fromString(comment))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(post("/api/review-comments/{id}/resolve", comment)
                        .with(as(tester))
                        .with(IfMatch.read(mvc, "/api/assessments/" + id + "/review", as(tester))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.open").value(false))
                .andExpect(header().string("ETag", "\"" + (v + 1) + "\""));
        assertThat(stored()).isEqualTo(v + 1);
    }

    @Test
    void ofAConcurrentApprovalAndSendBackExactlyOneWins() throws Exception {
        mvc.perform(decision("submit", tester, "{}").with(IfMatch.assessment(jdbc, id)))
                .andExpect(status().isOk());
        long v = stored();
        boolean approveWon = OneWriterWins.race(
                mvc,
                decision("approve", reviewer, "{}").with(IfMatch.version(v)),
                decision("send-back", reviewer, "{\"comment\":\"退回\"}").with(IfMatch.version(v)));
        assertThat(statusOf()).isEqualTo(approveWon ? "APPROVAL" : "IN_PROGRESS");
        assertThat(stored()).isEqualTo(v + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_review_step WHERE assessment_id = ?")
                        .param(UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void ofTwoConcurrentResolvesOverTheSameVersionExactlyOneWins() throws Exception {
        mvc.perform(decision("submit", tester, "{}").with(IfMatch.assessment(jdbc, id)))
                .andExpect(status().isOk());
        mvc.perform(decision(
                                "send-back",
                                reviewer,
                                "{\"items\":[{\"itemId\":\"%s\",\"comment\":\"一\"},{\"itemId\":\"%s\",\"comment\":\"二\"}]}"
                                        .formatted(items.get(0), items.get(1)))
                        .with(IfMatch.assessment(jdbc, id)))
                .andExpect(status().isOk());
        List<UUID> comments = jdbc.sql("SELECT id FROM assessment_review_comment WHERE assessment_id = ?")
                .param(UUID.fromString(id))
                .query(UUID.class)
                .list();
        long v = stored();
        int winner = ConcurrentWriters.exactlyOneWins(comments.stream()
                .map(c -> (Callable<Object>) () -> {
                    runAs(tester, () -> reviews.resolve(c, ExpectedVersion.exactly(v)));
                    return c;
                })
                .toList());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_review_comment WHERE assessment_id = ? "
                                + "AND resolved_at IS NOT NULL")
                        .param(UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(winner).isBetween(0, 1);
        assertThat(stored()).isEqualTo(v + 1);
    }

    @Test
    void staleSendBackFormComesBackToTheReviewWithTheTypedCommentsAndTheAlert() throws Exception {
        mvc.perform(decision("submit", tester, "{}").with(IfMatch.assessment(jdbc, id)))
                .andExpect(status().isOk());
        long v = stored();
        String page = StaleForms.pageAfter(
                mvc,
                post("/assessments/{id}/review/send-back", id)
                        .param("comment", "我写的总体意见")
                        .param("comment-" + items.get(0), "我写的测评项意见")
                        .param("version", String.valueOf(v - 1)),
                "/assessments/" + id,
                as(reviewer));
        assertThat(page)
                .contains(
                        "在您打开此表单之后，他人已于 20",
                        "测评“锁定审核”：",
                        "我写的总体意见",
                        "我写的测评项意见",
                        "name=\"version\" value=\"" + v + "\"");
        assertThat(statusOf()).isEqualTo("IN_REVIEW");
        // a form naming no version comes back the same way, its comment kept
        String approve = StaleForms.pageAfter(
                mvc,
                post("/assessments/{id}/review/approve", id).param("comment", "我写的通过意见"),
                "/assessments/" + id,
                as(reviewer));
        assertThat(approve).contains("测评“锁定审核”：此表单没有说明打开时记录的版本", "我写的通过意见", "name=\"version\" value=\"" + v + "\"");
        assertThat(statusOf()).isEqualTo("IN_REVIEW");
        // sending the kept comments again, over the version the form now names, is deliberate
        mvc.perform(post("/assessments/{id}/review/send-back", id)
                        .with(as(reviewer))
                        .param("comment", "我写的总体意见")
                        .param("version", String.valueOf(v)))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void staleSubmitAndResolveFormsComeBackWithTheAlert() throws Exception {
        String comment = sentBackWithAComment();
        long v = stored();
        String item = "/assessment-items/" + items.get(0);
        String page = StaleForms.pageAfter(
                mvc,
                post("/review-comments/{id}/resolve", comment)
                        .param("back", "item")
                        .param("version", String.valueOf(v - 1)),
                item,
                as(tester));
        assertThat(page).contains("id=\"resolve-" + comment + "\"", "name=\"version\" value=\"" + v + "\"");
        StaleForms.pageAfter(mvc, post("/review-comments/{id}/resolve", comment), "/assessments/" + id, as(tester));
        mvc.perform(post("/review-comments/{id}/resolve", comment)
                        .with(as(tester))
                        .param("back", "item")
                        .param("version", String.valueOf(v)))
                .andExpect(status().is3xxRedirection());
        assertThat(stored()).isEqualTo(v + 1);
        String submit = StaleForms.pageAfter(
                mvc,
                post("/assessments/{id}/review/submit", id).param("version", String.valueOf(v)),
                "/assessments/" + id,
                as(tester));
        assertThat(submit).contains("name=\"version\" value=\"" + (v + 1) + "\"");
        assertThat(statusOf()).isEqualTo("IN_PROGRESS");
        mvc.perform(post("/assessments/{id}/review/submit", id)
                        .with(as(tester))
                        .param("lang", "en")
                        .param("version", String.valueOf(v + 1)))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf()).isEqualTo("IN_REVIEW");
    }
    /**
     * Approving the review with no comment, submitting and resolving a comment type nothing: refused as stale or
     * naming no version, the review section says the step was not taken and to take it again over the current
     * assessment — not that typed input is kept — in Chinese and in English; an approval with a typed comment keeps
     * it below and says so.
     */
    @Test
    void refusedOneClickReviewFormsSayTheStepWasNotTakenInBothLanguages() throws Exception {
        String comment = sentBackWithAComment();
        long v = stored();
        String assessment = "/assessments/" + id;
        assertRefused(
                () -> post("/assessments/{id}/review/submit", id),
                v,
                as(tester),
                "，未提交任何内容。请查看当前记录；如仍需提交，请再次提交。",
                "; nothing was submitted. Review the current record; if it should still go, submit it again.");
        assertRefused(
                () -> post("/review-comments/{id}/resolve", comment),
                v,
                as(tester),
                "，意见未标记为已解决。请查看当前记录；如确已解决，请再次标记。",
                "; the comment was not marked resolved. Review the current record; if it is resolved, mark it again.");
        mvc.perform(post("/api/review-comments/{id}/resolve", comment)
                        .with(as(tester))
                        .with(IfMatch.assessment(jdbc, id)))
                .andExpect(status().isOk());
        mvc.perform(decision("submit", tester, "{}").with(IfMatch.assessment(jdbc, id)))
                .andExpect(status().isOk());
        assertRefused(
                () -> post("/assessments/{id}/review/approve", id).param("comment", ""),
                v + 2,
                as(reviewer),
                "，未批准任何内容。请查看当前记录；如仍同意，请再次批准。",
                "; nothing was approved. Review the current record; if you still agree, approve it again.");
        assertThat(statusOf()).isEqualTo("IN_REVIEW");
        String typed = StaleForms.pageAfter(
                mvc,
                post("/assessments/{id}/review/approve", id)
                        .param("comment", "同意")
                        .param("version", String.valueOf(v)),
                assessment,
                as(reviewer));
        assertThat(typed).contains("下方保留了您填写的内容", "同意</textarea>").doesNotContain("未批准任何内容");
        assertThat(stored()).isEqualTo(v + 2);
    }

    /**
     * The form {@code form} builds, once stale (the version before {@code current}) and once naming none, each in Chinese and in
     * English: the assessment page's alert ends with the step's sentence, naming the current version, and does not
     * speak of kept input.
     */
    private void assertRefused(
            java.util.function.Supplier<MockHttpServletRequestBuilder> form,
            long current,
            org.springframework.test.web.servlet.request.RequestPostProcessor who,
            String chinese,
            String english)
            throws Exception {
        for (String version : new String[] {String.valueOf(current - 1), null}) {
            String zh = StaleForms.pageAfter(
                    mvc,
                    version == null ? form.get() : form.get().param("version", version),
                    "/assessments/" + id,
                    who);
            assertThat(zh)
                    .contains(
                            (version == null ? "（可能是系统升级前打开的页面）" : "修改了这条记录") + chinese,
                            "name=\"version\" value=\"" + current + "\"")
                    .doesNotContain("下方保留了您填写的内容", "您的修改未保存");
            String en = StaleForms.pageAfter(
                    mvc,
                    (version == null ? form.get() : form.get().param("version", version)).param("lang", "en"),
                    "/assessments/" + id,
                    who);
            assertThat(en)
                    .contains((version == null
                                    ? "(perhaps a page opened before an upgrade)"
                                    : "after you opened this page")
                            + english)
                    .doesNotContain("Your input is kept below");
            // stale or naming no version, the alert names the assessment first
            assertThat(zh).contains("测评“锁定审核”：" + (version == null ? "此表单没有说明" : "在您打开此页面之后"));
            assertThat(en)
                    .contains("Assessment &quot;锁定审核&quot;: "
                            + (version == null ? "This form did not say" : "Someone else changed"));
        }
    }
}
