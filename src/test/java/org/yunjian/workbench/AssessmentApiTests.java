package org.yunjian.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.catalog.AssessedSide;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.crypto.Sm3;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;

/** The assessment workflow through the REST API, with real services and database. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class AssessmentApiTests {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    org.yunjian.security.UserAdministration users;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Value("${yunjian.assessment.evidence-dir}")
    Path evidenceDir;

    Fixtures.World w;
    CurrentUser assessor;
    CurrentUser customer;
    CurrentUser provider;
    CurrentUser stranger;
    CurrentUser agent;

    @BeforeEach
    void world() {
        w = fixtures.world();
        assessor = user(w.assessor().id());
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        stranger = user(w.stranger().id());
        agent = user(w.agent().id());
    }

    String create(String scope) throws Exception {
        String body = mvc.perform(post("/api/assessments")
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"年度测评","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY",
                                 "scope":[%s]}""".formatted(w.system().id(), w.assessor().id(), scope)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    void move(String id, String to, int expected) throws Exception {
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"" + to + "\"}"))
                .andExpect(status().is(expected));
    }

    List<String> itemIds(String id, CurrentUser u) throws Exception {
        String body = AssessmentItems.json(mvc, id, as(u));
        return JsonPath.read(body, "$[*].id");
    }

    String item(String id, String requirement, String side) throws Exception {
        String body = AssessmentItems.json(mvc, id, as(assessor), "side", side);
        List<String> ids = JsonPath.read(body, "$[?(@.requirementId == '" + requirement + "')].id");
        return ids.get(0);
    }

    org.springframework.test.web.servlet.ResultActions verdict(String itemId, String json, RequestPostProcessor who)
            throws Exception {
        return mvc.perform(put("/api/assessment-items/{id}/verdict", itemId)
                .with(IfMatch.item(jdbc, itemId))
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    String upload(String itemId, CurrentUser u, String name, byte[] content, boolean shared) throws Exception {
        String body = mvc.perform(multipart("/api/assessment-items/{id}/evidence", itemId)
                        .file(new MockMultipartFile("file", name, "application/pdf", content))
                        .param("sharedWithProvider", Boolean.toString(shared))
                        .with(as(u)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void generatesOneItemPerRequirementAndSideFromTheCatalog() throws Exception {
        String id = create("\"MLPS-L3\",\"JRT-SF\",\"GBT31167\"");
        var mlps = catalog.find(RequirementFilter.items().standard("MLPS-L3"));
        long expected = mlps.stream()
                        .mapToLong(r -> r.mlps().assessedSide() == AssessedSide.BOTH ? 2 : 1)
                        .sum()
                + catalog
                        .find(RequirementFilter.items().standard("JRT-SF").deploymentModel(DeploymentModel.PUBLIC))
                        .stream()
                        .filter(r -> r.isDuty())
                        .count()
                + catalog.find(RequirementFilter.items().standard("GBT31167")).stream()
                        .filter(r -> r.isDuty())
                        .count();
        assertThat(itemIds(id, assessor)).hasSize((int) expected);
        // JR/T 4.2 and 4.3 only name the phases and the roles: informative text nobody can comply with, never a
        // checklist item (as a plan leaves them out)
        var definitions =
                catalog
                        .find(RequirementFilter.items().standard("JRT-SF").deploymentModel(DeploymentModel.PUBLIC))
                        .stream()
                        .filter(r -> r.nature() == org.yunjian.catalog.ItemNature.DEFINITION)
                        .map(r -> r.id().value())
                        .toList();
        assertThat(definitions).isNotEmpty();
        String all = AssessmentItems.json(mvc, id, as(assessor));
        assertThat(JsonPath.<List<String>>read(all, "$[*].requirementId")).doesNotContainAnyElementsOf(definitions);
        long both = mlps.stream()
                .filter(r -> r.mlps().assessedSide() == AssessedSide.BOTH)
                .count();
        assertThat(both).isPositive();
        String bothId = mlps.stream()
                .filter(r -> r.mlps().assessedSide() == AssessedSide.BOTH)
                .findFirst()
                .orElseThrow()
                .id()
                .value();
        assertThat(JsonPath.<List<String>>read(
                        AssessmentItems.json(mvc, id, as(customer)), "$[?(@.requirementId == '" + bothId + "')].side"))
                .containsExactlyInAnyOrder("CLOUD_PLATFORM", "CUSTOMER_SYSTEM");
    }

    @Test
    void itemsComeOnePageAtATimeWithTheirTotalFilteredOnTheServer() throws Exception {
        String id = create("\"MLPS-L3\"");
        String all = AssessmentItems.json(mvc, id, as(assessor));
        int total = JsonPath.<List<String>>read(all, "$[*].id").size();
        assertThat(total).isGreaterThan(20);
        mvc.perform(get("/api/assessments/{id}/items", id)
                        .param("size", "10")
                        .param("page", "2")
                        .with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(total))
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.size").value(10))
                .andExpect(jsonPath("$.items.length()").value(10))
                .andExpect(jsonPath("$.items[0].position").value(10));
        mvc.perform(get("/api/assessments/{id}/items", id).with(as(assessor)))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.items.length()").value(50));
        // the text is looked for in the requirement text (the reader's language), its id and the item's number
        String text = JsonPath.<List<String>>read(all, "$[?(@.side == 'CUSTOMER_SYSTEM')].requirementId")
                .get(3);
        String words = catalog.requirement(org.yunjian.catalog.RequirementId.of(text))
                .orElseThrow()
                .mlps()
                .requirement()
                .substring(0, 8);
        List<String> found =
                JsonPath.read(AssessmentItems.json(mvc, id, as(assessor), "q", words), "$[*].requirementId");
        assertThat(found).contains(text).hasSizeLessThan(total);
        assertThat(JsonPath.<List<String>>read(
                        AssessmentItems.json(mvc, id, as(assessor), "q", text.toLowerCase(java.util.Locale.ROOT)),
                        "$[*].requirementId"))
                .containsOnly(text);
        String point = JsonPath.<List<String>>read(all, "$[*].controlPoint").get(0);
        assertThat(JsonPath.<List<String>>read(
                        AssessmentItems.json(mvc, id, as(assessor), "controlPoint", point, "side", "CLOUD_PLATFORM"),
                        "$[*].controlPoint"))
                .isNotEmpty()
                .containsOnly(point);
        mvc.perform(get("/api/assessments/{id}/items", id).param("q", "没有这样的要求").with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/assessments/{id}/items", id)
                        .param("verdict", "NONE")
                        .param("size", "1")
                        .with(as(assessor)))
                .andExpect(jsonPath("$.total").value(total));
        mvc.perform(get("/api/assessments/{id}/items", id)
                        .param("verdict", "COMPLIANT")
                        .with(as(assessor)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/assessments/{id}/items", id)
                        .param("verdict", "MAYBE")
                        .param("side", "MOON")
                        .with(as(assessor)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.verdict").exists())
                .andExpect(jsonPath("$.errors.side").exists());
        mvc.perform(get("/api/assessments/{id}/items", id).param("size", "201").with(as(assessor)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size").exists());
    }

    @Test
    void thirdPartyAssessorMustHoldTheAssessorRole() throws Exception {
        mvc.perform(post("/api/assessments")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"name":"x","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY","scope":["MLPS-L3"]}""".formatted(w.system().id(), w.agent().id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.assessorOrgId").exists());
    }

    @Test
    void illegalTransitionsAreConflicts() throws Exception {
        String id = create("\"MLPS-L3\"");
        move(id, "COMPLETED", 409);
        move(id, "IN_REVIEW", 409);
        move(id, "IN_PROGRESS", 200);
        move(id, "ARCHIVED", 409);
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"DRAFT\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:illegal-transition"));
    }

    @Test
    void onlyTheAssessorsMoveTheStatusAndStrangersSeeNothing() throws Exception {
        String id = create("\"MLPS-L3\"");
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"IN_PROGRESS\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/assessments/{id}", id).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/api/assessments/{id}", id).with(as(agent))).andExpect(status().isNotFound());
        mvc.perform(get("/api/assessments/{id}", id).with(as(provider))).andExpect(status().isOk());
        String item = itemIds(id, assessor).get(0);
        mvc.perform(get("/api/assessment-items/{id}", item).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/api/assessments").with(as(stranger)))
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')]").isEmpty());
        // the assessor's list: what it assesses on the systems it sees (it is neither customer nor provider of any)
        mvc.perform(get("/api/assessments").with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
        // a system administrator's list of one system: that system's assessments only
        mvc.perform(get("/api/assessments")
                        .param("systemId", w.system().id().toString())
                        .with(as(org.yunjian.party.PartyTestSupport.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')]").isNotEmpty())
                .andExpect(jsonPath("$.items[*].systemId")
                        .value(everyItem(is(w.system().id().toString()))));
    }

    @Test
    void notApplicableNeedsAReasonAndFindingsNeedARisk() throws Exception {
        String id = create("\"MLPS-L3\"");
        String item = itemIds(id, assessor).get(0);
        verdict(item, "{\"verdict\":\"NOT_APPLICABLE\"}", as(assessor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").exists());
        verdict(item, "{\"verdict\":\"NON_COMPLIANT\"}", as(assessor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.riskLevel").exists());
        verdict(item, "{\"verdict\":\"NOT_APPLICABLE\",\"reason\":\"无此类设施\"}", as(assessor))
                .andExpect(status().isOk());
        verdict(item, "{\"verdict\":\"COMPLIANT\"}", as(customer)).andExpect(status().isForbidden());
    }

    @Test
    void partiallyCompliantOnlyWhereTheCatalogDefinesIt() throws Exception {
        String id = create("\"MLPS-L3\"");
        var without = catalog.find(RequirementFilter.items().standard("MLPS-L3")).stream()
                .filter(r -> r.mlps().criteria().partiallyCompliant() == null)
                .findFirst()
                .orElseThrow();
        String side =
                without.mlps().assessedSide() == AssessedSide.CUSTOMER_SYSTEM ? "CUSTOMER_SYSTEM" : "CLOUD_PLATFORM";
        String item = item(id, without.id().value(), side);
        mvc.perform(get("/api/assessment-items/{id}", item).with(as(assessor)))
                .andExpect(jsonPath("$.verdictChoices")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("PARTIALLY_COMPLIANT"))))
                .andExpect(jsonPath("$.criteria.compliant")
                        .value(without.mlps().criteria().compliant()));
        verdict(item, "{\"verdict\":\"PARTIALLY_COMPLIANT\",\"riskLevel\":\"LOW\",\"riskReason\":\"r\"}", as(assessor))
                .andExpect(status().isBadRequest());
    }

    @Test
    void findingOpensRemediationAndReTestKeepsHistory() throws Exception {
        String id = create("\"MLPS-L3\"");
        move(id, "IN_PROGRESS", 200);
        String item = itemIds(id, assessor).get(0);
        verdict(item, "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"HIGH\",\"riskReason\":\"数据出境\"}", as(assessor))
                .andExpect(status().isOk());
        String body = mvc.perform(get("/api/assessments/{id}/remediations", id).with(as(customer)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.pages").value(1))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].status").value("OPEN"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String remediation = JsonPath.read(body, "$.items[0].id");
        mvc.perform(get("/api/assessments/{id}/remediations", id)
                        .param("page", "2")
                        .with(as(customer)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/assessments/{id}/remediations", id)
                        .param("size", "201")
                        .with(as(customer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size").exists());
        mvc.perform(get("/api/assessments/{id}/score", id).with(as(customer)))
                .andExpect(jsonPath("$.conclusion").value("DOES_NOT_CONFORM"))
                .andExpect(jsonPath("$.highRisk.length()").value(1))
                .andExpect(jsonPath("$.policyId").value("mlps-2025"))
                .andExpect(jsonPath("$.policyVersion").value("v2"));
        // the responsible party reports it done; it may not verify its own work
        String responsibleOrg = JsonPath.read(body, "$.items[0].responsibleOrgId");
        CurrentUser responsible = responsibleOrg.equals(w.provider().id().toString()) ? provider : customer;
        mvc.perform(put("/api/remediations/{id}", remediation)
                        .with(IfMatch.remediation(jdbc, remediation))
                        .with(as(responsible))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"VERIFIED\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/remediations/{id}", remediation)
                        .with(IfMatch.remediation(jdbc, remediation))
                        .with(as(responsible))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DONE\",\"note\":\"已迁回境内\"}"))
                .andExpect(status().isOk());
        verdict(item, "{\"verdict\":\"COMPLIANT\"}", as(assessor)).andExpect(status().isOk());
        mvc.perform(get("/api/assessment-items/{id}", item).with(as(assessor)))
                .andExpect(jsonPath("$.history.length()").value(2))
                .andExpect(jsonPath("$.history[0].verdict").value("NON_COMPLIANT"))
                .andExpect(jsonPath("$.history[1].verdict").value("COMPLIANT"))
                .andExpect(jsonPath("$.history[1].retest").value(true))
                .andExpect(jsonPath("$.remediations[0].status").value("VERIFIED"));
    }

    @Test
    void evidenceIsEncryptedAtRestAndServedVerified() throws Exception {
        String id = create("\"MLPS-L3\"");
        String item = itemIds(id, assessor).get(0);
        String ev = upload(item, customer, "../../机房照片.pdf", PDF, false);
        String blob = jdbc.sql("SELECT blob_name FROM assessment_evidence WHERE id = ?")
                .param(UUID.fromString(ev))
                .query(String.class)
                .single();
        byte[] stored = Files.readAllBytes(evidenceDir.resolve(blob));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(blob).doesNotContain("机房");
        mvc.perform(get("/api/evidence/{id}/content", ev).with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Evidence-SM3", Sm3.hex(PDF)))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                .andExpect(header().string(
                                "Content-Disposition",
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(".."))));
        mvc.perform(get("/api/evidence/{id}", ev).with(as(customer)))
                .andExpect(jsonPath("$.displayName").value("机房照片.pdf"))
                .andExpect(jsonPath("$.sm3").value(Sm3.hex(PDF)));
    }

    @Test
    void evidenceAlteredInStorageIsDetectedOnDownload() throws Exception {
        String id = create("\"MLPS-L3\"");
        String item = itemIds(id, assessor).get(0);
        String ev = upload(item, assessor, "配置.pdf", PDF, false);
        String blob = jdbc.sql("SELECT blob_name FROM assessment_evidence WHERE id = ?")
                .param(UUID.fromString(ev))
                .query(String.class)
                .single();
        Path file = evidenceDir.resolve(blob);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        mvc.perform(get("/api/evidence/{id}/content", ev).with(as(assessor)).header("Accept-Language", "en"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:evidence-integrity"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("altered in storage")));
        mvc.perform(get("/api/evidence/{id}/content", ev).with(as(assessor)))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("在存储中被改动")));
    }

    @Test
    void evidenceWhoseKeyIsDeletedIsGone() throws Exception {
        String id = create("\"MLPS-L3\"");
        String item = itemIds(id, assessor).get(0);
        String ev = upload(item, assessor, "配置.pdf", PDF, false);
        jdbc.sql("DELETE FROM assessment_evidence_key WHERE evidence_id = ?")
                .param(UUID.fromString(ev))
                .update();
        mvc.perform(get("/api/evidence/{id}/content", ev).with(as(assessor))).andExpect(status().isGone());
    }

    @Test
    void providerCannotReadCustomerEvidenceUnlessShared() throws Exception {
        String id = create("\"MLPS-L3\"");
        String item = itemIds(id, assessor).get(0);
        String ev = upload(item, customer, "客户日志.pdf", PDF, false);
        mvc.perform(get("/api/evidence/{id}/content", ev).with(as(provider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/evidence/{id}", ev).with(as(provider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/assessment-items/{id}", item).with(as(provider)))
                .andExpect(jsonPath("$.evidence.length()").value(0));
        mvc.perform(put("/api/evidence/{id}/shared", ev)
                        .with(IfMatch.evidence(jdbc, ev))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"shared\":true}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/evidence/{id}/shared", ev)
                        .with(IfMatch.evidence(jdbc, ev))
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"shared\":true}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/evidence/{id}/content", ev).with(as(provider))).andExpect(status().isOk());
        mvc.perform(get("/api/evidence/{id}/content", ev).with(as(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void rejectsAnExecutableDisguisedAsPdf() throws Exception {
        String id = create("\"MLPS-L3\"");
        String item = itemIds(id, assessor).get(0);
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        mvc.perform(multipart("/api/assessment-items/{id}/evidence", item)
                        .file(new MockMultipartFile("file", "report.pdf", "application/pdf", exe))
                        .with(as(assessor)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").exists());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_evidence WHERE item_id = ?")
                        .param(UUID.fromString(item))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void completedAssessmentRefusesChangesWith409() throws Exception {
        String id = create("\"MLPS-L3\"");
        String item = itemIds(id, assessor).get(0);
        String ev = upload(item, assessor, "配置.pdf", PDF, false);
        move(id, "IN_PROGRESS", 200);
        verdict(item, "{\"verdict\":\"COMPLIANT\"}", as(assessor)).andExpect(status().isOk());
        SignOffFixture.complete(mvc, users, jdbc, id, assessor);
        verdict(item, "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"LOW\",\"riskReason\":\"r\"}", as(assessor))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:assessment-closed"));
        mvc.perform(multipart("/api/assessment-items/{id}/evidence", item)
                        .file(new MockMultipartFile("file", "b.pdf", "application/pdf", PDF))
                        .with(as(assessor)))
                .andExpect(status().isConflict());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/evidence/{id}", ev)
                        .with(as(assessor)))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/assessment-items/{id}/observations", item)
                        .with(IfMatch.item(jdbc, item))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"observations\":\"x\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/evidence/{id}/content", ev).with(as(assessor))).andExpect(status().isOk());
        move(id, "ARCHIVED", 200);
    }
}
