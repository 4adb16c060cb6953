package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.Engagement;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.IfMatch;

/**
 * The responsibility workbook through REST with the real services and database: exported as the customer sees it,
 * edited offline and re-imported as one new version, refused whole with every problem located, conflicts listed
 * and not applied, foreign and non-XLSX files refused by content.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class ResponsibilityWorkbookTests {

    static final String CUSTOMER_ROW = "TCCIA004-6.2-a-1"; // 6.2 a) "客户应：" is a heading (issue 36 C-1)
    static final String PROVIDER_ROW = "TCCIA004-6.2-b";
    static final String OTHER_PROVIDER_ROW = "TCCIA004-6.3-b";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.yunjian.catalog.Catalog catalog;

    Fixtures.World w;
    Organization om;
    Organization security;
    CurrentUser customer;
    CurrentUser provider;
    String base;

    @BeforeEach
    void world() throws Exception {
        w = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        om = fixtures.organization("运维服务商 " + tag, PartyRole.PARTNER_OM_SERVICE);
        security = fixtures.organization("安全服务商 " + tag, PartyRole.PARTNER_SECURITY_SERVICE);
        fixtures.engagement(
                "云平台运营 " + tag,
                w.system(),
                new Engagement.Participant(om.id(), PartyRole.PARTNER_OM_SERVICE),
                new Engagement.Participant(security.id(), PartyRole.PARTNER_SECURITY_SERVICE));
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        base = "/api/systems/" + w.system().id() + "/responsibility";
        mvc.perform(post(base).with(as(customer))).andExpect(status().isCreated());
        agreement("云服务合同", w.customer().id(), w.provider().id());
        agreement("运维服务协议", w.provider().id(), om.id());
        agreement("安全服务协议", w.provider().id(), security.id());
    }

    void agreement(String name, UUID a, UUID b) throws Exception {
        mvc.perform(post(base + "/agreements")
                        .with(as(customer))
                        .with(IfMatch.currentMatrix(jdbc, w.system().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                {"name":"%s","partyA":"%s","partyB":"%s","clauses":["7.3"]}""".formatted(name, a, b)))
                .andExpect(status().isCreated());
    }

    byte[] export(CurrentUser u, String lang) throws Exception {
        return mvc.perform(get(base + "/workbook.xlsx").with(as(u)).header("Accept-Language", lang))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    ResultActions upload(CurrentUser u, byte[] bytes, String lang) throws Exception {
        return mvc.perform(multipart(base + "/workbook")
                .file(new MockMultipartFile("file", "matrix.xlsx", null, bytes))
                .with(as(u))
                .header("Accept-Language", lang));
    }

    int currentVersion() throws Exception {
        return JsonPath.read(
                mvc.perform(get(base).with(as(customer)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.version");
    }

    /** The sheet row of a duty's accountable party (by the hidden row key). */
    static Row row(Sheet s, String duty, UUID org, PartyRole role) {
        String key = duty + "|" + org + "|" + role.name();
        for (Row r : s) {
            if (r.getCell(19) != null && key.equals(r.getCell(19).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row " + key);
    }

    /** Sets the hops of a row: receiver, agreement, clause per hop. */
    static void hops(Row r, String... cells) {
        for (int i = 0; i < 9; i++) {
            var c = r.getCell(10 + i) == null ? r.createCell(10 + i) : r.getCell(10 + i);
            if (i < cells.length && cells[i] != null) {
                c.setCellValue(cells[i]);
            } else {
                c.setBlank();
            }
        }
    }

    interface Edit {
        void apply(XSSFSheet s) throws Exception;
    }

    static byte[] edit(byte[] xlsx, Edit e) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            e.apply(wb.getSheetAt(0));
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void exportOpensWithCellsValidationsAndAFrozenHeader() throws Exception {
        mvc.perform(get(base + "/workbook.xlsx").with(as(customer)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
                .andExpect(header().string("Content-Disposition", containsString("responsibility-workbook-v4-")));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export(customer, "zh-CN")))) {
            XSSFSheet s = wb.getSheet("责任分工");
            assertThat(s).isNotNull();
            assertThat(wb.getSheet("参与方与协议")).isNotNull();
            assertThat(wb.getSheetVisibility(wb.getSheetIndex("meta"))).isEqualTo(SheetVisibility.VERY_HIDDEN);
            assertThat(wb.getSheet("meta").getProtect()).isTrue();
            assertThat(wb.getSheet("meta").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo(w.system().id().toString());
            assertThat(wb.getSheet("meta").getRow(3).getCell(1).getStringCellValue())
                    .isEqualTo("4");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("一项职责有多个责任主体时占多行");
            Row h = s.getRow(1);
            assertThat(List.of(
                            h.getCell(0).getStringCellValue(),
                            h.getCell(1).getStringCellValue(),
                            h.getCell(4).getStringCellValue(),
                            h.getCell(6).getStringCellValue(),
                            h.getCell(8).getStringCellValue(),
                            h.getCell(10).getStringCellValue(),
                            h.getCell(11).getStringCellValue(),
                            h.getCell(18).getStringCellValue()))
                    .containsExactly("条款", "要求", "责任主体", "实施方", "客户可继承", "第1层承接方", "第1层合同协议", "第3层条款");
            assertThat(s.getPaneInformation().isFreezePane()).isTrue();
            assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(s.getColumnWidth(1)).isGreaterThan(40 * 256);
            assertThat(s.isColumnHidden(19)).isTrue();
            Row c = row(s, CUSTOMER_ROW, w.customer().id(), PartyRole.CUSTOMER);
            assertThat(c.getCell(0).getStringCellValue()).isEqualTo("6.2 a) 1)");
            assertThat(c.getCell(1).getStringCellValue()).isNotBlank();
            assertThat(c.getCell(4).getStringCellValue()).isEqualTo(w.customer().name());
            assertThat(c.getCell(5).getStringCellValue()).isEqualTo("云服务客户");
            assertThat(c.getCell(8).getStringCellValue()).isEqualTo("否");
            assertThat(c.getCell(1).getCellStyle().getWrapText()).isTrue();
            Row p = row(s, PROVIDER_ROW, w.provider().id(), PartyRole.PROVIDER);
            assertThat(p.getCell(6).getStringCellValue()).isEqualTo(w.provider().name());
            assertThat(p.getCell(7).getStringCellValue()).isEqualTo("未转移，由责任主体自行实施");
            assertThat(p.getCell(8).getStringCellValue()).isEqualTo("是");
            assertThat(p.getCell(9).getStringCellValue())
                    .contains("客户可继承", w.provider().name());
            List<? extends DataValidation> dvs = s.getDataValidations();
            assertThat(dvs).hasSize(9);
            assertThat(dvs.stream()
                            .map(d -> d.getValidationConstraint().getFormula1())
                            .toList())
                    .contains("'参与方与协议'!$A$2:$A$6", "'参与方与协议'!$D$2:$D$4");
            Sheet parties = wb.getSheet("参与方与协议");
            assertThat(parties.getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo(w.customer().name());
            assertThat(parties.getRow(2).getCell(3).getStringCellValue()).isEqualTo("运维服务协议");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export(customer, "en")))) {
            Sheet s = wb.getSheet("Responsibilities");
            assertThat(s.getRow(1).getCell(10).getStringCellValue()).isEqualTo("Hop 1: receiver");
            assertThat(row(s, PROVIDER_ROW, w.provider().id(), PartyRole.PROVIDER)
                            .getCell(8)
                            .getStringCellValue())
                    .isEqualTo("Yes");
        }
    }

    @Test
    void editedWorkbookBecomesOneNewVersionWithTheDelegation() throws Exception {
        int before = currentVersion();
        byte[] edited = edit(
                export(provider, "zh-CN"),
                s -> hops(
                        row(s, PROVIDER_ROW, w.provider().id(), PartyRole.PROVIDER),
                        om.name(),
                        "运维服务协议",
                        "7.3",
                        security.name(),
                        "安全服务协议",
                        "7.3",
                        w.provider().name(),
                        null,
                        null));
        upload(provider, edited, "zh-CN")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(1))
                .andExpect(jsonPath("$.conflicts.length()").value(0))
                .andExpect(jsonPath("$.version").value(before + 1));
        assertThat(currentVersion()).isEqualTo(before + 1);
        mvc.perform(get(base).with(as(customer)))
                .andExpect(jsonPath("$.rows[?(@.duty == '" + PROVIDER_ROW + "')].assignments[0].depth")
                        .value(hasItem(3)))
                .andExpect(jsonPath("$.rows[?(@.duty == '" + PROVIDER_ROW + "')].assignments[0].implementer")
                        .value(hasItem(w.provider().id().toString())));
        // the third hop is expressible, and the rule check flags it
        mvc.perform(get(base + "/check").with(as(customer)))
                .andExpect(jsonPath("$.violations[?(@.check == 'DELEGATION_TOO_DEEP')].duty")
                        .value(hasItem(PROVIDER_ROW)));
        UUID matrix = jdbc.sql("SELECT id FROM responsibility_matrix WHERE system_id = ?")
                .param(w.system().id())
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE object_id = ?")
                        .param(matrix.toString())
                        .query(String.class)
                        .list())
                .contains("responsibility.workbook.import");
        // importing the same file again changes nothing: no new version
        upload(provider, edited, "zh-CN")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(0));
        assertThat(currentVersion()).isEqualTo(before + 1);
    }

    @Test
    void workbookWithThreeBadRowsIsRefusedNamingEachAndNothingIsStored() throws Exception {
        int before = currentVersion();
        byte[] edited = edit(export(customer, "zh-CN"), s -> {
            hops(row(s, PROVIDER_ROW, w.provider().id(), PartyRole.PROVIDER), "不存在的公司", "运维服务协议", "7.3");
            hops(row(s, OTHER_PROVIDER_ROW, w.provider().id(), PartyRole.PROVIDER), om.name(), "没有登记的协议", "7.3");
            hops(
                    row(s, CUSTOMER_ROW, w.customer().id(), PartyRole.CUSTOMER),
                    null,
                    null,
                    null,
                    w.provider().name(),
                    "云服务合同",
                    "7.3");
            // a valid change in a fourth row is not stored either
            hops(row(s, "TCCIA004-6.4-b-1", w.provider().id(), PartyRole.PROVIDER), om.name(), "运维服务协议", "7.3");
        });
        String body = upload(customer, edited, "zh-CN")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:responsibility-workbook-rejected"))
                .andExpect(jsonPath("$.problems.length()").value(3))
                .andExpect(jsonPath("$.problems[*].sheet").value(hasItem("责任分工")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> columns = JsonPath.read(body, "$.problems[*].column");
        assertThat(columns).containsExactlyInAnyOrder("K", "L", "N");
        List<Integer> rows = JsonPath.read(body, "$.problems[*].row");
        assertThat(rows).doesNotHaveDuplicates().allMatch(r -> r > 2);
        List<String> messages = JsonPath.read(body, "$.problems[*].message");
        assertThat(String.join("\n", messages)).contains("“不存在的公司”不是本系统的参与方", "“没有登记的协议”不是本系统已登记的合同协议", "第2层前面有空着的层");
        assertThat(currentVersion()).isEqualTo(before);
    }

    @Test
    void rowChangedOnThePlatformSinceTheExportIsAConflictAndNotApplied() throws Exception {
        byte[] exported = export(customer, "en");
        // the provider hands the work on through the platform meanwhile
        mvc.perform(put(base + "/rows/{duty}", PROVIDER_ROW)
                        .with(as(provider))
                        .with(IfMatch.currentMatrix(jdbc, w.system().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"assignments":[{"organisation":"%s","role":"PROVIDER","chain":[{"to":"%s","agreement":"安全服务协议","clause":"7.3"}]}]}""".formatted(w.provider().id(), security.id())))
                .andExpect(status().isOk());
        int before = currentVersion();
        byte[] edited = edit(exported, s -> {
            hops(row(s, PROVIDER_ROW, w.provider().id(), PartyRole.PROVIDER), om.name(), "运维服务协议", "7.3");
            hops(row(s, OTHER_PROVIDER_ROW, w.provider().id(), PartyRole.PROVIDER), om.name(), "运维服务协议", "7.3");
        });
        upload(customer, edited, "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(1))
                .andExpect(jsonPath("$.conflicts.length()").value(1))
                .andExpect(jsonPath("$.conflicts[0].clause").value("6.2 b)"))
                .andExpect(jsonPath("$.conflicts[0].platform").value(containsString(security.name())))
                .andExpect(jsonPath("$.conflicts[0].workbook").value(containsString(om.name())))
                .andExpect(jsonPath("$.version").value(before + 1));
        mvc.perform(get(base).with(as(customer)))
                .andExpect(jsonPath("$.rows[?(@.duty == '" + PROVIDER_ROW + "')].assignments[0].implementer")
                        .value(hasItem(security.id().toString())))
                .andExpect(jsonPath("$.rows[?(@.duty == '" + OTHER_PROVIDER_ROW + "')].assignments[0].implementer")
                        .value(hasItem(om.id().toString())));
    }

    @Test
    void anotherSystemsWorkbookIsRefused() throws Exception {
        CurrentUser stranger = user(w.stranger().id());
        String strangers = "/api/systems/" + w.strangersSystem().id() + "/responsibility";
        mvc.perform(post(strangers).with(as(stranger))).andExpect(status().isCreated());
        byte[] foreign = mvc.perform(get(strangers + "/workbook.xlsx").with(as(stranger)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        int before = currentVersion();
        upload(customer, foreign, "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].sheet").value("meta"))
                .andExpect(jsonPath("$.problems[0].message").value(containsString("another cloud system")));
        assertThat(currentVersion()).isEqualTo(before);
        // and the stranger cannot read this system's workbook at all
        mvc.perform(get(base + "/workbook.xlsx").with(as(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedByItsContent() throws Exception {
        upload(customer, "%PDF-1.7\n不是表格".getBytes(java.nio.charset.StandardCharsets.UTF_8), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message").value(containsString("application/pdf")));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            z.write("not a workbook".getBytes());
            z.closeEntry();
        }
        upload(customer, zip.toByteArray(), "zh-CN")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message").value(containsString("不是 XLSX 格式")));
    }

    @Test
    void partnerWithoutEditRightsCannotImport() throws Exception {
        byte[] exported = export(user(om.id()), "en");
        upload(user(om.id()), exported, "en").andExpect(status().isForbidden());
        mvc.perform(get(base + "/workbook.xlsx").with(as(user(w.agent().id()))))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    /**
     * Issue 36: what T/CCIA 004-2024 5 b) 2) "实施工作转移至云服务合作者前需签署合同协议" and 5 a) 3) "并应明确云服务提供者对实施
     * 工作的监督权利和责任" ask of an agreement, each hop's hand-over day and the approved exceptions to the "原则上" rules
     * are in the workbook (the day editable and read back, a bad one refused naming its cell) and in the statement.
     */
    @Test
    void handOverDaysAgreementContentsAndExceptionsAreInTheWorkbookAndTheStatement_5b2() throws Exception {
        mvc.perform(post(base + "/agreements")
                        .with(as(provider))
                        .with(IfMatch.currentMatrix(jdbc, w.system().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"name":"安全分包协议","partyA":"%s","partyB":"%s","clauses":["4.1","4.3"],
                        "signedOn":"2026-01-10","supervisionClause":"4.1","accountabilityClause":"4.3"}""".formatted(w.provider().id(), security.id())))
                .andExpect(status().isCreated());
        mvc.perform(put(base + "/rows/{duty}", PROVIDER_ROW)
                        .with(as(provider))
                        .with(IfMatch.currentMatrix(jdbc, w.system().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"assignments":[{"organisation":"%s","role":"PROVIDER","chain":[{"to":"%s",
                        "agreement":"安全分包协议","clause":"4.2","handedOverOn":"2026-02-01"}]}]}""".formatted(w.provider().id(), security.id())))
                .andExpect(status().isOk());
        mvc.perform(post(base + "/exceptions")
                        .with(as(customer))
                        .with(IfMatch.currentMatrix(jdbc, w.system().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"check":"PROVIDER_DELEGATES_ALL_WORK","organisation":"%s","reason":"平台运维整体委托，经客户同意"}""".formatted(w.provider().id())))
                .andExpect(status().isCreated());

        byte[] xlsx = export(customer, "zh-CN");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet s = wb.getSheetAt(0);
            assertThat(s.getRow(1).getCell(20).getStringCellValue()).isEqualTo("第1层转移日期");
            assertThat(row(s, PROVIDER_ROW, w.provider().id(), PartyRole.PROVIDER)
                            .getCell(20)
                            .getStringCellValue())
                    .isEqualTo("2026-02-01");
            var parties = wb.getSheet("参与方与协议");
            assertThat(List.of(
                            parties.getRow(0).getCell(7).getStringCellValue(),
                            parties.getRow(0).getCell(8).getStringCellValue()))
                    .containsExactly("签署日期", "监督权利和责任条款");
            assertThat(parties.getRow(4).getCell(3).getStringCellValue()).isEqualTo("安全分包协议");
            assertThat(parties.getRow(4).getCell(7).getStringCellValue()).isEqualTo("2026-01-10");
            assertThat(wb.getSheet("经批准的规则例外").getRow(1).getCell(3).getStringCellValue())
                    .isEqualTo("平台运维整体委托，经客户同意");
        }
        // the day edited offline is read back; a bad one is refused naming its cell
        byte[] bad = edit(xlsx, s -> row(s, PROVIDER_ROW, w.provider().id(), PartyRole.PROVIDER)
                .getCell(20)
                .setCellValue("二月一日"));
        upload(customer, bad, "zh-CN")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("U"))
                .andExpect(jsonPath("$.problems[0].message").value(containsString("二月一日")));
        byte[] edited = edit(xlsx, s -> row(s, PROVIDER_ROW, w.provider().id(), PartyRole.PROVIDER)
                .getCell(20)
                .setCellValue("2026-02-03"));
        upload(customer, edited, "zh-CN")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(1));
        String matrix = mvc.perform(get(base).with(as(customer)))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(
                        matrix, "$.rows[?(@.duty=='" + PROVIDER_ROW + "')].assignments[0].chain[0].handedOverOn"))
                .containsExactly("2026-02-03");

        byte[] docx = mvc.perform(
                        get(base + "/statement.docx").with(as(customer)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = String.join(
                "",
                java.util.regex.Pattern.compile("<w:t(?: [^>]*)?>([^<]*)</w:t>")
                        .matcher(part(docx, "word/document.xml"))
                        .results()
                        .map(m -> m.group(1))
                        .toList());
        assertThat(text)
                .contains(
                        "签署日期",
                        "监督权利和责任条款",
                        "问责机制条款",
                        "委托方许可分包日期",
                        "2026-01-10",
                        "安全分包协议 4.2），2026-02-03转移",
                        "经批准的规则例外",
                        "平台运维整体委托，经客户同意",
                        "未登记");
        Path out = Path.of("target/statement-i36.docx");
        Files.createDirectories(out.getParent());
        Files.write(out, docx); // rendered through LibreOffice for a look (issue 36 finishing)
    }

    static String part(byte[] docx, String prefix) throws Exception {
        StringBuilder out = new StringBuilder();
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(docx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().startsWith(prefix)) {
                    out.append(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return out.toString();
    }

    @Test
    void statementHasTheSectionsAQuotedRuleSignaturesAndRealPagesInChineseOnly() throws Exception {
        var response = mvc.perform(
                        get(base + "/statement.docx").with(as(customer)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("responsibility-statement-v4-")))
                .andReturn()
                .getResponse();
        assertThat(java.net.URLDecoder.decode(
                        response.getHeader("Content-Disposition"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("云服务安全责任分工说明-门户网站_");
        byte[] docx = response.getContentAsByteArray();
        String xml = part(docx, "word/document.xml");
        String text = String.join(
                "",
                java.util.regex.Pattern.compile("<w:t(?: [^>]*)?>([^<]*)</w:t>")
                        .matcher(xml)
                        .results()
                        .map(m -> m.group(1))
                        .toList());
        String check = mvc.perform(get(base + "/check").with(as(customer)).header("Accept-Language", "zh-CN"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ruleTexts = JsonPath.read(check, "$.violations[*].ruleText");
        List<String> messages = JsonPath.read(check, "$.violations[*].message");
        assertThat(ruleTexts).isNotEmpty();
        assertThat(text)
                .contains(
                        "云服务安全责任分工说明",
                        w.system().name(),
                        "第4版（草稿）",
                        "一、参与方及其角色",
                        w.customer().name(),
                        om.name(),
                        "角色取自本系统登记的客户",
                        "二、合同协议",
                        "运维服务协议",
                        "三、责任分工",
                        "管理层",
                        "四、规则检查结果",
                        "“" + ruleTexts.get(0) + "”",
                        messages.get(0).substring(messages.get(0).indexOf('：')),
                        "五、签认",
                        "签字（盖章）",
                        "________________",
                        "本版本尚未经双方签认批准");
        assertThat(xml)
                .contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"", "w:pgMar", "w:footerReference", "w:headerReference");
        assertThat(xml.lastIndexOf("<w:sectPr")).isGreaterThan(xml.lastIndexOf("<w:p>"));
        assertThat(part(docx, "word/footer")).contains("PAGE", "第 ");
        assertThat(part(docx, "word/header")).contains(w.system().name());
        // no English in the Chinese document: every Latin word is one the standard's own Chinese text uses
        String rest = text.replace(w.system().name(), "")
                .replace(w.customer().name(), "")
                .replace(w.provider().name(), "")
                .replace(w.agent().name(), "")
                .replace(om.name(), "")
                .replace(security.name(), "");
        java.util.Set<String> allowed = new java.util.HashSet<>(List.of("T", "CCIA"));
        catalog.find(org.yunjian.catalog.RequirementFilter.items().standard("TCCIA004"))
                .forEach(r -> java.util.regex.Pattern.compile("[A-Za-z]+")
                        .matcher(r.text() == null ? "" : r.text())
                        .results()
                        .forEach(m -> allowed.add(m.group())));
        List<String> latin = java.util.regex.Pattern.compile("[A-Za-z]+")
                .matcher(rest)
                .results()
                .map(m -> m.group())
                .filter(x -> !allowed.contains(x) && !x.matches("[a-z]"))
                .distinct()
                .toList();
        assertThat(latin).isEmpty();

        byte[] en = mvc.perform(get(base + "/statement.docx").with(as(customer)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(part(en, "word/document.xml"))
                .contains(
                        "Statement of Cloud Service Security Responsibilities",
                        "1 Participants and their roles",
                        "5 Signatures")
                .doesNotContain("参与方及其角色");
        assertThat(part(en, "word/footer")).contains("Page ");
    }

    @Test
    void pageOffersTheDownloadsAndShowsAnImportOrItsProblems() throws Exception {
        String page = "/systems/" + w.system().id() + "/responsibility/workbook";
        mvc.perform(get(page).with(as(customer)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"download-workbook\"")))
                .andExpect(content().string(containsString("/responsibility/statement.docx")))
                .andExpect(content().string(containsString("id=\"import-workbook\"")))
                .andExpect(content().string(containsString(w.system().name())));
        byte[] edited = edit(
                export(customer, "zh-CN"),
                s -> hops(row(s, PROVIDER_ROW, w.provider().id(), PartyRole.PROVIDER), om.name(), "运维服务协议", "7.3"));
        var done = mvc.perform(multipart(page)
                        .file(new MockMultipartFile("file", "m.xlsx", null, edited))
                        .with(as(customer)))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        mvc.perform(get(page)
                        .with(as(customer))
                        .header("Accept-Language", "zh-CN")
                        .flashAttrs(done.getFlashMap()))
                .andExpect(content().string(containsString("已应用1行，未改动")));
        var bad = mvc.perform(multipart(page)
                        .file(new MockMultipartFile(
                                "file", "m.xlsx", null, "不是表格".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(as(customer))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        mvc.perform(get(page)
                        .with(as(customer))
                        .header("Accept-Language", "zh-CN")
                        .flashAttrs(bad.getFlashMap()))
                .andExpect(content().string(containsString("不是 XLSX 格式")));
        // a partner reads, but gets no upload form
        mvc.perform(get(page).with(as(user(om.id()))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"import-workbook\""))));
        mvc.perform(get(page).with(as(user(w.stranger().id())))).andExpect(status().isNotFound());
    }

    @Autowired
    org.yunjian.cli.CliRunner cli;

    @Autowired
    org.yunjian.security.UserAdministration users;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    int run(java.io.StringWriter out, java.io.StringWriter err, String... args) {
        var commandLine = cli.commandLine();
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        try {
            return commandLine.execute(args);
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void commandLineExportsImportsAndWritesTheStatement() throws Exception {
        String username = "cli-r-" + UUID.randomUUID().toString().substring(0, 8);
        org.yunjian.security.TestAccounts.create(
                users,
                new org.yunjian.security.UserAdministration.NewUser(
                        username,
                        "命令行客户",
                        org.yunjian.security.Role.USER,
                        w.customer().id(),
                        "Customer-Cli-Test-2026!"));
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        java.nio.file.Path xlsx = dir.resolve("matrix.xlsx");
        String system = w.system().id().toString();
        assertThat(run(
                        out,
                        err,
                        "responsibility",
                        "export-workbook",
                        "--system",
                        system,
                        "--out",
                        xlsx.toString(),
                        "--as",
                        username))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("已写出");
        java.nio.file.Files.write(
                xlsx,
                edit(
                        java.nio.file.Files.readAllBytes(xlsx),
                        s -> hops(
                                row(s, PROVIDER_ROW, w.provider().id(), PartyRole.PROVIDER),
                                security.name(),
                                "安全服务协议",
                                "7.3")));
        int before = currentVersion();
        assertThat(run(
                        out,
                        err,
                        "responsibility",
                        "import-workbook",
                        "--system",
                        system,
                        "--file",
                        xlsx.toString(),
                        "--as",
                        username))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("应用 1 行", "形成第 " + (before + 1) + " 版草稿");
        assertThat(currentVersion()).isEqualTo(before + 1);
        java.nio.file.Path bad = dir.resolve("bad.xlsx");
        java.nio.file.Files.write(
                bad,
                edit(
                        java.nio.file.Files.readAllBytes(xlsx),
                        s -> hops(row(s, PROVIDER_ROW, w.provider().id(), PartyRole.PROVIDER), "不存在的公司")));
        assertThat(run(
                        out,
                        err,
                        "responsibility",
                        "import-workbook",
                        "--system",
                        system,
                        "--file",
                        bad.toString(),
                        "--as",
                        username))
                .isEqualTo(1);
        assertThat(err.toString()).contains("工作表“责任分工”第", "K 列", "“不存在的公司”不是本系统的参与方");
        java.nio.file.Path docx = dir.resolve("statement.docx");
        assertThat(run(
                        out,
                        err,
                        "responsibility",
                        "statement",
                        "--system",
                        system,
                        "--out",
                        docx.toString(),
                        "--as",
                        username))
                .isZero();
        assertThat(part(java.nio.file.Files.readAllBytes(docx), "word/document.xml"))
                .contains("云服务安全责任分工说明", "第" + (before + 1) + "版");
    }
}
