package org.yunjian.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.assessment.AssessmentCompleted;
import org.yunjian.assessment.AssessorKind;
import org.yunjian.demo.DemoData;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.support.IfMatch;

/**
 * Issue 59, "Periodic duties fall due at the wrong time", through the real services, pages and database: each
 * finding on a fresh system (the fixtures' level-3 government website on a public cloud) and on the demo data as
 * seeded at first start. The domain rules alone are {@link DutiesFallDueTest}.
 */
@SpringBootTest(properties = "yunjian.demo=true")
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class DutiesFallDueTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    UserAdministration users;

    @Autowired
    Parties parties;

    @Autowired
    org.yunjian.obligations.internal.ObligationBackfill backfill;

    @Autowired
    org.yunjian.party.internal.SystemService systems;

    Fixtures.World w;
    CurrentUser customer;
    String base;
    LocalDate today;
    /** The day in the users' zone on which this context seeded the demo ({@link #demoDay()}). */
    LocalDate demoDay;

    @BeforeEach
    void world() {
        w = fixtures.world();
        customer = user(w.customer().id());
        base = "/api/systems/" + w.system().id() + "/lifecycle/obligations";
        today = LocalDate.now(Formats.zone());
        demoDay = demoDay();
    }

    /**
     * The day in the users' zone on which this context seeded the demo: the demo's dates are relative to it, and a
     * run that passes midnight in Beijing (16:00 UTC) would otherwise expect them one day later.
     */
    LocalDate demoDay() {
        return LocalDate.ofInstant(java.time.Instant.ofEpochMilli(context.getStartupDate()), Formats.zone());
    }

    ResultActions call(MockHttpServletRequestBuilder b, CurrentUser u) throws Exception {
        return mvc.perform(b.with(as(u)).contentType(MediaType.APPLICATION_JSON));
    }

    ResultActions generate(CurrentUser u, LocalDate start) throws Exception {
        return call(post(base + "/generate").content("{\"startDate\":\"" + start + "\"}"), u);
    }

    ResultActions complete(CurrentUser u, String kind, LocalDate doneOn) throws Exception {
        return call(
                post(base + "/" + kind + "/completions")
                        .content("{\"doneOn\":\"" + doneOn + "\"}")
                        .with(IfMatch.current(
                                jdbc,
                                "lifecycle_obligation",
                                java.util.Map.of("system_id", w.system().id(), "kind", kind))),
                u);
    }

    String html(String path, CurrentUser u) throws Exception {
        return mvc.perform(get(path).with(as(u)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    CloudSystem demoSystem(CurrentUser u, String name) {
        CloudSystem[] s = new CloudSystem[1];
        SeedActor.run(
                u,
                () -> s[0] = parties.visibleSystems().stream()
                        .filter(x -> x.name().equals(name))
                        .findFirst()
                        .orElseThrow());
        return s[0];
    }

    /** The row of {@code kind} on an obligations page. */
    static String row(String page, String kind) {
        int at = page.indexOf("id=\"obligation-" + kind + "\"");
        assertThat(at).as(kind).isPositive();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    /**
     * gov 8.5 b) "每两年至少开展各典型类别安全事件的应急演练一次" (gov-website-cloud-security-guide.txt line 329): on a
     * fresh system a category's drill held 14 months ago is not overdue — it is due 24 months after it, and its
     * interval is the text's (no platform-default label); a kind the text gives no number is labelled the platform's
     * default, which the customer can change.
     */
    @Test
    @DisplayName("gov 8.5 b) fresh system: a drill held 14 months ago is due at 24 months; unstated ones labelled")
    void gov8_5b_aFreshSystemsDrillFallsDueAfterTwoYears() throws Exception {
        generate(customer, today.minusMonths(20)).andExpect(status().isCreated());
        complete(customer, "DRILL_MALWARE", today.minusMonths(14))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intervalMonths").value(24))
                .andExpect(jsonPath("$.nextDue")
                        .value(today.minusMonths(14).plusMonths(24).toString()))
                .andExpect(jsonPath("$.status").value("UPCOMING"))
                .andExpect(jsonPath("$.intervalDefault").value(false));
        String page = html("/systems/" + w.system().id() + "/lifecycle/obligations?size=50", customer);
        assertThat(row(page, "DRILL_MALWARE")).contains("24 个月").doesNotContain("interval-default", "已逾期");
        assertThat(row(page, "VULNERABILITY_SCAN")).contains("3 个月", "平台默认周期（标准未规定具体周期；云服务客户可在“本单位周期设置”中修改）");
        // the customer changes the platform's default: its own interval is no platform default any more
        call(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                        "/api/lifecycle/intervals")
                                .content("{\"kind\":\"VULNERABILITY_SCAN\",\"months\":\"2\",\"version\":0}"),
                        customer)
                .andExpect(status().isOk());
        call(get(base), customer)
                .andExpect(jsonPath("$.items[?(@.kind == 'VULNERABILITY_SCAN')].intervalMonths")
                        .value(hasItem(2)))
                .andExpect(jsonPath("$.items[?(@.kind == 'VULNERABILITY_SCAN')].intervalDefault")
                        .value(hasItem(false)));
    }

    /** gov 8.5 b) on the demo data: the portal's defacement drill, held 14 months ago, is due at 24 months. */
    @Test
    @DisplayName("gov 8.5 b) demo: the portal's drill held 14 months ago is not overdue but due 24 months after it")
    void gov8_5b_theDemoPortalsDrillOf14MonthsAgoIsNotOverdue() throws Exception {
        CurrentUser demoCustomer =
                SeedActor.account(users, DemoData.CUSTOMER_USER).orElseThrow();
        CloudSystem portal = demoSystem(demoCustomer, DemoData.PORTAL_SYSTEM);
        call(get("/api/systems/" + portal.id() + "/lifecycle/obligations/DRILL_INFORMATION_DESTRUCTION"), demoCustomer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lastDone").value(demoDay.minusMonths(14).toString()))
                .andExpect(jsonPath("$.intervalMonths").value(24))
                .andExpect(jsonPath("$.nextDue")
                        .value(demoDay.minusMonths(14).plusMonths(24).toString()))
                .andExpect(jsonPath("$.status").value("UPCOMING"));
        String page = html("/systems/" + portal.id() + "/lifecycle/obligations?size=50", demoCustomer);
        assertThat(row(page, "DRILL_INFORMATION_DESTRUCTION"))
                .contains("24 个月", Formats.date(demoDay.minusMonths(14).plusMonths(24)))
                .doesNotContain("已逾期");
        // the one overdue drill of the demo is the one last held more than two years ago
        assertThat(row(page, "DRILL_NETWORK_ATTACK")).contains("已逾期");
    }

    /**
     * 等级测评 completed only by a 测评机构's assessment under 等保: on a fresh system a customer's self-assessment, a
     * provider's, and a third party's NIST-only assessment leave the 等保 assessment obligation undone; a third-party
     * assessment of MLPS-L3 completes it on its completion day.
     */
    @Test
    @DisplayName(
            "等级测评 fresh system: self-assessments and NIST-only assessments do not complete it; a 测评机构's 等保 one does")
    void onlyAThirdPartyMlpsAssessmentCompletesTheObligationOnAFreshSystem() throws Exception {
        generate(customer, today.plusMonths(1)).andExpect(status().isCreated());
        Instant assessed =
                today.minusDays(2).atTime(10, 0).atZone(Formats.zone()).toInstant();
        publish(new AssessmentCompleted(
                UUID.randomUUID(), w.system().id(), assessed, AssessorKind.CUSTOMER_SELF, List.of("MLPS-L3")));
        publish(new AssessmentCompleted(
                UUID.randomUUID(), w.system().id(), assessed, AssessorKind.PROVIDER_SELF, List.of("MLPS-L3")));
        publish(new AssessmentCompleted(
                UUID.randomUUID(),
                w.system().id(),
                assessed,
                AssessorKind.THIRD_PARTY,
                List.of("CATALOG:NIST-SP-800-53")));
        call(get(base + "/MLPS_ASSESSMENT"), customer)
                .andExpect(jsonPath("$.lastDone").doesNotExist())
                .andExpect(jsonPath("$.nextDue").value(today.plusMonths(1).toString()));
        assertThat(assessmentCompletions(w.system().id())).isZero();
        publish(new AssessmentCompleted(
                UUID.randomUUID(), w.system().id(), assessed, AssessorKind.THIRD_PARTY, List.of("MLPS-L3")));
        call(get(base + "/MLPS_ASSESSMENT"), customer)
                .andExpect(jsonPath("$.lastDone").value(today.minusDays(2).toString()))
                .andExpect(jsonPath("$.nextDue")
                        .value(today.minusDays(2).plusMonths(12).toString()));
        assertThat(assessmentCompletions(w.system().id())).isEqualTo(1);
    }

    /** 等级测评 on the demo data: the portal's 等保 obligation is completed by the demo 测评机构's completed assessment. */
    @Test
    @DisplayName("等级测评 demo: the portal's 等保 obligation counts from the third-party 等保 assessment")
    void theDemoPortalsMlpsObligationComesFromTheThirdPartyAssessment() {
        CurrentUser demoCustomer =
                SeedActor.account(users, DemoData.CUSTOMER_USER).orElseThrow();
        CloudSystem portal = demoSystem(demoCustomer, DemoData.PORTAL_SYSTEM);
        List<String> completed =
                jdbc.sql("""
                        SELECT a.assessor_kind FROM assessment a WHERE a.system_id = ? AND a.completed_at IS NOT NULL""").param(portal.id()).query(String.class).list();
        assertThat(completed).containsOnly("THIRD_PARTY");
        // one completion per completed third-party assessment at most: the classes sharing this demo context may
        // complete another one of the portal before this test runs
        assertThat(assessmentCompletions(portal.id())).isPositive().isLessThanOrEqualTo(completed.size());
    }

    /**
     * gov 8.2.3 c) "…向云服务客户提供安全服务，并定期提供服务报告" (gov-website-cloud-security-guide.txt line 275), the
     * 云服务代理商's duty: on a fresh system with a system integrator and a security service provider, each has its own
     * service report in the calendar; each agent records its own; the customer names which one (a 400 naming
     * {@code responsible} otherwise).
     */
    @Test
    @DisplayName("gov 8.2.3 c) fresh system: every agent has its service report; completions name the agent's")
    void gov8_2_3c_everyAgentOfAFreshSystemHasItsServiceReport() throws Exception {
        var security = fixtures.organization(
                "安全服务商 " + UUID.randomUUID().toString().substring(0, 6),
                org.yunjian.catalog.PartyRole.AGENT_SECURITY_SERVICE);
        CloudSystem s = fixtures.system(
                "两个代理商的网站 " + UUID.randomUUID().toString().substring(0, 6),
                w.customer(),
                w.provider(),
                new CloudSystem.Agent(w.agent().id(), org.yunjian.catalog.PartyRole.AGENT_SYSTEM_INTEGRATOR),
                new CloudSystem.Agent(security.id(), org.yunjian.catalog.PartyRole.AGENT_SECURITY_SERVICE));
        String sys = "/api/systems/" + s.id() + "/lifecycle/obligations";
        call(post(sys + "/generate").content("{\"startDate\":\"" + today.plusMonths(1) + "\"}"), customer)
                .andExpect(status().isCreated());
        call(get(sys).param("q", "AGENT_SERVICE_REPORT"), customer)
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].responsibleOrganizationId")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                w.agent().id().toString(), security.id().toString())));
        // the integrator records its own report: no need to name it
        CurrentUser integrator = user(w.agent().id());
        call(
                        post(sys + "/AGENT_SERVICE_REPORT/completions")
                                .content("{\"doneOn\":\"" + today.minusDays(1) + "\"}")
                                .with(agentVersion(s, w.agent().id())),
                        integrator)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.responsibleOrganizationId")
                        .value(w.agent().id().toString()));
        // the customer sees both: it names which
        call(
                        post(sys + "/AGENT_SERVICE_REPORT/completions")
                                .content("{\"doneOn\":\"" + today + "\"}")
                                .with(agentVersion(s, security.id())),
                        customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.responsible").exists());
        call(
                        post(sys + "/AGENT_SERVICE_REPORT/completions")
                                .param("responsible", "not-an-id")
                                .content("{\"doneOn\":\"" + today + "\"}")
                                .with(agentVersion(s, security.id())),
                        customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.responsible").exists());
        call(
                        post(sys + "/AGENT_SERVICE_REPORT/completions")
                                .param("responsible", security.id().toString())
                                .content("{\"doneOn\":\"" + today + "\"}")
                                .with(agentVersion(s, security.id())),
                        customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.responsibleOrganizationId")
                        .value(security.id().toString()))
                .andExpect(jsonPath("$.lastDone").value(today.toString()));
        String page = html("/systems/" + s.id() + "/lifecycle/obligations?size=50", customer);
        assertThat(row(page, "AGENT_SERVICE_REPORT-" + w.agent().id()))
                .contains(w.agent().name());
        assertThat(row(page, "AGENT_SERVICE_REPORT-" + security.id()))
                .contains(security.name(), "name=\"responsible\" value=\"" + security.id() + "\"");
    }

    org.springframework.test.web.servlet.request.RequestPostProcessor agentVersion(CloudSystem s, UUID agent) {
        return IfMatch.current(
                jdbc,
                "lifecycle_obligation",
                java.util.Map.of("system_id", s.id(), "kind", "AGENT_SERVICE_REPORT", "responsible_org", agent));
    }

    /** gov 8.2.3 c) on the demo data: the portal's system integrator and its security service each report. */
    @Test
    @DisplayName("gov 8.2.3 c) demo: the portal's integrator and security service each have their service report")
    void gov8_2_3c_bothAgentsOfTheDemoPortalReport() {
        CurrentUser demoCustomer =
                SeedActor.account(users, DemoData.CUSTOMER_USER).orElseThrow();
        CloudSystem portal = demoSystem(demoCustomer, DemoData.PORTAL_SYSTEM);
        assertThat(jdbc.sql("""
                        SELECT o.name FROM lifecycle_obligation l JOIN organization o ON o.id = l.responsible_org
                        WHERE l.system_id = ? AND l.kind = 'AGENT_SERVICE_REPORT' AND l.superseded_at IS NULL""").param(portal.id()).query(String.class).list())
                .containsExactlyInAnyOrder(DemoData.INTEGRATOR.name(), DemoData.SECURITY_SERVICE.name());
    }

    /**
     * JR/T 7.3 "行业云应参与证券期货业信息安全联合应急演练" (jrt-securities-futures-cloud-security-spec.txt line 544): on a
     * fresh securities system on a 行业云 the operator (its provider) has the joint drill, the customer its part of
     * 6.3.3; a joint drill held completes both.
     */
    @Test
    @DisplayName("JR/T 7.3 fresh 行业云: the operator has the joint industry drill; a joint drill completes both parts")
    void jrt7_3_theOperatorOfAFreshIndustryCloudHasTheJointDrill() throws Exception {
        CloudSystem s = runAs(
                org.yunjian.party.PartyTestSupport.admin(),
                () -> systems.create(new org.yunjian.party.internal.Inputs.SystemInput(
                        "行业云交易系统 " + UUID.randomUUID().toString().substring(0, 6),
                        w.customer().id().toString(),
                        "3",
                        "COMMUNITY",
                        "IAAS",
                        "SECURITIES_FUTURES",
                        "IMPORTANT",
                        List.of("上海"),
                        w.provider().id().toString(),
                        List.of())));
        String sys = "/api/systems/" + s.id() + "/lifecycle/obligations";
        call(post(sys + "/generate").content("{\"startDate\":\"" + today.plusMonths(1) + "\"}"), customer)
                .andExpect(status().isCreated());
        call(get(sys + "/OPERATOR_JOINT_DRILL"), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.responsibleOrganizationId")
                        .value(w.provider().id().toString()))
                .andExpect(jsonPath("$.sources[0].requirementId").value("JRT-SF-7.3-8"))
                .andExpect(jsonPath("$.intervalDefault").value(true));
        call(get(sys + "/INDUSTRY_JOINT_DRILL"), customer)
                .andExpect(jsonPath("$.responsibleOrganizationId")
                        .value(w.customer().id().toString()));
        LocalDate held = today.minusDays(4);
        runAs(
                customer,
                () -> tx.executeWithoutResult(
                        x -> events.publishEvent(new DrillHeld(s.id(), held, DrillCategory.INDUSTRY_JOINT))));
        for (String kind : List.of("OPERATOR_JOINT_DRILL", "INDUSTRY_JOINT_DRILL")) {
            call(get(sys + "/" + kind), customer)
                    .andExpect(jsonPath("$.lastDone").value(held.toString()));
        }
    }

    /** JR/T 7.3 on the demo data: the securities company's 行业云 system — its operator, the demo provider, has it. */
    @Test
    @DisplayName("JR/T 7.3 demo: the demo provider, operator of the securities system's 行业云, has the joint drill")
    void jrt7_3_theDemoIndustryCloudsOperatorHasTheJointDrill() throws Exception {
        CurrentUser securities =
                SeedActor.account(users, DemoData.SECURITIES_USER).orElseThrow();
        CloudSystem system = demoSystem(securities, DemoData.SECURITIES_SYSTEM);
        call(get("/api/systems/" + system.id() + "/lifecycle/obligations/OPERATOR_JOINT_DRILL"), securities)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.responsibleOrganization").value(DemoData.PROVIDER.name()));
        CurrentUser provider = SeedActor.account(users, DemoData.PROVIDER_USER).orElseThrow();
        assertThat(html("/systems/" + system.id() + "/lifecycle/obligations", provider))
                .contains("id=\"obligation-OPERATOR_JOINT_DRILL\"", "行业云应参与证券期货业信息安全联合应急演练。");
    }

    /**
     * Issue 59 for installations upgraded, gov 8.2.3 c) "…向云服务客户提供安全服务，并定期提供服务报告" (every 云服务代理商's
     * duty) and JR/T 7.3 "行业云应参与证券期货业信息安全联合应急演练": calendars generated before these were generation's —
     * the first agent's report only, no operator drill — get the missing rows from the same generation code, once: the
     * second run adds nothing; a system whose calendar was never generated gets none; the demo, generated with them,
     * gets none.
     */
    @Test
    @DisplayName(
            "gov 8.2.3 c), JR/T 7.3: calendars generated the old way get every agent's report and the operator drill, once")
    void gov8_2_3c_jrt7_3_calendarsGeneratedBeforeGetTheMissingRowsOnce() throws Exception {
        var security = fixtures.organization(
                "安全服务商 " + UUID.randomUUID().toString().substring(0, 6),
                org.yunjian.catalog.PartyRole.AGENT_SECURITY_SERVICE);
        CloudSystem website = fixtures.system(
                "升级前的网站 " + UUID.randomUUID().toString().substring(0, 6),
                w.customer(),
                w.provider(),
                new CloudSystem.Agent(w.agent().id(), org.yunjian.catalog.PartyRole.AGENT_SYSTEM_INTEGRATOR),
                new CloudSystem.Agent(security.id(), org.yunjian.catalog.PartyRole.AGENT_SECURITY_SERVICE));
        CloudSystem cloud = industryCloud();
        for (CloudSystem s : List.of(website, cloud)) {
            call(
                            post("/api/systems/" + s.id() + "/lifecycle/obligations/generate")
                                    .content("{\"startDate\":\"" + today.minusMonths(3) + "\"}"),
                            customer)
                    .andExpect(status().isCreated());
        }
        // as generated before issue 59: the first agent's report only, no operator drill
        jdbc.sql("DELETE FROM lifecycle_obligation WHERE system_id = ? AND kind = 'AGENT_SERVICE_REPORT' "
                        + "AND responsible_org = ?")
                .params(website.id(), security.id())
                .update();
        jdbc.sql("DELETE FROM lifecycle_obligation WHERE system_id = ? AND kind = 'OPERATOR_JOINT_DRILL'")
                .param(cloud.id())
                .update();
        CloudSystem never = industryCloud(); // its customer never generated its calendar
        int websiteRows = rows(website);
        int cloudRows = rows(cloud);

        assertThat(backfill.run()).isGreaterThanOrEqualTo(2);

        assertThat(jdbc.sql("SELECT responsible_org FROM lifecycle_obligation WHERE system_id = ? "
                                + "AND kind = 'AGENT_SERVICE_REPORT' AND superseded_at IS NULL")
                        .param(website.id())
                        .query(UUID.class)
                        .list())
                .containsExactlyInAnyOrder(w.agent().id(), security.id());
        assertThat(jdbc.sql("SELECT responsible_org, start_date, created_by FROM lifecycle_obligation "
                                + "WHERE system_id = ? AND kind = 'OPERATOR_JOINT_DRILL' AND superseded_at IS NULL")
                        .param(cloud.id())
                        .query((r, n) ->
                                List.of(r.getObject(1, UUID.class), r.getObject(2, LocalDate.class), r.getString(3)))
                        .list())
                .containsExactly(List.of(w.provider().id(), today, "system"));
        assertThat(rows(website)).isEqualTo(websiteRows + 1);
        assertThat(rows(cloud)).isEqualTo(cloudRows + 1);
        assertThat(rows(never)).isZero();
        // the new rows show on the pages as generation's do, and nothing is listed as still to generate
        call(get("/api/systems/" + cloud.id() + "/lifecycle/obligations/OPERATOR_JOINT_DRILL"), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.responsibleOrganizationId")
                        .value(w.provider().id().toString()));
        assertThat(html("/systems/" + website.id() + "/lifecycle/obligations?size=50", customer))
                .contains("id=\"obligation-AGENT_SERVICE_REPORT-" + security.id() + "\"");

        // once: a second run adds nothing, here or on the demo's calendars
        CurrentUser demoCustomer =
                SeedActor.account(users, DemoData.CUSTOMER_USER).orElseThrow();
        CloudSystem portal = demoSystem(demoCustomer, DemoData.PORTAL_SYSTEM);
        int portalRows = rows(portal);
        assertThat(backfill.run()).isZero();
        assertThat(rows(website)).isEqualTo(websiteRows + 1);
        assertThat(rows(cloud)).isEqualTo(cloudRows + 1);
        assertThat(rows(portal)).isEqualTo(portalRows);
    }

    /**
     * gov 8.2.3 c) "…向云服务客户提供安全服务，并定期提供服务报告" on the demo portal, whose integrator and security service
     * each report: {@code lifecycle obligations --complete AGENT_SERVICE_REPORT --responsible ORG} records the named
     * agent's report, as the REST API's {@code responsible} does (the fresh-system path through REST is
     * {@link #gov8_2_3c_everyAgentOfAFreshSystemHasItsServiceReport}); the other agent's stays as it was.
     */
    @Test
    @DisplayName("gov 8.2.3 c) demo: the command's --responsible records the named agent's service report")
    void gov8_2_3c_theCommandRecordsTheNamedAgentsServiceReportOnTheDemo() {
        CurrentUser demoCustomer =
                SeedActor.account(users, DemoData.CUSTOMER_USER).orElseThrow();
        CloudSystem portal = demoSystem(demoCustomer, DemoData.PORTAL_SYSTEM);
        UUID security = jdbc.sql("SELECT id FROM organization WHERE name = ?")
                .param(DemoData.SECURITY_SERVICE.name())
                .query(UUID.class)
                .single();
        String before = reports(portal, "<> ?", security);
        java.io.StringWriter out = new java.io.StringWriter();
        int code = cli(
                out,
                "--as",
                DemoData.CUSTOMER_USER,
                "--system",
                portal.id().toString(),
                "--complete",
                "AGENT_SERVICE_REPORT",
                "--responsible",
                security.toString(),
                "--done-on",
                demoDay.toString());
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("service report");
        assertThat(reports(portal, "= ?", security)).isEqualTo("[" + demoDay + "]");
        assertThat(reports(portal, "<> ?", security)).isEqualTo(before);
    }

    String reports(CloudSystem s, String org, UUID security) {
        return jdbc.sql(
                        "SELECT last_done FROM lifecycle_obligation WHERE system_id = ? AND kind = 'AGENT_SERVICE_REPORT' "
                                + "AND superseded_at IS NULL AND responsible_org " + org)
                .params(s.id(), security)
                .query((r, n) -> String.valueOf(r.getObject(1, LocalDate.class)))
                .list()
                .toString();
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    int cli(java.io.StringWriter out, String... args) {
        java.util.Locale before = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
        try {
            picocli.CommandLine.IFactory factory = new picocli.CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    return type.getPackageName().startsWith("org.yunjian")
                            ? context.getAutowireCapableBeanFactory().createBean(type)
                            : picocli.CommandLine.defaultFactory().create(type);
                }
            };
            picocli.CommandLine cl = org.yunjian.cli.CliTexts.apply(
                    new picocli.CommandLine(org.yunjian.obligations.cli.ObligationsCommand.class, factory));
            java.io.PrintWriter pw = new java.io.PrintWriter(out, true);
            cl.setOut(pw);
            cl.setErr(pw);
            return cl.execute(args);
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(before);
        }
    }

    int rows(CloudSystem s) {
        return jdbc.sql("SELECT COUNT(*) FROM lifecycle_obligation WHERE system_id = ? AND superseded_at IS NULL")
                .param(s.id())
                .query(Integer.class)
                .single();
    }

    CloudSystem industryCloud() {
        return runAs(
                org.yunjian.party.PartyTestSupport.admin(),
                () -> systems.create(new org.yunjian.party.internal.Inputs.SystemInput(
                        "行业云交易系统 " + UUID.randomUUID().toString().substring(0, 6),
                        w.customer().id().toString(),
                        "3",
                        "COMMUNITY",
                        "IAAS",
                        "SECURITIES_FUTURES",
                        "IMPORTANT",
                        List.of("上海"),
                        w.provider().id().toString(),
                        List.of())));
    }

    /**
     * JR/T 6.3.1 "…在开展托管业务两年内宜通过信息管理体系认证…" (line 406) on a fresh 行业云: generated with the start of
     * hosting, the certification is due two years after it, not that day; recorded once, it is done and nothing more
     * falls due.
     */
    @Test
    @DisplayName("JR/T 6.3.1 fresh 行业云: the certification is due two years after the start; once done, done")
    void jrt6_3_1_aFreshSystemsCertificationIsDueWithinTwoYears() throws Exception {
        CloudSystem s = industryCloud();
        String sys = "/api/systems/" + s.id() + "/lifecycle/obligations";
        LocalDate start = today.minusMonths(2);
        call(post(sys + "/generate").content("{\"startDate\":\"" + start + "\"}"), customer)
                .andExpect(status().isCreated());
        call(get(sys + "/PROVIDER_CERTIFICATION"), customer)
                .andExpect(jsonPath("$.nextDue").value(start.plusMonths(24).toString()))
                .andExpect(jsonPath("$.status").value("UPCOMING"));
        CurrentUser provider = user(w.provider().id());
        call(
                        post(sys + "/PROVIDER_CERTIFICATION/completions")
                                .content("{\"doneOn\":\"" + today + "\"}")
                                .with(IfMatch.current(
                                        jdbc,
                                        "lifecycle_obligation",
                                        java.util.Map.of("system_id", s.id(), "kind", "PROVIDER_CERTIFICATION"))),
                        provider)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nextDue").doesNotExist())
                .andExpect(jsonPath("$.status").value("DONE"));
        call(get(sys).param("status", "DONE"), customer)
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].kind").value("PROVIDER_CERTIFICATION"));
        String page = html("/systems/" + s.id() + "/lifecycle/obligations?size=50", customer);
        assertThat(row(page, "PROVIDER_CERTIFICATION")).contains("自起始日起 24 个月内完成一次", "已完成（一次性义务）");
    }

    /** JR/T 6.3.1 on the demo data: the securities system's certification is due two years after its start. */
    @Test
    @DisplayName("JR/T 6.3.1 demo: the securities system's certification falls due two years after its start")
    void jrt6_3_1_theDemoCertificationIsDueTwoYearsAfterItsStart() throws Exception {
        CurrentUser securities =
                SeedActor.account(users, DemoData.SECURITIES_USER).orElseThrow();
        CloudSystem system = demoSystem(securities, DemoData.SECURITIES_SYSTEM);
        String body = mvc.perform(get("/api/systems/" + system.id() + "/lifecycle/obligations/PROVIDER_CERTIFICATION")
                        .with(as(securities)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        LocalDate start = LocalDate.parse(com.jayway.jsonpath.JsonPath.read(body, "$.startDate"));
        assertThat(LocalDate.parse(com.jayway.jsonpath.JsonPath.read(body, "$.nextDue")))
                .isEqualTo(start.plusMonths(24))
                .isAfter(demoDay.plusMonths(12));
    }

    /**
     * JR/T 7.3 "受托方应依照委托方要求，向委托方提供其符合JR/T 0060及JR/T 0099-2012的必要证据" (line 534) on a fresh 行业云:
     * nothing is due until the customer asks; the customer's request makes it due on the day named; the provider's
     * delivery answers it. Only the customer asks; a past day or a duty not on request is refused naming the field.
     */
    @Test
    @DisplayName("JR/T 7.3 fresh 行业云: the provider's evidence falls due on the customer's request, not monthly")
    void jrt7_3_aFreshIndustryCloudsEvidenceIsDueOnRequest() throws Exception {
        CloudSystem s = industryCloud();
        String sys = "/api/systems/" + s.id() + "/lifecycle/obligations";
        call(post(sys + "/generate").content("{\"startDate\":\"" + today.minusMonths(3) + "\"}"), customer)
                .andExpect(status().isCreated());
        call(get(sys + "/PROVIDER_REPORT"), customer)
                .andExpect(jsonPath("$.nextDue").doesNotExist())
                .andExpect(jsonPath("$.status").value("NOT_REQUESTED"))
                .andExpect(jsonPath("$.intervalDefault").value(false)); // no interval, so no platform default
        java.util.Map<String, Object> key = java.util.Map.of("system_id", s.id(), "kind", "PROVIDER_REPORT");
        CurrentUser provider = user(w.provider().id());
        call(
                        post(sys + "/PROVIDER_REPORT/requests")
                                .content("{\"requestedBy\":\"" + today.plusDays(10) + "\"}")
                                .with(IfMatch.current(jdbc, "lifecycle_obligation", key)),
                        provider)
                .andExpect(status().isForbidden());
        call(
                        post(sys + "/PROVIDER_REPORT/requests")
                                .content("{\"requestedBy\":\"" + today.minusDays(1) + "\"}")
                                .with(IfMatch.current(jdbc, "lifecycle_obligation", key)),
                        customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.requestedBy").exists());
        call(
                        post(sys + "/DRILL_MALWARE/requests")
                                .content("{\"requestedBy\":\"" + today.plusDays(1) + "\"}")
                                .with(IfMatch.version(0)),
                        customer)
                .andExpect(status().isNotFound()); // a 行业云 has no such duty
        call(
                        post(sys + "/PROVIDER_EVALUATION/requests")
                                .content("{\"requestedBy\":\"" + today.plusDays(1) + "\"}")
                                .with(IfMatch.current(
                                        jdbc,
                                        "lifecycle_obligation",
                                        java.util.Map.of("system_id", s.id(), "kind", "PROVIDER_EVALUATION"))),
                        customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.kind").exists());
        call(
                        post(sys + "/PROVIDER_REPORT/requests")
                                .content("{\"requestedBy\":\"" + today.plusDays(10) + "\"}")
                                .with(IfMatch.current(jdbc, "lifecycle_obligation", key)),
                        customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nextDue").value(today.plusDays(10).toString()))
                .andExpect(jsonPath("$.status").value("DUE_SOON"));
        call(
                        post(sys + "/PROVIDER_REPORT/completions")
                                .content("{\"doneOn\":\"" + today + "\"}")
                                .with(IfMatch.current(jdbc, "lifecycle_obligation", key)),
                        provider)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nextDue").doesNotExist())
                .andExpect(jsonPath("$.status").value("NOT_REQUESTED"));
        String page = html("/systems/" + s.id() + "/lifecycle/obligations?size=50", customer);
        assertThat(row(page, "PROVIDER_REPORT"))
                .contains("依云服务客户要求（无固定周期）", "待云服务客户提出要求", "id=\"request-PROVIDER_REPORT\"")
                .doesNotContain("1 个月");
    }

    /** JR/T 7.3 on the demo data: the securities company has asked for the evidence by two weeks from today. */
    @Test
    @DisplayName("JR/T 7.3 demo: the securities system's evidence is due on the company's request, in two weeks")
    void jrt7_3_theDemoEvidenceIsDueOnTheCompanysRequest() throws Exception {
        CurrentUser securities =
                SeedActor.account(users, DemoData.SECURITIES_USER).orElseThrow();
        CloudSystem system = demoSystem(securities, DemoData.SECURITIES_SYSTEM);
        call(get("/api/systems/" + system.id() + "/lifecycle/obligations/PROVIDER_REPORT"), securities)
                .andExpect(jsonPath("$.nextDue").value(demoDay.plusWeeks(2).toString()))
                .andExpect(jsonPath("$.status").value("DUE_SOON"))
                .andExpect(jsonPath("$.lastDone").value(demoDay.minusWeeks(3).toString()));
        assertThat(row(html("/systems/" + system.id() + "/lifecycle/obligations", securities), "PROVIDER_REPORT"))
                .contains("依云服务客户要求（无固定周期）");
    }

    void publish(AssessmentCompleted e) {
        runAs(customer, () -> tx.executeWithoutResult(s -> events.publishEvent(e)));
    }

    long assessmentCompletions(UUID system) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM lifecycle_obligation_completion c JOIN lifecycle_obligation o
                        ON o.id = c.obligation_id WHERE o.system_id = ? AND o.kind = 'MLPS_ASSESSMENT'
                        AND c.source = 'ASSESSMENT'""").param(system).query(Long.class).single();
    }
}
