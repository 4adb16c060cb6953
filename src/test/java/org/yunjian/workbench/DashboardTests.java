package org.yunjian.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.MutableClock;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;
import org.yunjian.support.TestDatabases;

/**
 * The dashboards on known data in a database of their own, with a settable clock: results by control point,
 * trend ordering, open and overdue remediation, totals, filters and who sees what.
 *
 * <p>The world: S1 (customer C, provider P, assessed by the third party T) has two completed assessments —
 * B completed first (2 compliant, a medium- and a high-risk finding: 50 %, 差, two remediation tasks) and A,
 * created before B but completed 30 days later (4 compliant: 100 %, 优). S2 (C, P) has C's self-assessment
 * (1 compliant, 1 high-risk finding: 50 %, 差, one task). S3 (C, no provider) has no assessment. Items not
 * recorded are pending and not scored.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({Fixtures.class, DashboardTests.ClockConfig.class})
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.yunjian.support.RunsBesideTheSuite
class DashboardTests {

    @TestConfiguration
    static class ClockConfig {
        @Bean
        @Primary
        MutableClock dashboardClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.fresh("dashboard", registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    org.yunjian.security.UserAdministration users;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    Fixtures.World w;
    CloudSystem s2;
    CloudSystem s3;
    CurrentUser assessor;
    CurrentUser customer;
    CurrentUser provider;
    String a;
    String b;
    String c;
    List<String> cps;
    Instant t0;

    @BeforeAll
    void world() throws Exception {
        t0 = Instant.parse("2026-11-21T02:00:00Z");
        clock.set(t0);
        w = fixtures.world();
        s2 = fixtures.system("二号系统 " + w.customer().name(), w.customer(), w.provider());
        s3 = fixtures.system("三号系统 " + w.customer().name(), w.customer(), null);
        assessor = user(w.assessor().id());
        customer = user(w.customer().id());
        provider = user(w.provider().id());

        a = create(assessor, w.system().id(), w.assessor().id(), "THIRD_PARTY", "年度测评 A");
        b = create(assessor, w.system().id(), w.assessor().id(), "THIRD_PARTY", "专项测评 B");
        c = create(customer, s2.id(), w.customer().id(), "CUSTOMER_SELF", "自评 C");
        List<String> bItems = items(b);
        cps = JsonPath.read(AssessmentItems.json(mvc, b, as(assessor)), "$[*].controlPoint");
        for (String id : List.of(a, b, c)) {
            move(id, "IN_PROGRESS", id.equals(c) ? customer : assessor);
        }
        verdict(bItems.get(0), "{\"verdict\":\"COMPLIANT\"}", assessor);
        verdict(bItems.get(1), "{\"verdict\":\"COMPLIANT\"}", assessor);
        verdict(
                bItems.get(2),
                "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"MEDIUM\",\"riskReason\":\"中\"}",
                assessor);
        verdict(bItems.get(3), "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"HIGH\",\"riskReason\":\"高\"}", assessor);
        complete(b, assessor);
        clock.advance(Duration.ofDays(30));
        for (String item : items(a).subList(0, 4)) {
            verdict(item, "{\"verdict\":\"COMPLIANT\"}", assessor);
        }
        complete(a, assessor);
        List<String> cItems = items(c);
        verdict(cItems.get(0), "{\"verdict\":\"COMPLIANT\"}", customer);
        verdict(cItems.get(1), "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"HIGH\",\"riskReason\":\"高\"}", customer);
        complete(c, customer);
        // due dates are chosen when a finding is planned (no default): B's tasks due 90 days after t0, C's 90 days
        // after it was recorded (t0 + 30 days)
        LocalDate day0 = LocalDate.ofInstant(t0, ZoneOffset.UTC);
        dueAll(b, day0.plusDays(90), assessor);
        dueAll(c, day0.plusDays(120), customer);
    }

    void dueAll(String assessment, LocalDate due, CurrentUser u) throws Exception {
        List<String> tasks =
                JsonPath.read(json(get("/api/assessments/{id}/remediations?size=200", assessment), u), "$.items[*].id");
        for (String task : tasks) {
            mvc.perform(put("/api/remediations/{id}", task)
                            .with(IfMatch.remediation(jdbc, task))
                            .with(as(u))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"dueDate\":\"" + due + "\"}"))
                    .andExpect(status().isOk());
        }
    }

    // --- helpers

    String json(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, CurrentUser u)
            throws Exception {
        return mvc.perform(request.with(as(u)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    String create(CurrentUser u, Object system, Object assessorOrg, String kind, String name) throws Exception {
        String body = mvc.perform(post("/api/assessments")
                        .with(as(u))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","systemId":"%s","assessorOrgId":"%s","assessorKind":"%s","scope":["MLPS-L3"]}""".formatted(name, system, assessorOrg, kind)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        // the figures of these tests are the 2021 template's 优 / 良 / 中 / 差 (gb-default); the 2025 template's
        // policy is checked on its own below
        template(id, "T2021");
        return id;
    }

    void template(String id, String template) {
        jdbc.sql("UPDATE assessment SET report_template = ? WHERE id = ?")
                .params(template, java.util.UUID.fromString(id))
                .update();
    }

    List<String> items(String id) throws Exception {
        return JsonPath.read(AssessmentItems.json(mvc, id, as(admin())), "$[*].id");
    }

    void move(String id, String to, CurrentUser u) throws Exception {
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(u))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"" + to + "\"}"))
                .andExpect(status().isOk());
    }

    void complete(String id, CurrentUser u) throws Exception {
        SignOffFixture.complete(mvc, users, jdbc, id, u);
    }

    void verdict(String item, String body, CurrentUser u) throws Exception {
        mvc.perform(put("/api/assessment-items/{id}/verdict", item)
                        .with(IfMatch.item(jdbc, item))
                        .with(as(u))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk());
    }

    String overview(CurrentUser u, Map<String, String> params) throws Exception {
        var request = get("/api/dashboard");
        params.forEach(request::param);
        return json(request, u);
    }

    static Object at(String json, String path) {
        return JsonPath.read(json, path);
    }

    @Test
    void eachAssessmentIsScoredUnderItsReportTemplatesPolicy() throws Exception {
        template(a, "T2025");
        try {
            String d = json(get("/api/dashboard/systems/{id}", w.system().id()), customer);
            assertThat(at(d, "$.latest.score.policyId")).isEqualTo("mlps-2025");
            assertThat(at(d, "$.latest.score.conclusion")).isEqualTo("CONFORMS");
            String o = overview(customer, Map.of());
            String s1 = "$.systems.items[?(@.systemId == '" + w.system().id() + "')]";
            assertThat((List<String>) JsonPath.read(o, s1 + ".conclusion")).containsExactly("CONFORMS");
            assertThat((List<String>) JsonPath.read(o, "$.policies[*].id")).containsExactly("gb-default", "mlps-2025");
        } finally {
            template(a, "T2021");
        }
    }

    // --- per system

    @Test
    void systemDashboardShowsTheLatestCompletedAssessmentByControlPointAndTheTrendInCompletionOrder() throws Exception {
        String d = json(get("/api/dashboard/systems/{id}", w.system().id()), customer);
        assertThat(at(d, "$.latest.assessmentId")).isEqualTo(a);
        assertThat(at(d, "$.latest.score.complianceRate")).isEqualTo(100.0);
        assertThat(at(d, "$.latest.score.conclusion")).isEqualTo("EXCELLENT");
        assertThat(at(d, "$.latest.score.policyId")).isEqualTo("gb-default");
        // issue 59: the reasons in words with a stable code, the policy named as the platform's — no message key
        assertThat((List<String>) JsonPath.read(d, "$.latest.score.reasons[*].code"))
                .containsExactly("excellent");
        assertThat((List<String>) JsonPath.read(d, "$.latest.score.reasons[*].text"))
                .containsExactly("符合率不低于 90%，且无中、高风险问题");
        assertThat(at(d, "$.latest.score.policyName")).isEqualTo("云鉴默认评分规则（分档由平台设定，标准未规定）（第 1 版）");
        assertThat(d).doesNotContain("assessment.reason").doesNotContain("\"key\"");
        assertThat((List<?>) at(d, "$.latest.score.byLayer")).isNotEmpty();
        List<String> groupNames = JsonPath.read(d, "$.latest.score.byControlPoint[*].name");
        assertThat(groupNames).containsExactlyElementsOf(cps.stream().distinct().toList());
        // trend: B (completed first) before A, although A was created first
        assertThat((List<String>) JsonPath.read(d, "$.trend[*].assessmentId")).containsExactly(b, a);
        assertThat((List<Double>) JsonPath.read(d, "$.trend[*].complianceRate")).containsExactly(50.0, 100.0);
        assertThat((List<String>) JsonPath.read(d, "$.trend[*].conclusion")).containsExactly("POOR", "EXCELLENT");
        assertThat((List<Integer>) JsonPath.read(d, "$.trend[*].highRisk")).containsExactly(1, 0);
        assertThat((List<Integer>) JsonPath.read(d, "$.trend[*].mediumRisk")).containsExactly(1, 0);
        assertThat(at(d, "$.openRemediations")).isEqualTo(2);
        assertThat(at(d, "$.assessmentsInProgress")).isEqualTo(0);
    }

    @Test
    void overdueMeansDueBeforeTodayByTheClockAndNotClosed() throws Exception {
        Instant saved = clock.instant();
        try {
            LocalDate due = LocalDate.ofInstant(t0, ZoneOffset.UTC).plusDays(90);
            clock.set(due.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600));
            String d = json(get("/api/dashboard/systems/{id}", w.system().id()), customer);
            assertThat(at(d, "$.today")).isEqualTo(due.toString());
            assertThat(at(d, "$.openRemediations")).isEqualTo(2);
            assertThat(at(d, "$.overdueRemediations"))
                    .as("due today is not overdue")
                    .isEqualTo(0);

            clock.advance(Duration.ofDays(1));
            d = json(get("/api/dashboard/systems/{id}", w.system().id()), customer);
            assertThat(at(d, "$.overdueRemediations")).isEqualTo(2);
            assertThat((List<Boolean>) JsonPath.read(d, "$.openTasks[*].overdue"))
                    .containsExactly(true, true);
            String o = overview(customer, Map.of());
            assertThat(at(o, "$.totals.overdueRemediations")).isEqualTo(2);
            assertThat(at(o, "$.totals.openRemediations")).isEqualTo(3);
            assertThat((List<String>)
                            JsonPath.read(overview(customer, Map.of("overdue", "true")), "$.systems.items[*].systemId"))
                    .containsExactly(w.system().id().toString());

            // a task marked done is closed: no longer open nor overdue
            String task = JsonPath.read(d, "$.openTasks[0].id");
            mvc.perform(put("/api/remediations/{id}", task)
                            .with(IfMatch.remediation(jdbc, task))
                            .with(as(customer))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"status\":\"DONE\"}"))
                    .andExpect(status().isOk());
            d = json(get("/api/dashboard/systems/{id}", w.system().id()), customer);
            assertThat(at(d, "$.openRemediations")).isEqualTo(1);
            assertThat(at(d, "$.overdueRemediations")).isEqualTo(1);
            // the task's own REST view counts overdue by the same clock
            mvc.perform(put("/api/remediations/{id}", task)
                            .with(IfMatch.remediation(jdbc, task))
                            .with(as(customer))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"status\":\"OPEN\"}"))
                    .andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.overdue")
                            .value(true));
            clock.advance(Duration.ofDays(-1));
            mvc.perform(get("/api/assessments/{id}/remediations", a)
                            .param("size", "200")
                            .with(as(customer)))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                                    "$.items[*].overdue")
                            .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(false))));
        } finally {
            clock.set(saved);
        }
    }

    // --- across systems

    @Test
    void overviewListsTheCallersSystemsWithLatestResultsTotalsAndWhereTheyFailMost() throws Exception {
        String o = overview(customer, Map.of());
        assertThat((List<String>) JsonPath.read(o, "$.systems.items[*].systemId"))
                .containsExactlyInAnyOrder(
                        w.system().id().toString(), s2.id().toString(), s3.id().toString());
        String s1 = "$.systems.items[?(@.systemId == '" + w.system().id() + "')]";
        assertThat((List<String>) JsonPath.read(o, s1 + ".latestAssessmentId")).containsExactly(a);
        assertThat((List<Double>) JsonPath.read(o, s1 + ".complianceRate")).containsExactly(100.0);
        assertThat((List<String>) JsonPath.read(o, s1 + ".conclusion")).containsExactly("EXCELLENT");
        assertThat((List<Integer>) JsonPath.read(o, s1 + ".openRemediations")).containsExactly(2);
        String two = "$.systems.items[?(@.systemId == '" + s2.id() + "')]";
        assertThat((List<Double>) JsonPath.read(o, two + ".complianceRate")).containsExactly(50.0);
        assertThat((List<String>) JsonPath.read(o, two + ".conclusion")).containsExactly("POOR");
        assertThat((List<Integer>) JsonPath.read(o, two + ".highRisk")).containsExactly(1);
        String three = "$.systems.items[?(@.systemId == '" + s3.id() + "')]";
        assertThat((List<Object>) JsonPath.read(o, three + ".conclusion")).containsExactly((Object) null);

        assertThat(at(o, "$.totals.systems")).isEqualTo(3);
        assertThat(at(o, "$.totals.assessed")).isEqualTo(2);
        assertThat(at(o, "$.totals.byConclusion.EXCELLENT")).isEqualTo(1);
        assertThat(at(o, "$.totals.byConclusion.POOR")).isEqualTo(1);
        assertThat(at(o, "$.totals.highRisk")).isEqualTo(1);
        assertThat(at(o, "$.totals.openRemediations")).isEqualTo(3);
        assertThat(at(o, "$.totals.overdueRemediations")).isEqualTo(0);
        assertThat(at(o, "$.totals.meanComplianceRate")).isEqualTo(75.0);

        // S2's finding is on the second item's control point: that control point comes first, failing in 1 system
        String failing = cps.get(1);
        assertThat(at(o, "$.controlPoints[0].controlPoint")).isEqualTo(failing);
        assertThat(at(o, "$.controlPoints[0].systemsWithFindings")).isEqualTo(1);
        assertThat(at(o, "$.controlPoints[0].nonCompliant")).isEqualTo(1);
        assertThat(at(o, "$.controlPoints[0].systems")).isEqualTo(2);
        assertThat((List<Integer>) JsonPath.read(o, "$.controlPoints[1:].systemsWithFindings"))
                .containsOnly(0);
    }

    @Test
    void overviewFilters() throws Exception {
        assertThat((List<String>)
                        JsonPath.read(overview(customer, Map.of("conclusion", "POOR")), "$.systems.items[*].systemId"))
                .containsExactly(s2.id().toString());
        assertThat((List<String>)
                        JsonPath.read(overview(customer, Map.of("conclusion", "NONE")), "$.systems.items[*].systemId"))
                .containsExactly(s3.id().toString());
        String o = overview(customer, Map.of("q", "二号"));
        assertThat((List<String>) JsonPath.read(o, "$.systems.items[*].systemId"))
                .containsExactly(s2.id().toString());
        assertThat(at(o, "$.totals.systems")).isEqualTo(1);
        assertThat(at(o, "$.totals.openRemediations")).isEqualTo(1);
        assertThat((List<String>) JsonPath.read(overview(customer, Map.of("level", "2")), "$.systems.items"))
                .isEmpty();
        mvc.perform(get("/api/dashboard").param("conclusion", "PERFECT").with(as(customer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.conclusion").exists());
        mvc.perform(get("/api/dashboard").param("level", "9").with(as(customer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.level").exists());
    }

    // --- visibility

    @Test
    void aProviderSeesOnlyTheSystemsItProvides() throws Exception {
        // the customer's overview first, by the same statements with other values: H2 reused its page for the
        // provider (parameters inside WITH, EmbeddedH2.withoutResultReuse)
        overview(customer, Map.of());
        String o = overview(provider, Map.of());
        assertThat((List<String>) JsonPath.read(o, "$.systems.items[*].systemId"))
                .containsExactlyInAnyOrder(w.system().id().toString(), s2.id().toString());
        assertThat(at(o, "$.totals.highRisk")).isEqualTo(1);
        json(get("/api/dashboard/systems/{id}", s2.id()), provider);
        mvc.perform(get("/api/dashboard/systems/{id}", s3.id()).with(as(provider)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theAssessorSeesOnlyItsOwnAssessmentsAndTheAgentNone() throws Exception {
        String o = overview(assessor, Map.of());
        assertThat((List<String>) JsonPath.read(o, "$.systems.items[*].systemId"))
                .containsExactly(w.system().id().toString());
        assertThat(at(o, "$.systems.items[0].latestAssessmentId")).isEqualTo(a);
        mvc.perform(get("/api/dashboard/systems/{id}", s2.id()).with(as(assessor)))
                .andExpect(status().isNotFound());

        CurrentUser agent = user(w.agent().id());
        o = overview(agent, Map.of());
        assertThat((List<String>) JsonPath.read(o, "$.systems.items[*].systemId"))
                .containsExactly(w.system().id().toString());
        assertThat(at(o, "$.systems.items[0].latestAssessmentId")).isNull();
        assertThat(at(o, "$.systems.items[0].openRemediations")).isEqualTo(0);
        String d = json(get("/api/dashboard/systems/{id}", w.system().id()), agent);
        assertThat(at(d, "$.latest")).isNull();
        assertThat((List<?>) at(d, "$.trend")).isEmpty();
        assertThat((List<?>) at(d, "$.openTasks")).isEmpty();
    }

    @Test
    void anotherOrganisationsSystemIsNotFoundAndNotListed() throws Exception {
        CurrentUser stranger = user(w.stranger().id());
        String o = overview(stranger, Map.of());
        assertThat((List<String>) JsonPath.read(o, "$.systems.items[*].systemId"))
                .containsExactly(w.strangersSystem().id().toString());
        assertThat(at(o, "$.totals.openRemediations")).isEqualTo(0);
        assertThat((List<?>) at(o, "$.controlPoints")).isEmpty();
        mvc.perform(get("/api/dashboard/systems/{id}", w.system().id()).with(as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/systems/{id}", w.system().id()).with(as(stranger)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theSystemAdministratorSeesEverySystem() throws Exception {
        String o = overview(admin(), Map.of());
        assertThat(at(o, "$.totals.systems")).isEqualTo(4);
        assertThat(at(o, "$.totals.assessed")).isEqualTo(2);
    }

    // --- pages

    @Test
    void pagesShowTablesAndSvgCharts() throws Exception {
        String page = mvc.perform(get("/dashboard").with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "id=\"dashboard-systems\"",
                        "id=\"dashboard-control-points\"",
                        "<svg",
                        w.system().name(),
                        s2.name(),
                        "id=\"chart-failing\"",
                        "id=\"nav-dashboard\"");
        assertThat(page).doesNotContain("style=", w.strangersSystem().name());

        String system = mvc.perform(get("/dashboard/systems/{id}", w.system().id())
                        .with(as(customer))
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(system)
                .contains(
                        "Trend across assessments",
                        "id=\"chart-trend\"",
                        "<polyline",
                        "id=\"results-by-control-point\"",
                        "id=\"open-tasks\"");
        assertThat(system.indexOf("data-assessment=\"" + b + "\""))
                .isPositive()
                .isLessThan(system.indexOf("data-assessment=\"" + a + "\""));
        assertThat(system).doesNotContain("style=");
    }
}
