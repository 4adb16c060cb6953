package org.yunjian.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yunjian.assessment.PlatformWorld;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;
import org.yunjian.report.ReportTests;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;
import org.yunjian.support.PdfInspection;

/**
 * Inherited items through the REST API, real services and database: who is responsible per item, marking an item
 * inherited from the provider's completed platform assessment or a recorded external conclusion, the refusals
 * (wrong side, stale source, editing while inherited), withdrawing, the bulk action and the report.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class InheritanceApiTests {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    org.yunjian.security.UserAdministration users;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Organization customer;
    Organization provider;
    Organization assessorOrg;
    CloudSystem system;
    CloudSystem platform;
    CurrentUser assessor;
    CurrentUser providerUser;
    CurrentUser customerUser;
    CurrentUser stranger;

    @BeforeEach
    void world() {
        PlatformWorld world = PlatformWorld.create(fixtures);
        customer = world.customer();
        provider = world.provider();
        assessorOrg = world.assessorOrg();
        system = world.system();
        platform = world.platform();
        assessor = user(assessorOrg.id());
        providerUser = user(provider.id());
        customerUser = user(customer.id());
        stranger =
                user(fixtures.organization("无关 " + UUID.randomUUID().toString().substring(0, 6), PartyRole.CUSTOMER)
                        .id());
    }

    // --- helpers

    String create(CurrentUser who, CloudSystem s, Organization org, String kind) throws Exception {
        String body = mvc.perform(post("/api/assessments")
                        .with(as(who))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"等保测评 %s","systemId":"%s","assessorOrgId":"%s","assessorKind":"%s",
                                 "scope":["MLPS-L3"]}""".formatted(s.name(), s.id(), org.id(), kind)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    void move(CurrentUser who, String id, String to) throws Exception {
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(who))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"" + to + "\"}"))
                .andExpect(status().isOk());
    }

    List<String> items(CurrentUser who, String id, String side) throws Exception {
        String body = AssessmentItems.json(mvc, id, as(who), "side", side);
        return JsonPath.read(body, "$[*].id");
    }

    String requirementOf(String itemId) throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/assessment-items/{id}", itemId).with(as(assessor)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.item.requirementId");
    }

    ResultActions verdict(CurrentUser who, String itemId, String json) throws Exception {
        return mvc.perform(put("/api/assessment-items/{id}/verdict", itemId)
                .with(IfMatch.item(jdbc, java.util.UUID.fromString(itemId)))
                .with(as(who))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    ResultActions inherit(String itemId, String source) throws Exception {
        return mvc.perform(put("/api/assessment-items/{id}/inheritance", itemId)
                .with(as(assessor))
                .with(IfMatch.item(jdbc, itemId))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"source\":\"" + source + "\"}"));
    }

    /** The provider's own platform assessment: the first cloud-platform items judged, then completed. */
    String completedPlatformAssessment() throws Exception {
        String id = create(providerUser, platform, provider, "CUSTOMER_SELF");
        move(providerUser, id, "IN_PROGRESS");
        List<String> platformItems = items(providerUser, id, "CLOUD_PLATFORM");
        verdict(providerUser, platformItems.get(0), "{\"verdict\":\"COMPLIANT\",\"reason\":\"平台机房已核查\"}")
                .andExpect(status().isOk());
        verdict(providerUser, platformItems.get(1), """
                {"verdict":"NON_COMPLIANT","riskLevel":"MEDIUM","riskReason":"平台日志留存不足"}""").andExpect(status().isOk());
        SignOffFixture.complete(mvc, users, jdbc, id, providerUser);
        return id;
    }

    String tenantAssessment() throws Exception {
        String id = create(assessor, system, assessorOrg, "THIRD_PARTY");
        move(assessor, id, "IN_PROGRESS");
        return id;
    }

    String recordConclusion(String assessmentId, LocalDate date, byte[] pdf) throws Exception {
        var request = multipart("/api/assessments/{id}/external-conclusions", assessmentId)
                .param("reportNumber", "DJCP-2026-0815")
                .param("assessorName", "某某等级测评中心")
                .param("concludedOn", date.toString())
                .param("verdict", "COMPLIANT");
        if (pdf != null) {
            request.file(new MockMultipartFile("file", "平台测评结论.pdf", "application/pdf", pdf));
        }
        String body = mvc.perform(request.with(as(assessor)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("EXTERNAL"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    long audited(String action, String objectId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND object_id = ?")
                .params(action, objectId)
                .query(Long.class)
                .single();
    }

    // --- tests

    @Test
    void everyItemNamesTheOrganisationsResponsibleOnThisSystem() throws Exception {
        String id = tenantAssessment();
        mvc.perform(get("/api/assessments/{id}/items", id)
                        .param("side", "CLOUD_PLATFORM")
                        .with(as(customerUser)))
                .andExpect(jsonPath("$.items[0].responsible[0].name").value(provider.name()))
                .andExpect(jsonPath("$.items[0].responsible[0].id")
                        .value(provider.id().toString()))
                .andExpect(jsonPath("$.items[0].inherited").doesNotExist());
        mvc.perform(get("/api/assessments/{id}/items", id)
                        .param("side", "CUSTOMER_SYSTEM")
                        .with(as(assessor)))
                .andExpect(jsonPath("$.items[0].responsible[0].name").value(customer.name()))
                .andExpect(jsonPath("$.items[0].responsible.length()").value(1));
    }

    @Test
    void marksAPlatformItemInheritedFromTheProvidersCompletedPlatformAssessment() throws Exception {
        String source = completedPlatformAssessment();
        String id = tenantAssessment();
        mvc.perform(get("/api/assessments/{id}/inheritance-sources", id).with(as(assessor)))
                .andExpect(jsonPath("$.items[0].id").value(source))
                .andExpect(jsonPath("$.items[0].kind").value("YUNJIAN"))
                .andExpect(jsonPath("$.items[0].fresh").value(true))
                .andExpect(jsonPath("$.total").value(1));
        String first = items(assessor, id, "CLOUD_PLATFORM").get(0);
        String second = items(assessor, id, "CLOUD_PLATFORM").get(1);
        inherit(first, source)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("COMPLIANT"))
                .andExpect(jsonPath("$.verdictReason").value("平台机房已核查"))
                .andExpect(jsonPath("$.inherited.source.kind").value("YUNJIAN"))
                .andExpect(jsonPath("$.inherited.source.id").value(source))
                .andExpect(jsonPath("$.inherited.sourceItemId").isNotEmpty());
        inherit(second, source)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("NON_COMPLIANT"))
                .andExpect(jsonPath("$.riskLevel").value("MEDIUM"));
        // the score counts the source's verdicts
        mvc.perform(get("/api/assessments/{id}/score", id).with(as(assessor)))
                .andExpect(jsonPath("$.mediumRisk").value(1));
        // twice is refused
        inherit(first, source).andExpect(status().isConflict());
        assertThat(audited("assessment.inherit", first)).isEqualTo(1);
        // another organisation does not learn about the sources
        mvc.perform(get("/api/assessments/{id}/inheritance-sources", id).with(as(stranger)))
                .andExpect(status().isNotFound());
        // only the assessors mark
        mvc.perform(put("/api/assessment-items/{id}/inheritance", second)
                        .with(as(customerUser))
                        .with(IfMatch.item(jdbc, second))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\":\"" + source + "\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesACustomerSystemItemNamingIt() throws Exception {
        String source = completedPlatformAssessment();
        String id = tenantAssessment();
        String customerItem = items(assessor, id, "CUSTOMER_SYSTEM").get(0);
        String requirement = requirementOf(customerItem);
        inherit(customerItem, source)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:item-not-inheritable"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(requirement)));
        assertThat(audited("assessment.inherit", customerItem)).isZero();
    }

    @Test
    void refusesASourceOlderThanTwelveMonths() throws Exception {
        String source = completedPlatformAssessment();
        jdbc.sql("UPDATE assessment SET completed_at = ? WHERE id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMonths(13), UUID.fromString(source))
                .update();
        String id = tenantAssessment();
        String item = items(assessor, id, "CLOUD_PLATFORM").get(0);
        mvc.perform(get("/api/assessments/{id}/inheritance-sources", id).with(as(assessor)))
                .andExpect(jsonPath("$.items[0].fresh").value(false));
        inherit(item, source)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:source-stale"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("12")));
        String old = recordConclusion(id, LocalDate.now().minusMonths(13), null);
        inherit(item, old)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:source-stale"));
        mvc.perform(get("/api/assessment-items/{id}", item).with(as(assessor)))
                .andExpect(jsonPath("$.item.verdict").doesNotExist());
    }

    @Test
    void anInheritedVerdictCannotBeEditedUntilWithdrawnAndWithdrawingRestoresTheOwnVerdict() throws Exception {
        String source = completedPlatformAssessment();
        String id = tenantAssessment();
        String item = items(assessor, id, "CLOUD_PLATFORM").get(1);
        verdict(assessor, item, "{\"verdict\":\"NOT_APPLICABLE\",\"reason\":\"本系统未使用该服务\"}")
                .andExpect(status().isOk());
        inherit(item, source)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("NON_COMPLIANT"));
        verdict(assessor, item, "{\"verdict\":\"COMPLIANT\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:item-inherited"));
        mvc.perform(delete("/api/assessment-items/{id}/inheritance", item)
                        .with(as(assessor))
                        .with(IfMatch.item(jdbc, item)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("NOT_APPLICABLE"))
                .andExpect(jsonPath("$.verdictReason").value("本系统未使用该服务"))
                .andExpect(jsonPath("$.inherited").doesNotExist());
        verdict(assessor, item, "{\"verdict\":\"COMPLIANT\"}").andExpect(status().isOk());
        mvc.perform(delete("/api/assessment-items/{id}/inheritance", item)
                        .with(as(assessor))
                        .with(IfMatch.item(jdbc, item)))
                .andExpect(status().isConflict());
        assertThat(audited("assessment.inherit.withdraw", item)).isEqualTo(1);
    }

    @Test
    void aWorkbookChangingAnInheritedItemIsRefusedNamingItsRowAndNothingIsApplied() throws Exception {
        String id = tenantAssessment();
        String conclusion = recordConclusion(id, LocalDate.now().minusMonths(1), null);
        String inheritedItem = items(assessor, id, "CLOUD_PLATFORM").get(0);
        String ownItem = items(assessor, id, "CUSTOMER_SYSTEM").get(0);
        inherit(inheritedItem, conclusion).andExpect(status().isOk());
        byte[] exported = mvc.perform(get("/api/assessments/{id}/workbook", id).with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        int[] rows = new int[2];
        byte[] edited;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(exported));
                var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.getSheet("测评项");
            for (var row : sheet) {
                String itemId = row.getCell(0) == null ? "" : row.getCell(0).toString();
                if (itemId.equals(inheritedItem) || itemId.equals(ownItem)) {
                    rows[itemId.equals(inheritedItem) ? 0 : 1] = row.getRowNum() + 1;
                    (row.getCell(9) == null ? row.createCell(9) : row.getCell(9)).setCellValue("不适用");
                    (row.getCell(10) == null ? row.createCell(10) : row.getCell(10)).setCellValue("本系统不涉及");
                }
            }
            wb.write(out);
            edited = out.toByteArray();
        }
        assertThat(rows[0]).as("the inherited item's row").isPositive();
        mvc.perform(multipart("/api/assessments/{id}/workbook", id)
                        .file(new MockMultipartFile("file", "items.xlsx", "application/octet-stream", edited))
                        .with(as(assessor)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems.length()").value(1))
                .andExpect(jsonPath("$.problems[0].row").value(rows[0]))
                .andExpect(jsonPath("$.problems[0].column").value("J"));
        mvc.perform(get("/api/assessment-items/{id}", ownItem).with(as(assessor)))
                .andExpect(jsonPath("$.item.verdict").doesNotExist());
    }

    @Test
    void recordsAnExternalConclusionWithItsPdfAndInheritsAllPlatformItemsAfterConfirmation() throws Exception {
        String id = tenantAssessment();
        // not a PDF by content, whatever its name
        mvc.perform(multipart("/api/assessments/{id}/external-conclusions", id)
                        .file(new MockMultipartFile(
                                "file",
                                "结论.pdf",
                                "application/pdf",
                                "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8)))
                        .param("reportNumber", "X-1")
                        .param("assessorName", "某中心")
                        .param("concludedOn", LocalDate.now().toString())
                        .param("verdict", "COMPLIANT")
                        .with(as(assessor)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").exists());
        String conclusion = recordConclusion(id, LocalDate.now().minusMonths(2), PDF);
        assertThat(audited("assessment.conclusion.record", id)).isEqualTo(1);
        String pdfEvidence = JsonPath.read(
                mvc.perform(get("/api/assessments/{id}/inheritance-sources", id).with(as(assessor)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[0].evidenceId");
        mvc.perform(get("/api/evidence/{id}", pdfEvidence).with(as(providerUser)))
                .andExpect(jsonPath("$.contentType").value("application/pdf"));

        List<String> platformItems = items(assessor, id, "CLOUD_PLATFORM");
        verdict(assessor, platformItems.get(0), "{\"verdict\":\"COMPLIANT\"}").andExpect(status().isOk());
        mvc.perform(post("/api/assessments/{id}/inheritance", id)
                        .with(as(assessor))
                        .with(IfMatch.current(jdbc, "assessment", id))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\":\"" + conclusion + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/assessments/{id}/inheritance", id)
                        .with(as(assessor))
                        .with(IfMatch.current(jdbc, "assessment", id))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\":\"" + conclusion + "\",\"confirm\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inherited").value(platformItems.size() - 1))
                .andExpect(jsonPath("$.skipped.length()").value(1));
        mvc.perform(get("/api/assessments/{id}/items", id)
                        .param("side", "CLOUD_PLATFORM")
                        .with(as(assessor)))
                .andExpect(jsonPath("$.items[1].inherited.source.reportNumber").value("DJCP-2026-0815"))
                .andExpect(jsonPath("$.items[1].inherited.source.organisation").value("某某等级测评中心"))
                .andExpect(jsonPath("$.items[1].verdict").value("COMPLIANT"))
                .andExpect(jsonPath("$.items[0].inherited").doesNotExist());
        mvc.perform(get("/api/assessments/{id}/items", id)
                        .param("side", "CUSTOMER_SYSTEM")
                        .with(as(assessor)))
                .andExpect(jsonPath("$.items[*].inherited")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue())));
        mvc.perform(delete("/api/assessments/{id}/inheritance", id)
                        .with(as(assessor))
                        .with(IfMatch.current(jdbc, "assessment", id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withdrawn").value(platformItems.size() - 1));
        mvc.perform(get("/api/assessments/{id}/items", id)
                        .param("verdict", "NONE")
                        .param("side", "CLOUD_PLATFORM")
                        .with(as(assessor)))
                .andExpect(jsonPath("$.total").value(platformItems.size() - 1));
        assertThat(audited("assessment.inherit.bulk", id)).isEqualTo(1);
        assertThat(audited("assessment.inherit.withdraw-all", id)).isEqualTo(1);
    }

    @Test
    void theReportListsInheritedItemsWithTheirSourceInBothLanguages() throws Exception {
        String source = completedPlatformAssessment();
        String sourceNumber = JsonPath.read(
                mvc.perform(get("/api/assessments/{id}", source).with(as(providerUser)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.reportNumber");
        String id = tenantAssessment();
        List<String> platformItems = items(assessor, id, "CLOUD_PLATFORM");
        inherit(platformItems.get(0), source).andExpect(status().isOk());
        String conclusion = recordConclusion(id, LocalDate.now().minusMonths(1), null);
        inherit(platformItems.get(2), conclusion).andExpect(status().isOk());
        String inheritedRequirement = requirementOf(platformItems.get(0));

        byte[] docx = mvc.perform(get("/api/assessments/{id}/report.docx", id)
                        .param("lang", "zh")
                        .with(as(customerUser)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs()).extracting(p -> p.getText()).contains("继承的测评项");
            var table = doc.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(5) != null
                            && t.getRow(0).getCell(5).getText().equals("来源报告编号"))
                    .findFirst()
                    .orElseThrow();
            assertThat(table.getRows()).hasSize(3);
            assertThat(table.getRow(1).getCell(1).getText()).isEqualTo(inheritedRequirement);
            String cells = ReportTests.cellText(doc);
            assertThat(cells)
                    .contains(
                            inheritedRequirement,
                            sourceNumber,
                            "DJCP-2026-0815",
                            "某某等级测评中心",
                            provider.name(),
                            customer.name());
        }
        byte[] english = mvc.perform(get("/api/assessments/{id}/report.docx", id)
                        .param("lang", "en")
                        .with(as(customerUser)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(english))) {
            assertThat(doc.getParagraphs()).extracting(p -> p.getText()).contains("Inherited items");
            assertThat(ReportTests.cellText(doc)).contains("External assessment (某某等级测评中心)", "Source report number");
        }
        byte[] pdf = mvc.perform(get("/api/assessments/{id}/report.pdf", id)
                        .param("lang", "zh")
                        .with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfInspection inspection = new PdfInspection(pdf);
        String text = inspection.text(1, inspection.pages());
        assertThat(text).contains("继承的测评项", sourceNumber, "DJCP-2026-0815");
        String oscal = mvc.perform(
                        get("/api/assessments/{id}/oscal-results.json", id).with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> inheritedProps = JsonPath.read(
                oscal, "$.assessment-results.results[0].findings[*].props[?(@.name == 'inherited')].value");
        assertThat(inheritedProps).containsExactly("true", "true");
        List<String> reportNumbers = JsonPath.read(
                oscal,
                "$.assessment-results.results[0].findings[*].props[?(@.name "
                        + "== 'inherited-from-report-number')].value");
        assertThat(reportNumbers).containsExactly(sourceNumber, "DJCP-2026-0815");
        // still valid against the official OSCAL assessment-results schema with the inheritance properties
        try (var in = getClass().getClassLoader().getResourceAsStream("schema/json/oscal-ar_schema.json")) {
            var meta = com.networknt.schema.JsonMetaSchema.builder(com.networknt.schema.JsonMetaSchema.getV7())
                    .keyword(new com.networknt.schema.NonValidationKeyword("id"))
                    .build();
            var schema = com.networknt.schema.JsonSchemaFactory.builder(
                            com.networknt.schema.JsonSchemaFactory.getInstance(
                                    com.networknt.schema.SpecVersion.VersionFlag.V7))
                    .metaSchema(meta)
                    .build()
                    .getSchema(in);
            assertThat(schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(oscal)))
                    .isEmpty();
        }
    }
}
