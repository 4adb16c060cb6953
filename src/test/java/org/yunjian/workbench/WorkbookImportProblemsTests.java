package org.yunjian.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;
import static org.yunjian.workbench.WorkbookRoundTripTests.OBSERVATIONS;
import static org.yunjian.workbench.WorkbookRoundTripTests.REASON;
import static org.yunjian.workbench.WorkbookRoundTripTests.RISK;
import static org.yunjian.workbench.WorkbookRoundTripTests.RISK_REASON;
import static org.yunjian.workbench.WorkbookRoundTripTests.VERDICT;
import static org.yunjian.workbench.WorkbookRoundTripTests.edit;
import static org.yunjian.workbench.WorkbookRoundTripTests.set;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.yunjian.assessment.ApiAssessments;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;

/**
 * A workbook import checks the whole file and lists every problem with sheet, row and column — structure, cells
 * and the verdict rules alike — and applies nothing while any is left (issue 14: "Workbook import of a file with
 * five bad rows lists all five with sheet, row and column").
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class WorkbookImportProblemsTests {

    static final String SHEET = "测评项";

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Catalog catalog;

    CurrentUser assessor;
    String id;

    @BeforeEach
    void assessment() throws Exception {
        Fixtures.World w = fixtures.world();
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

    ResultActions importWorkbook(byte[] xlsx) throws Exception {
        return mvc.perform(multipart("/api/assessments/{id}/workbook", id)
                .file(new MockMultipartFile("file", "items.xlsx", "application/octet-stream", xlsx))
                .with(as(assessor)));
    }

    String items() throws Exception {
        return AssessmentItems.json(mvc, id, as(assessor));
    }

    /** Row index (0-based, as POI counts) → requirement id, of every item row. */
    static List<String> requirements(byte[] xlsx) throws Exception {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = wb.getSheet(SHEET);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                out.add(r == 0 ? null : sheet.getRow(r).getCell(1).getStringCellValue());
            }
        }
        return out;
    }

    /** The first item row whose catalog item has (or has not) a 部分符合 situation. */
    int firstRow(List<String> requirements, boolean partial, int after) {
        for (int r = after + 1; r < requirements.size(); r++) {
            var mlps = catalog.requirement(RequirementId.of(requirements.get(r)))
                    .orElseThrow()
                    .mlps();
            if ((mlps.criteria().partiallyCompliant() != null) == partial) {
                return r;
            }
        }
        throw new AssertionError("no such row");
    }

    /** The five bad rows of the acceptance test, each broken in another way, and one good row; index → column. */
    record Broken(byte[] xlsx, Map<Integer, String> badRows, String noPartialRequirement) {}

    Broken fiveBadRows() throws Exception {
        byte[] exported = export();
        List<String> reqs = requirements(exported);
        int unknownWord = firstRow(reqs, true, 0);
        int naWithoutReason = firstRow(reqs, true, unknownWord);
        int findingWithoutRisk = firstRow(reqs, true, naWithoutReason);
        int partialNotOffered = firstRow(reqs, false, 0);
        int foreignId = firstRow(reqs, true, Math.max(findingWithoutRisk, partialNotOffered));
        int good = firstRow(reqs, true, foreignId);
        byte[] bad = edit(exported, wb -> {
            set(wb, unknownWord, VERDICT, "大概符合");
            set(wb, naWithoutReason, VERDICT, "不适用");
            set(wb, findingWithoutRisk, VERDICT, "不符合");
            set(wb, findingWithoutRisk, RISK_REASON, "未划分网络区域");
            set(wb, partialNotOffered, VERDICT, "部分符合");
            set(wb, partialNotOffered, RISK, "中");
            set(wb, partialNotOffered, RISK_REASON, "部分设备未配置");
            set(wb, foreignId, 0, UUID.randomUUID().toString());
            set(wb, foreignId, VERDICT, "符合");
            set(wb, good, VERDICT, "符合");
        });
        return new Broken(
                bad,
                Map.of(
                        unknownWord,
                        "J",
                        naWithoutReason,
                        "K",
                        findingWithoutRisk,
                        "L",
                        partialNotOffered,
                        "J",
                        foreignId,
                        "A"),
                reqs.get(partialNotOffered));
    }

    @Test
    void listsAllFiveBadRowsWithSheetRowAndColumnAndChangesNoItem() throws Exception {
        Broken b = fiveBadRows();
        String before = items();
        MvcResult result = importWorkbook(b.xlsx())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:workbook-rejected"))
                .andExpect(jsonPath("$.detail").value("测评表被拒绝，未应用任何内容。"))
                .andExpect(jsonPath("$.problems.length()").value(5))
                .andReturn();
        String json = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> problems = JsonPath.read(json, "$.problems");
        assertThat(problems).allSatisfy(p -> assertThat(p).containsOnlyKeys("sheet", "row", "column", "message"));
        for (var bad : b.badRows().entrySet()) {
            int excelRow = bad.getKey() + 1;
            assertThat(problems).as("row %d", excelRow).anySatisfy(p -> {
                assertThat(p.get("sheet")).isEqualTo(SHEET);
                assertThat(p.get("row")).isEqualTo(excelRow);
                assertThat(p.get("column")).isEqualTo(bad.getValue());
            });
        }
        assertThat(problems)
                .extracting(p -> (String) p.get("message"))
                .containsExactlyInAnyOrder(
                        "“大概符合”不是有效结论（符合 / 部分符合 / 不符合 / 不适用）",
                        "选择“不适用”时须说明理由",
                        "“不符合”或“部分符合”须给出风险等级",
                        "目录没有为 " + b.noPartialRequirement() + " 定义“部分符合”情况",
                        "本测评中没有该测评项");
        // listed in the order of the sheet
        assertThat(problems).extracting(p -> (Integer) p.get("row")).isSorted();
        // nothing applied, not even the good row
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void listsEveryProblemOfARowAndOfEveryKindInOnePass() throws Exception {
        byte[] exported = export();
        String recorded = WorkbookRoundTripTests.itemIdOf(exported, 7);
        mvc.perform(put("/api/assessment-items/{id}/verdict", recorded)
                        .with(IfMatch.item(jdbc, recorded))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"COMPLIANT\"}"))
                .andExpect(status().isOk());
        exported = export();
        String duplicate = WorkbookRoundTripTests.itemIdOf(exported, 1);
        byte[] bad = edit(exported, wb -> {
            set(wb, 1, VERDICT, "不适用");
            set(wb, 1, REASON, "很".repeat(4001)); // K2 too long
            set(wb, 2, OBSERVATIONS, "记".repeat(20001)); // Q3 too long
            set(wb, 3, VERDICT, "不符合");
            set(wb, 3, RISK, "极高"); // L4 unknown risk word
            set(wb, 3, RISK_REASON, ""); // M4 no reason for the risk
            set(wb, 4, VERDICT, "符合");
            set(wb, 4, 17, "昨天"); // R5 version tampered
            set(wb, 5, 0, duplicate); // A6 the same item twice
            set(wb, 6, 0, ""); // A7 no item id
            set(wb, 6, VERDICT, "符合");
            set(wb, 7, VERDICT, ""); // J8 a recorded verdict removed
        });
        String before = items();
        String json = importWorkbook(bad)
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> problems = JsonPath.read(json, "$.problems");
        assertThat(problems)
                .extracting(p -> p.get("column") + "" + p.get("row"))
                .containsExactly("K2", "Q3", "L4", "M4", "R5", "A6", "A7", "J8");
        assertThat(problems)
                .extracting(p -> (String) p.get("message"))
                .contains(
                        "不能超过 4000 个字符",
                        "不能超过 20000 个字符",
                        "请说明风险等级的理由",
                        "版本列须保持导出时的内容",
                        "同一测评项出现了两次",
                        "项ID 为空",
                        "已记录的结论不能删除");
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void importPageListsEveryProblemNextToTheUploadFormInTheReadersLanguage() throws Exception {
        Broken b = fiveBadRows();
        for (String lang : List.of("zh", "en")) {
            MvcResult posted = mvc.perform(multipart("/assessments/{id}/workbook", id)
                            .file(new MockMultipartFile("file", "items.xlsx", "application/octet-stream", b.xlsx()))
                            .param("lang", lang)
                            .with(as(assessor)))
                    .andExpect(status().is3xxRedirection())
                    .andReturn();
            assertThat(posted.getResponse().getRedirectedUrl()).endsWith("/assessments/" + id + "#workbook");
            String page = mvc.perform(get("/assessments/{id}", id)
                            .param("lang", lang)
                            .with(as(assessor))
                            .flashAttrs(posted.getFlashMap()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            String form = "id=\"import-workbook\"";
            String list = "id=\"import-problems\"";
            assertThat(page).contains(form, list);
            assertThat(page.indexOf(list))
                    .as("the list follows the upload form")
                    .isGreaterThan(page.indexOf(form));
            assertThat(page.split("class=\"import-problem\"", -1)).hasSize(6);
            for (var bad : b.badRows().entrySet()) {
                int row = bad.getKey() + 1;
                assertThat(page)
                        .contains(
                                "data-sheet=\"测评项\" data-row=\"" + row + "\" data-column=\"" + bad.getValue() + "\"",
                                lang.equals("zh")
                                        ? "「测评项」工作表第 " + row + " 行 " + bad.getValue() + " 列："
                                        : "Sheet &quot;测评项&quot;, row " + row + ", column " + bad.getValue() + ": ");
            }
            assertThat(page)
                    .contains(
                            lang.equals("zh")
                                    ? "测评表未导入，未做任何更改。共发现 5 个问题"
                                    : "The workbook was not imported and nothing was changed. 5 problem(s) found",
                            lang.equals("zh") ? "选择“不适用”时须说明理由" : "&quot;Not applicable&quot; requires a reason");
        }
    }

    @Test
    void stillReadsAWorkbookOfTheFirstFormat() throws Exception {
        byte[] exported = export();
        String item = WorkbookRoundTripTests.itemIdOf(exported, 1);
        // the layout exported before format 2: no requirement text, no criteria
        byte[] v1;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exported));
                XSSFWorkbook old = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet from = wb.getSheet(SHEET);
            XSSFSheet to = old.createSheet(SHEET);
            int[] keep = {0, 1, 2, 3, 4, 9, 10, 11, 12, 16, 17};
            for (Row row : from) {
                Row copy = to.createRow(row.getRowNum());
                for (int c = 0; c < keep.length; c++) {
                    var cell = row.getCell(keep[c]);
                    copy.createCell(c).setCellValue(cell == null ? "" : cell.getStringCellValue());
                }
            }
            to.getRow(1).getCell(5).setCellValue("不适用");
            to.getRow(1).getCell(6).setCellValue("本系统不涉及");
            var meta = old.createSheet("meta");
            meta.createRow(0).createCell(0).setCellValue("format");
            meta.getRow(0).createCell(1).setCellValue("yunjian-assessment-items/1");
            meta.createRow(1).createCell(0).setCellValue("assessment");
            meta.getRow(1).createCell(1).setCellValue(id);
            old.write(out);
            v1 = out.toByteArray();
        }
        importWorkbook(v1)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(1));
        mvc.perform(get("/api/assessment-items/{id}", item).with(as(assessor)))
                .andExpect(jsonPath("$.item.verdict").value("NOT_APPLICABLE"))
                .andExpect(jsonPath("$.item.verdictReason").value("本系统不涉及"));
    }

    @Test
    void refusesAWorkbookDeclaringAnExternalEntityWithoutResolvingIt() throws Exception {
        byte[] exported = export();
        byte[] evil = rewrite(exported, "xl/worksheets/sheet1.xml", xml -> xml.replaceFirst(
                        "\\?>", "?><!DOCTYPE worksheet [<!ENTITY leak SYSTEM \"file:///etc/passwd\">]>")
                .replaceFirst("<v>", "<v>&leak;"));
        String json = importWorkbook(evil)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message").value("不是 XLSX 格式的 Excel 文件"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("root:");
    }

    @Test
    void refusesAZipBombBeforeExpandingIt() throws Exception {
        byte[] exported = export();
        // a sheet that expands a thousandfold: POI's ratio guard stops reading it
        byte[] bomb = rewrite(
                exported,
                "xl/worksheets/sheet1.xml",
                xml -> xml.replaceFirst("<sheetData>", "<sheetData>" + " ".repeat(40 * 1024 * 1024)));
        assertThat(bomb.length).isLessThan(1024 * 1024);
        importWorkbook(bomb)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message").value("不是 XLSX 格式的 Excel 文件"));
    }

    /** The workbook with one zip entry's text replaced. */
    static byte[] rewrite(byte[] xlsx, String entry, java.util.function.UnaryOperator<String> change) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
