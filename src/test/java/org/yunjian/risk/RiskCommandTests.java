package org.yunjian.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
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
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.assessment.ApiAssessments;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.cli.CliRunner;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;

/** {@code yunjian assessment risks | follow-up} acting as a named assessor. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class RiskCommandTests {

    @Autowired
    CliRunner cli;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAdministration users;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    final org.yunjian.support.CliCapture io = new org.yunjian.support.CliCapture();
    String username;
    CurrentUser assessor;
    String id;

    @BeforeEach
    void assessmentWithAFinding() throws Exception {
        Fixtures.World w = fixtures.world();
        username = "cli-risk-" + UUID.randomUUID().toString().substring(0, 8);
        var account = org.yunjian.security.TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        username, "命令行测评员", Role.USER, w.assessor().id(), "Assessor-Cli-Test-2026!"));
        assessor = new CurrentUser(account.id(), username, w.assessor().id(), Role.USER);
        String body = ApiAssessments.post(mvc, assessor, w, "命令行登记");
        id = JsonPath.read(body, "$.id");
        move("IN_PROGRESS");
        String items = AssessmentItems.json(mvc, id, as(assessor));
        String item = JsonPath.<List<String>>read(items, "$[*].id").get(0);
        mvc.perform(put("/api/assessment-items/{id}/verdict", item)
                        .with(IfMatch.item(jdbc, item))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"HIGH\",\"riskReason\":\"未划分安全区域\"}"))
                .andExpect(status().isOk());
    }

    void move(String to) throws Exception {
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"" + to + "\"}"))
                .andExpect(status().isOk());
    }

    int run(Locale language, String... args) {
        return io.run(cli, language, args);
    }

    @Test
    void listsTheRegisterInTheChosenLanguage() {
        assertThat(run(Locale.SIMPLIFIED_CHINESE, "assessment", "risks", id, "--as", username))
                .isZero();
        assertThat(io.out.toString()).contains("问题 1，未关闭 1", "高", "整改", "未定", "未定期限");
        assertThat(run(Locale.ENGLISH, "assessment", "risks", id, "--as", username))
                .isZero();
        assertThat(io.out.toString())
                .contains("Findings 1, open 1", "High", "Remediate", "Not set")
                .doesNotContain("REMEDIATE");
    }

    @Test
    void createsAFollowUpOnlyFromACompletedAssessment() throws Exception {
        assertThat(run(Locale.ENGLISH, "assessment", "follow-up", id, "--as", username))
                .isEqualTo(1);
        assertThat(io.err.toString()).contains("Only a completed assessment");
        SignOffFixture.complete(mvc, users, jdbc, id, assessor);
        assertThat(run(Locale.ENGLISH, "assessment", "follow-up", id, "--as", username))
                .isZero();
        assertThat(io.out.toString())
                .containsPattern("Follow-up assessment [0-9a-f-]{36} created \\(report number "
                        + "YJ-\\d{4}-\\d{6}\\), 1 items");
    }
}
