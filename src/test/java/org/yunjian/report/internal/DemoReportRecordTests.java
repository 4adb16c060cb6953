package org.yunjian.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yunjian.demo.DemoData;
import org.yunjian.report.Reports;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.PdfInspection;
import org.yunjian.support.TestDatabases;

/**
 * The demo's completed assessment as a regulator receives it: the 被测对象 chapter lists the portal's 测评对象, the
 * sign-off page carries signature lines with the demo team's names and dates and the 测评机构（盖章）block, and the
 * front matter opens with the 基本信息表 — in the PDF's text and in the Word document.
 */
@SpringBootTest(properties = "yunjian.demo=true")
@Tag("database")
@org.yunjian.support.OnePass
class DemoReportRecordTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.freshDemo("demo_report_record", registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAdministration users;

    @Autowired
    Reports reports;

    @Test
    void theDemoReportListsTheTargetsAndHasSignatureLinesAndTheSealBlock() throws Exception {
        byte[] pdf = export(Reports.Format.PDF);
        PdfInspection inspection = new PdfInspection(pdf);
        String all = inspection
                .text(1, inspection.pages())
                .replaceAll("[ \\t]+", " ")
                .replace(" \n", " ");
        assertThat(all)
                .contains(
                        "网络安全等级测评基本信息表",
                        "测评对象",
                        "运维堡垒机",
                        "PostgreSQL 15.6",
                        "对象类型",
                        "关键",
                        "测评机构（盖章）：" + DemoData.ASSESSOR.name(),
                        "签字",
                        name(DemoData.ASSESSOR_USER),
                        name(DemoData.ASSESSMENT_REVIEWER),
                        name(DemoData.ASSESSMENT_APPROVER));
        assertThat(inspection.missingGlyphs(1, inspection.pages())).isEmpty();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(export(Reports.Format.DOCX)))) {
            String cells = String.join(
                    "\n",
                    doc.getTables().stream()
                            .flatMap(t -> t.getRows().stream())
                            .flatMap(r -> r.getTableCells().stream())
                            .map(c -> c.getText())
                            .toList());
            assertThat(cells)
                    .contains(
                            "运维堡垒机",
                            "openEuler 22.03 LTS SP3 / Nginx 1.24",
                            "签字",
                            "批准人\n" + name(DemoData.ASSESSMENT_APPROVER));
            String body = String.join(
                    "\n",
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(body).contains("测评机构（盖章）：" + DemoData.ASSESSOR.name());
        }
    }

    private byte[] export(Reports.Format format) throws Exception {
        UUID id = jdbc.sql("SELECT a.id FROM assessment a JOIN cloud_system s ON s.id = a.system_id "
                        + "WHERE s.name = ? AND a.status = 'COMPLETED'")
                .param(DemoData.PORTAL_SYSTEM)
                .query(UUID.class)
                .list()
                .get(0);
        byte[][] out = new byte[1][];
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        try {
            SeedActor.run(
                    SeedActor.account(users, DemoData.ASSESSOR_USER).orElseThrow(),
                    () -> out[0] = reports.export(id, format, "test").content());
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        // kept for a look at the pages (pdftoppm, soffice)
        Files.write(Path.of(System.getProperty("java.io.tmpdir"), "demo-report." + format.extension()), out[0]);
        return out[0];
    }

    private static String name(String username) {
        return DemoData.ACCOUNTS.stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElseThrow()
                .displayName();
    }
}
