package org.yunjian.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yunjian.assessment.PlatformWorld;
import org.yunjian.catalog.ControlMap;
import org.yunjian.catalog.ForeignControls;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;

/**
 * Issue 60 end to end through REST, real services and database: NIST's published assessment results and POA&amp;M
 * of one system (JSON, and the XML liboscal-java writes of them) imported into an assessment, mapped entries placed on
 * test items with the crosswalk's relationship, unmapped ones listed; adopting writes the assessor's verdict and the
 * finding's text and origin, dismissing keeps the item; refused files (malformed, oversized, XXE, another model) leave
 * nothing; another organisation neither imports nor sees. The crosswalk is the test's own (ac-6.1 on an MLPS item and
 * on an item outside the scope), so the test does not depend on the shipped maps.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({Fixtures.class, FindingImportTests.Crosswalk.class})
@Tag("database")
class FindingImportTests {

    static final Path EXAMPLES = Path.of("../shared/oscal/examples");
    static final String MAPPED_ITEM = "MLPS-L3-8.2.4.2-a";
    static final String OUTSIDE = "TCCIA004-8.2.1-b-2";

    @TestConfiguration
    static class Crosswalk {
        @Bean
        @Primary
        ForeignControls testCrosswalk() {
            return new ForeignControls(
                    "NIST SP 800-53 Rev. 5",
                    "5.1.1",
                    List.of(
                            new ControlMap(
                                    "ac-6.1",
                                    RequirementId.of(MAPPED_ITEM),
                                    ControlMap.Relationship.INTERSECTS_WITH,
                                    60,
                                    "test",
                                    "测试",
                                    "test",
                                    "测试"),
                            new ControlMap(
                                    "ac-6.1",
                                    RequirementId.of(OUTSIDE),
                                    ControlMap.Relationship.SUBSET_OF,
                                    50,
                                    "test",
                                    "测试",
                                    "test",
                                    "测试")));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    CurrentUser assessor;
    CurrentUser customerUser;
    CurrentUser stranger;
    PlatformWorld world;

    @BeforeEach
    void world() {
        world = PlatformWorld.create(fixtures);
        assessor = user(world.assessorOrg().id());
        customerUser = user(world.customer().id());
        stranger =
                user(fixtures.organization("无关 " + UUID.randomUUID().toString().substring(0, 6), PartyRole.CUSTOMER)
                        .id());
    }

    String assessment() throws Exception {
        String body = mvc.perform(post("/api/assessments")
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"导入测评","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY",
                                 "scope":["MLPS-L3"]}""".formatted(
                                        world.system().id(), world.assessorOrg().id())))
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

    static byte[] example(String name) throws Exception {
        return Files.readAllBytes(EXAMPLES.resolve(name));
    }

    ResultActions upload(CurrentUser who, String id, String kind, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/assessments/{id}/finding-imports", id)
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .param("kind", kind)
                .with(as(who)));
    }

    long count(String table, String assessmentId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE assessment_id = ?")
                .param(UUID.fromString(assessmentId))
                .query(Long.class)
                .single();
    }

    @Test
    void nistResultsInJsonAndXmlImportWithMappedAndUnmappedEntries() throws Exception {
        String id = assessment();
        byte[] json = example("ifa_assessment-results-example.json");
        String body = upload(assessor, id, "RESULTS", "ifa-ar.json", json)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.source.kind").value("RESULTS"))
                .andExpect(jsonPath("$.source.oscalVersion").value("1.1.2"))
                .andExpect(jsonPath("$.mapped.length()").value(1))
                .andExpect(jsonPath("$.mapped[0].kind").value("FINDING"))
                .andExpect(jsonPath("$.mapped[0].controlId").value("ac-6.1"))
                .andExpect(jsonPath("$.mapped[0].sourceStatus").value("not-satisfied"))
                .andExpect(jsonPath("$.unmapped.length()").value(1))
                .andExpect(jsonPath("$.unmapped[0].kind").value("OBSERVATION"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> placements = JsonPath.read(body, "$.mapped[0].placements");
        assertThat(placements).extracting(p -> p.get("requirementId")).contains(MAPPED_ITEM, OUTSIDE);
        assertThat(placements)
                .filteredOn(p -> OUTSIDE.equals(p.get("requirementId")))
                .allSatisfy(p -> assertThat(p.get("itemId")).isNull());
        assertThat(placements)
                .filteredOn(p -> MAPPED_ITEM.equals(p.get("requirementId")))
                .isNotEmpty()
                .allSatisfy(p -> {
                    assertThat(p.get("itemId")).isNotNull();
                    assertThat(p.get("relationship")).isEqualTo("intersects-with");
                    assertThat(p.get("state")).isEqualTo("PROPOSED");
                });
        // the imported file is kept sealed and served back byte for byte
        String importId = JsonPath.read(body, "$.source.id");
        mvc.perform(get("/api/finding-imports/{id}/file", importId).with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(json));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'findings.import.results' AND object_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // no verdict was set by the import
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_item WHERE assessment_id = ? AND verdict IS NOT NULL")
                        .param(UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();

        byte[] xml = OscalXmlForm.of(json, "ar.json");
        upload(assessor, id, "RESULTS", "ifa-ar.xml", xml)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.source.format").value("XML"))
                .andExpect(jsonPath("$.mapped.length()").value(1))
                .andExpect(jsonPath("$.mapped[0].controlId").value("ac-6.1"))
                .andExpect(jsonPath("$.unmapped.length()").value(1));
    }

    @Test
    void nistPoamImportsItsItemsWithDeadlinesAndTheResultsObservationsPlaceThem() throws Exception {
        String id = assessment();
        upload(assessor, id, "RESULTS", "ifa-ar.json", example("ifa_assessment-results-example.json"))
                .andExpect(status().isCreated());
        byte[] json = example("ifa_plan-of-action-and-milestones.json");
        String body = upload(assessor, id, "POAM", "ifa-poam.json", json)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.source.kind").value("POAM"))
                // the system engineers' item shares its observation with the results' ac-6.1 finding
                .andExpect(jsonPath("$.mapped.length()").value(1))
                .andExpect(jsonPath("$.mapped[0].kind").value("POAM_ITEM"))
                .andExpect(jsonPath("$.mapped[0].controlId").value("ac-6.1"))
                .andExpect(jsonPath("$.mapped[0].sourceStatus").value("open"))
                .andExpect(jsonPath("$.mapped[0].deadline").value("2023-06-23"))
                // the Django item names no control the results know: unmapped, listed
                .andExpect(jsonPath("$.unmapped.length()").value(1))
                .andExpect(jsonPath("$.unmapped[0].sourceStatus").value("deviation-approved"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the risk register names the proposals to confirm, for the assessors only
        assertThat(mvc.perform(get("/assessments/{id}/risks", id).with(as(assessor)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("导入的 POA&amp;M ifa-poam.json 提出 1 项整改");
        assertThat(mvc.perform(get("/assessments/{id}/risks", id).with(as(customerUser)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("ifa-poam.json");
        String placement = JsonPath.<List<String>>read(
                        body, "$.mapped[0].placements[?(@.requirementId == '" + MAPPED_ITEM + "')].id")
                .get(0);
        // adopting as a finding plans the item's remediation with the source's deadline
        mvc.perform(post("/api/imported-findings/{id}/adoption", placement)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"verdict":"NON_COMPLIANT","riskLevel":"MEDIUM","riskReason":"越权","version":0}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("NON_COMPLIANT"));
        String itemId = JsonPath.<List<String>>read(
                        body, "$.mapped[0].placements[?(@.requirementId == '" + MAPPED_ITEM + "')].itemId")
                .get(0);
        assertThat(jdbc.sql("SELECT due_date FROM assessment_remediation WHERE item_id = ?")
                        .param(UUID.fromString(itemId))
                        .query(java.time.LocalDate.class)
                        .single())
                .isEqualTo(java.time.LocalDate.of(2023, 6, 23));

        byte[] xml = OscalXmlForm.of(json, "poam.json");
        upload(assessor, id, "POAM", "ifa-poam.xml", xml)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.source.format").value("XML"))
                .andExpect(jsonPath("$.mapped.length()").value(1))
                .andExpect(jsonPath("$.mapped[0].deadline").value("2023-06-23"))
                .andExpect(jsonPath("$.unmapped.length()").value(1));
    }

    @Test
    void adoptingWritesTheAssessorsVerdictAndTheOriginDismissingKeepsTheItem() throws Exception {
        String id = assessment();
        String body = upload(assessor, id, "RESULTS", "ifa-ar.json", example("ifa_assessment-results-example.json"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ids =
                JsonPath.read(body, "$.mapped[0].placements[?(@.requirementId == '" + MAPPED_ITEM + "')].id");
        List<String> items =
                JsonPath.read(body, "$.mapped[0].placements[?(@.requirementId == '" + MAPPED_ITEM + "')].itemId");
        String outside = JsonPath.<List<String>>read(
                        body, "$.mapped[0].placements[?(@.requirementId == '" + OUTSIDE + "')].id")
                .get(0);
        assertThat(ids).isNotEmpty();
        // an item outside the scope cannot take it
        mvc.perform(post("/api/imported-findings/{id}/adoption", outside)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"COMPLIANT\",\"version\":0}"))
                .andExpect(status().isConflict());
        // a finding verdict needs its risk: refused, nothing decided
        mvc.perform(post("/api/imported-findings/{id}/adoption", ids.get(0))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"NON_COMPLIANT\",\"version\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // the customer may not adopt
        mvc.perform(post("/api/imported-findings/{id}/adoption", ids.get(0))
                        .with(as(customerUser))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"COMPLIANT\",\"version\":0}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/imported-findings/{id}/adoption", ids.get(0))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"verdict":"NON_COMPLIANT","riskLevel":"HIGH","riskReason":"系统工程师角色越权",
                                 "version":0}"""))
                .andExpect(status().isOk());
        Map<String, Object> item = jdbc.sql("SELECT verdict, observations, finding FROM assessment_item WHERE id = ?")
                .param(UUID.fromString(items.get(0)))
                .query()
                .singleRow();
        assertThat(item.get("verdict")).isEqualTo("NON_COMPLIANT");
        assertThat((String) item.get("observations")).contains("ifa-ar.json", "ac-6.1", "not-satisfied");
        assertThat((String) item.get("finding")).contains("System Engineer Role Permits High Risk Actions");
        // decided once
        mvc.perform(post("/api/imported-findings/{id}/adoption", ids.get(0))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"COMPLIANT\",\"version\":1}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/imported-findings/{id}/dismissal", outside)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"\",\"version\":0}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/imported-findings/{id}/dismissal", outside)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"不在测评范围内\",\"version\":0}"))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT reason FROM imported_finding_target WHERE id = ?")
                        .param(UUID.fromString(outside))
                        .query(String.class)
                        .single())
                .isEqualTo("不在测评范围内");
        String importId = JsonPath.read(body, "$.source.id");
        mvc.perform(get("/api/finding-imports/{id}", importId).with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mapped[0].placements[?(@.state == 'ADOPTED')]")
                        .isNotEmpty())
                .andExpect(jsonPath("$.mapped[0].placements[?(@.state == 'DISMISSED')]")
                        .isNotEmpty());
    }

    @Test
    void malformedOversizedXxeAndOtherModelFilesAreRefusedWithNothingStored() throws Exception {
        String id = assessment();
        upload(assessor, id, "RESULTS", "bad.json", "{\"assessment-results\": {".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        byte[] xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE assessment-results [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <assessment-results xmlns="http://csrc.nist.gov/ns/oscal/1.0" uuid="ec0dad37-54e0-40fd-a925-6d0bdea94c0d">
                <metadata><title>&xxe;</title></metadata></assessment-results>""".getBytes(StandardCharsets.UTF_8);
        upload(assessor, id, "RESULTS", "xxe.xml", xxe)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        byte[] big = new byte[FindingImports.MAX_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        upload(assessor, id, "RESULTS", "big.json", big)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value(org.hamcrest.Matchers.containsString("5")));
        upload(assessor, id, "RESULTS", "poam.json", example("ifa_plan-of-action-and-milestones.json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        byte[] old = new String(example("ifa_assessment-results-example.json"), StandardCharsets.UTF_8)
                .replace("\"oscal-version\": \"1.1.2\"", "\"oscal-version\": \"1.0.0\"")
                .getBytes(StandardCharsets.UTF_8);
        upload(assessor, id, "RESULTS", "old.json", old).andExpect(status().isBadRequest());
        assertThat(count("finding_import", id)).isZero();
        assertThat(count("imported_finding", id)).isZero();
    }

    @Test
    void anotherOrganisationNeitherImportsNorSeesAndTheCustomerDoesNotSeeTheWorkingMaterial() throws Exception {
        String id = assessment();
        byte[] json = example("ifa_assessment-results-example.json");
        upload(stranger, id, "RESULTS", "ifa-ar.json", json).andExpect(status().isNotFound());
        upload(customerUser, id, "RESULTS", "ifa-ar.json", json).andExpect(status().isForbidden());
        assertThat(count("finding_import", id)).isZero();
        String importId = JsonPath.read(
                upload(assessor, id, "RESULTS", "ifa-ar.json", json)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.source.id");
        mvc.perform(get("/api/finding-imports/{id}", importId).with(as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/finding-imports/{id}/file", importId).with(as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/assessments/{id}/finding-imports", id).with(as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/finding-imports/{id}", importId).with(as(customerUser)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/finding-imports/{id}", importId).with(as(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void theImportPageShowsMappedAndUnmappedEntriesWithTheirRelationship() throws Exception {
        String id = assessment();
        String importId = JsonPath.read(
                upload(assessor, id, "RESULTS", "ifa-ar.json", example("ifa_assessment-results-example.json"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.source.id");
        String html = mvc.perform(get("/finding-imports/{id}", importId).with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains("ac-6.1", "部分重叠", MAPPED_ITEM, "不在本测评范围内", "未映射的条目（1）", "adopt-form", "dismiss-form")
                .contains("AwesomeCloud IAM Roles Test - GoodRead Developer Role");
        String list = mvc.perform(get("/assessments/{id}/finding-imports", id).with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("ifa-ar.json", "import-results-form", "import-poam-form");
        // a refused file shows the page again naming the problem, nothing stored, the refusal audited
        String refused = mvc.perform(multipart("/assessments/{id}/finding-imports", id)
                        .file(new MockMultipartFile(
                                "file", "x.json", "application/json", "{\"x\":1}".getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "POAM")
                        .with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("未导入：文件不符合 OSCAL 官方模式");
        assertThat(count("finding_import", id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'upload.refused'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }
}
