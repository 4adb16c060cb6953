package org.yunjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.other;
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
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.support.AssessmentItems;

/** "My work": items to assess, reviews, remediation tasks and evidence requests — each only for whom they wait. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class MyWorkTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    Fixtures.World w;
    CurrentUser tester;
    CurrentUser reviewer;
    CurrentUser customer;
    CurrentUser provider;
    CurrentUser stranger;

    @BeforeEach
    void world() {
        w = fixtures.world();
        tester = user(w.assessor().id());
        reviewer = user(w.assessor().id());
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        stranger = user(w.stranger().id());
    }

    String create(String name) throws Exception {
        String body = mvc.perform(post("/api/assessments").with(as(tester)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY",
                                 "assessors":[],"scope":["MLPS-L3"]}""".formatted(name, w.system().id(), w.assessor().id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        // the team: the tester records, the reviewer reviews (one role each)
        jdbc.sql("INSERT INTO assessment_assessor (assessment_id, user_id, role) VALUES (?,?,'TESTER')")
                .params(UUID.fromString(id), tester.userId()).update();
        jdbc.sql("INSERT INTO assessment_assessor (assessment_id, user_id, role) VALUES (?,?,'REVIEWER')")
                .params(UUID.fromString(id), reviewer.userId()).update();
        return id;
    }

    void move(String id, String to) throws Exception {
        if (to.equals("IN_REVIEW")) {
            SignOffFixture.fillGaps(jdbc, id);
        }
        mvc.perform(post("/api/assessments/{id}/transitions", id).with(as(tester))
                .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"" + to + "\"}")).andExpect(status().isOk());
    }

    String myWork(CurrentUser u) throws Exception {
        return mvc.perform(get("/my-work").with(as(u))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void testerSeesTheUnrecordedItemsOfTheirOpenAssessments() throws Exception {
        String id = create("我的测评 A");
        String page = myWork(tester);
        assertThat(page).contains("我的测评 A", "data-assessment=\"" + id + "\"", "项未测评", "id=\"my-reviews-empty\"",
                "id=\"my-requests-empty\"");
        mvc.perform(get("/api/my-work").with(as(tester))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.items[?(@.assessment.id == '" + id + "')].unrecorded").value(
                        org.hamcrest.Matchers.contains(org.hamcrest.Matchers.greaterThan(50))))
                .andExpect(jsonPath("$.evidenceRequests.items").isEmpty())
                .andExpect(jsonPath("$.evidenceRequests.total").value(0));
        // the reviewer does not record: nothing to assess for them
        assertThat(myWork(reviewer)).doesNotContain("data-assessment=\"" + id + "\"");
    }

    @Test
    void reviewerSeesAssessmentsInReviewAndTheTesterNoLonger() throws Exception {
        String id = create("待审核的测评");
        move(id, "IN_PROGRESS");
        move(id, "IN_REVIEW");
        String page = myWork(reviewer);
        assertThat(page).contains("id=\"my-reviews\"", "待审核的测评", "审核");
        assertThat(page).doesNotContain("id=\"my-reviews-empty\"");
        assertThat(myWork(tester)).doesNotContain("data-assessment=\"" + id + "\"");
        mvc.perform(get("/api/my-work").with(as(reviewer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.reviews.items[0].assessment.id").value(id))
                .andExpect(jsonPath("$.reviews.items[0].role").value("REVIEWER"));
    }

    @Test
    void responsibleOrganisationSeesItsOpenRemediationTasks() throws Exception {
        String id = create("整改的测评");
        move(id, "IN_PROGRESS");
        List<String> items = JsonPath.read(AssessmentItems.json(mvc, id, as(tester), "side", "CUSTOMER_SYSTEM"), "$[*].id");
        mvc.perform(put("/api/assessments/{id}/verdicts", id).with(as(tester)).contentType(MediaType.APPLICATION_JSON)
                        .content(("[{\"itemId\":\"%s\",\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"HIGH\",\"riskReason\":\"无备份\",\"version\":0},"
                                + "{\"itemId\":\"%s\",\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"HIGH\",\"riskReason\":\"无日志\",\"version\":0}]")
                                .formatted(items.get(0), items.get(1))))
                .andExpect(status().isOk());
        assertThat(myWork(customer)).contains("id=\"my-tasks-table\"", "/assessment-items/" + items.get(0));
        assertThat(myWork(provider)).contains("id=\"my-tasks-empty\"");
        mvc.perform(get("/api/my-work").with(as(customer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.remediationTasks.items[0].itemId").value(items.get(0)))
                .andExpect(jsonPath("$.remediationTasks.total").value(2));
        // one task a page, read in SQL: the second page holds the second task, the total stays 2
        mvc.perform(get("/api/my-work?size=1&page=2").with(as(customer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.remediationTasks.items.length()").value(1))
                .andExpect(jsonPath("$.remediationTasks.items[0].itemId").value(items.get(1)))
                .andExpect(jsonPath("$.remediationTasks.total").value(2))
                .andExpect(jsonPath("$.remediationTasks.pages").value(2));
        assertThat(mvc.perform(get("/my-work?size=1").with(as(customer))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("id=\"my-tasks-pager\"", "page=2&amp;size=1");
        // an archived assessment's tasks no longer wait: neither listed nor counted
        jdbc.sql("UPDATE assessment SET status = 'ARCHIVED' WHERE id = ?").param(UUID.fromString(id)).update();
        mvc.perform(get("/api/my-work").with(as(customer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.remediationTasks.total").value(0));
    }

    @Test
    void strangersSeeNoneOfIt() throws Exception {
        String id = create("别人的测评");
        move(id, "IN_PROGRESS");
        String page = myWork(stranger);
        assertThat(page).doesNotContain(id).contains("id=\"my-items-empty\"", "id=\"my-reviews-empty\"",
                "id=\"my-tasks-empty\"", "id=\"my-requests-empty\"");
        mvc.perform(get("/api/my-work").with(as(stranger))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.items").isEmpty()).andExpect(jsonPath("$.reviews.items").isEmpty())
                .andExpect(jsonPath("$.remediationTasks.items").isEmpty())
                .andExpect(jsonPath("$.remediationTasks.total").value(0));
        mvc.perform(get("/api/my-work").param("page", "x").with(as(stranger))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.page").exists());
        // my work belongs to a business user
        mvc.perform(get("/api/my-work").with(as(other(Role.SYSTEM_ADMIN)))).andExpect(status().isForbidden());
    }
}
