package org.yunjian.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.yunjian.documents.PdfRenderer;
import org.yunjian.monitoring.Alert;
import org.yunjian.monitoring.AlertStatus;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.CheckRun;
import org.yunjian.monitoring.report.OperationFigures;
import org.yunjian.monitoring.report.OperationFigures.MonitorInput;
import org.yunjian.monitoring.report.OperationFigures.Sample;
import org.yunjian.monitoring.report.OperationReport;
import org.yunjian.monitoring.report.ReportDocx;
import org.yunjian.monitoring.report.ReportMonth;
import org.yunjian.shared.Msg;
import org.yunjian.support.LibreOffice;

/**
 * The 安全运行报告 as people get it: the Word document read back by POI (title, the guide's reference, the summary
 * first, the figures, kinds by their labels, handlers by display name, the close note) and opened by LibreOffice; the
 * PDF's text with the Chinese title and the same figures; the English rendering in English. Without Spring: the
 * documents are written from figures of a month built here.
 */
class OperationReportDocumentsTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
    static final ReportMonth OCTOBER = ReportMonth.parse("2026-10", BEIJING, NOW);
    static final UUID HOME = UUID.fromString("00000000-0000-0000-0000-000000000001");

    static Instant bj(String local) {
        return java.time.LocalDateTime.parse(local.replace(' ', 'T'))
                .atZone(BEIJING)
                .toInstant();
    }

    static OperationReport report(Locale language) {
        List<Sample> probes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            probes.add(new Sample(bj("2026-10-01 08:00").plusSeconds(300L * i), 100L * (i + 1), true));
        }
        probes.add(new Sample(bj("2026-10-02 10:00"), 10_000, false));
        probes.add(new Sample(bj("2026-10-02 12:05"), 90, true));
        Alert tamper = new Alert(
                UUID.randomUUID(),
                HOME,
                UUID.randomUUID(),
                CheckKind.TAMPERING,
                "page",
                Msg.of("monitoring.alert.recovered"),
                null,
                AlertStatus.CLOSED,
                bj("2026-10-05 09:30"),
                bj("2026-10-05 09:30"),
                "provider",
                bj("2026-10-05 09:40"),
                "customer",
                bj("2026-10-05 11:00"),
                "已恢复首页并修改后台口令",
                null,
                3);
        Alert hidden = new Alert(
                UUID.randomUUID(),
                HOME,
                UUID.randomUUID(),
                CheckKind.HIDDEN_LINK,
                "http://casino.example/",
                Msg.of("monitoring.alert.recovered"),
                null,
                AlertStatus.OPEN,
                bj("2026-10-20 14:00"),
                bj("2026-10-20 14:00"),
                null,
                null,
                null,
                null,
                null,
                null,
                1);
        OperationFigures f = OperationFigures.of(
                OCTOBER,
                NOW,
                List.of(new MonitorInput(HOME, "门户首页", "https://www.example.gov.cn/", probes)),
                List.of(tamper, hidden));
        return OperationReport.of(
                "示例市人民政府门户网站",
                f,
                SCOPE,
                Map.of("provider", "王运维", "customer", "李主任"),
                Instant.parse("2026-11-26T02:00:00Z"),
                language);
    }

    /**
     * The home page probed every 5 minutes in the month (8,640 probes, no gap over 6 minutes) with an approved baseline,
     * on https (the certificate checked hourly), no word list imported and no approved addresses: no harmful-content or
     * DNS compliance check, no response-time threshold; the deep checks daily.
     */
    static final OperationReport.Scope SCOPE = new OperationReport.Scope(
            List.of(new org.yunjian.monitoring.CheckScope(
                    "门户首页",
                    "https://www.example.gov.cn/",
                    List.of(
                            new CheckRun(CheckKind.AVAILABILITY, 8640, 360),
                            new CheckRun(CheckKind.TAMPERING, 8640, 360),
                            new CheckRun(CheckKind.HIDDEN_LINK, 8640, 360),
                            new CheckRun(CheckKind.MALICIOUS_SCRIPT, 8640, 360),
                            new CheckRun(CheckKind.PRIVACY_LEAK, 8640, 360),
                            new CheckRun(CheckKind.TLS, 720, 3600),
                            new CheckRun(CheckKind.DEAD_LINK, 30, 86400),
                            new CheckRun(CheckKind.EXTERNAL_DOMAIN, 30, 86400)))),
            null);

    static ReportPdf pdf() {
        org.thymeleaf.spring6.SpringTemplateEngine engine = new org.thymeleaf.spring6.SpringTemplateEngine();
        org.thymeleaf.templateresolver.ClassLoaderTemplateResolver resolver =
                new org.thymeleaf.templateresolver.ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
        return new ReportPdf(PdfRenderer.locatingFont(Optional.empty()), engine);
    }

    /** Where a person looking at the documents finds them ({@code -Dyunjian.report.out=DIR}). */
    static void keep(String name, byte[] content) throws IOException {
        String dir = System.getProperty("yunjian.report.out");
        if (dir != null) {
            Files.write(Files.createDirectories(Path.of(dir)).resolve(name), content);
        }
    }

    @Test
    void theWordDocumentHasTheTitleTheSummaryFirstTheFiguresAndTheHandling() throws IOException {
        byte[] docx = ReportDocx.write(report(Locale.SIMPLIFIED_CHINESE));
        keep("report-zh.docx", docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText().replace('\u00a0', ' ');
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("网站安全监测月报");
            assertThat(text)
                    .contains("示例市人民政府门户网站 · 2026-10 网站安全监测")
                    .contains("《政府网站云计算服务安全指南》8.4.1")
                    .doesNotContain("8.4.1.2 可用性监测")
                    .contains("统计期间：2026-10-01 00:00 至 2026-11-01 00:00（中国时间）")
                    // 9 OK of 10 probes; mean (100 + … + 800 + 90) / 9 = 3690 / 9 = 410; P95 = the 9th of 9 = 800
                    .contains("本月 1 个监测项共检测 10 次，可用率 90.00 %；新发告警 2 条，其中 1 条已在月内关闭；月末仍有 1 条告警未关闭。")
                    .contains("最长中断：“门户首页”自 2026-10-02 10:00 起，持续 2 小时 5 分钟。");
            assertThat(text.indexOf("一、概要")).isLessThan(text.indexOf("二、可用性与响应时间"));
            List<XWPFTable> tables = doc.getTables();
            assertThat(tables).hasSize(5);
            String availability = tables.get(0).getText().replace('\u00a0', ' ');
            assertThat(availability).contains("门户首页", "10", "9", "90.00 %", "410 毫秒", "800 毫秒", "2 小时 5 分钟");
            String kinds = tables.get(1).getText().replace('\u00a0', ' ');
            assertThat(kinds).contains("网页篡改", "暗链", "可用性", "合计").doesNotContain("TAMPERING", "HIDDEN_LINK");
            String handling = tables.get(2).getText().replace('\u00a0', ' ');
            assertThat(handling)
                    .contains("2026-10-05 09:30", "2026-10-05 09:40", "王运维", "2026-10-05 11:00", "李主任")
                    .contains("已恢复首页并修改后台口令")
                    .doesNotContain("provider", "customer");
            assertThat(tables.get(3).getText().replace('\u00a0', ' ')).contains("暗链", "2026-10-20 14:00", "未处理");
            // issue 59: the scope — what each monitor performed, and what not — and only the clauses it evidences
            assertThat(text.indexOf("五、月末未关闭的告警")).isLessThan(text.lastIndexOf("六、监测范围"));
            String scope = tables.get(4).getText().replace('\u00a0', ' ');
            assertThat(scope).contains("门户首页", "8640 次，最长间隔 6 分钟", "网页篡改", "有害信息", "域名及IP合规");
            assertThat(text)
                    .contains("平台内置示例词仅为占位词，不作为检测依据")
                    .contains("8.4.1.3 b) 网页内容篡改的实时监测", "8.4.1.5 a) 网站业务、网络状态的实时监测")
                    .doesNotContain("8.4.1.2 b) 域名及IP合规性检测")
                    .contains("不超过 15 分钟", "平台默认值", "本月的运行记录");
            // a check no monitor performs found nothing because it did not look: "未开展", not 0
            assertThat(kinds).contains("未开展");
            assertThat(doc.getHeaderList().get(0).getText()).contains("网站安全监测月报 · 示例市人民政府门户网站");
        }
        byte[] pdf = LibreOffice.toPdf(docx, "operation-report");
        keep("report-zh-libreoffice.pdf", pdf);
        try (PDDocument lo = Loader.loadPDF(pdf)) {
            String shown = new PDFTextStripper().getText(lo).replace('\u00a0', ' ');
            assertThat(shown).contains("网站安全监测月报", "90.00 %", "李主任");
        }
    }

    @Test
    void thePdfHasTheChineseTitleAndTheFiguresAndTheEnglishOneIsInEnglish() throws IOException {
        ReportPdf renderer = pdf();
        byte[] zh = renderer.render(report(Locale.SIMPLIFIED_CHINESE), OCTOBER);
        org.yunjian.support.Qpdf.check(zh, "monitoring-report"); // issue 60
        org.yunjian.support.PdfA.checkRecord(zh, "monitoring-report"); // PDF/A-2a, tagged (PDF/UA-1)
        keep("report-zh.pdf", zh);
        try (PDDocument doc = Loader.loadPDF(zh)) {
            String text = new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
            assertThat(text)
                    .contains("网站安全监测月报", "政府网站云计算服务安全指南", "8.4")
                    .contains("90.00 %", "410 毫秒", "800 毫秒", "网页篡改", "王运维", "李主任")
                    .contains("2026-10-05 09:30", "2026-10-05 09:40", "2026-10-05 11:00")
                    .contains("第 1 页");
            assertThat(text.replaceAll("\\s+", "")).contains("已恢复首页并修改后台口令");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("网站安全监测月报");
        }
        byte[] en = renderer.render(report(Locale.ENGLISH), OCTOBER);
        org.yunjian.support.Qpdf.check(en, "monitoring-report-en");
        org.yunjian.support.PdfA.checkRecord(en, "monitoring-report-en");
        keep("report-en.pdf", en);
        try (PDDocument doc = Loader.loadPDF(en)) {
            String text = new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
            assertThat(text)
                    .contains("Website security monitoring report", "1 Summary", "Availability", "90.00 %", "410 ms")
                    .contains("Tampering")
                    .contains("Page 1");
        }
    }
}
