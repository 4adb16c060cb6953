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

    /** Columns of the item table (format 4) an assessor fills. */
    static final int VERDICT = 9,
            REASON = 10,
            RISK = 11,
            RISK_REASON = 12,
            FINDING = 13,
            RECOMMENDATION = 14,
            NO_EVIDENCE_REASON = 15,
            OBSERVATIONS = 16;

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

    /** Issue 58: the 无证据说明 and the 现场记录 go out in the workbook and come back in with the verdict. */
    @Test
    void roundTripsTheNoEvidenceReasonAndTheObservations() throws Exception {
        byte[] exported = export();
        String item1 = itemId(exported, 1);
        String item2 = itemId(exported, 2);
        importWorkbook(edit(exported, wb -> {
                    set(wb, 1, VERDICT, "不符合");
                    set(wb, 1, RISK, "中");
                    set(wb, 1, RISK_REASON, "未划分区域");
                    set(wb, 1, NO_EVIDENCE_REASON, "机房不允许拍照，核查记录见纸质记录表");
                    set(wb, 2, VERDICT, "符合");
                    set(wb, 2, OBSERVATIONS, "在云管平台控制台核对了安全组规则");
                }))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(2));
        mvc.perform(get("/api/assessment-items/{id}", item1).with(as(assessor)))
                .andExpect(jsonPath("$.item.verdict").value("NON_COMPLIANT"))
                .andExpect(jsonPath("$.item.noEvidenceReason").value("机房不允许拍照，核查记录见纸质记录表"));
        mvc.perform(get("/api/assessment-items/{id}", item2).with(as(assessor)))
                .andExpect(jsonPath("$.item.observations").value("在云管平台控制台核对了安全组规则"));
        // exported again: both in their columns, and importing that workbook changes nothing
        byte[] again = export();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(again))) {
            Sheet s = wb.getSheet("测评项");
            assertThat(s.getRow(0).getCell(NO_EVIDENCE_REASON).getStringCellValue())
                    .isEqualTo("无证据说明");
            assertThat(s.getRow(0).getCell(OBSERVATIONS).getStringCellValue()).isEqualTo("现场记录");
            assertThat(s.getRow(1).getCell(NO_EVIDENCE_REASON).getStringCellValue())
                    .isEqualTo("机房不允许拍照，核查记录见纸质记录表");
            assertThat(s.getRow(2).getCell(OBSERVATIONS).getStringCellValue()).isEqualTo("在云管平台控制台核对了安全组规则");
            assertThat(wb.getSheet("meta").getRow(0).getCell(1).getStringCellValue())
                    .isEqualTo("yunjian-assessment-items/4");
        }
        importWorkbook(again)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(0));
        // the reason changed offline alone: saved with the verdict, no new history entry
        importWorkbook(edit(again, wb -> set(wb, 1, NO_EVIDENCE_REASON, "现场核查，未留存截图")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(1));
        mvc.perform(get("/api/assessment-items/{id}", item1).with(as(assessor)))
                .andExpect(jsonPath("$.item.noEvidenceReason").value("现场核查，未留存截图"))
                .andExpect(jsonPath("$.history.length()").value(1));
    }

    /**
     * A 无证据说明 beside a verdict that keeps none (it would be dropped without a word), or past its length, is
     * refused naming its cell, in the reader's language; nothing of the workbook is written.
     */
    @Test
    void refusesANoEvidenceReasonItCannotKeepNamingRowAndColumn() throws Exception {
        byte[] exported = export();
        String item1 = itemId(exported, 1);
        String item2 = itemId(exported, 2);
        byte[] bad = edit(exported, wb -> {
            set(wb, 1, VERDICT, "符合");
            set(wb, 1, OBSERVATIONS, "核对了配置");
            set(wb, 2, VERDICT, "符合");
            set(wb, 2, NO_EVIDENCE_REASON, "没有拍照");
            set(wb, 3, VERDICT, "不符合");
            set(wb, 3, RISK, "中");
            set(wb, 3, RISK_REASON, "未划分区域");
            set(wb, 3, NO_EVIDENCE_REASON, "因".repeat(4001));
        });
        importWorkbook(bad)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems.length()").value(2))
                .andExpect(jsonPath("$.problems[0].sheet").value("测评项"))
                .andExpect(jsonPath("$.problems[0].row").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("P"))
                .andExpect(jsonPath("$.problems[0].message").value("无证据说明只用于“不符合”或“部分符合”的结论，请清空此格或改为相应结论"))
                .andExpect(jsonPath("$.problems[1].row").value(4))
                .andExpect(jsonPath("$.problems[1].column").value("P"))
                .andExpect(jsonPath("$.problems[1].message").value("不能超过 4000 个字符"));
        mvc.perform(multipart("/api/assessments/{id}/workbook", id)
                        .file(new MockMultipartFile("file", "items.xlsx", "application/octet-stream", bad))
                        .header("Accept-Language", "en")
                        .with(as(assessor)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message")
                        .value("a no-evidence reason goes only with a Non-compliant or Partially compliant verdict: "
                                + "clear this cell or change the verdict"));
        for (String item : java.util.List.of(item1, item2)) {
            mvc.perform(get("/api/assessment-items/{id}", item).with(as(assessor)))
                    .andExpect(jsonPath("$.item.verdict").doesNotExist())
                    .andExpect(jsonPath("$.item.observations").doesNotExist());
        }
    }

    /**
     * A workbook of format 3 (exported before the 无证据说明 column) still imports by its own header, and leaves the
     * stored 无证据说明 as it is.
     */
    @Test
    void aWorkbookOfTheThirdFormatLeavesTheNoEvidenceReasonAsStored() throws Exception {
        String item1 = itemId(export(), 1);
        mvc.perform(put("/api/assessment-items/{id}/verdict", item1)
                        .with(IfMatch.item(jdbc, item1))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"MEDIUM\",\"riskReason\":\"未划分区域\","
                                + "\"noEvidenceReason\":\"机房不允许拍照\"}"))
                .andExpect(status().isOk());
        byte[] v3 = asFormat3(export());
        importWorkbook(edit(v3, wb -> {
                    set(wb, 1, RECOMMENDATION, "划分安全区域并配置访问控制");
                    set(wb, 1, 15, "在控制台核对了网络拓扑"); // 现场记录 is column P in format 3
                }))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(1));
        mvc.perform(get("/api/assessment-items/{id}", item1).with(as(assessor)))
                .andExpect(jsonPath("$.item.recommendation").value("划分安全区域并配置访问控制"))
                .andExpect(jsonPath("$.item.observations").value("在控制台核对了网络拓扑"))
                .andExpect(jsonPath("$.item.noEvidenceReason").value("机房不允许拍照"));
    }

    /** The workbook as format 3 wrote it: no 无证据说明 column. */
    static byte[] asFormat3(byte[] v4) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(v4));
                XSSFWorkbook old = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet from = wb.getSheet("测评项");
            Sheet to = old.createSheet("测评项");
            for (Row row : from) {
                Row copy = to.createRow(row.getRowNum());
                int c = 0;
                for (int k = 0; k <= OBSERVATIONS + 1; k++) {
                    if (k == NO_EVIDENCE_REASON) {
                        continue;
                    }
                    var cell = row.getCell(k);
                    copy.createCell(c++).setCellValue(cell == null ? "" : cell.getStringCellValue());
                }
            }
            Sheet meta = old.createSheet("meta");
            Sheet source = wb.getSheet("meta");
            for (int r = 0; r < 2; r++) {
                meta.createRow(r)
                        .createCell(0)
                        .setCellValue(source.getRow(r).getCell(0).getStringCellValue());
                meta.getRow(r)
                        .createCell(1)
                        .setCellValue(source.getRow(r).getCell(1).getStringCellValue());
            }
            meta.getRow(0).getCell(1).setCellValue("yunjian-assessment-items/3");
            old.write(out);
            return out.toByteArray();
        }
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
