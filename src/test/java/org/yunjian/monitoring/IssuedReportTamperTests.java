package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.yunjian.crypto.Sm2;
import org.yunjian.crypto.Sm3;
import org.yunjian.exit.ReportSeal;
import org.yunjian.shared.Formats;
import org.yunjian.shared.keys.PlatformSigningKey;

/**
 * The third attack's second half of finding 2 (issue 56): an issued monthly report's PDF replaced in the database (its
 * SM3 column too) was served with the altered {@code X-Content-SM3} and listed as the record's. Now every download
 * checks the stored file against the signed manifest: REST answers a problem, the page the error page in the reader's
 * language, never the altered bytes; the system page says which file does not match its signed record and shows the
 * SM3 the manifest signed; a manifest that does not verify (or belongs to another record) refuses every file of the
 * record; the refusal is audited; the unaltered files still download. Same context as {@link MonitorApiTests}.
 */
class IssuedReportTamperTests extends MonitoringWorldTests {

    @Autowired
    PlatformSigningKey key;

    final YearMonth last = YearMonth.now(Formats.zone()).minusMonths(1);

    @Override
    protected String page() {
        return HOME;
    }

    String reports() {
        return "/api/systems/" + w.system().id() + "/monitoring/reports/";
    }

    String systemPage() {
        return "/systems/" + w.system().id() + "/monitoring";
    }

    UUID issue() throws Exception {
        addMonitor();
        String json = json(request(
                        post(reports() + last + "/issue")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"confirm\":true}"),
                        customer)
                .andExpect(status().isCreated()));
        return UUID.fromString(JsonPath.read(json, "$.id"));
    }

    MockHttpServletResponse download(String query) throws Exception {
        return request(get(reports() + last + query).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"), customer)
                .andReturn()
                .getResponse();
    }

    /** The SM3 the signed manifest names for the file of {@code format} in {@code language}. */
    String signedSm3(UUID issue, String format, String language) {
        byte[] manifest = jdbc.sql("SELECT manifest FROM monitor_report_issue WHERE id = ?")
                .param(issue)
                .query(byte[].class)
                .single();
        return ReportSeal.verify(manifest, key.pair().getPublic()).files().stream()
                .map(f -> (Map<?, ?>) f)
                .filter(f -> format.equals(f.get("format")) && language.equals(f.get("language")))
                .map(f -> (String) f.get("sm3"))
                .findFirst()
                .orElseThrow();
    }

    Document systemPageAs() throws Exception {
        return Jsoup.parse(json(request(get(systemPage()).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"), customer)
                .andExpect(status().isOk())));
    }

    @Test
    void aReplacedPdfIsRefusedOnEveryDownloadAndThePageSaysSo() throws Exception {
        UUID issue = issue();
        String signed = signedSm3(issue, "PDF", "zh");
        MockHttpServletResponse ok = download("?format=pdf&language=zh");
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.getHeader("X-Content-SM3")).isEqualTo(signed);
        assertThat(Sm3.hex(ok.getContentAsByteArray())).isEqualTo(signed);

        // the attack: another PDF in place of the record's, and its SM3 and size in the row's columns
        byte[] forged = "%PDF-1.7\n% not the issued report\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        jdbc.sql("UPDATE monitor_report_file SET content = ?, sm3 = ?, size_bytes = ? "
                        + "WHERE issue_id = ? AND format = 'PDF' AND language = 'zh'")
                .params(forged, Sm3.hex(forged), forged.length, issue)
                .update();

        MockHttpServletResponse rest = download("?format=pdf&language=zh");
        assertThat(rest.getStatus()).isEqualTo(500);
        assertThat(rest.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(rest.getHeader("X-Content-SM3")).isNull();
        String problem = rest.getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(problem, "$.type")).isEqualTo("urn:yunjian:problem:monitor-report-altered");
        assertThat((String) JsonPath.read(problem, "$.detail")).contains("签名清单", signed);
        assertThat(rest.getContentAsByteArray()).isNotEqualTo(forged);

        // the page's download: the error page in the reader's language, not the bytes
        MockHttpServletResponse pageDownload = request(
                        get(systemPage() + "/report")
                                .param("month", last.toString())
                                .param("format", "pdf")
                                .param("language", "zh")
                                .cookie(new jakarta.servlet.http.Cookie("yunjian-lang", "en")),
                        customer)
                .andReturn()
                .getResponse();
        assertThat(pageDownload.getStatus()).isEqualTo(500);
        assertThat(pageDownload.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
        assertThat(Jsoup.parse(pageDownload.getContentAsString(StandardCharsets.UTF_8))
                        .select("#error-detail")
                        .text())
                .contains("does not match its signed manifest");

        // the page: the file named as not matching, with the SM3 the manifest signed, not the column's
        Document page = systemPageAs();
        assertThat(page.select(".issued-altered").text()).contains("与签名清单不符");
        assertThat(page.select(".issued-row code.sm3").eachText())
                .contains(signed)
                .doesNotContain(Sm3.hex(forged));

        // the other files of the record still download; the refusal is audited
        assertThat(download("?format=pdf&language=en").getStatus()).isEqualTo(200);
        assertThat(download("?format=docx&language=zh").getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'monitor.report.altered' "
                                + "AND outcome = 'FAILURE' AND object_id = ?")
                        .param(w.system().id().toString())
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void aManifestThatDoesNotVerifyRefusesEveryFileOfTheRecord() throws Exception {
        UUID issue = issue();
        // re-signed with another key (a writer of the database has no platform key), and its SM3 column to match
        byte[] manifest = jdbc.sql("SELECT manifest FROM monitor_report_issue WHERE id = ?")
                .param(issue)
                .query(byte[].class)
                .single();
        var other = Sm2.generateKeyPair();
        byte[] resigned = ReportSeal.sign(
                ReportSeal.verify(manifest, key.pair().getPublic()).content(), other.getPrivate(), other.getPublic());
        jdbc.sql("UPDATE monitor_report_issue SET manifest = ?, manifest_sm3 = ? WHERE id = ?")
                .params(resigned, Sm3.hex(resigned), issue)
                .update();

        MockHttpServletResponse pdf = download("?format=pdf&language=en");
        assertThat(pdf.getStatus()).isEqualTo(500);
        assertThat((String) JsonPath.read(pdf.getContentAsString(StandardCharsets.UTF_8), "$.type"))
                .isEqualTo("urn:yunjian:problem:monitor-report-altered");
        assertThat(request(get(reports() + last + "/manifest"), customer)
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(500);
        Document page = systemPageAs();
        assertThat(page.select(".issued-altered").text()).contains("签名清单无法验证");
        assertThat(page.select(".issued-row code.sm3").eachText())
                .as("no SM3 of a manifest or of files that nothing signed")
                .isEmpty();
    }
}
