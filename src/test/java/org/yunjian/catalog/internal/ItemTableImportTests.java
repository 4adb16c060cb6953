package org.yunjian.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.yunjian.catalog.AssessedSide;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.MlpsAssessment;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.TestStepType;
import org.yunjian.cli.CliRunner;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import picocli.CommandLine;

/**
 * An assessment body's 通用要求 item table imported from XLSX and CSV (REST, CLI) as a 等保 catalog: layer, control
 * point, item text, level, assessed side, typed test steps and the three criteria; every bad row refused with its row
 * and column named, in the reader's language, and nothing stored.
 */
@SpringBootTest
@Tag("database")
@org.yunjian.support.OnePass
// in the suite's one-at-a-time lane, not beside it: its CLI run once printed to the JVM's stdout instead of the tree's
// writer while it ran beside the suite (not reproduced alone or with its neighbours; docs/performance.md)
class ItemTableImportTests {

    @DynamicPropertySource
    static void databaseOfItsOwn(DynamicPropertyRegistry registry) {
        org.yunjian.support.TestDatabases.fresh("item_table_import", registry);
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CliRunner cli;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    private static Authentication admin() {
        AccountPrincipal p = new AccountPrincipal(
                new CurrentUser(UUID.randomUUID(), "sysadmin-x", null, Role.SYSTEM_ADMIN), "x", true, false, true);
        return new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities());
    }

    private ResultActions upload(String name, byte[] content, String code, String lang) throws Exception {
        var req = multipart("/api/catalog/import")
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .with(authentication(admin()))
                .with(csrf())
                .header("Accept-Language", lang);
        return mvc.perform(code == null ? req : req.param("code", code));
    }

    private int stored() {
        return jdbc.sql("SELECT COUNT(*) FROM catalog_import")
                .query(Integer.class)
                .single();
    }

