package org.yunjian.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.IfMatch;

/** The assessment pages render, re-render with the problems named, and keep strangers out. */
@org.yunjian.support.OnePass
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class AssessmentPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.yunjian.security.UserAdministration users;

    Fixtures.World w;
    CurrentUser assessor;

    @BeforeEach
    void world() {
        w = fixtures.world();
        assessor = user(w.assessor().id());
    }

    String create() throws Exception {
        String location = mvc.perform(post("/assessments")
                        .with(as(assessor))
                        .param("systemId", w.system().id().toString())
                        .param("name", "页面测评")
                        .param("assessor", "THIRD_PARTY:" + w.assessor().id())
                        .param("scope", "MLPS-L3"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/assessments/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void creationFormOffersTheEngagedAssessorAndTheSelfAssessments() throws Exception {
        mvc.perform(get("/assessments/new")
                        .param("systemId", w.system().id().toString())
                        .with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "THIRD_PARTY:" + w.assessor().id())))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "CUSTOMER_SELF:" + w.customer().id())));
    }

    @Test
    void creationFormOffersAsTeamOnlyTheUsersOfTheChosenAssessorAndTheRefusalKeepsTheTypedInput() throws Exception {
        java.util.UUID tester = account(w.assessor().id(), "第三方测评员");
        java.util.UUID customerUser = account(w.customer().id(), "客户自评员");
        String system = w.system().id().toString();
        // the first choice (the engaged third party) by default: its users only
        String first = mvc.perform(
                        get("/assessments/new").param("systemId", system).with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(first)
                .contains("value=\"" + tester + "\"")
                .doesNotContain("value=\"" + customerUser + "\"")
                .contains("hx-select=\"#assessment-team\"");
        // the assessor select reloads the team with the choice (htmx); the customer's users for a self-assessment
        mvc.perform(get("/assessments/new")
                        .param("systemId", system)
                        .param("assessor", "CUSTOMER_SELF:" + w.customer().id())
                        .with(as(assessor)))
                .andExpect(content().string(Matchers.containsString("value=\"" + customerUser + "\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"" + tester + "\""))))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "<option value=\"CUSTOMER_SELF:" + w.customer().id() + "\" selected=\"selected\"")));
        // without JS a tester of another organisation can still be sent: refused on its field, the typed input kept
        mvc.perform(post("/assessments")
                        .with(as(assessor))
                        .param("systemId", system)
                        .param("name", "保留的名称")
                        .param("assessor", "THIRD_PARTY:" + w.assessor().id())
                        .param("scope", "MLPS-L3")
                        .param("assessors", customerUser.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"assessors-error\"")))
                .andExpect(content().string(Matchers.containsString("value=\"保留的名称\"")))
                .andExpect(content().string(Matchers.containsString("value=\"" + tester + "\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"" + customerUser + "\""))));
    }

    private java.util.UUID account(java.util.UUID organization, String displayName) {
        String username = "team-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        return org.yunjian.security.TestAccounts.create(
                        users,
                        new org.yunjian.security.UserAdministration.NewUser(
                                username,
                                displayName,
                                org.yunjian.security.Role.USER,
                                organization,
                                "Assessor-Team-Test-2026!"))
                .id();
    }

    @Test
    void invalidCreationIsShownWithTheProblems() throws Exception {
        mvc.perform(post("/assessments")
                        .with(as(assessor))
                        .param("systemId", w.system().id().toString())
                        .param("name", "")
                        .param("assessor", "THIRD_PARTY:" + w.agent().id()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"form-errors\"")))
                .andExpect(content().string(Matchers.containsString("id=\"scope-error\"")));
    }

    @Test
    void projectAndItemPagesShowCriteriaBesideTheChoices() throws Exception {
        String id = create();
        mvc.perform(get("/assessments/{id}", id).with(as(assessor)).param("side", "CUSTOMER_SYSTEM"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("云鉴三档结论规则（判定阈值由平台设定，标准未规定）（第 2 版）")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-side=\"CLOUD_PLATFORM\""))));
        String page = mvc.perform(get("/assessments/{id}", id).with(as(assessor)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/assessment-items/([0-9a-f-]{36})")
                .matcher(page);
        org.assertj.core.api.Assertions.assertThat(m.find()).isTrue();
        String item = m.group(1);
        mvc.perform(get("/assessment-items/{id}", item).with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("class=\"criteria\"")))
                .andExpect(content().string(Matchers.containsString("<span>当前结论：</span><strong")));
        mvc.perform(get("/assessment-items/{id}", item).param("lang", "en").with(as(assessor)))
                .andExpect(content().string(Matchers.containsString("<span>Current verdict: </span><strong")));
        mvc.perform(post("/assessment-items/{id}/verdict", item)
                        .with(IfMatch.itemForm(jdbc, item))
                        .with(as(assessor))
                        .param("verdict", "NOT_APPLICABLE"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"reason-error\"")));
        mvc.perform(get("/assessment-items/{id}", item)
                        .with(as(user(w.stranger().id()))))
                .andExpect(status().isNotFound());
    }

    @Test
    void projectPageLinksTheReportsAndSaysTheyAreDraftsBeforeCompletion() throws Exception {
        String id = create();
        String page = mvc.perform(get("/assessments/{id}", id).with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the documents are written in the page's language, whatever the browser's Accept-Language says
        assertThat(page)
                .contains(
                        "id=\"download-docx\" href=\"/api/assessments/" + id + "/report.docx?lang=zh\"",
                        "id=\"download-pdf\" href=\"/api/assessments/" + id + "/report.pdf?lang=zh\"",
                        "id=\"download-oscal\" href=\"/api/assessments/" + id + "/oscal-results.json?lang=zh\"",
                        "id=\"download-oscal-plan\" href=\"/api/assessments/" + id + "/oscal-plan.json?lang=zh\"",
                        "id=\"download-oscal-plan-xml\" href=\"/api/assessments/" + id + "/oscal-plan.xml?lang=zh\"",
                        "id=\"download-oscal-poam\" href=\"/api/assessments/" + id + "/oscal-poam.json?lang=zh\"",
                        "id=\"download-oscal-poam-xml\" href=\"/api/assessments/" + id + "/oscal-poam.xml?lang=zh\"",
                        "导出 OSCAL 评估计划（JSON）",
                        "导出 OSCAL 行动计划与里程碑（XML）",
                        "id=\"report-draft\"");
    }
}
