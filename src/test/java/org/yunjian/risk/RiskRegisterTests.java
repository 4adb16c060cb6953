package org.yunjian.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.MutableClock;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;
import org.yunjian.support.TestDatabases;

/**
 * The risk and remediation register end to end through REST and pages, in a database of its own with a settable
 * clock: planning with per-field refusals that keep the input and store nothing, acceptance approval by another user
 * of the customer, expiry counted from the date on the register and the dashboards alike, what the provider and
 * strangers may do, and a follow-up assessment whose compliant re-test verifies the original finding.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({Fixtures.class, RiskRegisterTests.ClockConfig.class})
@Tag("database")
@DirtiesContext
@org.yunjian.support.RunsBesideTheSuite
class RiskRegisterTests {

    @TestConfiguration
    static class ClockConfig {
        @Bean
        @Primary
        MutableClock riskClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.fresh("risk", registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.yunjian.security.UserAdministration users;

    Fixtures.World w;
    CurrentUser assessor;
    CurrentUser customer;
    CurrentUser customerColleague;
    CurrentUser provider;
    CurrentUser stranger;
    String assessment;
    /** A medium finding on the cloud platform (the provider is responsible) and a high one on the customer's side. */
    String platformTask;

    String customerTask;
    LocalDate today;

    @BeforeEach
    void findings() throws Exception {
        clock.set(Instant.parse("2026-11-24T02:00:00Z"));
        today = LocalDate.of(2026, 11, 24);
        w = fixtures.world();
        assessor = user(w.assessor().id());
        customer = user(w.customer().id());
        customerColleague = user(w.customer().id());
        provider = user(w.provider().id());
        stranger = user(w.stranger().id());
        String body = body(
                post("/api/assessments").contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"登记测评","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY","scope":["MLPS-L3"]}""".formatted(
                                w.system().id(), w.assessor().id())),
                assessor,
                201);
        assessment = JsonPath.read(body, "$.id");
        move("IN_PROGRESS");
        String items = AssessmentItems.json(mvc, assessment, as(assessor));
        String platformItem = JsonPath.<List<String>>read(items, "$[?(@.side == 'CLOUD_PLATFORM')].id")
                .get(0);
        String customerItem = JsonPath.<List<String>>read(items, "$[?(@.side == 'CUSTOMER_SYSTEM')].id")
                .get(0);
        verdict(platformItem, "MEDIUM");
        verdict(customerItem, "HIGH");
        String register = body(get("/api/assessments/{id}/risk-register", assessment), assessor, 200);
        platformTask = JsonPath.<List<String>>read(register, "$.entries[?(@.side == 'CLOUD_PLATFORM')].id")
                .get(0);
        customerTask = JsonPath.<List<String>>read(register, "$.entries[?(@.side == 'CUSTOMER_SYSTEM')].id")
                .get(0);
    }

    // --- helpers

    String body(MockHttpServletRequestBuilder request, CurrentUser u, int expected) throws Exception {
        return mvc.perform(request.with(as(u)))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    String json(MockHttpServletRequestBuilder request, String json, CurrentUser u, int expected) throws Exception {
        return body(request.contentType(MediaType.APPLICATION_JSON).content(json), u, expected);
    }

    void move(String to) throws Exception {
        json(post("/api/assessments/{id}/transitions", assessment), "{\"to\":\"" + to + "\"}", assessor, 200);
    }

    void verdict(String item, String risk) throws Exception {
        json(
                put("/api/assessment-items/{id}/verdict", item).with(IfMatch.item(jdbc, item)),
                "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"" + risk + "\",\"riskReason\":\"未划分安全区域\"}",
                assessor,
                200);
    }

    String register(CurrentUser u) throws Exception {
        return body(get("/api/assessments/{id}/risk-register", assessment), u, 200);
    }

    Object at(String json, String path) {
        return JsonPath.read(json, path);
    }

    long audited(String action, String objectId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND object_id = ?")
                .params(action, objectId)
                .query(Long.class)
                .single();
    }

    int systemOpen() throws Exception {
        return JsonPath.read(
                body(get("/api/dashboard/systems/{id}", w.system().id()), customer, 200), "$.openRemediations");
    }

    // --- tests

    @Test
    void aNewFindingHasNoDueDateAndCountsAsUnplannedUntilTheAssessorPlansIt() throws Exception {
        String r = register(assessor);
        assertThat(at(r, "$.summary.findings")).isEqualTo(2);
        assertThat(at(r, "$.summary.unplanned")).isEqualTo(2);
        assertThat(at(r, "$.summary.overdue")).isEqualTo(0);
        assertThat((List<Object>) JsonPath.read(r, "$.entries[*].dueDate")).containsOnlyNulls();
        assertThat(body(get("/assessments/{id}/risks", assessment), assessor, 200))
                .contains("未定", "未定期限");

        json(
                put("/api/remediations/{id}/plan", platformTask).with(IfMatch.remediation(jdbc, platformTask)),
                """
                {"treatment":"REMEDIATE","dueDate":"%s"}""".formatted(today.plusDays(30)),
                assessor,
                200);
        r = register(assessor);
        assertThat(at(r, "$.summary.unplanned")).isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(r, "$.entries[?(@.id == '" + platformTask + "')].dueDate"))
                .containsExactly(today.plusDays(30).toString());
        assertThat(audited("assessment.risk.plan", platformTask)).isEqualTo(1);
        clock.advance(Duration.ofDays(31));
        r = register(assessor);
        assertThat(at(r, "$.summary.overdue")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(
                        body(get("/api/dashboard/systems/{id}", w.system().id()), customer, 200),
                        "$.overdueRemediations"))
                .isEqualTo(1);
    }

    @Test
    void aRefusedPlanNamesEveryFieldKeepsTheInputAndStoresNothing() throws Exception {
        String problem = json(
                put("/api/remediations/{id}/plan", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                """
                {"treatment":"ACCEPT","acceptanceExpiresOn":"%s","description":"新描述"}""".formatted(today),
                assessor,
                400);
        assertThat(at(problem, "$.errors.acceptanceExpiresOn")).asString().contains("晚于今天");
        assertThat(at(problem, "$.errors.acceptanceReason")).asString().contains("高风险");
        json(
                put("/api/remediations/{id}/plan", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                """
                {"treatment":"TRANSFER","dueDate":"%s"}""".formatted(today.plusDays(9)),
                assessor,
                400);

        String page = body(
                post("/remediations/{id}/plan", customerTask)
                        .with(IfMatch.remediationForm(jdbc, customerTask))
                        .param("treatment", "ACCEPT")
                        .param("description", "保留的描述")
                        .param("acceptanceExpiresOn", "2026-13-45")
                        .param("dueDate", ""),
                assessor,
                200);
        assertThat(page)
                .contains(
                        "id=\"refused\"",
                        "id=\"acceptanceExpiresOn-error\"",
                        "2026-13-45",
                        "保留的描述",
                        "id=\"acceptanceReason-error\"");
        assertThat(page).containsPattern("<option value=\"ACCEPT\" selected");
        String r = register(assessor);
        assertThat(JsonPath.<List<String>>read(r, "$.entries[?(@.id == '" + customerTask + "')].treatment"))
                .containsExactly("REMEDIATE");
        assertThat(JsonPath.<List<String>>read(r, "$.entries[?(@.id == '" + customerTask + "')].description"))
                .containsExactly("未划分安全区域");
        assertThat(audited("assessment.risk.plan", customerTask)).isZero();

        String refusedMilestone = body(
                post("/remediations/{id}/milestones", customerTask)
                        .with(IfMatch.remediationForm(jdbc, customerTask))
                        .param("description", "")
                        .param("targetDate", "2027-01-15"),
                assessor,
                200);
        assertThat(refusedMilestone).contains("id=\"milestone-description-error\"", "value=\"2027-01-15\"");
        assertThat(at(register(assessor), "$.entries[0].milestones.length()")).isEqualTo(0);
    }

    @Test
    void theCustomerCannotChangeTheAssessorsRiskTextAndSaysItsOwnWordApartWithAuthorAndTime() throws Exception {
        // the customer rewriting the assessor's risk description is refused on the field, nothing stored
        String refused = json(
                put("/api/remediations/{id}/plan", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                """
                {"treatment":"REMEDIATE","dueDate":"%s","description":"风险已消除"}""".formatted(today.plusDays(30)),
                customer,
                400);
        assertThat(at(refused, "$.errors.description")).asString().contains("测评机构的记录");
        assertThat(audited("assessment.risk.plan", customerTask)).isZero();
        // the customer's word goes into its own statement, with who wrote it and when
        String entry = json(
                put("/api/remediations/{id}/plan", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                """
                {"treatment":"REMEDIATE","dueDate":"%s","description":"未划分安全区域",
                 "customerStatement":"已采购下一代防火墙，预计下月上线"}""".formatted(today.plusDays(30)),
                customer,
                200);
        assertThat(at(entry, "$.description")).isEqualTo("未划分安全区域");
        assertThat(at(entry, "$.customerStatement.text")).isEqualTo("已采购下一代防火墙，预计下月上线");
        assertThat(at(entry, "$.customerStatement.byName")).asString().isNotBlank();
        assertThat(at(entry, "$.customerStatement.at")).isNotNull();
        assertThat(at(entry, "$.descriptionBy")).isNull();
        // an assessor may not write the customer's statement, and rewrites the description under their own name
        String notTheirs = json(
                put("/api/remediations/{id}/plan", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                """
                {"treatment":"REMEDIATE","dueDate":"%s","customerStatement":"测评师代写"}""".formatted(today.plusDays(30)),
                assessor,
                400);
        assertThat(at(notTheirs, "$.errors.statement")).asString().contains("由客户填写");
        String rewritten = json(
                put("/api/remediations/{id}/plan", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                """
                {"treatment":"REMEDIATE","dueDate":"%s","description":"生产网与办公网未划分安全区域"}""".formatted(today.plusDays(30)),
                assessor,
                200);
        assertThat(at(rewritten, "$.description")).isEqualTo("生产网与办公网未划分安全区域");
        assertThat(at(rewritten, "$.descriptionBy.byName")).asString().isNotBlank();
        assertThat(at(rewritten, "$.customerStatement.text")).isEqualTo("已采购下一代防火墙，预计下月上线");
        // the page shows both apart; the customer's form has no description field, only its statement
        String page = body(get("/remediations/{id}", customerTask), customer, 200);
        assertThat(page)
                .contains("id=\"risk-statement\"", "已采购下一代防火墙，预计下月上线", "id=\"customerStatement\"")
                .doesNotContain("id=\"description\"");
        assertThat(body(get("/remediations/{id}", customerTask), assessor, 200))
                .contains("id=\"description\"", "id=\"risk-description-by\"")
                .doesNotContain("id=\"customerStatement\"");
    }

    @Test
    void everyChangeIsKeptInTheEntrysHistoryWithAuthorAndTimeAndARefusedOneLeavesNone() throws Exception {
        String customerName = customer.username(); // the tests' callers have no account: named by user name
        // the customer trying to rewrite the assessor's text: refused, and no history entry
        json(
                put("/api/remediations/{id}/plan", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                """
                {"treatment":"REMEDIATE","dueDate":"%s","description":"风险已消除",
                 "customerStatement":"顺带一句说明"}""".formatted(today.plusDays(30)),
                customer,
                400);
        String untouched = body(get("/api/remediations/{id}", customerTask), assessor, 200);
        assertThat(JsonPath.<List<String>>read(untouched, "$.history[*].field"))
                .containsExactly("RISK_LEVEL"); // set by the assessor with the verdict, nothing since
        assertThat(JsonPath.<List<String>>read(untouched, "$.history[*].byName"))
                .containsExactly(assessor.username());
        assertThat(JsonPath.<List<String>>read(untouched, "$.history[*].after")).containsExactly("HIGH");
        // a statement, then (an hour later) a status change with a note
        json(
                put("/api/remediations/{id}/plan", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                """
                {"treatment":"REMEDIATE","dueDate":"%s","customerStatement":"已采购防火墙"}""".formatted(today.plusDays(30)),
                customer,
                200);
        clock.advance(Duration.ofHours(1));
        json(
                put("/api/remediations/{id}", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                "{\"status\":\"IN_PROGRESS\",\"note\":\"防火墙已到货\"}",
                customer,
                200);
        String entry = body(get("/api/remediations/{id}", customerTask), assessor, 200);
        assertThat(JsonPath.<List<String>>read(entry, "$.history[*].field"))
                .containsExactly("RISK_LEVEL", "DUE_DATE", "STATEMENT", "NOTE", "STATUS");
        assertThat(JsonPath.<List<String>>read(entry, "$.history[?(@.field == 'STATEMENT')].after"))
                .containsExactly("已采购防火墙");
        assertThat(JsonPath.<List<String>>read(entry, "$.history[?(@.field == 'STATEMENT')].byName"))
                .containsExactly(customerName);
        assertThat(JsonPath.<List<String>>read(entry, "$.history[?(@.field == 'STATEMENT')].at"))
                .containsExactly("2026-11-24T02:00:00Z");
        assertThat(JsonPath.<List<String>>read(entry, "$.history[?(@.field == 'STATUS')].before"))
                .containsExactly("OPEN");
        assertThat(JsonPath.<List<String>>read(entry, "$.history[?(@.field == 'STATUS')].after"))
                .containsExactly("IN_PROGRESS");
        assertThat(JsonPath.<List<String>>read(entry, "$.history[?(@.field == 'STATUS')].byName"))
                .containsExactly(customerName);
        assertThat(JsonPath.<List<String>>read(entry, "$.history[?(@.field == 'STATUS')].at"))
                .containsExactly("2026-11-24T03:00:00Z");
        // a later statement is a new entry; the earlier one stays as it was
        json(
                put("/api/remediations/{id}/plan", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                """
                {"treatment":"REMEDIATE","dueDate":"%s","customerStatement":"防火墙已上线"}""".formatted(today.plusDays(30)),
                customer,
                200);
        entry = body(get("/api/remediations/{id}", customerTask), assessor, 200);
        assertThat(JsonPath.<List<String>>read(entry, "$.history[?(@.field == 'STATEMENT')].after"))
                .containsExactly("已采购防火墙", "防火墙已上线");
        assertThat(JsonPath.<List<String>>read(entry, "$.history[?(@.field == 'STATEMENT')].before"))
                .containsExactly(null, "已采购防火墙");
        // the register page shows each entry's history, collapsed, in words and the reader's time zone
        String page = body(get("/assessments/{id}/risks", assessment), assessor, 200);
        assertThat(page)
                .contains("<details class=\"risk-history\" id=\"risk-history-" + customerTask + "\"")
                .contains("变更记录（6 条）", "整改状态", "待整改", "整改中", "防火墙已到货", customerName)
                .contains("2026-11-24 11:00"); // 03:00 UTC in Beijing time
        assertThat(body(get("/remediations/{id}", customerTask), customer, 200))
                .contains("id=\"risk-history-" + customerTask + "\"", "防火墙已上线");
    }

    @Test
    void remediationReportedAfterApprovalStandsBesideTheReportAndReachesTheNextAssessmentButNeverTheSealedReport()
            throws Exception {
        SignOffFixture.complete(mvc, users, jdbc, assessment, assessor);
        byte[] sealed = body(get("/api/assessments/{id}/report.docx", assessment), customer);
        assertThat(body(get("/assessments/{id}", assessment), customer, 200))
                .contains("报告批准后的整改情况", "id=\"reported-none\"");
        // after approval the customer reports its remediation
        clock.advance(Duration.ofDays(2));
        json(
                put("/api/remediations/{id}", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                "{\"status\":\"DONE\",\"note\":\"已部署防火墙并划分安全区域\"}",
                customer,
                200);
        String page = body(get("/assessments/{id}", assessment), assessor, 200);
        assertThat(page)
                .contains("id=\"reported-remediation-list\"", "已部署防火墙并划分安全区域", "已整改", customer.username())
                .contains("2026-11-26 10:00") // 02:00 UTC two days on, in Beijing time
                .doesNotContain("id=\"reported-none\"");
        // the sealed report is what it was, byte for byte
        assertThat(body(get("/api/assessments/{id}/report.docx", assessment), customer))
                .isEqualTo(sealed);

        // the system's next assessment shows the finding and the reported remediation on the same item, read-only
        clock.advance(Duration.ofDays(30));
        String requirement = JsonPath.<List<String>>read(
                        register(assessor), "$.entries[?(@.id == '" + customerTask + "')].requirementId")
                .get(0);
        String next = JsonPath.read(
                json(
                        post("/api/assessments"),
                        """
                        {"name":"年度测评","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY","scope":["MLPS-L3"]}""".formatted(w.system().id(), w.assessor().id()),
                        assessor,
                        201),
                "$.id");
        String items = AssessmentItems.json(mvc, next, as(assessor));
        String same = JsonPath.<List<String>>read(
                        items, "$[?(@.side == 'CUSTOMER_SYSTEM' && @.requirementId == '" + requirement + "')].id")
                .get(0);
        String view = body(get("/api/assessment-items/{id}", same), assessor, 200);
        assertThat(at(view, "$.previousFinding.assessmentId")).isEqualTo(assessment);
        assertThat(at(view, "$.previousFinding.verdict")).isEqualTo("NON_COMPLIANT");
        assertThat(at(view, "$.previousFinding.riskLevel")).isEqualTo("HIGH");
        assertThat(at(view, "$.previousFinding.status")).isEqualTo("DONE");
        assertThat(at(view, "$.previousFinding.note")).isEqualTo("已部署防火墙并划分安全区域");
        assertThat(JsonPath.<List<String>>read(view, "$.previousFinding.reported[*].field"))
                .containsExactly("NOTE", "STATUS");
        assertThat(JsonPath.<List<String>>read(view, "$.previousFinding.reported[*].byName"))
                .containsOnly(customer.username());
        assertThat(JsonPath.<List<String>>read(view, "$.previousFinding.reported[*].at"))
                .containsOnly("2026-11-26T02:00:00Z");
        assertThat(body(get("/assessment-items/{id}", same), assessor, 200))
                .contains("id=\"prior-finding\"", "上次测评的发现及整改情况", "已部署防火墙并划分安全区域", "已整改");
        // an item the previous assessment found nothing on shows nothing of it
        String other = JsonPath.<List<String>>read(
                        items, "$[?(@.side == 'CUSTOMER_SYSTEM' && @.requirementId != '" + requirement + "')].id")
                .get(0);
        assertThat(at(body(get("/api/assessment-items/{id}", other), assessor, 200), "$.previousFinding"))
                .isNull();
        // the sealed report still is what it was
        assertThat(body(get("/api/assessments/{id}/report.docx", assessment), customer))
                .isEqualTo(sealed);
    }

    byte[] body(MockHttpServletRequestBuilder request, CurrentUser u) throws Exception {
        return mvc.perform(request.with(as(u)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    @Test
    void acceptanceNeedsApprovalByAnotherCustomerUserAndExpiresByTheDate() throws Exception {
        int openBefore = systemOpen();
        json(
                put("/api/remediations/{id}/plan", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                """
                {"treatment":"ACCEPT","acceptanceReason":"补偿措施：门禁与视频监控","acceptanceExpiresOn":"%s"}""".formatted(today.plusDays(90)),
                customer,
                200);
        String r = register(customer);
        assertThat(JsonPath.<List<String>>read(r, "$.entries[?(@.id == '" + customerTask + "')].state"))
                .containsExactly("ACCEPTANCE_PROPOSED");
        assertThat(systemOpen()).as("a proposal is still open").isEqualTo(openBefore);

        String own = body(
                post("/api/remediations/{id}/acceptance/approval", customerTask)
                        .with(IfMatch.remediation(jdbc, customerTask)),
                customer,
                409);
        assertThat(own).contains("acceptance-own-proposal");
        body(
                post("/api/remediations/{id}/acceptance/approval", customerTask)
                        .with(IfMatch.remediation(jdbc, customerTask)),
                assessor,
                403);
        body(
                post("/api/remediations/{id}/acceptance/approval", customerTask)
                        .with(IfMatch.remediation(jdbc, customerTask)),
                provider,
                403);

        String approved = body(
                post("/api/remediations/{id}/acceptance/approval", customerTask)
                        .with(IfMatch.remediation(jdbc, customerTask)),
                customerColleague,
                200);
        assertThat(at(approved, "$.state")).isEqualTo("ACCEPTED");
        assertThat(at(approved, "$.acceptance.approvedOn")).isEqualTo(today.toString());
        assertThat(at(approved, "$.open")).isEqualTo(false);
        assertThat(audited("assessment.risk.accept", customerTask)).isEqualTo(1);
        assertThat(at(register(customer), "$.summary.accepted")).isEqualTo(1);
        assertThat(systemOpen()).isEqualTo(openBefore - 1);
        String overview = body(get("/api/dashboard"), customer, 200);
        assertThat(JsonPath.<List<Integer>>read(
                        overview,
                        "$.systems.items[?(@.systemId == '" + w.system().id() + "')].openRemediations"))
                .containsExactly(openBefore - 1);

        clock.advance(Duration.ofDays(91));
        r = register(customer);
        assertThat(JsonPath.<List<String>>read(r, "$.entries[?(@.id == '" + customerTask + "')].state"))
                .containsExactly("ACCEPTANCE_EXPIRED");
        assertThat(at(r, "$.summary.expired")).isEqualTo(1);
        assertThat(systemOpen())
                .as("an expired acceptance counts as open again")
                .isEqualTo(openBefore);
        assertThat(body(get("/remediations/{id}", customerTask), customer, 200)).contains("已过期");
        assertThat(body(get("/remediations/{id}", customerTask).param("lang", "en"), customer, 200))
                .contains("Expired");
    }

    @Test
    void approvingOnThePageNeedsATickedConfirmation() throws Exception {
        json(
                put("/api/remediations/{id}/plan", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                """
                {"treatment":"ACCEPT","acceptanceReason":"理由","acceptanceExpiresOn":"%s"}""".formatted(today.plusDays(30)),
                assessor,
                200);
        assertThat(body(get("/remediations/{id}", customerTask), customer, 200)).contains("id=\"approve-acceptance\"");
        assertThat(body(get("/remediations/{id}", customerTask), assessor, 200))
                .doesNotContain("id=\"approve-acceptance\"")
                .contains("id=\"approve-rule\"");
        mvc.perform(post("/remediations/{id}/approval", customerTask)
                        .with(IfMatch.remediationForm(jdbc, customerTask))
                        .with(as(customer)))
                .andExpect(status().is3xxRedirection());
        assertThat(at(register(customer), "$.summary.accepted")).isEqualTo(0);
        mvc.perform(post("/remediations/{id}/approval", customerTask)
                        .with(IfMatch.remediationForm(jdbc, customerTask))
                        .param("confirm", "true")
                        .with(as(customer)))
                .andExpect(status().is3xxRedirection());
        assertThat(at(register(customer), "$.summary.accepted")).isEqualTo(1);
    }

    @Test
    void transferNamesAPartyOfTheSystem() throws Exception {
        String problem = json(
                put("/api/remediations/{id}/plan", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                """
                {"treatment":"TRANSFER","dueDate":"%s","transferOrgId":"%s"}""".formatted(today.plusDays(9), w.stranger().id()),
                assessor,
                400);
        assertThat(at(problem, "$.errors.transferOrgId")).asString().contains("参与方");
        String ok = json(
                put("/api/remediations/{id}/plan", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                """
                {"treatment":"TRANSFER","dueDate":"%s","transferOrgId":"%s"}""".formatted(today.plusDays(9), w.provider().id()),
                assessor,
                200);
        assertThat(at(ok, "$.transferName")).isEqualTo(w.provider().name());
        assertThat(body(get("/assessments/{id}/risks", assessment), customer, 200))
                .contains("转移至");
        // the register's page: one page of the findings with the pager; filters by state and text
        String first = body(get("/assessments/{id}/risks", assessment).param("size", "1"), customer, 200);
        assertThat(first)
                .contains("id=\"risk-filter\"", "id=\"risk-register-pager\"", "第 1 / ")
                // the search box says what it searches: more than a name
                .contains("测评项、控制点或风险描述包含")
                .doesNotContain("名称包含")
                .containsOnlyOnce("class=\"risk-link\"");
        assertThat(body(get("/assessments/{id}/risks", assessment).param("q", "不会出现的文字"), customer, 200))
                .contains("没有符合条件的记录")
                .doesNotContain("class=\"risk-link\"");
        assertThat(body(get("/assessments/{id}/risks", assessment).param("state", "NOT_A_STATE"), customer, 400))
                .doesNotContain("risk-register-pager");
    }

    @Test
    void providerSeesTheRegisterButOnlyRecordsProgressOnItsOwnTasks() throws Exception {
        String m = json(
                post("/api/remediations/{id}/milestones", platformTask).with(IfMatch.remediation(jdbc, platformTask)),
                "{\"description\":\"更换交换机配置\",\"targetDate\":\"" + today.plusDays(20) + "\"}",
                assessor,
                201);
        String milestone = JsonPath.read(m, "$.id");
        assertThat(at(register(provider), "$.summary.findings")).isEqualTo(2);
        json(
                put("/api/remediations/{id}/plan", platformTask).with(IfMatch.remediation(jdbc, platformTask)),
                """
                {"treatment":"REMEDIATE","dueDate":"%s"}""".formatted(today.plusDays(9)),
                provider,
                403);
        json(
                post("/api/remediations/{id}/milestones", platformTask).with(IfMatch.remediation(jdbc, platformTask)),
                "{\"description\":\"自加\",\"targetDate\":\"" + today.plusDays(20) + "\"}",
                provider,
                403);
        // its own task: status and milestone done date
        json(
                put("/api/remediations/{id}", platformTask).with(IfMatch.remediation(jdbc, platformTask)),
                "{\"status\":\"IN_PROGRESS\"}",
                provider,
                200);
        String done = json(
                put("/api/remediations/{id}/milestones/{m}", platformTask, milestone)
                        .with(IfMatch.remediation(jdbc, platformTask)),
                "{\"doneOn\":\"" + today + "\"}",
                provider,
                200);
        assertThat(at(done, "$.doneOn")).isEqualTo(today.toString());
        String refused = json(
                put("/api/remediations/{id}/milestones/{m}", platformTask, milestone)
                        .with(IfMatch.remediation(jdbc, platformTask)),
                "{\"description\":\"改名\",\"doneOn\":\"" + today + "\"}",
                provider,
                400);
        assertThat(at(refused, "$.errors.description")).isNotNull();
        json(
                put("/api/remediations/{id}/milestones/{m}", platformTask, milestone)
                        .with(IfMatch.remediation(jdbc, platformTask)),
                "{\"doneOn\":\"" + today.plusDays(2) + "\"}",
                provider,
                400);
        // the customer's task: nothing
        json(
                put("/api/remediations/{id}", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                "{\"status\":\"IN_PROGRESS\"}",
                provider,
                403);
        String page = body(get("/remediations/{id}", platformTask), provider, 200);
        assertThat(page)
                .contains("id=\"progress-form\"")
                .doesNotContain("id=\"plan-form\"")
                .doesNotContain("name=\"description\"")
                .contains("name=\"doneOn\"");
        assertThat(body(get("/remediations/{id}", customerTask), provider, 200)).doesNotContain("id=\"progress-form\"");
    }

    @Test
    void strangersGetNotFoundEverywhere() throws Exception {
        body(get("/api/assessments/{id}/risk-register", assessment), stranger, 404);
        body(get("/api/assessments/{id}/risk-register.csv", assessment), stranger, 404);
        body(get("/api/remediations/{id}", customerTask), stranger, 404);
        json(
                put("/api/remediations/{id}/plan", customerTask).with(IfMatch.remediation(jdbc, customerTask)),
                "{\"treatment\":\"REMEDIATE\"}",
                stranger,
                404);
        body(
                post("/api/remediations/{id}/acceptance/approval", customerTask)
                        .with(IfMatch.remediation(jdbc, customerTask)),
                stranger,
                404);
        json(
                delete("/api/remediations/{id}/milestones/{m}", customerTask, java.util.UUID.randomUUID())
                        .with(IfMatch.remediation(jdbc, customerTask)),
                "{}",
                stranger,
                404);
        body(get("/assessments/{id}/risks", assessment), stranger, 404);
        body(get("/remediations/{id}", customerTask), stranger, 404);
        body(post("/api/assessments/{id}/follow-ups", assessment), stranger, 404);
    }

    @Test
    void exportsTheRegisterAsCsvAndXlsxInTheReadersLanguage() throws Exception {
        json(
                put("/api/remediations/{id}/plan", platformTask).with(IfMatch.remediation(jdbc, platformTask)),
                """
                {"treatment":"REMEDIATE","dueDate":"%s","description":"=HYPERLINK(\\"x\\")"}""".formatted(today.plusDays(30)),
                assessor,
                200);
        String csv = body(get("/api/assessments/{id}/risk-register.csv", assessment), customer, 200);
        assertThat(csv).startsWith("\uFEFF要求编号,").contains("未定", "2026-12-24", "'=HYPERLINK");
        String en = body(
                get("/api/assessments/{id}/risk-register.csv", assessment).header("Accept-Language", "en"),
                customer,
                200);
        assertThat(en).contains("Requirement,", "Not set", "Remediate");
        byte[] xlsx = mvc.perform(get("/api/assessments/{id}/risk-register.xlsx", assessment)
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("要求编号");
        }
    }

    @Test
    void aCompliantReTestInAFollowUpVerifiesTheOriginalFindingWhichStaysCompleted() throws Exception {
        body(post("/api/assessments/{id}/follow-ups", assessment), assessor, 409); // not completed yet
        SignOffFixture.complete(mvc, users, jdbc, assessment, assessor);
        body(post("/api/assessments/{id}/follow-ups", assessment), customer, 403);
        String created = body(post("/api/assessments/{id}/follow-ups", assessment), assessor, 201);
        String followUp = JsonPath.read(created, "$.id");
        String number = JsonPath.read(created, "$.reportNumber");
        assertThat(audited("assessment.followup.create", followUp)).isEqualTo(1);
        String items = AssessmentItems.json(mvc, followUp, as(assessor));
        assertThat(JsonPath.<List<String>>read(items, "$[*].id")).hasSize(2);
        String retestItem = JsonPath.<List<String>>read(items, "$[?(@.side == 'CUSTOMER_SYSTEM')].id")
                .get(0);
        json(post("/api/assessments/{id}/transitions", followUp), "{\"to\":\"IN_PROGRESS\"}", assessor, 200);
        json(
                put("/api/assessment-items/{id}/verdict", retestItem).with(IfMatch.item(jdbc, retestItem)),
                "{\"verdict\":\"COMPLIANT\"}",
                assessor,
                200);

        String r = register(customer);
        assertThat(JsonPath.<List<String>>read(r, "$.entries[?(@.id == '" + customerTask + "')].status"))
                .containsExactly("VERIFIED");
        assertThat(JsonPath.<List<String>>read(r, "$.entries[?(@.id == '" + customerTask + "')].retest.reportNumber"))
                .containsExactly(number);
        assertThat(audited("assessment.retest", customerTask)).isEqualTo(1);
        assertThat(at(body(get("/api/assessments/{id}", assessment), customer, 200), "$.status"))
                .isEqualTo("COMPLETED");
        assertThat(at(register(assessor), "$.followUps.length()")).isEqualTo(1);
        assertThat(at(body(get("/api/assessments/{id}/remediations", followUp), assessor, 200), "$.total"))
                .isEqualTo(0);
        assertThat(body(get("/assessments/{id}/risks", assessment), customer, 200))
                .contains("复测：符合", "复测报告 " + number);
        // a finding in the re-test opens no task of its own and leaves the platform finding open
        String platformRetest = JsonPath.<List<String>>read(items, "$[?(@.side == 'CLOUD_PLATFORM')].id")
                .get(0);
        json(
                put("/api/assessment-items/{id}/verdict", platformRetest).with(IfMatch.item(jdbc, platformRetest)),
                "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"MEDIUM\",\"riskReason\":\"仍未整改\"}",
                assessor,
                200);
        assertThat(at(body(get("/api/assessments/{id}/remediations", followUp), assessor, 200), "$.total"))
                .isEqualTo(0);
        assertThat(JsonPath.<List<String>>read(
                        register(customer), "$.entries[?(@.id == '" + platformTask + "')].status"))
                .containsExactly("OPEN");
    }
}
