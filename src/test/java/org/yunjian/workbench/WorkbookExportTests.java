package org.yunjian.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.assessment.ApiAssessments;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;

/**
 * The exported item table as an assessor opens it: requirement text and the catalog's criteria per item, side
 * and control point in words, drop-down lists for verdict and risk level in the workbook's language, frozen
 * header and id columns, widths that fit, read-only columns grey.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class WorkbookExportTests {

    static final List<String> ZH_HEADER = List.of(
            "项ID", "要求编号", "测评对象", "安全层面", "控制点", "测评要求", "符合判定", "部分符合判定", "不符合判定", "结论", "理由", "风险等级", "风险理由", "安全问题",
            "整改建议", "无证据说明", "现场记录", "版本");
    static final List<String> EN_HEADER = List.of(
            "Item ID",
            "Requirement",
            "Assessed side",
            "Security layer",
            "Control point",
            "Requirement text",
            "Compliant when",
            "Partially compliant when",
            "Non-compliant when",
            "Verdict",
            "Reason",
            "Risk level",
            "Reason for the risk level",
            "Finding",
            "Recommendation",
            "No-evidence reason",
            "Observations",
            "Version");
    static final int TEXT = 5,
            COMPLIANT = 6,
            PARTIAL = 7,
            NON_COMPLIANT = 8,
            VERDICT = 9,
            RISK = 11,
            FINDING = 13,
            RECOMMENDATION = 14,
            VERSION = 17;

    @Autowired
    MockMvc mvc;

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

    XSSFWorkbook export(String lang) throws Exception {
        byte[] xlsx = mvc.perform(get("/api/assessments/{id}/workbook", id)
                        .header("Accept-Language", lang)
                        .with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    Requirement requirement(XSSFRow row) {
        return catalog.requirement(RequirementId.of(row.getCell(1).getStringCellValue()))
                .orElseThrow();
    }

    static String text(XSSFRow row, int col) {
        return row.getCell(col) == null ? "" : row.getCell(col).getStringCellValue();
    }

    static List<String> header(XSSFSheet sheet) {
        List<String> out = new ArrayList<>();
        sheet.getRow(0).forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }

    @Test
    void carriesTheRequirementTextAndTheCatalogsCriteriaPerItem() throws Exception {
        try (XSSFWorkbook wb = export("zh-CN")) {
            XSSFSheet sheet = wb.getSheet("测评项");
            assertThat(header(sheet)).isEqualTo(ZH_HEADER);
            assertThat(sheet.getLastRowNum()).isEqualTo(58);
            boolean sawNoPartial = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                XSSFRow row = sheet.getRow(r);
                var mlps = requirement(row).mlps();
                assertThat(text(row, TEXT)).isEqualTo(mlps.requirement()).isNotBlank();
                assertThat(text(row, 2)).isIn("云计算平台", "云服务客户系统");
                assertThat(text(row, 4)).isEqualTo(mlps.controlPoint());
                assertThat(text(row, COMPLIANT)).isEqualTo(mlps.criteria().compliant());
                assertThat(text(row, NON_COMPLIANT)).isEqualTo(mlps.criteria().nonCompliant());
                if (mlps.criteria().partiallyCompliant() != null) {
                    assertThat(text(row, PARTIAL)).isEqualTo(mlps.criteria().partiallyCompliant());
                } else {
                    assertThat(text(row, PARTIAL)).isEqualTo("本项不设“部分符合”");
                    sawNoPartial = true;
                }
            }
            assertThat(sawNoPartial).as("some item has no 部分符合 situation").isTrue();
            assertThat(wb.getSheetVisibility(wb.getSheetIndex("meta"))).isEqualTo(SheetVisibility.HIDDEN);
        }
    }

    @Test
    void isWrittenInTheReadersLanguage() throws Exception {
        try (XSSFWorkbook wb = export("en")) {
            XSSFSheet sheet = wb.getSheet("Test items");
            assertThat(sheet).isNotNull();
            assertThat(wb.getSheet("测评项")).isNull();
            assertThat(header(sheet)).isEqualTo(EN_HEADER);
            XSSFRow row = sheet.getRow(1);
            Requirement req = requirement(row);
            assertThat(req.textEn()).isNotBlank();
            assertThat(text(row, TEXT)).isEqualTo(req.textEn());
            assertThat(text(row, 2)).isIn("Cloud platform", "Cloud service customer system");
            assertThat(text(row, 4))
                    .isEqualTo(catalog.requirement(req.parent()).orElseThrow().titleEn());
            // the criteria are the catalog's, verbatim (it holds them in Chinese only)
            assertThat(text(row, COMPLIANT)).isEqualTo(req.mlps().criteria().compliant());
            assertThat(validations(sheet, VERDICT))
                    .extracting(v -> List.of(words(v)))
                    .contains(List.of("Compliant", "Partially compliant", "Non-compliant", "Not applicable"));
            assertThat(validations(sheet, RISK))
                    .extracting(v -> List.of(words(v)))
                    .containsExactly(List.of("High", "Medium", "Low"));
        }
    }

    static List<XSSFDataValidation> validations(XSSFSheet sheet, int column) {
        return sheet.getDataValidations().stream()
                .filter(v -> Arrays.stream(v.getRegions().getCellRangeAddresses())
                        .allMatch(a -> a.getFirstColumn() == column && a.getLastColumn() == column))
                .toList();
    }

    static String[] words(DataValidation v) {
        return v.getValidationConstraint().getExplicitListValues();
    }

    static Set<Integer> rows(DataValidation v) {
        Set<Integer> out = new TreeSet<>();
        for (CellRangeAddress a : v.getRegions().getCellRangeAddresses()) {
            for (int r = a.getFirstRow(); r <= a.getLastRow(); r++) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void offersOnlyTheVerdictsAnItemAllowsAndTheRiskLevelsAsDropDownLists() throws Exception {
        try (XSSFWorkbook wb = export("zh-CN")) {
            XSSFSheet sheet = wb.getSheet("测评项");
            List<XSSFDataValidation> verdicts = validations(sheet, VERDICT);
            assertThat(verdicts).hasSize(2);
            XSSFDataValidation all = verdicts.stream()
                    .filter(v -> words(v).length == 4)
                    .findFirst()
                    .orElseThrow();
            XSSFDataValidation three = verdicts.stream()
                    .filter(v -> words(v).length == 3)
                    .findFirst()
                    .orElseThrow();
            assertThat(words(all)).containsExactly("符合", "部分符合", "不符合", "不适用");
            assertThat(words(three)).containsExactly("符合", "不符合", "不适用");
            for (XSSFDataValidation v : verdicts) {
                assertThat(v.getValidationConstraint().getValidationType())
                        .isEqualTo(DataValidationConstraint.ValidationType.LIST);
                assertThat(v.getShowErrorBox()).isTrue();
                assertThat(v.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
                assertThat(v.getEmptyCellAllowed()).isTrue();
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                boolean partial = requirement(sheet.getRow(r)).mlps().criteria().partiallyCompliant() != null;
                assertThat(rows(partial ? all : three)).as("row %d", r + 1).contains(r);
                assertThat(rows(partial ? three : all)).as("row %d", r + 1).doesNotContain(r);
            }
            List<XSSFDataValidation> risks = validations(sheet, RISK);
            assertThat(risks).hasSize(1);
            assertThat(words(risks.get(0))).containsExactly("高", "中", "低");
            assertThat(rows(risks.get(0))).hasSize(58).doesNotContain(0);
        }
    }

    @Test
    void freezesTheHeaderAndIdColumnsSizesColumnsAndGreysTheReadOnlyOnes() throws Exception {
        try (XSSFWorkbook wb = export("zh-CN")) {
            XSSFSheet sheet = wb.getSheet("测评项");
            var pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 3);
            // widths in characters: long texts wide, the short choices narrow, nothing at the default
            assertThat(sheet.getColumnWidth(TEXT) / 256).isGreaterThanOrEqualTo(40);
            assertThat(sheet.getColumnWidth(COMPLIANT) / 256).isGreaterThanOrEqualTo(30);
            assertThat(sheet.getColumnWidth(VERDICT) / 256).isBetween(8, 16);
            assertThat(sheet.getColumnWidth(RISK) / 256).isBetween(6, 12);
            for (int c = 0; c <= VERSION; c++) {
                assertThat(sheet.getColumnWidth(c))
                        .as("column %d", c)
                        .isNotEqualTo(sheet.getDefaultColumnWidth() * 256);
            }
            XSSFRow row = sheet.getRow(1);
            assertThat(row.getCell(TEXT).getCellStyle().getWrapText()).isTrue();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                // the requirement column is 50 wide: a text of more than 25 Chinese characters takes two lines
                if (text(sheet.getRow(r), TEXT).length() > 25) {
                    assertThat(sheet.getRow(r).getHeightInPoints())
                            .as("row %d grows to show its text", r + 1)
                            .isGreaterThanOrEqualTo(2 * sheet.getDefaultRowHeightInPoints());
                }
            }
            Set<Integer> editable = Set.of(9, 10, 11, 12, FINDING, RECOMMENDATION, 15, 16);
            for (int c = 0; c <= VERSION; c++) {
                XSSFCellStyle style = row.getCell(c).getCellStyle();
                if (editable.contains(c)) {
                    assertThat(style.getFillPattern()).as("column %d", c).isEqualTo(FillPatternType.NO_FILL);
                } else {
                    assertThat(style.getFillPattern()).as("column %d", c).isEqualTo(FillPatternType.SOLID_FOREGROUND);
                    assertThat(style.getFillForegroundXSSFColor().getRGB())
                            .as("column %d grey", c)
                            .containsExactly((byte) 0xEE, (byte) 0xEE, (byte) 0xEE);
                }
            }
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).startsWith("A1:R");
            assertThat(sheet.getRow(0)
                            .getCell(VERDICT)
                            .getCellComment()
                            .getString()
                            .getString())
                    .contains("灰色列为只读");
        }
    }
}
