package org.yunjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.demo.DemoData;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;
import org.yunjian.support.PdfInspection;

/**
 * The demo portal assessed against the sample 通用要求 item table (docs/samples) together with the built-in cloud
 * extension: one 等保 assessment — items of both in the template's layer order, scored under the 等保 conclusion rule,
 * both in the workbook, and one report in the 等保 template with both parts and the layers in the template's order.
 */
@SpringBootTest(properties = "yunjian.demo=true")
@AutoConfigureMockMvc
@Tag("database")
@org.yunjian.support.OnePass
@org.yunjian.support.RunsBesideTheSuite
class GeneralRequirementsAssessmentTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        org.yunjian.support.TestDatabases.freshDemo("general_requirements", registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogExchange exchange;

    @Autowired
    Catalog catalog;

    @Autowired
    UserAdministration users;

    static final String GENERAL = "通用要求-sample.xlsx";

    private String create(CurrentUser assessor, String scope) throws Exception {
        UUID system = jdbc.sql("SELECT id FROM cloud_system WHERE name = ?")
                .param(DemoData.PORTAL_SYSTEM)
                .query(UUID.class)
                .single();
        UUID assessorOrg = jdbc.sql("SELECT id FROM organization WHERE name = ?")
                .param(DemoData.ASSESSOR.name())
                .query(UUID.class)
                .single();
        String body = mvc.perform(post("/api/assessments")
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"门户网站等级测评（通用要求＋云计算扩展）","systemId":"%s","assessorOrgId":"%s",
                                 "assessorKind":"THIRD_PARTY","scope":[%s]}""".formatted(system, assessorOrg, scope)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private void verdict(CurrentUser assessor, String item, String json) throws Exception {
        mvc.perform(put("/api/assessment-items/{id}/verdict", item)
                        .with(IfMatch.item(jdbc, item))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }

    private byte[] download(CurrentUser u, String id, String document) throws Exception {
        return mvc.perform(
                        get("/api/assessments/{id}/" + document, id).with(as(u)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    @Test
    void theDemoPortalIsAssessedAgainstTheSampleGeneralRequirementsAndTheCloudExtensionAsOne等保Assessment()
            throws Exception {
        if (catalog.standard("MLPS-GENERAL").isEmpty()) {
            exchange.importOscal(GENERAL, Files.readAllBytes(Path.of("docs/samples", GENERAL)), null, null);
        }
        CurrentUser assessor = SeedActor.account(users, DemoData.ASSESSOR_USER).orElseThrow();
        String id = create(assessor, "\"MLPS-L3\",\"CATALOG:MLPS-GENERAL\"");

        String itemsJson = AssessmentItems.json(mvc, id, as(assessor));
        List<String> requirements = JsonPath.read(itemsJson, "$[*].requirementId");
        List<String> layers = JsonPath.read(itemsJson, "$[*].layer");
        List<String> ids = JsonPath.read(itemsJson, "$[*].id");
        int extension = (int) catalog.find(RequirementFilter.items().standard("MLPS-L3")).stream()
                .mapToLong(r -> r.mlps().assessedSide() == org.yunjian.catalog.AssessedSide.BOTH ? 2 : 1)
                .sum();
        // the ten level-3 rows (two of them on both sides) and every extension item; the level-2 row is left out
        assertThat(requirements)
                .hasSize(extension + 12)
                .contains("MLPS-GENERAL:G3-PE-1", "MLPS-GENERAL:G3-OM-1", "MLPS-L3-8.2.4.7-a")
                .doesNotContain("MLPS-GENERAL:G2-CE-1");
        // layers in the template's order; in each, the 通用要求 before the extension
        List<Integer> order = layers.stream()
                .map(org.yunjian.catalog.MlpsAssessment.templateLayers()::indexOf)
                .toList();
        assertThat(order).doesNotContain(-1).isSorted();
        assertThat(layers.stream().distinct().toList())
                .containsExactlyElementsOf(org.yunjian.catalog.MlpsAssessment.templateLayers());
        int firstGeneralCe = requirements.indexOf("MLPS-GENERAL:G3-CE-1");
        int firstExtensionCe = requirements.indexOf("MLPS-L3-8.2.4.7-a");
        assertThat(firstGeneralCe).isLessThan(firstExtensionCe);

        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk());
        for (int i = 0; i < ids.size(); i++) {
            verdict(assessor, ids.get(i), "{\"verdict\":\"COMPLIANT\",\"reason\":\"现场核查符合\"}");
        }
        verdict(
                assessor,
                ids.get(firstGeneralCe),
                "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"MEDIUM\",\"riskReason\":\"示例能力 4 未配置\"}");

        // scored as one 等保 assessment: the 2025 template's rule, layers in the template's order
        String score = mvc.perform(get("/api/assessments/{id}/score", id)
                        .with(as(assessor))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.policyId").value("mlps-2025"))
                .andExpect(jsonPath("$.pending").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> byLayer = JsonPath.read(score, "$.byLayer[*].name");
        assertThat(byLayer).containsExactlyElementsOf(org.yunjian.catalog.MlpsAssessment.templateLayers());
        assertThat((String) JsonPath.read(score, "$.conclusion"))
                .isIn("CONFORMS", "BASICALLY_CONFORMS", "DOES_NOT_CONFORM");

        // the workbook holds both parts
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(assessor, id, "workbook")))) {
            StringBuilder cells = new StringBuilder();
            DataFormatter fmt = new DataFormatter();
            book.sheetIterator()
                    .forEachRemaining(s -> s.forEach(r ->
                            r.forEach(c -> cells.append(fmt.formatCellValue(c)).append('\n'))));
            assertThat(cells).contains("【示例】第 4 条占位测评项", "MLPS-GENERAL:G3-CE-1", "MLPS-L3-8.2.4.7-a");
        }

        // one report in the 等保 template with both parts, layers in the template's order
        PdfInspection pdf = new PdfInspection(download(assessor, id, "report.pdf"));
        String all = pdf.text(1, pdf.pages()).replaceAll("\\s+", ""); // lines wrap anywhere in a PDF
        assertThat(all)
                .contains(
                        "网络安全等级测评报告（通用要求及云计算安全扩展要求）",
                        "网络安全等级测评报告模版（2025版）",
                        "等级测评结论",
                        "【示例】第4条占位测评项",
                        "示例能力4未配置",
                        "MLPS-L3-8.2.4.7-a",
                        catalog.requirement(org.yunjian.catalog.RequirementId.of("MLPS-L3-8.2.4.7-a"))
                                .orElseThrow()
                                .mlps()
                                .requirement()
                                .substring(0, 12)
                                .replaceAll("\\s+", ""));
        assertThat(pdf.missingGlyphs(1, pdf.pages())).isEmpty();
        Files.write(Path.of("/tmp/i34cat-general-report.pdf"), download(assessor, id, "report.pdf"));
        byte[] docx = download(assessor, id, "report.docx");
        Files.write(Path.of("/tmp/i34cat-general-report.docx"), docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> h2 = new ArrayList<>(doc.getParagraphs().stream()
                    .filter(p -> "Heading2".equals(p.getStyle()))
                    .map(XWPFParagraph::getText)
                    .filter(org.yunjian.catalog.MlpsAssessment.templateLayers()::contains)
                    .toList());
            assertThat(h2).containsExactlyElementsOf(org.yunjian.catalog.MlpsAssessment.templateLayers());
        }
        // the workbench's table lists the 通用要求 items with their typed steps like the extension's
        mvc.perform(get("/assessments/{id}/table", id).with(as(assessor)).param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("MLPS-GENERAL:G3-PE-1")));
        mvc.perform(get("/api/assessment-items/{id}", ids.get(firstGeneralCe)).with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("查看并试验示例配置 4")));
        mvc.perform(get("/assessments/{id}", id).with(as(assessor)).param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("MLPS-GENERAL")));
    }

    @Test
    void anItemTableWithoutRowsOfTheSystemsLevelIsRefusedAsScope() throws Exception {
        if (catalog.standard("MLPS-GENERAL-L2").isEmpty()) {
            String csv = "编号,安全类/层面,控制点,测评项,级别,测评侧,测评方法,符合判定,不符合判定\n"
                    + "A1,安全物理环境,示例控制点,【示例】占位测评项,2,云服务商,核查：查看示例记录,示例：有,示例：无\n";
            exchange.importOscal(
                    "level2.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "MLPS-GENERAL-L2", null);
        }
        CurrentUser assessor = SeedActor.account(users, DemoData.ASSESSOR_USER).orElseThrow();
        UUID system = jdbc.sql("SELECT id FROM cloud_system WHERE name = ?")
                .param(DemoData.PORTAL_SYSTEM)
                .query(UUID.class)
                .single();
        UUID assessorOrg = jdbc.sql("SELECT id FROM organization WHERE name = ?")
                .param(DemoData.ASSESSOR.name())
                .query(UUID.class)
                .single();
        mvc.perform(post("/api/assessments")
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "zh-CN")
                        .content("""
                                {"name":"x","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY",
                                 "scope":["CATALOG:MLPS-GENERAL-L2"]}""".formatted(system, assessorOrg)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.scope", containsString("没有第三级的测评项")));
    }
}