    @Test
    void theSampleXlsxAndCsvImportAsA等保CatalogWithLayersLevelsSidesStepsAndCriteria() throws Exception {
        upload("通用要求-sample.xlsx", ItemTableSample.xlsx(), null, "zh-CN")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code", is("MLPS-GENERAL")))
                .andExpect(jsonPath("$.title", is("通用要求测评项表（通用要求-sample）")))
                // 11 items (controls), under 10 layers and 10 control points (G2-CE-1 shares one), which are not
                // counted
                .andExpect(jsonPath("$.requirements", is(11)))
                .andExpect(jsonPath("$.fileName", is("通用要求-sample.xlsx.oscal.json")));
        upload("通用要求-sample.csv", ItemTableSample.csv(), "MLPS-GENERAL-CSV", "zh-CN")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requirements", is(11)));

        for (String code : List.of("MLPS-GENERAL", "MLPS-GENERAL-CSV")) {
            List<Requirement> items = catalog.assessableItems(code);
            assertThat(items).hasSize(11);
            Requirement ce =
                    catalog.requirement(RequirementId.imported(code, "G3-CE-1")).orElseThrow();
            MlpsAssessment m = ce.mlps();
            assertThat(m.area()).isEqualTo("安全计算环境");
            assertThat(m.controlPoint()).isEqualTo("示例控制点 4");
            assertThat(m.requirement()).startsWith("【示例】第 4 条占位测评项");
            assertThat(m.level()).isEqualTo(3);
            assertThat(m.assessedSide()).isEqualTo(AssessedSide.CUSTOMER_SYSTEM);
            assertThat(m.testMethod().steps())
                    .extracting(MlpsAssessment.TestStep::types)
                    .containsExactly(
                            java.util.Set.of(TestStepType.INTERVIEW),
                            java.util.Set.of(TestStepType.EXAMINE, TestStepType.TEST));
            assertThat(m.criteria().compliant()).isEqualTo("示例：访谈与核查结果均满足示例能力 4。");
            assertThat(m.criteria().partiallyCompliant()).isEqualTo("示例：仅部分满足示例能力 4。");
            assertThat(m.criteria().nonCompliant()).isEqualTo("示例：不具备示例能力 4。");
            assertThat(catalog.requirement(RequirementId.imported(code, "G2-CE-1"))
                            .orElseThrow()
                            .mlps()
                            .level())
                    .isEqualTo(2);
            // layers in the report template's order, whatever the order of the rows
            assertThat(catalog.requirements(code).stream()
                            .filter(r -> r.parent() == null)
                            .map(Requirement::title))
                    .containsExactly(
                            "安全物理环境", "安全通信网络", "安全区域边界", "安全计算环境", "安全管理中心", "安全管理制度", "安全管理机构", "安全管理人员", "安全建设管理",
                            "安全运维管理");
        }
        // the committed sample files are what ItemTableSample writes
        assertThat(Files.readAllBytes(ItemTableSample.CSV)).isEqualTo(ItemTableSample.csv());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(ItemTableSample.XLSX)))) {
            var fmt = new org.apache.poi.ss.usermodel.DataFormatter();
            assertThat(fmt.formatCellValue(wb.getSheetAt(0).getRow(4).getCell(3)))
                    .isEqualTo(ItemTableSample.rows().get(3).get(3));
            assertThat(wb.getSheetAt(0).getLastRowNum())
                    .isEqualTo(ItemTableSample.rows().size());
        }
    }

    /** The sample CSV with one cell of one row replaced (row = spreadsheet row, 2 = first item). */
    private static byte[] csvWith(int row, int column, String value) {
        List<List<String>> rows = new java.util.ArrayList<>(ItemTableSample.rows().stream()
                .map(r -> (List<String>) new java.util.ArrayList<>(r))
                .toList());
        rows.get(row - 2).set(column, value);
        StringBuilder sb = new StringBuilder(String.join(",", ItemTableSample.HEADER)).append("\n");
        for (List<String> r : rows) {
            sb.append(String.join(
                            ",",
                            r.stream()
                                    .map(c -> "\"" + c.replace("\"", "\"\"") + "\"")
                                    .toList()))
                    .append("\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rejectsEveryKindOfBadRowNamingRowAndColumnAndStoresNothing() throws Exception {
        int before = stored();
        record Case(byte[] content, String name, String zh, String en) {}
        List<Case> cases = List.of(
                new Case(
                        csvWith(3, 4, "5"),
                        "bad.csv",
                        "第 3 行“级别”列：“5”不是 1 到 4 的级别",
                        "row 3, column \"Level\": \"5\" is not a level from 1 to 4"),
                new Case(
                        csvWith(4, 1, "安全天空环境"),
                        "bad.csv",
                        "第 4 行“安全类/层面”列：“安全天空环境”不是报告模版中的安全层面",
                        "row 4, column \"Layer\": \"安全天空环境\" is not a layer of the report template"),
                new Case(
                        csvWith(5, 5, "第三方"),
                        "bad.csv",
                        "第 5 行“测评侧”列：“第三方”无法识别",
                        "row 5, column \"Assessed side\": \"第三方\" is not known"),
                new Case(
                        csvWith(6, 6, "看一看配置"),
                        "bad.csv",
                        "第 6 行“测评方法”列：“看一看配置”：每个测评步骤一行",
                        "row 6, column \"Test method\": \"看一看配置\": one test step per line"),
                new Case(
                        csvWith(7, 0, "G3-PE-1"),
                        "bad.csv",
                        "第 7 行“编号”列：编号“G3-PE-1”重复",
                        "row 7, column \"ID\": the ID \"G3-PE-1\" appears twice"),
                new Case(
                        csvWith(8, 0, "3.1"),
                        "bad.csv",
                        "第 8 行“编号”列：编号“3.1”无效",
                        "row 8, column \"ID\": the ID \"3.1\" is not valid"),
                new Case(csvWith(9, 3, ""), "bad.csv", "第 9 行“测评项”列：不能为空", "row 9, column \"Item\": must not be empty"),
                new Case(
                        csvWith(10, 9, ""),
                        "bad.csv",
                        "第 10 行“不符合判定”列：不能为空",
                        "row 10, column \"Non-compliant when\": must not be empty"),
                new Case(
                        "编号,安全类/层面,控制点,测评项\nA1,安全物理环境,x,y\n".getBytes(StandardCharsets.UTF_8),
                        "bad.csv",
                        "第 1 行“级别”列：缺少“级别”（Level）列",
                        "row 1, column \"Level\": the column \"级别\" (Level) is missing"),
                new Case(
                        (String.join(",", ItemTableSample.HEADER) + "\n\"A1,安全物理环境\n").getBytes(StandardCharsets.UTF_8),
                        "bad.csv",
                        "引号未闭合",
                        "a quote is not closed"),
                new Case(
                        new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3},
                        "bad.xlsx",
                        "第 1 行：无法作为 XLSX 工作簿读取",
                        "row 1: cannot be read as an XLSX workbook"),
                new Case(
                        (String.join(",", ItemTableSample.HEADER) + "\n").getBytes(StandardCharsets.UTF_8),
                        "empty.csv",
                        "表中没有测评项",
                        "the table holds no items"));
        for (Case c : cases) {
            upload(c.name(), c.content(), "MLPS-BAD", "zh-CN")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath(
                            "$.errors.file",
                            allOf(containsString(c.name()), containsString(c.zh()), containsString("未导入任何内容"))));
            upload(c.name(), c.content(), "MLPS-BAD", "en")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath(
                            "$.errors.file", allOf(containsString(c.en()), containsString("nothing was imported"))));
        }
        // two bad rows at once: both named
        byte[] two = csvWith(3, 4, "9");
        String twoText = new String(two, StandardCharsets.UTF_8).replace("\"安全运维管理\"", "\"\"");
        upload("two.csv", twoText.getBytes(StandardCharsets.UTF_8), "MLPS-BAD", "zh-CN")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors.file",
                        allOf(
                                containsString("2 处问题"),
                                containsString("第 3 行“级别”列"),
                                containsString("第 11 行“安全类/层面”列：不能为空"))));
        assertThat(stored()).isEqualTo(before);
        assertThat(catalog.standard("MLPS-BAD")).isEmpty();
    }

    @Test
    void theCliImportsTheSampleTableAndRefusesABrokenOne(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("通用要求-sample.csv");
        Files.write(csv, ItemTableSample.csv());
        StringWriter out = new StringWriter();
        CommandLine cl = cli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        assertThat(cl.execute("catalog", "import", "--file", csv.toString(), "--code", "MLPS-GENERAL-CLI"))
                .as(out.toString())
                .isZero();
        assertThat(out.toString()).contains("MLPS-GENERAL-CLI").contains(": 11 controls");
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, csvWith(3, 4, "5"));
        out.getBuffer().setLength(0);
        assertThat(cl.execute("catalog", "import", "--file", bad.toString(), "--code", "MLPS-GENERAL-BAD"))
                .isEqualTo(1);
        assertThat(out.toString()).contains("row 3").contains("Level");
        assertThat(catalog.standard("MLPS-GENERAL-BAD")).isEmpty();
    }

    @Test
    void theCatalogPageImportsTheSampleXlsxAndListsABrokenTablesProblems() throws Exception {
        mvc.perform(multipart("/catalog/import")
                        .file(new MockMultipartFile(
                                "file",
                                "通用要求-sample.xlsx",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                ItemTableSample.xlsx()))
                        .param("code", "MLPS-GENERAL-PAGE")
                        .with(authentication(admin()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("importMessage", containsString("MLPS-GENERAL-PAGE")));
        mvc.perform(multipart("/catalog/import")
                        .file(new MockMultipartFile("file", "bad.csv", "text/csv", csvWith(3, 4, "5")))
                        .param("code", "MLPS-GENERAL-PAGE-BAD")
                        .with(authentication(admin()))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("conflict", containsString("第 3 行“级别”列")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("errorsIn", "import"));
        assertThat(catalog.standard("MLPS-GENERAL-PAGE")).isPresent();
        assertThat(catalog.standard("MLPS-GENERAL-PAGE-BAD")).isEmpty();
    }

    /** Writes the sample files under docs/samples when run with -Dyunjian.samples.write=true. */
    @Test
    void sampleFilesAreWrittenOnRequest() throws Exception {
        if (Boolean.getBoolean("yunjian.samples.write")) {
            ItemTableSample.main(new String[0]);
        }
        assertThat(ItemTableSample.XLSX).exists();
        assertThat(ItemTableSample.CSV).exists();
    }
}
