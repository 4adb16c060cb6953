package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Jdbc;

/**
 * The monthly 安全运行报告 through REST and the system's page, against a website the test serves on loopback: the
 * month's probes (run now against the site, and last month's as stored) and alerts give the figures in the Word
 * document and the PDF; a malformed or future month is refused naming the field (400 from the API, the page again
 * with the error next to the month picker); a stranger gets 404.
 */
class OperationReportApiTests extends MonitoringWorldTests {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Override
    protected String page() {
        return HOME;
    }

    String reports() {
        return "/api/systems/" + w.system().id() + "/monitoring/reports/";
    }

    static Instant at(YearMonth month, int day, String time) {
        return month.atDay(day)
                .atTime(java.time.LocalTime.parse(time))
                .atZone(Formats.zone())
                .toInstant();
    }

    void alert(UUID monitor, String kind, Instant opened, String closedBy, Instant closed, String note) {
        jdbc.sql("""
                        INSERT INTO monitor_alert (id, monitor_id, system_id, kind, subject, message, status, opened_at,
                        last_seen_at, closed_by, closed_at, close_note, version)
                        VALUES (?, ?, ?, ?, 'page', ?, ?, ?, ?, ?, ?, ?, 1)""")
                .params(
                        UUID.randomUUID(),
                        monitor,
                        w.system().id(),
                        kind,
                        org.yunjian.shared.Msg.of(org.yunjian.shared.Texts.VERBATIM, "首页被改动")
                                .encode(),
                        closed == null ? "OPEN" : "CLOSED",
                        Jdbc.utc(opened),
                        Jdbc.utc(opened),
                        closedBy,
                        closed == null ? null : Jdbc.utc(closed),
                        note)
                .update();
    }

    @Test
    void lastMonthsFiguresAndAlertsInTheWordDocumentAndThePdf() throws Exception {
        UUID m = addMonitor();
        YearMonth last = YearMonth.now(Formats.zone()).minusMonths(1);
        probe(m, at(last, 1, "08:00"), 100, "OK");
        probe(m, at(last, 1, "08:05"), 300, "OK");
        probe(m, at(last, 2, "10:00"), 10_000, "TIMEOUT");
        probe(m, at(last, 2, "10:45"), 200, "OK");
        alert(m, "TAMPERING", at(last, 5, "09:30"), "user-someone", at(last, 5, "11:00"), "已恢复首页");
        alert(m, "HIDDEN_LINK", at(last, 20, "14:00"), null, null, null);

        byte[] docx = request(get(reports() + last + "?format=docx"), provider)
                .andExpect(status().isOk())
                .andExpect(content().contentType(DOCX))
                .andExpect(header().string(
                                "Content-Disposition",
                                org.hamcrest.Matchers.containsString("security-operation-report-" + last + ".docx")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText().replace('\u00a0', ' '))
                    .contains("网站安全监测月报", "《政府网站云计算服务安全指南》8.4")
                    // 3 OK of 4: 75.00 %; mean (100 + 300 + 200) / 3 = 200 ms; P95 300 ms; outage 10:00 → 10:45
                    .contains("本月 1 个监测项共检测 4 次，可用率 75.00 %；新发告警 2 条，其中 1 条已在月内关闭；月末仍有 1 条告警未关闭。")
                    .contains("200 毫秒", "300 毫秒", "45 分钟")
                    .contains("网页篡改", "暗链", "首页被改动", "已恢复首页")
                    .doesNotContain("TAMPERING", "HIDDEN_LINK");
        }

        byte[] pdf = request(get(reports() + last).accept(MediaType.APPLICATION_PDF), customer)
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc).replace('\u00a0', ' '))
                    .contains("网站安全监测月报", "75.00 %", "200 毫秒", "300 毫秒");
        }

        byte[] en = request(get(reports() + last + "?format=pdf").header("Accept-Language", "en"), customer)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(en)) {
            assertThat(new PDFTextStripper().getText(doc).replace('\u00a0', ' '))
                    .contains("1 Summary", "75.00 %", "Tampering");
        }
    }

    @Test
    void theCurrentMonthCountsTheProbesRunNow() throws Exception {
        UUID m = addMonitor();
        request(post("/api/monitors/" + m + "/run"), customer).andExpect(status().isOk());
        String month = YearMonth.now(Formats.zone()).toString();
        byte[] docx = request(get(reports() + month + "?format=docx"), customer)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String probes = jdbc.sql("SELECT COUNT(*) FROM monitor_probe WHERE monitor_id = ?")
                    .param(m)
                    .query(Long.class)
                    .single()
                    .toString();
            assertThat(text.getText().replace('\u00a0', ' '))
                    .contains("本月尚未结束")
                    .contains("共检测 " + probes + " 次，可用率 100.00 %")
                    .contains("本月各监测项均无检测失败。");
        }
    }

    @Test
    void aMalformedOrFutureMonthOrUnknownFormatIsRefusedNamingTheFieldAndStrangersGet404() throws Exception {
        String next = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(2).toString();
        for (String bad : new String[] {"2026-13", "202610", "last", next}) {
            request(get(reports() + bad).accept(MediaType.APPLICATION_JSON), customer)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.month").isString());
        }
        // a client that asked for the document only still learns why (never a 406 or a 500)
        request(get(reports() + "2026-13").accept(MediaType.APPLICATION_PDF), customer)
                .andExpect(status().isBadRequest());
        request(get(reports() + "2026-13").accept(MediaType.parseMediaType(DOCX)), customer)
                .andExpect(status().isBadRequest());
        String month = YearMonth.now(Formats.zone()).minusMonths(1).toString();
        request(get(reports() + month + "?format=xlsx").accept(MediaType.APPLICATION_JSON), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.format").isString());
        request(get(reports() + month), stranger).andExpect(status().isNotFound());
        request(get("/systems/" + w.system().id() + "/monitoring/report?month=" + month), stranger)
                .andExpect(status().isNotFound());
    }

    @Test
    void theSystemPageOffersTheMonthAndRefusesABadOneNextToThePicker() throws Exception {
        String page = "/systems/" + w.system().id() + "/monitoring";
        String last = YearMonth.now(Formats.zone()).minusMonths(1).toString();
        String html = request(get(page), provider)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Document d = org.jsoup.Jsoup.parse(html);
        assertThat(d.select("#operation-report h2").text()).isEqualTo("网站安全监测月报");
        assertThat(d.select("#report-month").attr("value")).isEqualTo(last);
        assertThat(d.select("#report-docx").attr("value")).isEqualTo("docx");

        request(get(page + "/report").param("month", last).param("format", "docx"), provider)
                .andExpect(status().isOk())
                .andExpect(content().contentType(DOCX));

        String refused = request(get(page + "/report").param("month", "2026/10").param("format", "pdf"), provider)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Document r = org.jsoup.Jsoup.parse(refused);
        assertThat(r.select("#error-month").text()).contains("2026-10");
        assertThat(r.select("#report-month").attr("value")).isEqualTo("2026/10");
    }
}
