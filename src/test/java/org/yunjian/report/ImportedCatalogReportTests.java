package org.yunjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;
import org.yunjian.support.PdfInspection;

/**
 * An assessment scoped to an imported non-等保 catalog (NIST SP 800-53 rev5 MODERATE baseline, ../shared/oscal) gets
 * a generic assessment report: titled from the catalog, a compliance-rate conclusion, the catalog's own group names
 * (no catalog title repeated in them), and none of the 等保 template, conclusion rule or wording — in the PDF, the
 * DOCX (Chinese and English) and the OSCAL results.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
@org.yunjian.support.RunsBesideTheSuite
class ImportedCatalogReportTests {

    static final String FILE = "NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog.xml";
    static final String CODE = "NIST-SP-800-53-REV5-MODERATE";
    static final String TITLE = "NIST Special Publication 800-53 Revision 5.1.1 MODERATE IMPACT BASELINE";
    /** What a 等保 report says and a generic one must not. */
    static final List<String> MLPS_WORDING = List.of(
            "等级测评",
            "等保",
            "网络安全等级",
            "模版",
            "MLPS",
            "GB/T22239",
            "基本符合",
            "Multi-LevelProtection"); // compared without white space

    @DynamicPropertySource
    static void databaseOfItsOwn(DynamicPropertyRegistry registry) {
        org.yunjian.support.TestDatabases.fresh("imported_catalog_report", registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CatalogExchange exchange;

    @Autowired
    Catalog catalog;

    CurrentUser assessor;
    String id;

    @BeforeEach
    void nistAssessmentWithFindings() throws Exception {
        if (catalog.standard(CODE).isEmpty()) {
            exchange.importOscal(FILE, Files.readAllBytes(Path.of("../shared/oscal", FILE)), null, null);
        }
        Fixtures.World w = fixtures.world();
        assessor = user(w.assessor().id());
        String body = mvc.perform(post("/api/assessments")
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"NIST 800-53 MODERATE","systemId":"%s","assessorOrgId":"%s",
                                 "assessorKind":"THIRD_PARTY","scope":["CATALOG:%s"]}""".formatted(w.system().id(), w.assessor().id(), CODE)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        id = JsonPath.read(body, "$.id");
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk());
        String items = AssessmentItems.json(mvc, id, as(assessor));
        verdict(item(items, "ac-2"), "{\"verdict\":\"COMPLIANT\",\"reason\":\"accounts reviewed\"}");
        verdict(
                item(items, "ac-7"),
                "{\"verdict\":\"PARTIALLY_COMPLIANT\",\"riskLevel\":\"MEDIUM\",\"riskReason\":\"lockout after 10 attempts\"}");
        verdict(
                item(items, "au-2"),
                "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"HIGH\",\"riskReason\":\"no audit events defined\"}");
    }

    private String item(String items, String control) {
        List<String> ids = JsonPath.read(items, "$[?(@.requirementId == '" + CODE + ":" + control + "')].id");
        return ids.get(0);
    }

    private void verdict(String item, String json) throws Exception {
        mvc.perform(put("/api/assessment-items/{id}/verdict", item)
                        .with(IfMatch.item(jdbc, item))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }

    private byte[] download(String document, String lang) throws Exception {
        return mvc.perform(get("/api/assessments/{id}/" + document, id)
                        .with(as(assessor))
                        .header("Accept-Language", lang))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    /** Without white space: a PDF wraps lines anywhere, also inside a title. */
    private static String flat(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            return x.getText() + "\n" + doc.getProperties().getCoreProperties().getTitle();
        }
    }

    @Test
    void theChineseReportIsAGenericAssessmentReportTitledFromTheCatalogWithoutAny等保Wording() throws Exception {
        byte[] pdfBytes = download("report.pdf", "zh-CN");
        Files.write(Path.of("/tmp/i34cat-nist-report.pdf"), pdfBytes);
        PdfInspection pdf = new PdfInspection(pdfBytes);
        String all = flat(pdf.text(1, pdf.pages()));
        assertThat(all)
                .contains(
                        flat(TITLE + " 符合性评估报告"),
                        flat("评估依据：" + TITLE),
                        "评估结论",
                        "符合率结论",
                        "综合符合率",
                        "按分组的评估结果",
                        "AccessControl",
                        "AC-7UnsuccessfulLogonAttempts",
                        "lockoutafter10attempts",
                        "noauditeventsdefined",
                        "安全问题风险分析");
        for (String word : MLPS_WORDING) {
            assertThat(all).as(word).doesNotContain(word);
        }
        // group names are the catalog's own, never prefixed with its title
        assertThat(all)
                .doesNotContain(flat(TITLE + " ac"))
                .doesNotContain(flat(TITLE + " AC-"))
                .doesNotContain(CODE + "ac")
                .doesNotContain(CODE + "AC");
        assertThat(pdf.missingGlyphs(1, pdf.pages())).isEmpty();
        // 287 controls: a generic report of a few dozen pages, not the 197 pages of a 等保 one
        assertThat(pdf.pages()).isLessThan(197);

        byte[] docx = download("report.docx", "zh-CN");
        Files.write(Path.of("/tmp/i34cat-nist-report.docx"), docx);
        String text = flat(docxText(docx));
        assertThat(text).contains(flat(TITLE + " 符合性评估报告"), "AccessControl");
        for (String word : MLPS_WORDING) {
            assertThat(text).as(word).doesNotContain(word);
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> h1 = doc.getParagraphs().stream()
                    .filter(p -> "Heading1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText)
                    .toList();
            assertThat(h1)
                    .containsExactly(
                            "评估结论",
                            "1 评估概述",
                            "2 被测对象描述",
                            "3 评估结果",
                            "4 安全问题风险分析",
                            "5 符合率结论",
                            "6 整改建议",
                            "附录",
                            "测评人、审核人、批准人");
            List<String> h2 = new ArrayList<>(doc.getParagraphs().stream()
                    .filter(p -> "Heading2".equals(p.getStyle()))
                    .map(XWPFParagraph::getText)
                    .toList());
            assertThat(h2).contains("Access Control", "Audit and Accountability");
        }

        String oscal = new String(download("oscal-results.json", "zh-CN"), StandardCharsets.UTF_8);
        assertThat(oscal).contains(TITLE + " 符合性评估报告").doesNotContain("等保").doesNotContain("等级测评");

        // the score's groups are the catalog's families by name
        String score = mvc.perform(get("/api/assessments/{id}/score", id).with(as(assessor)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> groups = JsonPath.read(score, "$.byLayer[*].name");
        assertThat(groups)
                .contains("Access Control", "Audit and Accountability")
                .allMatch(g -> !g.contains(TITLE));
    }

    @Test
    void theEnglishReportIsTitledFromTheCatalogToo() throws Exception {
        byte[] pdfBytes = download("report.pdf", "en");
        Files.write(Path.of("/tmp/i34cat-nist-report-en.pdf"), pdfBytes);
        PdfInspection pdf = new PdfInspection(pdfBytes);
        String all = flat(pdf.text(1, pdf.pages()));
        assertThat(all)
                .contains(
                        flat(TITLE + " Assessment Report"),
                        flat("Assessed against: " + TITLE),
                        "Compliancerate",
                        "Resultsbygroup",
                        "AccessControl");
        for (String word : MLPS_WORDING) {
            assertThat(all).as(word).doesNotContain(word);
        }
        String text = flat(docxText(download("report.docx", "en")));
        assertThat(text).contains(flat(TITLE + " Assessment Report"));
        for (String word : MLPS_WORDING) {
            assertThat(text).as(word).doesNotContain(word);
        }
    }
}
