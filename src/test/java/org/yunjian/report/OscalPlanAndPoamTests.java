package org.yunjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
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
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.OscalSchemas;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;
import org.yunjian.support.OscalConstraints;

/**
 * A fresh system's assessment — no responsibility matrix, a planned finding with a milestone, an unplanned one —
 * exports an OSCAL assessment plan, a system plan and a POA&amp;M (JSON and XML) that pass the official schema and
 * every NIST Metaschema constraint with the chain results → plan → system plan → catalog loaded from the server, in
 * progress and completed (issue 60).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class OscalPlanAndPoamTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.yunjian.security.UserAdministration users;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogExchange catalogs;

    Fixtures.World w;
    CurrentUser assessor;
    String id;
    List<String> items;
    java.util.Set<String> requirements;

    @BeforeEach
    void assessmentWithPlannedFindings() throws Exception {
        w = fixtures.world();
        assessor = user(w.assessor().id());
        id = started();
        String itemsJson = AssessmentItems.json(mvc, id, as(assessor));
        items = JsonPath.read(itemsJson, "$[*].id");
        requirements = new java.util.HashSet<>(JsonPath.<List<String>>read(itemsJson, "$[*].requirementId"));
        verdict(items.get(0), "{\"verdict\":\"COMPLIANT\",\"reason\":\"机房位于境内\"}");
        verdict(items.get(1), "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"HIGH\",\"riskReason\":\"管理流量未加密\"}");
        verdict(items.get(2), "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"MEDIUM\",\"riskReason\":\"未划分区域\"}");
        String task = jdbc.sql("SELECT id FROM assessment_remediation WHERE item_id = ?")
                .param(java.util.UUID.fromString(items.get(1)))
                .query(String.class)
                .single();
        mvc.perform(put("/api/remediations/{id}/plan", task)
                        .with(IfMatch.remediation(jdbc, task))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"treatment\":\"REMEDIATE\",\"description\":\"管理流量明文传输\",\"dueDate\":\""
                                + LocalDate.now().plusDays(30) + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/remediations/{id}/milestones", task)
                        .with(IfMatch.remediation(jdbc, task))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"启用 TLS\",\"targetDate\":\""
                                + LocalDate.now().plusDays(10) + "\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void planSystemPlanAndPoamPassTheSchemaAndEveryOscalConstraintInProgressAndCompleted() throws Exception {
        checkAll("in-progress");
        String poam = new String(download("oscal-poam.json", "application/json"), StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<Object>>read(poam, "$['plan-of-action-and-milestones']['poam-items']"))
                .hasSize(2);
        assertThat(poam)
                .contains("\"open\"", "\"deadline\"", "启用 TLS", "remediation-owner", "_smt")
                .contains("\"lifecycle\" : \"planned\"", "\"lifecycle\" : \"recommendation\"");
        String plan = new String(download("oscal-plan.json", "application/json"), StandardCharsets.UTF_8);
        // no matrix: the plan imports the assessment's own system plan
        assertThat(JsonPath.<String>read(plan, "$['assessment-plan']['import-ssp'].href"))
                .isEqualTo("/api/assessments/" + id + "/oscal-ssp.json");
        assertThat(JsonPath.<List<Object>>read(
                        plan, "$['assessment-plan']['reviewed-controls']['control-selections'][0]['include-controls']"))
                .hasSize(requirements.size());

        SignOffFixture.complete(mvc, users, jdbc, id, assessor);
        checkAll("completed");
        assertThat(new String(download("oscal-plan.xml", "application/xml"), StandardCharsets.UTF_8))
                .contains("<within-date-range start=");
    }

    @Test
    void theConstraintsLoadWhatTheResultsImport() throws Exception {
        // without the server's answers the imported plan cannot be loaded: the chain is really followed
        byte[] results = download("oscal-results.json", "application/json");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OscalConstraints.findings("results.json", results))
                .hasStackTraceContaining("/api/assessments/" + id + "/oscal-plan.json");
        assertThat(OscalConstraints.findings("results.json", results, served("json")))
                .isEmpty();
    }

    @Test
    void anAssessmentWithoutFindingsHasAPoamSayingSo() throws Exception {
        w = fixtures.world(); // a system of its own
        assessor = user(w.assessor().id());
        id = started();
        byte[] json = download("oscal-poam.json", "application/json");
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("无待整改的问题").doesNotContain("\"risks\"");
        byte[] xml = download("oscal-poam.xml", "application/xml");
        assertThat(OscalSchemas.validate(OscalSchemas.Model.POAM, OscalFormat.JSON, json))
                .isEmpty();
        assertThat(OscalSchemas.validate(OscalSchemas.Model.POAM, OscalFormat.XML, xml))
                .isEmpty();
        assertThat(OscalConstraints.findings("poam.json", json, served("json"))).isEmpty();
        assertThat(OscalConstraints.findings("poam.xml", xml, served("xml"))).isEmpty();
    }

    @Test
    void anUnknownFormatIsNotServed() throws Exception {
        mvc.perform(get("/api/assessments/{id}/oscal-plan.yaml", id).with(as(assessor)))
                .andExpect(status().isNotFound());
    }

    /** A new assessment of the fixture's system, in progress, no verdict yet. */
    private String started() throws Exception {
        String body = mvc.perform(post("/api/assessments")
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"年度测评 2026","systemId":"%s","assessorOrgId":"%s",
                                 "assessorKind":"THIRD_PARTY","scope":["MLPS-L3"]}""".formatted(w.system().id(), w.assessor().id())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk());
        return id;
    }

    private void checkAll(String stage) throws Exception {
        for (String format : List.of("json", "xml")) {
            OscalFormat f = OscalFormat.valueOf(format.toUpperCase(Locale.ROOT));
            Map<String, byte[]> served = served(format);
            byte[] plan = served.get("/api/assessments/" + id + "/oscal-plan." + format);
            byte[] ssp = served.get("/api/assessments/" + id + "/oscal-ssp." + format);
            byte[] poam = download("oscal-poam." + format, "application/" + format);
            assertThat(OscalSchemas.validate(OscalSchemas.Model.ASSESSMENT_PLAN, f, plan))
                    .as(stage)
                    .isEmpty();
            assertThat(OscalSchemas.validate(OscalSchemas.Model.SSP, f, ssp))
                    .as(stage)
                    .isEmpty();
            assertThat(OscalSchemas.validate(OscalSchemas.Model.POAM, f, poam))
                    .as(stage)
                    .isEmpty();
            assertThat(OscalConstraints.findings("plan." + format, plan, served))
                    .as("plan %s %s", stage, format)
                    .isEmpty();
            assertThat(OscalConstraints.findings("ssp." + format, ssp, served))
                    .as("ssp %s %s", stage, format)
                    .isEmpty();
            assertThat(OscalConstraints.findings("poam." + format, poam, served))
                    .as("poam %s %s", stage, format)
                    .isEmpty();
        }
        byte[] results = download("oscal-results.json", "application/json");
        assertThat(OscalSchemas.validate(OscalSchemas.Model.ASSESSMENT_RESULTS, OscalFormat.JSON, results))
                .isEmpty();
        assertThat(OscalConstraints.findings("results.json", results, served("json")))
                .as("results %s", stage)
                .isEmpty();
    }

    /** The plan, the system plan it imports and the catalog that imports, as the server answers them. */
    private Map<String, byte[]> served(String format) throws Exception {
        Map<String, byte[]> served = new HashMap<>();
        String plan = "/api/assessments/" + id + "/oscal-plan." + format;
        String ssp = "/api/assessments/" + id + "/oscal-ssp." + format;
        served.put(plan, download(plan.substring(plan.lastIndexOf('/') + 1), "application/" + format));
        byte[] sspBody = download(ssp.substring(ssp.lastIndexOf('/') + 1), "application/" + format);
        served.put(ssp, sspBody);
        Matcher catalog = Pattern.compile("/api/catalog/standards/([A-Za-z0-9_.-]+)/oscal\\?format=json")
                .matcher(new String(sspBody, StandardCharsets.UTF_8));
        assertThat(catalog.find()).isTrue();
        served.put(
                catalog.group(),
                catalogs.exportOscal(catalog.group(1), OscalFormat.JSON).getBytes(StandardCharsets.UTF_8));
        return served;
    }

    private void verdict(String itemId, String json) throws Exception {
        mvc.perform(put("/api/assessment-items/{id}/verdict", itemId)
                        .with(IfMatch.item(jdbc, itemId))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }

    private byte[] download(String document, String type) throws Exception {
        return mvc.perform(get("/api/assessments/{id}/" + document, id).with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith(type)))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }
}
