package org.yunjian.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.util.Locale;
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
import org.yunjian.assessment.ApiAssessments;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.cli.CliRunner;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.UserAdministration;

/** {@code yunjian assessment team | submit | send-back | approve-review | approve-report | review-history}. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class ReviewCommandTests {

    @Autowired
    CliRunner cli;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAdministration users;

    @Autowired
    JdbcClient jdbc;

    final org.yunjian.support.CliCapture io = new org.yunjian.support.CliCapture();
    CurrentUser tester;
    CurrentUser reviewer;
    CurrentUser approver;
    String id;

    @BeforeEach
    void assessment() throws Exception {
        Fixtures.World w = fixtures.world();
        tester = SignOffFixture.account(users, w.assessor().id(), "clt", "测评师");
        reviewer = SignOffFixture.account(users, w.assessor().id(), "clr", "审核");
        approver = SignOffFixture.account(users, w.assessor().id(), "cla", "批准");
        id = JsonPath.read(ApiAssessments.post(mvc, tester, w, "命令行审核"), "$.id");
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(tester))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk());
    }

    int run(Locale language, String... args) {
        return io.run(cli, language, args);
    }

    @Test
    void teamSubmitRefusedWithTheListThenSentBackApprovedAndSigned() {
        assertThat(run(
                        Locale.ENGLISH,
                        "assessment",
                        "team",
                        id,
                        "--tester",
                        tester.username(),
                        "--reviewer",
                        tester.username(),
                        "--as",
                        tester.username()))
                .isEqualTo(1);
        assertThat(io.err.toString()).contains("cannot be both", "Tester", "Reviewer");
        assertThat(run(
                        Locale.ENGLISH,
                        "assessment",
                        "team",
                        id,
                        "--tester",
                        tester.username(),
                        "--reviewer",
                        reviewer.username(),
                        "--approver",
                        approver.username(),
                        "--as",
                        tester.username()))
                .isZero();
        assertThat(io.out.toString()).contains("Assessment team saved");

        assertThat(run(Locale.CHINESE, "assessment", "submit", id, "--as", tester.username()))
                .isEqualTo(1);
        assertThat(io.err.toString()).contains("不能提交审核", "第 1 项", "未记录结论");
        jdbc.sql("UPDATE assessment_item SET verdict = 'COMPLIANT' WHERE assessment_id = ?")
                .param(UUID.fromString(id))
                .update();
        // a 符合 with nothing it rests on is named too; with a 现场记录 the submission goes through
        assertThat(run(Locale.CHINESE, "assessment", "submit", id, "--as", tester.username()))
                .isEqualTo(1);
        assertThat(io.err.toString()).contains("符合/部分符合缺少证据或现场记录");
        jdbc.sql("UPDATE assessment_item SET observations = ? WHERE assessment_id = ?")
                .params("现场核查配置与记录一致", UUID.fromString(id))
                .update();
        assertThat(run(Locale.ENGLISH, "assessment", "submit", id, "--as", tester.username()))
                .isZero();
        assertThat(io.out.toString()).contains("In review");

        // the tester may not approve their own work
        assertThat(run(Locale.ENGLISH, "assessment", "approve-review", id, "--as", tester.username()))
                .isEqualTo(1);
        assertThat(run(Locale.ENGLISH, "assessment", "send-back", id, "--item", "2=请补充截图", "--as", reviewer.username()))
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_review_comment WHERE assessment_id = ?")
                        .param(UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        jdbc.sql("UPDATE assessment_review_comment SET resolved_at = CURRENT_TIMESTAMP WHERE assessment_id = ?")
                .param(UUID.fromString(id))
                .update();
        assertThat(run(Locale.ENGLISH, "assessment", "submit", id, "--as", tester.username()))
                .isZero();
        assertThat(run(Locale.ENGLISH, "assessment", "approve-review", id, "--as", reviewer.username()))
                .isZero();
        assertThat(run(Locale.ENGLISH, "assessment", "approve-report", id, "--as", approver.username()))
                .isEqualTo(1);
        assertThat(io.err.toString()).contains("--confirm");
        assertThat(run(Locale.ENGLISH, "assessment", "approve-report", id, "--confirm", "--as", approver.username()))
                .isZero();
        assertThat(io.out.toString()).contains("Completed");

        // a 修订版 from the command line (issue 58): named corrections only, confirmed, by the approver
        assertThat(run(
                        Locale.ENGLISH,
                        "assessment",
                        "revise-report",
                        id,
                        "--reason",
                        "更正笔误",
                        "--correct",
                        "1-VERDICT_REASON",
                        "--confirm",
                        "--as",
                        approver.username()))
                .isEqualTo(2);
        assertThat(io.err.toString()).contains("Correction “1-VERDICT_REASON” not understood");
        assertThat(run(
                        Locale.ENGLISH,
                        "assessment",
                        "revise-report",
                        id,
                        "--reason",
                        "更正笔误",
                        "--correct",
                        "1:VERDICT_REASON=经核查，配置与记录一致（更正）",
                        "--confirm",
                        "--as",
                        approver.username()))
                .isZero();
        assertThat(io.out.toString()).contains("Revision 2 of report");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_report_revision WHERE assessment_id = ?")
                        .param(UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(run(Locale.ENGLISH, "assessment", "review-history", id, "--as", tester.username()))
                .isZero();
        assertThat(io.out.toString())
                .contains(
                        "Submitted for review", "Sent back (1 item comment(s))", "Review approved", "Report approved");
    }
}
