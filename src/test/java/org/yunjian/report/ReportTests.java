package org.yunjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
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
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.crypto.Sm3;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;
import org.yunjian.support.PdfInspection;

/** The assessment documents through the REST API: DOCX, PDF and OSCAL assessment results, read back. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
public class ReportTests {

    static final byte[] EVIDENCE =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] CUSTOMER_EVIDENCE = "客户内部配置记录，不与云服务商共享。\n".getBytes(StandardCharsets.UTF_8);
    static final String HOSTILE = "<script>alert('x')</script> & <b>粗体</b> ]]> &amp;";
    /** The chapters of the 2025 template, in order (docs/modules/assessment.md). */
    static final List<String> HEADINGS = List.of(
            "网络安全等级测评基本信息表",
            "声明",
            "等级测评结论",
            "总体评价",
            "主要安全问题及整改建议",
            "1 测评项目概述",
            "2 被测对象描述",
            "3 单项测评结果分析",
            "4 整体测评",
            "5 安全问题风险分析",
            "6 等级测评结论",
            "7 整改建议",
            "附录",
            "测评人、审核人、批准人");

    @Autowired
    MockMvc mvc;

    @Autowired
    org.yunjian.security.UserAdministration users;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    Fixtures.World w;
    CurrentUser assessor;
    CurrentUser customer;
    CurrentUser provider;
    String id;
    List<String> items;
    String highRiskItem;

    @BeforeEach
    void assessmentWithFindingsAndEvidence() throws Exception {
        w = fixtures.world();
        assessor = user(w.assessor().id());
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        String body = mvc.perform(post("/api/assessments")
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"年度测评 <i>2026</i>","systemId":"%s","assessorOrgId":"%s",
                                 "assessorKind":"THIRD_PARTY","scope":["MLPS-L3"]}""".formatted(w.system().id(), w.assessor().id())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        id = JsonPath.read(body, "$.id");
        move("IN_PROGRESS");
        String itemsJson = AssessmentItems.json(mvc, id, as(assessor));
        items = JsonPath.read(itemsJson, "$[*].id");
        List<String> sides = JsonPath.read(itemsJson, "$[*].side");
        verdict(items.get(0), "{\"verdict\":\"COMPLIANT\",\"reason\":\"机房位于境内\"}");
        mvc.perform(put("/api/assessment-items/{id}/observations", items.get(0))
                        .with(IfMatch.item(jdbc, items.get(0)))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"observations\":" + json(HOSTILE) + "}"))
                .andExpect(status().isOk());
        upload(items.get(0), assessor, "机房照片.pdf", EVIDENCE, true);
        highRiskItem = items.get(1);
        verdict(highRiskItem, "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"HIGH\",\"riskReason\":\"管理流量未加密\"}");
        verdict(items.get(2), "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"MEDIUM\",\"riskReason\":\"未划分区域\"}");
        verdict(items.get(2), "{\"verdict\":\"COMPLIANT\",\"reason\":\"复测已整改\"}");
        verdict(items.get(3), "{\"verdict\":\"NOT_APPLICABLE\",\"reason\":\"未使用该服务\"}");
        // the customer's own evidence, not shared with the provider, on a customer-side item
        int customerSide = sides.indexOf("CUSTOMER_SYSTEM");
        upload(items.get(customerSide), customer, "客户配置.txt", CUSTOMER_EVIDENCE, false);
    }

    @Test
    void pdfReportPrintsTheChineseHeadingsWithRealGlyphsAndMarksDrafts() throws Exception {
        byte[] draft = download("report.pdf", assessor, "application/pdf");
        assertThat(new PdfInspection(draft).text(1, 2)).contains("草稿");

        complete();
        byte[] pdf = download("report.pdf", assessor, "application/pdf");
        PdfInspection inspection = new PdfInspection(pdf);
        String firstPages = inspection.text(1, 4);
        assertThat(firstPages)
                .contains(
                        "云计算安全扩展要求等级测评报告",
                        "测评结论",
                        "云鉴三档结论规则（判定阈值由平台设定，标准未规定）（第 2 版）",
                        w.system().name(),
                        w.assessor().name(),
                        "第 3 页 共 " + inspection.pages() + " 页")
                .doesNotContain("草稿");
        String all = inspection.text(1, inspection.pages());
        for (String h : HEADINGS) {
            assertThat(all).contains(h);
        }
        assertThat(all).contains("安全计算环境");
        assertThat(inspection.missingGlyphs(1, inspection.pages())).isEmpty();
        assertThat(all).contains("管理流量未加密", Sm3.hex(EVIDENCE), "机房照片.pdf");
    }

    /**
     * Issue 59, "nothing printed in the standard's name that the texts do not say". Item 1: the conclusion rules are
     * printed as the platform's, the 基本符合 rate of 70 % as 平台默认（标准未规定） with where it comes from and that it
     * can be configured (docs/scoring.md, source 3) — never as "2025 版模版结论规则". Item 2: 测评依据 names the
     * 作业指导书 the test methods and verdict criteria come from, as its text names itself
     * (docs/standards/mlps2-cloud-extension-level3-assessment-guide.txt: "云计算安全拓展要求 (S3A3G3) 作业指导书").
     * Both in the PDF and in the DOCX, in Chinese and in English.
     */
    @Test
    void reportLabelsThePlatformsThresholdsAndNamesTheWorkingInstructionsAsItsBasis() throws Exception {
        complete();
        PdfInspection pdf = new PdfInspection(download("report.pdf", assessor, "application/pdf"));
        String docx = ReportLanguageTests.docxText(download(
                "report.docx", assessor, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        for (String text : List.of(flat(pdf.text(1, pdf.pages())), flat(docx))) {
            assertThat(text)
                    .contains(flat("评分规则"), flat("云鉴三档结论规则（判定阈值由平台设定，标准未规定）"))
                    .contains(flat("判定阈值（由平台设定，标准未规定）：符合需符合率 ≥ 100%"))
                    .contains(flat("基本符合所需的符合率 70% 为平台默认（标准未规定）"))
                    .contains(flat("不适用不计入（计分为平台默认，标准未规定）。"))
                    .contains(flat("取自云鉴 2021 版模版评分规则中“中”档的 70%；平台可配置此阈值。"))
                    .contains(flat("测评依据：GB/T 22239-2019《网络安全等级保护基本要求》（含云计算安全扩展要求）、"
                            + "GB/T 28448-2019《网络安全等级保护测评要求》、《云计算安全拓展要求（S3A3G3）作业指导书》"))
                    .doesNotContain(flat("2025 版模版结论规则"))
                    .doesNotContain(flat("国标默认"));
        }
        byte[] english = mvc.perform(get("/api/assessments/{id}/report.pdf", id)
                        .param("lang", "en")
                        .with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfInspection en = new PdfInspection(english);
        assertThat(flat(en.text(1, en.pages())))
                .contains(flat("is the platform default (the standards do not set it)"))
                .contains(flat("Thresholds (set by the platform, not by the standards)"))
                .contains(flat("these scores are the platform default: the standards do not set them"))
                .contains(flat("《云计算安全拓展要求（S3A3G3）作业指导书》"))
                .doesNotContain(flat("the 2025 template's conclusion rules"));
    }

    /**
     * Issue 59 item 3: {@code GET /api/assessments/{id}/score} gives each reason as text in the caller's language with a
     * stable code beside it, the policy and the conclusion in words — no message key as a text.
     */
    @Test
    void scoreReasonsAreTextInTheCallersLanguageWithAStableCode() throws Exception {
        String zh = mvc.perform(get("/api/assessments/{id}/score", id)
                        .header("Accept-Language", "zh-CN")
                        .with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(zh, "$.reasons[*].code"))
                .containsExactly("highRisk", "thresholds", "basicRateDefault");
        List<String> texts = JsonPath.read(zh, "$.reasons[*].text");
        assertThat(texts.get(0)).isEqualTo("1 个高风险问题（允许 0 个）：不符合");
        assertThat(texts.get(2)).startsWith("基本符合所需的符合率 70% 为平台默认（标准未规定）");
        assertThat(JsonPath.<String>read(zh, "$.conclusion")).isEqualTo("DOES_NOT_CONFORM");
        assertThat(JsonPath.<String>read(zh, "$.conclusionText")).isEqualTo("不符合");
        assertThat(JsonPath.<String>read(zh, "$.policyName")).isEqualTo("云鉴三档结论规则（判定阈值由平台设定，标准未规定）（第 2 版）");
        assertThat(zh).doesNotContain("report.reason").doesNotContain("\"key\"").doesNotContain("enum.Conclusion");
        // the project page says the same under 结论依据
        String page = mvc.perform(get("/assessments/{id}", id).with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"score-reasons\"").contains(texts.get(2)).doesNotContain("report.reason");

        String en = mvc.perform(get("/api/assessments/{id}/score", id)
                        .header("Accept-Language", "en")
                        .with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(en, "$.reasons[*].code"))
                .containsExactly("highRisk", "thresholds", "basicRateDefault");
        assertThat(JsonPath.<String>read(en, "$.reasons[0].text"))
                .isEqualTo("1 high-risk finding(s) (0 allowed): does not conform");
        assertThat(JsonPath.<String>read(en, "$.reasons[2].text"))
                .contains("is the platform default (the standards do not set it)");
        assertThat(JsonPath.<String>read(en, "$.conclusionText")).isEqualTo("Does not conform");
    }

    /** A text without its white space: PDF and DOCX extraction break lines where the page does. */
    static String flat(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void userInputStaysTextInThePdf() throws Exception {
        byte[] pdf = download("report.pdf", assessor, "application/pdf");
        String all = new PdfInspection(pdf).text(1, new PdfInspection(pdf).pages());
        // markup typed into an observation is printed, not interpreted (a <script> element would vanish,
        // a bare & would break the XHTML)
        assertThat(all.replaceAll("\\s+", " "))
                .contains("<script>alert('x')</script> & <b>粗体</b> ]]> &amp;")
                .contains("年度测评 <i>2026</i>");
    }

    @Test
    void docxReportHasWordHeadingsEastAsianFontsTheScoresChartsAndEvidenceHashes() throws Exception {
        complete();
        byte[] docx = download(
                "report.docx", assessor, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        String score = mvc.perform(get("/api/assessments/{id}/score", id).with(as(assessor)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> h1 = doc.getParagraphs().stream()
                    .filter(p -> "Heading1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText)
                    .toList();
            assertThat(h1).containsExactlyElementsOf(HEADINGS);
            assertThat(doc.getParagraphs().stream()
                            .filter(p -> "Heading2".equals(p.getStyle()))
                            .map(XWPFParagraph::getText))
                    .contains("安全计算环境");
            assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(doc.getStyles()
                            .getStyle("Heading1")
                            .getCTStyle()
                            .getPPr()
                            .getOutlineLvl()
                            .getVal()
                            .intValue())
                    .isZero();
            assertThat(doc.getStyles()
                            .getStyle("Heading1")
                            .getCTStyle()
                            .getRPr()
                            .getRFontsArray(0)
                            .getEastAsia())
                    .isEqualTo("黑体");
            assertThat(doc.getStyle()
                            .getDocDefaults()
                            .getRPrDefault()
                            .getRPr()
                            .getRFontsArray(0)
                            .getEastAsia())
                    .isEqualTo("宋体");
            assertThat(doc.getCharts()).hasSize(2);

            XWPFTable layers = table(doc, "安全层面");
            List<String> names = JsonPath.read(score, "$.byLayer[*].name");
            List<Double> rates = JsonPath.read(score, "$.byLayer[*].rate");
            List<Integer> scored = JsonPath.read(score, "$.byLayer[*].scored");
            assertThat(layers.getRows()).hasSize(names.size() + 1);
            for (int i = 0; i < names.size(); i++) {
                XWPFTableRow row = layers.getRow(i + 1);
                assertThat(row.getCell(0).getText()).isEqualTo(names.get(i));
                assertThat(row.getCell(7).getText())
                        .isEqualTo(
                                scored.get(i) == 0
                                        ? "—"
                                        : String.format(java.util.Locale.ROOT, "%.2f %%", rates.get(i)));
            }
            XWPFTable summary = table(doc, "项目", "综合符合率");
            assertThat(summary.getRow(1).getCell(1).getText())
                    .isEqualTo(String.format(
                            java.util.Locale.ROOT,
                            "%.2f %%",
                            ((Number) JsonPath.read(score, "$.complianceRate")).doubleValue()));
            assertThat(summary.getRow(2).getCell(1).getText()).isEqualTo("不符合"); // one high risk
            // item 3's 不符合 → 符合 was corrected before any review: a correction, not a re-test (issue 34)
            assertThat(cellText(doc))
                    .contains("SM3 " + Sm3.hex(EVIDENCE), "机房照片.pdf", "客户配置.txt", "管理流量未加密", HOSTILE)
                    .doesNotContain("（复测）");
        }
    }

    /**
     * Issue 10: a NUL in a remediation note made the PDF report fail with 500 for everyone. Rows written before
     * input was checked (here straight through JDBC) hold NUL (H2 only: PostgreSQL refuses NUL in text itself),
     * BEL, a lone surrogate and U+FFFF; every document still renders, with U+FFFD in their place.
     */
    @Test
    void storedControlCharactersAndLoneSurrogatesNeverBreakADocument() throws Exception {
        boolean postgres;
        try (var c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        String bad = (postgres ? "" : "\u0000") + "\u0007\ud800\uffff";
        // PostgreSQL refuses NUL, and its driver sends a lone surrogate as '?': what each database holds, shown safely
        String shown = postgres ? "\ufffd?\ufffd" : "\ufffd\ufffd\ufffd\ufffd";
        assertThat(jdbc.sql("UPDATE assessment_remediation SET note = ? WHERE assessment_id = ?")
                        .params("整改备注" + bad + "结束", java.util.UUID.fromString(id))
                        .update())
                .isPositive();
        jdbc.sql("UPDATE assessment_item SET observations = ? WHERE id = ?")
                .params("现场记录" + bad + "完", java.util.UUID.fromString(highRiskItem))
                .update();
        jdbc.sql("UPDATE assessment SET name = ? WHERE id = ?")
                .params("测评" + bad, java.util.UUID.fromString(id))
                .update();

        PdfInspection pdf = new PdfInspection(download("report.pdf", assessor, "application/pdf"));
        assertThat(pdf.text(1, pdf.pages())).contains("整改备注");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(download(
                "report.docx", assessor, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")))) {
            assertThat(cellText(doc)).contains("整改备注" + shown);
        }
        String oscal = new String(download("oscal-results.json", assessor, "application/json"), StandardCharsets.UTF_8);
        assertThat(oscal).contains("现场记录").doesNotContain("\ud800").doesNotContain("\uffff");
        assertThat(tools.jackson.databind.json.JsonMapper.builder()
                        .build()
                        .readTree(oscal)
                        .isObject())
                .isTrue();
        byte[] xlsx =
                download("workbook", assessor, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isPositive();
        }
        String items = AssessmentItems.json(mvc, id, as(assessor));
        assertThat(items).contains("现场记录" + shown);
        mvc.perform(get("/assessments/{id}", id).with(as(assessor))).andExpect(status().isOk());
    }

    @Test
    void providerReportLeavesOutTheCustomersUnsharedEvidence() throws Exception {
        byte[] docx = download(
                "report.docx", provider, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(cellText(doc))
                    .contains("机房照片.pdf")
                    .doesNotContain("客户配置.txt")
                    .doesNotContain(Sm3.hex(CUSTOMER_EVIDENCE));
            // the provider may not browse the assessor organisation, but the report it reads names it
            assertThat(cellText(doc))
                    .contains(w.assessor().name())
                    .doesNotContain(w.assessor().id().toString());
            // not completed yet: every page's header says it is a draft
            assertThat(doc.getHeaderList()).extracting(h -> h.getText()).anyMatch(t -> t.contains("草稿"));
        }
    }

    @Test
    void strangersGetNotFoundAndEveryDownloadIsAudited() throws Exception {
        mvc.perform(get("/api/assessments/{id}/report.pdf", id)
                        .with(as(user(w.stranger().id()))))
                .andExpect(status().isNotFound());
        long before = exports();
        download("report.docx", customer, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        download("oscal-results.json", customer, "application/json");
        assertThat(exports()).isEqualTo(before + 2);
    }

    @Test
    void oscalAssessmentResultsValidateAgainstTheOfficialSchema() throws Exception {
        complete();
        byte[] json = download("oscal-results.json", assessor, "application/json");
        JsonSchema schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema/json/oscal-ar_schema.json")) {
            // OSCAL's generated schema nests some field schemas under their own name ("id": {"id": …}); draft-07
            // ignores such members, so the validator is told "id" is no keyword here
            JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                    .keyword(new NonValidationKeyword("id"))
                    .build();
            schema = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
                    .metaSchema(meta)
                    .build()
                    .getSchema(in);
        }
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        Set<ValidationMessage> problems = schema.validate(tree);
        assertThat(problems).isEmpty();
        // the check has teeth: a verdict property with a blank value, or a missing import-ap, is refused
        var broken = tree.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("assessment-results")).remove("import-ap");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/assessment-results/results/0/findings/0/props/0"))
                .put("value", " ");
        assertThat(schema.validate(broken))
                .extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("import-ap"))
                .anyMatch(m -> m.contains("value"));

        String doc = new String(json, StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(doc, "$['assessment-results'].metadata['oscal-version']"))
                .isEqualTo("1.1.3");
        List<String> controls = JsonPath.read(
                doc,
                "$['assessment-results'].results[0]['reviewed-controls']['control-selections'][0]['include-controls'][*]['control-id']");
        String req = JsonPath.read(itemJson(highRiskItem), "$.item.requirementId");
        assertThat(controls).contains(req);
        List<Map<String, Object>> findings = JsonPath.read(doc, "$['assessment-results'].results[0].findings");
        // completing needs every item recorded: the sign-off fixture records the untouched ones as not applicable
        assertThat(findings).hasSize(items.size());
        List<String> verdicts = JsonPath.read(
                doc, "$['assessment-results'].results[0].findings[*].props[?(@.name == 'verdict')].value");
        assertThat(verdicts)
                .filteredOn(v -> !v.equals("not-applicable"))
                .containsExactlyInAnyOrder("compliant", "non-compliant", "compliant");
        assertThat(verdicts).filteredOn(v -> v.equals("not-applicable")).hasSize(items.size() - 3);
        List<String> ns = JsonPath.read(doc, "$['assessment-results'].results[0].findings[*].props[*].ns");
        assertThat(ns).containsOnly("https://yunjian.org/ns/oscal");
        List<String> risks = JsonPath.read(
                doc, "$['assessment-results'].results[0].findings[*].props[?(@.name == 'risk-level')].value");
        assertThat(risks).containsExactly("high");
        List<String> targets = JsonPath.read(doc, "$['assessment-results'].results[0].findings[*].target['target-id']");
        assertThat(targets).contains(req + "_smt");
        List<String> hashes = JsonPath.read(
                doc,
                "$['assessment-results'].results[0].observations[*]['relevant-evidence'][*].props[?(@.name == 'sm3')].value");
        assertThat(hashes).contains(Sm3.hex(EVIDENCE), Sm3.hex(CUSTOMER_EVIDENCE));
        List<String> backMatter =
                JsonPath.read(doc, "$['assessment-results']['back-matter'].resources[*].rlinks[*].hashes[*].value");
        assertThat(backMatter).contains(Sm3.hex(EVIDENCE));
        List<String> policy = JsonPath.read(
                doc, "$['assessment-results'].results[0].props[?(@.name == 'scoring-policy-version')].value");
        assertThat(policy).containsExactly("v2");
    }

    // --- helpers

    void complete() throws Exception {
        SignOffFixture.complete(mvc, users, jdbc, id, assessor);
    }

    void move(String to) throws Exception {
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"" + to + "\"}"))
                .andExpect(status().isOk());
    }

    void verdict(String itemId, String json) throws Exception {
        mvc.perform(put("/api/assessment-items/{id}/verdict", itemId)
                        .with(IfMatch.item(jdbc, itemId))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }

    void upload(String itemId, CurrentUser u, String name, byte[] content, boolean shared) throws Exception {
        mvc.perform(multipart("/api/assessment-items/{id}/evidence", itemId)
                        .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                        .param("sharedWithProvider", Boolean.toString(shared))
                        .with(as(u)))
                .andExpect(status().isCreated());
    }

    String itemJson(String itemId) throws Exception {
        return mvc.perform(get("/api/assessment-items/{id}", itemId).with(as(assessor)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    byte[] download(String document, CurrentUser u, String type) throws Exception {
        return mvc.perform(get("/api/assessments/{id}/" + document, id).with(as(u)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith(type)))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    long exports() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'assessment.report.export' AND object_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static XWPFTable table(XWPFDocument doc, String... header) {
        return doc.getTables().stream()
                .filter(t -> {
                    for (int i = 0; i < header.length; i++) {
                        XWPFTableCell c = t.getRow(0).getCell(0);
                        if (i == 0 && !c.getText().equals(header[0])) {
                            return false;
                        }
                        if (i == 1
                                && (t.getRows().size() < 2
                                        || !t.getRow(1).getCell(0).getText().equals(header[1]))) {
                            return false;
                        }
                    }
                    return true;
                })
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table " + List.of(header)));
    }

    public static String cellText(XWPFDocument doc) {
        List<String> out = new ArrayList<>();
        doc.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells().forEach(c -> out.add(c.getText()))));
        return out.stream().collect(Collectors.joining("\n"));
    }
}
