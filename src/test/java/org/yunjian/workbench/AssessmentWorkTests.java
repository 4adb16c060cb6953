package org.yunjian.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Texts;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkTask;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;
import org.yunjian.workbench.internal.AssessmentWork;

/**
 * Every hand-off of an assessment reaches the person who must act next, and leaves when it is done (issue 35): each
 * step is the real action through the REST API, and the test reads the {@link WorkSnapshot}s the assessment module
 * published in that action's transaction (the inbox keeps them as 我的待办 and notifies). The rebuild
 * ({@link AssessmentWork#publishAll}) finds the same tasks.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@RecordApplicationEvents
@Tag("database")
class AssessmentWorkTests {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAdministration users;

    @Autowired
    ApplicationEvents events;

    @Autowired
    AssessmentWork work;

    @Autowired
    org.yunjian.catalog.Catalog catalog;

    Fixtures.World w;

    @BeforeEach
    void world() {
        w = fixtures.world();
    }

    // --- helpers

    String body(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    ResultActions json(MockHttpServletRequestBuilder request, CurrentUser u, String json) throws Exception {
        return mvc.perform(
                request.with(as(u)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    String create(CurrentUser by, String json) throws Exception {
        return JsonPath.read(body(json(post("/api/assessments"), by, json).andExpect(status().isCreated())), "$.id");
    }

    String started(CurrentUser assessor, String name) throws Exception {
        String id = create(
                assessor, """
                {"name":"%s","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY","scope":["MLPS-L3"]}""".formatted(name, w.system().id(), w.assessor().id()));
        json(post("/api/assessments/{id}/transitions", id), assessor, "{\"to\":\"IN_PROGRESS\"}")
                .andExpect(status().isOk());
        return id;
    }

    ResultActions review(String path, String id, CurrentUser u, String json) throws Exception {
        return json(post("/api/assessments/{id}/review/" + path, id).with(IfMatch.assessment(jdbc, id)), u, json);
    }

    /** The snapshot of {@code scope} published since the last {@link ApplicationEvents#clear()}, the latest. */
    WorkSnapshot published(String scope) {
        List<WorkSnapshot> of = events.stream(WorkSnapshot.class)
                .filter(s -> s.scope().equals(scope))
                .toList();
        assertThat(of).as("a snapshot of %s was published", scope).isNotEmpty();
        return of.get(of.size() - 1);
    }

    /** Who each task of the snapshot is for, by its text key. */
    static Map<String, List<WorkAddressee>> byKind(WorkSnapshot s) {
        Map<String, List<WorkAddressee>> out = new HashMap<>();
        s.open().forEach(t -> out.computeIfAbsent(t.kind(), k -> new java.util.ArrayList<>())
                .add(t.to()));
        return out;
    }

    static String text(WorkTask t) {
        return Texts.render(WorkTask.text(t.kind(), t.args()), Texts.CHINESE);
    }

    /**
     * {@link AssessmentWork#publishAll} publishes, for the assessment, the latest snapshot each change published of
     * the scopes {@code waiting} (and nothing for the others, where nothing waits).
     */
    void assertTheRebuildFindsWhatWasPublished(String id, String... waiting) {
        Map<String, WorkSnapshot> before = new HashMap<>();
        events.stream(WorkSnapshot.class)
                .filter(s -> s.scope().endsWith(":" + id))
                .forEach(s -> before.put(s.scope(), s));
        events.clear();
        work.publishAll();
        Map<String, WorkSnapshot> rebuilt = new HashMap<>();
        events.stream(WorkSnapshot.class)
                .filter(s -> s.scope().endsWith(":" + id))
                .forEach(s -> rebuilt.put(s.scope(), s));
        assertThat(rebuilt)
                .containsOnlyKeys(
                        java.util.Arrays.stream(waiting).map(k -> k + id).toList());
        rebuilt.forEach((scope, s) -> assertThat(s).as(scope).isEqualTo(before.get(scope)));
        assertThat(events.stream(WorkSnapshot.class))
                .as("nothing-waiting scopes are not rebuilt")
                .allMatch(s -> !s.open().isEmpty());
    }

    // --- the hand-offs

    @Test
    void aSentBackAssessmentReachesItsTestersAndLeavesWhenTheyResubmit() throws Exception {
        CurrentUser tester = SignOffFixture.account(users, w.assessor().id(), "tst", "测评师");
        CurrentUser tester2 = SignOffFixture.account(users, w.assessor().id(), "ts2", "测评师");
        CurrentUser reviewer = SignOffFixture.account(users, w.assessor().id(), "rev", "质量审核");
        CurrentUser approver = SignOffFixture.account(users, w.assessor().id(), "apr", "技术负责人");
        String id = create(tester, """
                {"name":"退回测评","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY",
                 "assessors":["%s","%s"],"reviewer":"%s","approver":"%s","scope":["MLPS-L3"]}""".formatted(
                        w.system().id(),
                        w.assessor().id(),
                        tester.userId(),
                        tester2.userId(),
                        reviewer.userId(),
                        approver.userId()));
        String scope = "assessment:" + id;
        // created: each named tester records; the reviewer and approver do not
        WorkSnapshot created = published(scope);
        assertThat(byKind(created)).containsOnlyKeys("work.assessment.record");
        assertThat(byKind(created).get("work.assessment.record"))
                .containsExactlyInAnyOrder(WorkAddressee.user(tester.userId()), WorkAddressee.user(tester2.userId()));
        WorkTask record = created.open().get(0);
        assertThat(text(record)).isEqualTo("记录测评“退回测评”（" + w.system().name() + "）的测评项");
        assertThat(record.href()).isEqualTo("/assessments/" + id + "?verdict=NONE");
        assertThat(record.args()).noneMatch(a -> UUID_TEXT.matcher(a).find());
        json(post("/api/assessments/{id}/transitions", id), tester, "{\"to\":\"IN_PROGRESS\"}")
                .andExpect(status().isOk());

        // a refused submission changes nothing and publishes nothing (the snapshot belongs to the change)
        events.clear();
        review("submit", id, tester, "").andExpect(status().isConflict());
        assertThat(events.stream(WorkSnapshot.class)).isEmpty();

        SignOffFixture.fillGaps(jdbc, id);
        review("submit", id, tester, "").andExpect(status().isOk());
        WorkSnapshot submitted = published(scope);
        assertThat(submitted.open()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("work.assessment.review");
            assertThat(t.to()).isEqualTo(WorkAddressee.user(reviewer.userId()));
            assertThat(text(t)).isEqualTo("审核测评“退回测评”（" + w.system().name() + "）");
        });

        // the checker sends it back (退回修改): it waits for both testers, no longer for the reviewer
        List<String> items = JsonPath.read(AssessmentItems.json(mvc, id, as(tester)), "$[*].id");
        events.clear();
        review("send-back", id, reviewer, """
                {"comment":"两处需修改","items":[{"itemId":"%s","comment":"请补充机房照片"}]}""".formatted(items.get(0))).andExpect(status().isOk());
        WorkSnapshot sentBack = published(scope);
        assertThat(byKind(sentBack)).containsOnlyKeys("work.assessment.returned");
        assertThat(byKind(sentBack).get("work.assessment.returned"))
                .containsExactlyInAnyOrder(WorkAddressee.user(tester.userId()), WorkAddressee.user(tester2.userId()));
        assertThat(text(sentBack.open().get(0)))
                .isEqualTo("测评“退回测评”（" + w.system().name() + "）被退回修改：处理审核意见后重新提交");

        // resolving the comment is not the end: it still waits until the testers submit again
        String comment = JsonPath.read(
                body(mvc.perform(get("/api/assessments/{id}/review", id).with(as(tester)))), "$.comments[0].id");
        events.clear();
        mvc.perform(post("/api/review-comments/{id}/resolve", comment)
                        .with(as(tester))
                        .with(IfMatch.assessment(jdbc, id)))
                .andExpect(status().isOk());
        assertThat(byKind(published(scope))).containsOnlyKeys("work.assessment.returned");
        review("submit", id, tester, "").andExpect(status().isOk());
        assertThat(byKind(published(scope))).containsOnlyKeys("work.assessment.review");

        // review approved: the report waits for the approver; approved: nothing waits
        review("approve", id, reviewer, "{}").andExpect(status().isOk());
        assertThat(published(scope).open()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("work.assessment.approveReport");
            assertThat(t.to()).isEqualTo(WorkAddressee.user(approver.userId()));
        });
        review("approve-report", id, approver, "{\"confirm\":true}").andExpect(status().isOk());
        assertThat(published(scope).open()).isEmpty();
    }

    /** No testers named: the assessor organisation records, but never who reviews or approves the assessment. */
    @Test
    void withoutNamedTestersTheItemsWaitForTheAssessorOrganisationButNotItsReviewerOrApprover() throws Exception {
        CurrentUser reviewer = SignOffFixture.account(users, w.assessor().id(), "rv2", "质量审核");
        CurrentUser approver = SignOffFixture.account(users, w.assessor().id(), "ap2", "技术负责人");
        String id = create(
                reviewer, """
                {"name":"未指定测评人","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY",
                 "reviewer":"%s","approver":"%s","scope":["MLPS-L3"]}""".formatted(w.system().id(), w.assessor().id(), reviewer.userId(), approver.userId()));
        assertThat(byKind(published("assessment:" + id)).get("work.assessment.record"))
                .containsExactly(
                        WorkAddressee.organization(w.assessor().id(), w.system().id())
                                .except(reviewer.userId(), approver.userId()));
    }

    @Test
    void evidenceRequestLinesReachTheAddressedOrganisationAndTheAnswersTheTesters() throws Exception {
        CurrentUser assessor = user(w.assessor().id());
        CurrentUser provider = user(w.provider().id());
        String id = started(assessor, "资料测评");
        String scope = "assessment-requests:" + id;
        List<String> platform =
                JsonPath.read(AssessmentItems.json(mvc, id, as(assessor), "side", "CLOUD_PLATFORM"), "$[*].id");
        LocalDate due = LocalDate.now().plusDays(14);
        String line = JsonPath.<List<String>>read(
                        body(json(post("/api/assessments/{id}/evidence-requests", id), assessor, """
                        {"lines":[{"title":"虚拟机隔离说明","itemIds":["%s"],"dueDate":"%s"}]}""".formatted(
                                                platform.get(0), due))
                                .andExpect(status().isCreated())),
                        "$[*].id")
                .get(0);
        assertThat(published(scope).open()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("work.assessment.request.answer");
            assertThat(t.to())
                    .isEqualTo(WorkAddressee.organization(
                            w.provider().id(), w.system().id()));
            assertThat(t.due()).isEqualTo(due);
            assertThat(text(t)).isEqualTo("提交资料“虚拟机隔离说明”（测评“资料测评”，" + w.system().name() + "）");
        });

        assertThat(published("assessment:" + id).open()).singleElement().satisfies(t -> assertThat(t.to())
                .as("no tester named: the assessor organisation records")
                .isEqualTo(
                        WorkAddressee.organization(w.assessor().id(), w.system().id())));
        // answered: it leaves the provider and waits for the testers (no tester named: the assessor organisation)
        answer(provider, line);
        assertThat(published(scope).open()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("work.assessment.request.decide");
            assertThat(t.to())
                    .isEqualTo(WorkAddressee.organization(
                            w.assessor().id(), w.system().id()));
            assertThat(t.href()).isEqualTo("/assessments/" + id + "/evidence-requests");
        });
        assertTheRebuildFindsWhatWasPublished(id, "assessment:", "assessment-requests:");
        // returned: back to the provider; answered again and accepted: nothing waits
        decide(assessor, line, "{\"accept\":false,\"comment\":\"请提供盖章版本\"}");
        assertThat(published(scope).open()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("work.assessment.request.returned");
            assertThat(t.to())
                    .isEqualTo(WorkAddressee.organization(
                            w.provider().id(), w.system().id()));
        });
        answer(provider, line);
        decide(assessor, line, "{\"accept\":true}");
        assertThat(published(scope).open()).isEmpty();
    }

    void answer(CurrentUser who, String line) throws Exception {
        mvc.perform(multipart("/api/evidence-request-lines/{id}/evidence", line)
                        .file(new MockMultipartFile("file", "说明.pdf", "application/pdf", PDF))
                        .with(as(who))
                        .with(IfMatch.requestLine(jdbc, line)))
                .andExpect(status().isCreated());
    }

    void decide(CurrentUser who, String line, String json) throws Exception {
        json(put("/api/evidence-request-lines/{id}/decision", line).with(IfMatch.requestLine(jdbc, line)), who, json)
                .andExpect(status().isOk());
    }

    @Test
    void aProposedHighRiskAcceptanceReachesASecondCustomerPersonAndRemediationTheResponsibleOrganisation()
            throws Exception {
        CurrentUser assessor = user(w.assessor().id());
        CurrentUser customerA = user(w.customer().id());
        CurrentUser customerB = user(w.customer().id());
        String id = started(assessor, "风险测评");
        String items = AssessmentItems.json(mvc, id, as(assessor), "side", "CUSTOMER_SYSTEM");
        String item = JsonPath.read(items, "$[0].id");
        String requirementId = JsonPath.read(items, "$[0].requirementId");
        // the requirement as people read it, its standard and clause (等保 8.2.1.1 a)), never its catalog id
        String requirement = org.yunjian.catalog.ClauseLabel.cited(
                        catalog.requirement(org.yunjian.catalog.RequirementId.of(requirementId))
                                .orElseThrow())
                .text(java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(requirement).doesNotContain(requirementId).startsWith("GB/T 22239 ");
        json(
                        put("/api/assessment-items/{id}/verdict", item).with(IfMatch.item(jdbc, item)),
                        assessor,
                        "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"HIGH\",\"riskReason\":\"未划分安全区域\"}")
                .andExpect(status().isOk());
        String task = JsonPath.<List<String>>read(
                        body(mvc.perform(
                                get("/api/assessments/{id}/risk-register", id).with(as(assessor)))),
                        "$.entries[*].id")
                .get(0);
        // the finding's remediation waits for the responsible organisation (the customer's side: the customer)
        assertThat(published("assessment-remediation:" + id).open())
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.kind()).isEqualTo("work.assessment.remediation");
                    assertThat(t.to())
                            .isEqualTo(WorkAddressee.organization(
                                    w.customer().id(), w.system().id()));
                    assertThat(t.href()).isEqualTo("/remediations/" + task);
                    assertThat(text(t))
                            .isEqualTo("整改：" + requirement + "，云服务客户系统（测评“风险测评”，"
                                    + w.system().name() + "）");
                });
        assertThat(published("assessment-risks:" + id).open()).isEmpty();

        // customer A proposes to accept the high risk: it waits for the customer's users but A
        events.clear();
        json(put("/api/remediations/{id}/plan", task).with(IfMatch.remediation(jdbc, task)), customerA, """
                {"treatment":"ACCEPT","acceptanceReason":"补偿措施：门禁与视频监控","acceptanceExpiresOn":"%s"}""".formatted(
                                LocalDate.now().plusMonths(6)))
                .andExpect(status().isOk());
        WorkSnapshot proposed = published("assessment-risks:" + id);
        assertThat(proposed.open()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("work.assessment.risk.approve");
            assertThat(t.to())
                    .isEqualTo(WorkAddressee.organization(
                                    w.customer().id(), w.system().id())
                            .except(customerA.userId()));
            assertThat(text(t))
                    .isEqualTo("批准风险接受：" + requirement + "，高风险（测评“风险测评”，"
                            + w.system().name() + "）");
        });
        assertThat(published("assessment-remediation:" + id).open()).hasSize(1);

        // the rebuild finds exactly what the changes published
        assertTheRebuildFindsWhatWasPublished(id, "assessment:", "assessment-risks:", "assessment-remediation:");

        // B approves: the approval no longer waits, and the accepted risk is no open remediation
        events.clear();
        mvc.perform(post("/api/remediations/{id}/acceptance/approval", task)
                        .with(as(customerB))
                        .with(IfMatch.remediation(jdbc, task)))
                .andExpect(status().isOk());
        assertThat(published("assessment-risks:" + id).open()).isEmpty();
        assertThat(published("assessment-remediation:" + id).open()).isEmpty();

        // the daily job: once the acceptance has expired, the finding waits for remediation again
        jdbc.sql("UPDATE assessment_risk SET accept_expires_on = ? WHERE remediation_id = ?")
                .params(LocalDate.now().minusDays(1), UUID.fromString(task))
                .update();
        events.clear();
        work.publishDated();
        assertThat(published("assessment-remediation:" + id).open())
                .singleElement()
                .satisfies(t -> assertThat(t.key()).isEqualTo("remediation:" + task));
        assertThat(published("assessment-risks:" + id).open()).isEmpty();
    }
}
