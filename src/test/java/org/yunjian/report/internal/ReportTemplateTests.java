package org.yunjian.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.assessment.AssessmentRole;
import org.yunjian.assessment.internal.AssessmentRepository;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.IfMatch;

/**
 * The report in the regulator's template: the DOCX's chapters in the template's order, its page setup (A4, margins,
 * header with the report number, footer with PAGE and NUMPAGES), the tester / reviewer / approver block; the PDF's
 * bookmark outline; the 2021 option with its own chapters and conclusion policy.
 */
@org.yunjian.support.OnePass
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
public class ReportTemplateTests {

    public static final List<String> CHAPTERS_2025 = List.of(
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
    static final List<String> CHAPTERS_2021 = List.of(
            "网络安全等级测评基本信息表",
            "声明",
            "等级测评结论",
            "重大风险隐患及整改建议",
            "等级测评结论扩充表（云计算安全）",
            "1 测评项目概述",
            "2 被测对象描述",
            "3 单项测评结果分析",
            "4 单项测评小结",
            "5 整体测评",
            "6 安全问题风险分析",
            "7 等级测评结论",
            "8 整改建议",
            "附录",
            "测评人、审核人、批准人");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAdministration users;

    @Autowired
    AssessmentRepository repo;

    @Autowired
    org.yunjian.cli.CliRunner cli;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Fixtures.World w;
    CurrentUser tester;
    String id;
    String number;
    String suffix;

    @BeforeEach
    void assessmentWithATeam() throws Exception {
        w = fixtures.world();
        suffix = UUID.randomUUID().toString().substring(0, 6);
        var testerAccount = account("tst", "张测评");
        var reviewer = account("rev", "李审核");
        var approver = account("apr", "赵批准");
        tester = new CurrentUser(
                testerAccount.id(), testerAccount.username(), w.assessor().id(), Role.USER);
        String body = mvc.perform(post("/api/assessments")
                        .with(as(tester))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"年度等保测评","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY",
                                 "assessors":["%s"],"scope":["MLPS-L3"]}""".formatted(w.system().id(), w.assessor().id(), testerAccount.id())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        id = JsonPath.read(body, "$.id");
        number = JsonPath.read(body, "$.reportNumber");
        repo.insertMembers(UUID.fromString(id), List.of(reviewer.id()), AssessmentRole.REVIEWER);
        repo.insertMembers(UUID.fromString(id), List.of(approver.id()), AssessmentRole.APPROVER);
    }

    org.yunjian.security.UserView account(String prefix, String name) {
        return org.yunjian.security.TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        prefix + "-" + suffix,
                        name + suffix,
                        Role.USER,
                        w.assessor().id(),
                        "Report-Template-Test-2026!"));
    }

    @Test
    void docxHasTheTemplatesChaptersInOrderThePageSetupAndTheThreeNames() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(download("report.docx")))) {
            assertThat(headings(doc, "Heading1")).containsExactlyElementsOf(CHAPTERS_2025);
            assertThat(headings(doc, "Heading2")).contains("被测系统", "相关方", "安全责任划分", "附录A 测评证据清单");

            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW()).hasToString("11906");
            assertThat(sect.getPgSz().getH()).hasToString("16838");
            assertThat(sect.getPgMar().getTop()).hasToString("1440");
            assertThat(sect.getPgMar().getBottom()).hasToString("1440");
            assertThat(sect.getPgMar().getLeft()).hasToString("1588");
            assertThat(sect.getPgMar().getRight()).hasToString("1588");
            assertThat(sect.isSetTitlePg())
                    .as("the cover has its own (empty) header and footer")
                    .isTrue();
            assertThat(doc.getHeaderFooterPolicy().getDefaultHeader().getText()).contains("报告编号：" + number);
            String footer =
                    doc.getHeaderFooterPolicy().getDefaultFooter()._getHdrFtr().xmlText();
            assertThat(footer).contains(" PAGE ", " NUMPAGES ", "第 ", " 页 共 ");

            String cells = String.join(
                    "\n",
                    doc.getTables().stream()
                            .flatMap(t -> t.getRows().stream())
                            .flatMap(r -> r.getTableCells().stream())
                            .map(c -> c.getText())
                            .toList());
            assertThat(cells).contains("测评人\n张测评" + suffix, "审核人\n李审核" + suffix, "批准人\n赵批准" + suffix);
            String body =
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + "\n" + b);
            assertThat(body)
                    .contains(
                            "报告编号：" + number,
                            "委托单位：" + w.customer().name(),
                            "测评单位：" + w.assessor().name(),
                            "依据《网络安全等级测评报告模版（2025版）》");
        }
    }

    @Test
    void pdfHasABookmarkOutlineOfTheChapters() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(download("report.pdf"))) {
            List<String> top = new ArrayList<>();
            List<String> second = new ArrayList<>();
            for (PDOutlineItem i : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                top.add(i.getTitle());
                i.children().forEach(c -> second.add(c.getTitle()));
            }
            List<String> expected = new ArrayList<>(CHAPTERS_2025.subList(0, 5));
            expected.add("目录");
            expected.addAll(CHAPTERS_2025.subList(5, CHAPTERS_2025.size()));
            assertThat(top).containsExactlyElementsOf(expected);
            assertThat(second).contains("被测系统", "安全计算环境");
        }
    }

    @Test
    void olderContractTakesThe2021TemplateWithItsChaptersAndGbDefaultConclusion() throws Exception {
        mvc.perform(put("/api/assessments/{id}/report-template", id)
                        .with(as(tester))
                        .with(IfMatch.read(mvc, "/api/assessments/" + id + "/report-template", as(tester)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contractDate\":\"2025-03-19\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.template").value("T2021"))
                .andExpect(jsonPath("$.policyId").value("gb-default"));
        mvc.perform(get("/api/assessments/{id}/score", id).with(as(tester)))
                .andExpect(jsonPath("$.policyId").value("gb-default"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(download("report.docx")))) {
            assertThat(headings(doc, "Heading1")).containsExactlyElementsOf(CHAPTERS_2021);
        }
    }

    @Test
    void contractSignedSinceTheCutoffCannotUseThe2021Template() throws Exception {
        mvc.perform(put("/api/assessments/{id}/report-template", id)
                        .with(as(tester))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"template\":\"2021\",\"contractDate\":\"2025-03-20\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/assessments/{id}/report-template", id).with(as(tester)))
                .andExpect(jsonPath("$.template").value("T2025"))
                .andExpect(jsonPath("$.policyId").value("mlps-2025"));
    }

    @Test
    void theTemplateAndContractDateAreChosenWhenCreatingTheAssessment() throws Exception {
        String created = mvc.perform(post("/api/assessments")
                        .with(as(tester))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(createBody("旧合同测评", "\"reportTemplate\":\"2021\",\"contractDate\":\"2024-06-01\"")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(get("/api/assessments/{id}/report-template", (String) JsonPath.read(created, "$.id"))
                        .with(as(tester)))
                .andExpect(jsonPath("$.template").value("T2021"))
                .andExpect(jsonPath("$.contractDate").value("2024-06-01"))
                .andExpect(jsonPath("$.policyId").value("gb-default"));
        // refused before anything is stored: the 2021 template for a contract signed since the cut-off, an unknown one
        int before = count();
        mvc.perform(post("/api/assessments")
                        .with(as(tester))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(createBody("新合同测评", "\"reportTemplate\":\"2021\",\"contractDate\":\"2025-06-01\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reportTemplate", org.hamcrest.Matchers.containsString("2025-03-20")));
        mvc.perform(post("/api/assessments")
                        .with(as(tester))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(createBody("未知模版", "\"reportTemplate\":\"2019\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reportTemplate").exists());
        assertThat(count()).isEqualTo(before);
        // the page: the refusal comes back next to the choice with what was typed; accepted, the choice is kept
        mvc.perform(post("/assessments")
                        .with(as(tester))
                        .param("systemId", w.system().id().toString())
                        .param("name", "页面旧合同测评")
                        .param("assessor", "THIRD_PARTY:" + w.assessor().id())
                        .param("scope", "MLPS-L3")
                        .param("reportTemplate", "T2021")
                        .param("contractDate", "2025-06-01"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("id=\"reportTemplate-error\""),
                                org.hamcrest.Matchers.containsString("value=\"2025-06-01\""),
                                org.hamcrest.Matchers.containsString("<option value=\"T2021\" selected"))));
        assertThat(count()).isEqualTo(before);
        String location = mvc.perform(post("/assessments")
                        .with(as(tester))
                        .param("systemId", w.system().id().toString())
                        .param("name", "页面旧合同测评")
                        .param("assessor", "THIRD_PARTY:" + w.assessor().id())
                        .param("scope", "MLPS-L3")
                        .param("reportTemplate", "AUTO")
                        .param("contractDate", "2025-03-19"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get("/api/assessments/{id}/report-template", location.substring(location.lastIndexOf('/') + 1))
                        .with(as(tester)))
                .andExpect(jsonPath("$.template").value("T2021"))
                .andExpect(jsonPath("$.contractDate").value("2025-03-19"));
    }

    String createBody(String name, String extra) {
        return """
                {"name":"%s","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY","scope":["MLPS-L3"],%s}""".formatted(name + suffix, w.system().id(), w.assessor().id(), extra);
    }

    int count() {
        return jdbc.sql("SELECT COUNT(*) FROM assessment").query(Integer.class).single();
    }

    @Test
    void cliShowsAndSetsTheTemplate() {
        java.io.StringWriter out = new java.io.StringWriter();
        var commandLine = cli.commandLine();
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(new java.io.StringWriter(), true));
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
        try {
            assertThat(commandLine.execute(
                            "assessment",
                            "report-template",
                            id,
                            "--as",
                            tester.username(),
                            "--template",
                            "2021",
                            "--contract-date",
                            "2024-11-01"))
                    .isZero();
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        assertThat(out.toString())
                .contains(
                        "This assessment follows the MLPS assessment report template (2021 edition)",
                        "Yunjian's default scoring rules (bands set by the platform, not by the standards) (version 1)",
                        "Contract date: 2024-11-01");
    }

    byte[] download(String document) throws Exception {
        return mvc.perform(get("/api/assessments/{id}/" + document, id).with(as(tester)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    static List<String> headings(XWPFDocument doc, String style) {
        return doc.getParagraphs().stream()
                .filter(p -> style.equals(p.getStyle()))
                .map(XWPFParagraph::getText)
                .toList();
    }
}
