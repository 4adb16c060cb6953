package org.yunjian.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;
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
import org.yunjian.support.IfMatch;

/** Export the item table, change it offline, import it back: applied, unchanged, conflicts, rejections. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class WorkbookRoundTripTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    /** Columns of the item table (format 3) an assessor fills. */
    static final int VERDICT = 9,
            REASON = 10,
            RISK = 11,
            RISK_REASON = 12,
            FINDING = 13,
            RECOMMENDATION = 14,
            OBSERVATIONS = 15;

    Fixtures.World w;
    CurrentUser assessor;
    String id;

    @BeforeEach
    void assessment() throws Exception {
        w = fixtures.world();
        assessor = user(w.assessor().id());
        String body = ApiAssessments.post(mvc, assessor, w, "表格测评");
        id = JsonPath.read(body, "$.id");
    }

    byte[] export() throws Exception {
        return mvc.perform(get("/api/assessments/{id}/workbook", id).with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    static byte[] edit(byte[] xlsx, Consumer<XSSFWorkbook> change) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(wb);
            wb.write(out);
            return out.toByteArray();
        }
    }

    static void set(XSSFWorkbook wb, int row, int col, String value) {
        Sheet s = wb.getSheet("测评项");
        Row r = s.getRow(row);
        (r.getCell(col) == null ? r.createCell(col) : r.getCell(col)).setCellValue(value);
    }

    ResultActions importWorkbook(byte[] xlsx) throws Exception {
        return mvc.perform(multipart("/api/assessments/{id}/workbook", id)
                .file(new MockMultipartFile("file", "items.xlsx", "application/octet-stream", xlsx))
                .with(as(assessor)));
    }

    String itemId(byte[] xlsx, int row) throws Exception {
        return itemIdOf(xlsx, row);
    }

    /** The item id in row {@code row} (0-based, the header is row 0) of a Chinese workbook. */
    static String itemIdOf(byte[] xlsx, int row) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return wb.getSheet("测评项").getRow(row).getCell(0).getStringCellValue();
        }
    }

    @Test
    void appliesOfflineVerdictsAndReportsConflictsWithoutOverwriting() throws Exception {
        byte[] exported = export();
        String item1 = itemId(exported, 1);
        String item2 = itemId(exported, 2);
        // meanwhile item 2 changes on the platform
        mvc.perform(put("/api/assessment-items/{id}/verdict", item2)
                        .with(IfMatch.item(jdbc, item2))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"COMPLIANT\"}"))
                .andExpect(status().isOk());
        byte[] filled = edit(exported, wb -> {
            set(wb, 1, VERDICT, "不符合");
            set(wb, 1, RISK, "中");
            set(wb, 1, RISK_REASON, "未划分区域");
            set(wb, 1, OBSERVATIONS, "现场核查记录");
            set(wb, 2, VERDICT, "不适用");
            set(wb, 2, REASON, "无此设施");
        });
        importWorkbook(filled)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(1))
                .andExpect(jsonPath("$.conflicts.length()").value(1))
                .andExpect(jsonPath("$.conflicts[0].row").value(3))
                .andExpect(jsonPath("$.conflicts[0].itemId").value(item2))
                .andExpect(jsonPath("$.conflicts[0].platformVerdict").value("COMPLIANT"))
                .andExpect(jsonPath("$.conflicts[0].workbookVerdict").value("NOT_APPLICABLE"));
        mvc.perform(get("/api/assessment-items/{id}", item1).with(as(assessor)))
                .andExpect(jsonPath("$.item.verdict").value("NON_COMPLIANT"))
                .andExpect(jsonPath("$.item.riskLevel").value("MEDIUM"))
                .andExpect(jsonPath("$.item.observations").value("现场核查记录"));
        mvc.perform(get("/api/assessment-items/{id}", item2).with(as(assessor)))
                .andExpect(jsonPath("$.item.verdict").value("COMPLIANT"));
        // importing the same workbook again changes nothing more
        importWorkbook(filled)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(0));
    }

    /** Issue 34: the finding and the assessor's recommendation travel through the workbook and come back. */
    @Test
    void keepsTheFindingAndTheRecommendationThroughAnOfflineRoundTrip() throws Exception {
        byte[] exported = export();
        String item1 = itemId(exported, 1);
        byte[] filled = edit(exported, wb -> {
            set(wb, 1, VERDICT, "不符合");
            set(wb, 1, RISK, "低");
            set(wb, 1, RISK_REASON, "影响有限");
            set(wb, 1, FINDING, "登录失败处理未覆盖运维账号");
            set(wb, 1, RECOMMENDATION, "为运维账号同样配置登录失败锁定");
        });
        importWorkbook(filled)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(1));
        mvc.perform(get("/api/assessment-items/{id}", item1).with(as(assessor)))
                .andExpect(jsonPath("$.item.finding").value("登录失败处理未覆盖运维账号"))
                .andExpect(jsonPath("$.item.recommendation").value("为运维账号同样配置登录失败锁定"));
        byte[] again = export();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(again))) {
            Row row = wb.getSheet("测评项").getRow(1);
            assertThat(row.getCell(FINDING).getStringCellValue()).isEqualTo("登录失败处理未覆盖运维账号");
            assertThat(row.getCell(RECOMMENDATION).getStringCellValue()).isEqualTo("为运维账号同样配置登录失败锁定");
        }
        importWorkbook(again)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(0));
        // only the recommendation edited offline: stored, the verdict history untouched
        int history = JsonPath.<java.util.List<?>>read(
                        mvc.perform(get("/api/assessment-items/{id}", item1).with(as(assessor)))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.history")
                .size();
        importWorkbook(edit(again, wb -> set(wb, 1, RECOMMENDATION, "为全部账号配置登录失败锁定")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(1));
        String item = mvc.perform(get("/api/assessment-items/{id}", item1).with(as(assessor)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<String>read(item, "$.item.recommendation")).isEqualTo("为全部账号配置登录失败锁定");
        assertThat(JsonPath.<java.util.List<?>>read(item, "$.history")).hasSize(history);
        // a recommendation past its length is refused, naming its cell
        importWorkbook(edit(export(), wb -> set(wb, 1, RECOMMENDATION, "改".repeat(4001))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].row").value(2))
                .andExpect(jsonPath("$.problems[0].column").value("O"));
    }

    @Test
    void rejectsAWorkbookOfAnotherAssessmentNamingTheCell() throws Exception {
        byte[] foreign = edit(
                export(),
                wb -> wb.getSheet("meta").getRow(1).getCell(1).setCellValue("00000000-0000-0000-0000-000000000000"));
        importWorkbook(foreign)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:workbook-rejected"))
                .andExpect(jsonPath("$.problems[0].sheet").value("meta"))
                .andExpect(jsonPath("$.problems[0].row").value(2))
                .andExpect(jsonPath("$.problems[0].column").value("B"));
    }

    @Test
    void rejectsMalformedRowsWholeNamingSheetRowAndColumn() throws Exception {
        byte[] exported = export();
        String item1 = itemId(exported, 1);
        byte[] bad = edit(exported, wb -> {
            set(wb, 1, VERDICT, "符合");
            set(wb, 3, VERDICT, "大概符合");
            set(wb, 4, RISK, "极高");
            set(wb, 5, 0, "not-an-id");
        });
        importWorkbook(bad)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[?(@.row == 4 && @.column == 'J' && @.sheet == '测评项')]")
                        .exists())
                .andExpect(
                        jsonPath("$.problems[?(@.row == 5 && @.column == 'L')]").exists())
                .andExpect(
                        jsonPath("$.problems[?(@.row == 6 && @.column == 'A')]").exists());
        mvc.perform(get("/api/assessment-items/{id}", item1).with(as(assessor)))
                .andExpect(jsonPath("$.item.verdict").doesNotExist());
    }

    @Test
    void rejectsARowBreakingTheVerdictRulesAndAppliesNothing() throws Exception {
        byte[] exported = export();
        String item1 = itemId(exported, 1);
        byte[] bad = edit(exported, wb -> {
            set(wb, 1, VERDICT, "符合");
            set(wb, 2, VERDICT, "不适用");
        });
        importWorkbook(bad)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].row").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("K"));
        mvc.perform(get("/api/assessment-items/{id}", item1).with(as(assessor)))
                .andExpect(jsonPath("$.item.verdict").doesNotExist());
    }

    @Test
    void rejectsSomethingThatIsNotAWorkbook() throws Exception {
        importWorkbook("name,verdict\n".getBytes())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message").value("不是 XLSX 格式的 Excel 文件"));
        assertThat(export()).isNotEmpty();
    }
}
