package org.yunjian.assessment;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.TestAccounts;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.IfMatch;

/**
 * Completes an assessment the way the platform requires, for tests that need a completed one: names a 审核人 and a
 * 批准人 (new accounts of the tester's organisation, keeping the named testers), fills what the submission check
 * would refuse (unrecorded items become 不适用 with a reason; findings without evidence get a no-evidence reason —
 * written directly, so the verdict history stays as the test made it), then walks submit → review approved →
 * report approved through the REST API.
 */
public final class SignOffFixture {

    static final String FILLED_REASON = "不在本次测试关注范围";
    static final String OBSERVED = "现场核查配置与记录一致（云管平台控制台，测评当日）";

    private SignOffFixture() {}

    /** The reviewer and approver named by {@link #nameSigners}. */
    public record Signers(CurrentUser reviewer, CurrentUser approver) {}

    /** Names a new 审核人 and 批准人 of the tester's organisation (testers as they were). */
    public static Signers nameSigners(MockMvc mvc, UserAdministration users, String assessmentId, CurrentUser tester)
            throws Exception {
        CurrentUser reviewer = account(users, tester.organizationId(), "rev", "审核人");
        CurrentUser approver = account(users, tester.organizationId(), "apr", "批准人");
        List<String> testers = JsonPath.read(
                mvc.perform(get("/api/assessments/{id}", assessmentId).with(as(tester)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.assessors");
        String list = testers.stream()
                .map(t -> "\"" + t + "\"")
                .reduce((a, b) -> a + "," + b)
                .orElse("");
        mvc.perform(put("/api/assessments/{id}/team", assessmentId)
                        .with(as(tester))
                        .with(IfMatch.read(mvc, "/api/assessments/" + assessmentId, as(tester)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"testers\":[" + list + "],\"reviewer\":\"" + reviewer.userId()
                                + "\",\"approver\":\"" + approver.userId() + "\"}"))
                .andExpect(status().isOk());
        return new Signers(reviewer, approver);
    }

    /** Everything {@code complete} does before submitting: the team and the gaps filled. */
    public static Signers prepare(
            MockMvc mvc, UserAdministration users, JdbcClient jdbc, String assessmentId, CurrentUser tester)
            throws Exception {
        Signers signers = nameSigners(mvc, users, assessmentId, tester);
        fillGaps(jdbc, assessmentId);
        return signers;
    }

    /**
     * What the submission check asks for, written straight into the database: unrecorded items become 不适用 with a
     * reason, findings without evidence get a no-evidence reason, 符合 / 部分符合 without evidence a 现场记录,
     * findings without their text or recommendation get them.
     */
    public static void fillGaps(JdbcClient jdbc, String assessmentId) {
        UUID id = UUID.fromString(assessmentId);
        jdbc.sql("UPDATE assessment_item SET verdict = 'NOT_APPLICABLE', verdict_reason = ? "
                        + "WHERE assessment_id = ? AND verdict IS NULL")
                .params(FILLED_REASON, id)
                .update();
        jdbc.sql("UPDATE assessment_item SET verdict_reason = ? WHERE assessment_id = ? "
                        + "AND verdict = 'NOT_APPLICABLE' AND verdict_reason IS NULL")
                .params(FILLED_REASON, id)
                .update();
        jdbc.sql("UPDATE assessment_item SET no_evidence_reason = ? WHERE assessment_id = ? "
                        + "AND verdict IN ('NON_COMPLIANT', 'PARTIALLY_COMPLIANT') AND no_evidence_reason IS NULL "
                        + "AND id NOT IN (SELECT item_id FROM assessment_evidence WHERE assessment_id = ?)")
                .params("现场无法取证", id, id)
                .update();
        jdbc.sql("UPDATE assessment_item SET observations = ? WHERE assessment_id = ? "
                        + "AND verdict IN ('COMPLIANT', 'PARTIALLY_COMPLIANT') "
                        + "AND (observations IS NULL OR observations = '') "
                        + "AND id NOT IN (SELECT item_id FROM assessment_evidence WHERE assessment_id = ?)")
                .params(OBSERVED, id, id)
                .update();
        jdbc.sql("UPDATE assessment_item SET finding = COALESCE(finding, risk_reason), "
                        + "recommendation = COALESCE(recommendation, ?) WHERE assessment_id = ? "
                        + "AND verdict IN ('NON_COMPLIANT', 'PARTIALLY_COMPLIANT')")
                .params("按测评项要求补齐安全措施", id)
                .update();
    }

    /** From IN_PROGRESS to COMPLETED: team, gaps, submitted by {@code tester}, approved by the two signers. */
    public static Signers complete(
            MockMvc mvc, UserAdministration users, JdbcClient jdbc, String assessmentId, CurrentUser tester)
            throws Exception {
        Signers s = prepare(mvc, users, jdbc, assessmentId, tester);
        mvc.perform(post("/api/assessments/{id}/review/submit", assessmentId)
                        .with(as(tester))
                        .with(IfMatch.assessment(jdbc, assessmentId)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/assessments/{id}/review/approve", assessmentId)
                        .with(as(s.reviewer()))
                        .with(IfMatch.assessment(jdbc, assessmentId))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/assessments/{id}/review/approve-report", assessmentId)
                        .with(as(s.approver()))
                        .with(IfMatch.assessment(jdbc, assessmentId))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"confirm\":true}"))
                .andExpect(status().isOk());
        return s;
    }

    public static CurrentUser account(UserAdministration users, UUID org, String prefix, String role) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var v = TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        username,
                        role + " " + Math.floorMod(username.hashCode(), 10000),
                        Role.USER,
                        org,
                        "Sign-Off-Fixture-2026!"));
        return new CurrentUser(v.id(), username, org, Role.USER);
    }
}
