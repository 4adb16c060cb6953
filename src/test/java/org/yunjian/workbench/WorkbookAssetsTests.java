package org.yunjian.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yunjian.assessment.ApiAssessments;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;

/**
 * The workbook's sheet 测评对象: written with the system's assets in words and drop-down lists, read back as the
 * system's new list when whoever imports may edit the system and the list did not change since the export; a
 * third-party assessor's changes, a stale sheet and an unknown type are refused by sheet and cell, nothing written.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class WorkbookAssetsTests {

    static final String DB = """
            {"type":"DATABASE","name":"门户数据库","version":"PostgreSQL 15","importance":"KEY"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    Fixtures.World w;
    CurrentUser customer;
    String assets;

    @BeforeEach
    void world() throws Exception {
        w = fixtures.world();
        customer = user(w.customer().id());
        assets = "/api/systems/" + w.system().id() + "/assets";
        mvc.perform(post(assets)
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DB))
                .andExpect(status().isCreated());
    }

    /** A customer's self-assessment: its assessors may edit the system. */
    String selfAssessment() throws Exception {
        return JsonPath.read(
                mvc.perform(post("/api/assessments")
                                .with(as(customer))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                        {"name":"自评","systemId":"%s","assessorOrgId":"%s","assessorKind":"CUSTOMER_SELF",
                         "scope":["MLPS-L3"]}""".formatted(
                                                w.system().id(), w.customer().id())))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    byte[] export(String id, CurrentUser u) throws Exception {
        return mvc.perform(get("/api/assessments/{id}/workbook", id).with(as(u)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    ResultActions importWorkbook(String id, CurrentUser u, byte[] xlsx) throws Exception {
        return mvc.perform(multipart("/api/assessments/{id}/workbook", id)
                .file(new MockMultipartFile("file", "items.xlsx", "application/octet-stream", xlsx))
                .with(as(u)));
    }

    static void set(XSSFWorkbook wb, int row, int col, String value) {
        Sheet s = wb.getSheet("测评对象");
        Row r = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
        (r.getCell(col) == null ? r.createCell(col) : r.getCell(col)).setCellValue(value);
    }

    List<String> stored() throws Exception {
        String json = mvc.perform(get(assets).with(as(customer)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> names = JsonPath.read(json, "$.assets[*].name");
        List<String> versions = JsonPath.read(json, "$.assets[*].version");
        return java.util.stream.IntStream.range(0, names.size())
                .mapToObj(i -> names.get(i) + " " + versions.get(i))
                .toList();
    }

    @Test
    void theSheetCarriesTheTargetsInWordsAndACustomersSelfAssessmentWritesTheirChangesBack() throws Exception {
        String id = selfAssessment();
        byte[] exported = export(id, customer);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet s = wb.getSheet("测评对象");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("对象类型");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("数据库管理系统");
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("门户数据库");
            assertThat(s.getRow(1).getCell(3).getStringCellValue()).isEqualTo("关键");
            assertThat(s.getDataValidations()).hasSize(2);
        }
        byte[] edited = WorkbookRoundTripTests.edit(exported, wb -> {
            set(wb, 1, 2, "PostgreSQL 16");
            set(wb, 2, 0, "云管理平台");
            set(wb, 2, 1, "云管理平台控制台");
            set(wb, 2, 3, "重要");
        });
        importWorkbook(id, customer, edited).andExpect(status().isOk());
        assertThat(stored()).containsExactly("门户数据库 PostgreSQL 16", "云管理平台控制台 null");
        // the same file again changes nothing
        importWorkbook(id, customer, edited).andExpect(status().isOk());
        assertThat(stored()).containsExactly("门户数据库 PostgreSQL 16", "云管理平台控制台 null");
    }

    @Test
    void aThirdPartyAssessorsWorkbookPassesUnchangedButItsChangedTargetsAreRefused() throws Exception {
        CurrentUser assessor = user(w.assessor().id());
        String id = JsonPath.read(ApiAssessments.post(mvc, assessor, w, "第三方测评"), "$.id");
        byte[] exported = export(id, assessor);
        importWorkbook(id, assessor, exported).andExpect(status().isOk());
        importWorkbook(id, assessor, WorkbookRoundTripTests.edit(exported, wb -> set(wb, 1, 1, "改名的数据库")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].sheet").value("测评对象"))
                .andExpect(jsonPath("$.problems[0].message").value(containsString("只有系统的云服务客户或系统管理员")));
        assertThat(stored()).containsExactly("门户数据库 PostgreSQL 15");
    }

    @Test
    void refusesAStaleSheetAndAnUnknownTypeByCell() throws Exception {
        String id = selfAssessment();
        byte[] exported = export(id, customer);
        importWorkbook(id, customer, WorkbookRoundTripTests.edit(exported, wb -> set(wb, 1, 0, "路由器")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].sheet").value("测评对象"))
                .andExpect(jsonPath("$.problems[0].row").value(2))
                .andExpect(jsonPath("$.problems[0].column").value("A"))
                .andExpect(jsonPath("$.problems[0].message").value(containsString("路由器")));
        // meanwhile the list changes on the platform
        mvc.perform(post(assets)
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DB.replace("门户数据库", "日志数据库")))
                .andExpect(status().isCreated());
        importWorkbook(id, customer, WorkbookRoundTripTests.edit(exported, wb -> set(wb, 1, 2, "PostgreSQL 16")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message").value(containsString("导出之后")));
        assertThat(stored()).containsExactly("门户数据库 PostgreSQL 15", "日志数据库 PostgreSQL 15");
    }
}
