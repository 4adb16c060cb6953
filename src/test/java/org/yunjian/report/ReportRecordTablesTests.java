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
import java.util.List;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
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
import org.springframework.test.web.servlet.ResultActions;
import org.yunjian.assessment.PlatformWorld;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;
import org.yunjian.support.PdfInspection;

/**
 * The report's record tables (issue 34): the 基本信息表 and the 等级测评结论扩充表（云计算安全）filled from the
 * platform assessment the report inherits from, 总体评价 and 主要安全问题 in the 2021 template's 等级测评结论, the
 * 测评对象 table, the matrix version that was approved (never a later draft), signature lines and the seal block.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class ReportRecordTablesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.yunjian.security.UserAdministration users;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    PlatformWorld w;
    CurrentUser assessor;
    CurrentUser providerUser;
    CurrentUser customerUser;

    @BeforeEach
    void world() {
        w = PlatformWorld.create(fixtures);
        assessor = user(w.assessorOrg().id());
        providerUser = user(w.provider().id());
        customerUser = user(w.customer().id());
    }

    String create(CurrentUser who, CloudSystem s, Organization org, String kind) throws Exception {
        return JsonPath.read(
                mvc.perform(post("/api/assessments")
                                .with(as(who))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                        {"name":"等保测评 %s","systemId":"%s","assessorOrgId":"%s","assessorKind":"%s",
                         "scope":["MLPS-L3"]}""".formatted(s.name(), s.id(), org.id(), kind)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    void move(CurrentUser who, String id, String to) throws Exception {
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(who))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"" + to + "\"}"))
                .andExpect(status().isOk());
    }

    List<String> items(CurrentUser who, String id, String side) throws Exception {
        return JsonPath.read(AssessmentItems.json(mvc, id, as(who), "side", side), "$[*].id");
    }

    ResultActions verdict(CurrentUser who, String itemId, String json) throws Exception {
        return mvc.perform(put("/api/assessment-items/{id}/verdict", itemId)
                .with(IfMatch.item(jdbc, itemId))
                .with(as(who))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    byte[] download(String id, String document) throws Exception {
        return mvc.perform(get("/api/assessments/{id}/" + document, id).with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    /** Every table of the document as "cell | cell" rows, and the paragraphs, in document order. */
    static List<String> lines(XWPFDocument doc) {
        List<String> out = new java.util.ArrayList<>();
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p) {
                out.add(p.getText());
            } else if (e instanceof XWPFTable t) {
                t.getRows()
                        .forEach(r -> out.add(String.join(
                                " | ",
                                r.getTableCells().stream().map(c -> c.getText()).toList())));
            }
        }
        return out;
    }

    @Test
    void theBasicInfoAndCloudExtensionTablesCarryTheInheritedPlatformAssessment() throws Exception {
        String source = create(providerUser, w.platform(), w.provider(), "CUSTOMER_SELF");
        move(providerUser, source, "IN_PROGRESS");
        for (String item : items(providerUser, source, "CLOUD_PLATFORM")) {
            verdict(providerUser, item, "{\"verdict\":\"COMPLIANT\"}").andExpect(status().isOk());
        }
        SignOffFixture.complete(mvc, users, jdbc, source, providerUser);
        String sourceNumber = JsonPath.read(
                mvc.perform(get("/api/assessments/{id}", source).with(as(providerUser)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.reportNumber");

        String id = create(assessor, w.system(), w.assessorOrg(), "THIRD_PARTY");
        move(assessor, id, "IN_PROGRESS");
        String inherited = items(assessor, id, "CLOUD_PLATFORM").get(0);
        mvc.perform(put("/api/assessment-items/{id}/inheritance", inherited)
                        .with(as(assessor))
                        .with(IfMatch.item(jdbc, inherited))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\":\"" + source + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/assessments/{id}/report-template", id)
                        .with(as(assessor))
                        .with(IfMatch.read(mvc, "/api/assessments/" + id + "/report-template", as(assessor)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contractDate\":\"2025-03-19\"}"))
                .andExpect(status().isOk());

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(download(id, "report.docx")))) {
            List<String> lines = lines(doc);
            int basic = lines.indexOf("网络安全等级测评基本信息表");
            int statement = lines.indexOf("声明");
            assertThat(basic).isGreaterThan(0).isLessThan(statement);
            assertThat(lines.subList(basic, statement))
                    .contains(
                            "被测对象名称 | " + w.system().name(),
                            "扩展要求应用情况 | 云计算安全扩展要求",
                            "承载的云计算平台 | " + w.platform().name(),
                            "被测对象所属单位 | " + w.customer().name(),
                            "测评机构 | " + w.assessorOrg().name());
            int extension = lines.indexOf("等级测评结论扩充表（云计算安全）");
            int toc = lines.indexOf("目录");
            assertThat(extension).isGreaterThan(statement).isLessThan(toc);
            assertThat(lines.subList(extension, toc))
                    .contains(
                            "云计算平台名称 | " + w.platform().name(),
                            "云计算平台安全保护等级 | 第三级",
                            "云计算平台等级测评结论 | 符合",
                            "云计算平台等级测评报告编号 | " + sourceNumber,
                            "云计算平台测评机构 | " + w.provider().name(),
                            "本报告继承的测评项数 | 1",
                            "被测对象名称 | " + w.system().name())
                    .doesNotContain("总体评价", "主要安全问题及整改建议");
            // the 2021 template's 等级测评结论 holds 总体评价 and 主要安全问题
            int conclusion = lines.indexOf("等级测评结论");
            assertThat(lines.subList(conclusion, extension)).contains("总体评价", "主要安全问题及整改建议");
        }
        PdfInspection pdf = new PdfInspection(download(id, "report.pdf"));
        assertThat(pdf.text(1, pdf.pages())).contains("网络安全等级测评基本信息表", "等级测评结论扩充表（云计算安全）", sourceNumber);
    }

    @Test
    void theReportCitesTheApprovedMatrixVersionNeverALaterDraftAndListsTheTargets() throws Exception {
        mvc.perform(post("/api/systems/{id}/responsibility", w.system().id()).with(as(customerUser)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/systems/{id}/assets", w.system().id())
                        .with(as(customerUser))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"type":"CLOUD_MANAGEMENT","name":"云管理平台控制台","version":"V5.2","importance":"KEY"}"""))
                .andExpect(status().isCreated());
        String id = create(assessor, w.system(), w.assessorOrg(), "THIRD_PARTY");
        assertThat(object(id)).contains("尚无经双方签认（已批准）的版本").doesNotContain("第 1 版");

        // version 1 approved, then version 2 drafted
        UUID matrix = jdbc.sql("SELECT id FROM responsibility_matrix WHERE system_id = ?")
                .param(w.system().id())
                .query(UUID.class)
                .single();
        jdbc.sql("UPDATE responsibility_matrix_version SET status = 'APPROVED', approved_at = CURRENT_TIMESTAMP "
                        + "WHERE matrix_id = ? AND version = 1")
                .param(matrix)
                .update();
        jdbc.sql("INSERT INTO responsibility_matrix_version (matrix_id, version, status, schema_version, document, "
                        + "change_summary, created_by, created_org, created_at) SELECT matrix_id, 2, 'DRAFT', schema_version, "
                        + "document, '草稿', created_by, created_org, CURRENT_TIMESTAMP FROM responsibility_matrix_version "
                        + "WHERE matrix_id = ? AND version = 1")
                .param(matrix)
                .update();
        jdbc.sql("UPDATE responsibility_matrix SET current_version = 2 WHERE id = ?")
                .param(matrix)
                .update();

        String text = object(id);
        assertThat(text).contains("安全责任划分矩阵第 1 版（已批准，").doesNotContain("第 2 版").doesNotContain("草稿）");
        assertThat(text).contains("测评对象", "云管理平台 | 云管理平台控制台 | V5.2 | 关键");
    }

    /** The 被测对象描述 chapter of the DOCX, tables as "cell | cell" rows. */
    String object(String id) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(download(id, "report.docx")))) {
            List<String> lines = lines(doc);
            return String.join("\n", lines.subList(lines.indexOf("2 被测对象描述"), lines.indexOf("3 单项测评结果分析")));
        }
    }
}
